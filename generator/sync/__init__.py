"""A fetch from GitHub merged into the snapshot store (one JSON file, atomic, last good kept)."""

from generator.sync.progress import for_terminal
from generator.sync.run import (
    SyncOutcome,
    SyncResult,
    failure_message,
    merge,
    skip_message,
    summary,
    sync,
    sync_if_configured,
    when,
)
from generator.sync.store import backup_path, from_json, load, load_or_empty, save, to_json

__all__ = [
    "SyncOutcome",
    "SyncResult",
    "backup_path",
    "failure_message",
    "for_terminal",
    "from_json",
    "load",
    "load_or_empty",
    "merge",
    "save",
    "skip_message",
    "summary",
    "sync",
    "sync_if_configured",
    "to_json",
    "when",
]
