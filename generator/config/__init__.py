"""The board's configuration: the ``ideaboard`` plugin entry in ``mkdocs.yml``.

``IdeaboardConfig`` is the mkdocs config schema, so mkdocs validates it with its
usual messages when it loads the plugin.  The CLI reads the same entry through
``load_settings``.  Both hand the rest of the code a frozen ``Settings``: plain
data with paths resolved against the folder that holds ``mkdocs.yml``.
"""

from generator.config.options import (
    ENV_NAME_RE,
    LAYOUTS,
    MAX_DAYS,
    PEOPLE_PAGES_AUTO,
    PLUGIN_NAME,
    REPO_RE,
    people_pages_on,
)
from generator.config.schema import IdeaboardConfig
from generator.config.settings import (
    Settings,
    default_settings,
    load_settings,
    settings_from,
    validate_options,
)
from generator.config.sync import SyncSettings

__all__ = [
    "ENV_NAME_RE",
    "LAYOUTS",
    "MAX_DAYS",
    "PEOPLE_PAGES_AUTO",
    "PLUGIN_NAME",
    "REPO_RE",
    "IdeaboardConfig",
    "Settings",
    "SyncSettings",
    "default_settings",
    "load_settings",
    "people_pages_on",
    "settings_from",
    "validate_options",
]
