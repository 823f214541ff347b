"""``Settings``: the board's options as frozen plain data, and reading them from ``mkdocs.yml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from generator.config.language import board_language
from generator.config.options import PLUGIN_NAME
from generator.config.schema import IdeaboardConfig
from generator.config.sync import SyncSettings
from generator.errors import IdeaboardError


@dataclass(frozen=True)
class Settings:
    """The validated configuration, as plain data, with paths made absolute."""

    root: Path
    repo: str
    label: str
    ideas_dir: Path
    snapshot: Path
    statuses: dict[str, str]
    initial_status: str
    milestones: tuple[int, ...]
    tags: tuple[str, ...]
    author_votes: bool
    trending_days: int
    recently_shipped_days: int
    api_url: str
    token_env: str
    max_rate_limit_wait: int
    max_file_size: int
    stale_days: int
    milestone_comments: bool
    notify_voters: tuple[str, ...] = ()
    site_url: str = ""
    site_name: str = "Ideas"
    language: str = "en"
    status_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    #: People pages: ``True``, ``False`` or ``"auto"`` (see ``options.people_pages_on``).
    people_pages: bool | str = True
    #: Where new idea files go: ``ideas/<slug>.yaml`` (flat) or ``ideas/<year>/<slug>.yaml``.
    layout: str = "flat"
    sync: SyncSettings = field(default_factory=SyncSettings)

    def category(self, status: str) -> str:
        """The category of a configured status."""
        return self.statuses[status]

    def statuses_in(self, *categories: str) -> tuple[str, ...]:
        """The configured statuses of the given categories, in board order."""
        return tuple(s for s, cat in self.statuses.items() if cat in categories)

    def status_label(self, status: str) -> str:
        """The GitHub label that mirrors a status: ``status: planned``."""
        return f"status: {status}"

    @property
    def issue_base_url(self) -> str:
        """Where issues live on the web, for links: ``https://github.com/owner/name/issues``."""
        if self.api_url == "https://api.github.com":
            host = "https://github.com"
        else:  # GitHub Enterprise Server: https://HOST/api/v3
            host = self.api_url.removesuffix("/api/v3")
        return f"{host}/{self.repo}/issues"


def settings_from(
    config: IdeaboardConfig | dict[str, Any],
    root: Path,
    site_url: str = "",
    site_name: str = "Ideas",
    language: str | None = None,
) -> Settings:
    """Turn a validated plugin config into ``Settings``."""
    return Settings(
        root=root,
        repo=config["repo"],
        label=config["label"],
        ideas_dir=(root / config["ideas_dir"]).resolve(),
        snapshot=(root / config["snapshot"]).resolve(),
        statuses=dict(config["statuses"]),
        initial_status=config["initial_status"],
        milestones=tuple(config["milestones"]),
        tags=tuple(config["tags"]),
        author_votes=config["author_votes"],
        trending_days=config["trending_days"],
        recently_shipped_days=config["recently_shipped_days"],
        api_url=config["api_url"],
        token_env=config["token_env"],
        max_rate_limit_wait=config["max_rate_limit_wait"],
        max_file_size=config["max_file_size"],
        stale_days=config["stale_days"],
        milestone_comments=config["milestone_comments"],
        notify_voters=tuple(config["notify_voters"]),
        people_pages=config["people_pages"],
        layout=config["layout"],
        site_url=site_url or "",
        site_name=site_name or "Ideas",
        language=board_language(config, language),
        status_titles=dict(config.get("status_titles") or {}),
        sync=config.get("sync") or SyncSettings(),
    )


def default_settings(root: Path) -> Settings:
    """The settings of a board with no ``ideaboard`` options at all."""
    return validate_options({}, root, source="defaults")


def validate_options(
    options: dict[str, Any], root: Path, source: str = "mkdocs.yml", **site: str | None
) -> Settings:
    """Validate a plugin entry's options, raising ``IdeaboardError`` with every problem."""
    config = IdeaboardConfig()
    config.load_dict(options)
    failed, _warnings = config.validate()
    if failed:
        lines = [f"{source}: plugins.{PLUGIN_NAME}.{key}: {err}" for key, err in failed]
        raise IdeaboardError("\n".join(lines))
    return settings_from(config, root, **site)


def load_settings(config_file: Path) -> Settings:
    """Read the ``ideaboard`` entry of ``mkdocs.yml`` the way the plugin sees it."""
    try:
        with config_file.open("rb") as handle:
            data = yaml_load(handle) or {}
    except FileNotFoundError:
        raise IdeaboardError(
            f"{config_file}: no such file. Run ideaboard from the board's folder, "
            "or pass --config-file."
        ) from None
    except Exception as exc:  # yaml errors carry their own line and column
        raise IdeaboardError(f"{config_file}: not valid YAML: {exc}") from None
    options: dict[str, Any] | None = None
    for entry in data.get("plugins") or ():
        if entry == PLUGIN_NAME:
            options = {}
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME] or {}
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise IdeaboardError(
            f"{config_file}: plugins.{PLUGIN_NAME}: Expected a mapping of options "
            f"but received: {options!r}"
        )
    return validate_options(
        options,
        config_file.parent.resolve(),
        source=str(config_file),
        site_url=data.get("site_url") or "",
        site_name=data.get("site_name") or "Ideas",
        language=(data.get("theme") or {}).get("language")
        if isinstance(data.get("theme"), dict)
        else None,
    )
