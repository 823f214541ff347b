"""The board's configuration: the ``ideaboard`` plugin entry in ``mkdocs.yml``.

``IdeaboardConfig`` is the mkdocs config schema, so mkdocs validates it with its
usual messages when it loads the plugin.  The CLI reads the same entry through
``load_settings``.  Both hand the rest of the code a frozen ``Settings``: plain
data with paths resolved against the folder that holds ``mkdocs.yml``.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.utils.yaml import yaml_load

from generator.errors import IdeaboardError
from generator.model import SLUG_PATTERN
from generator.model import statuses as st

PLUGIN_NAME = "ideaboard"
REPO_RE = re.compile(r"\A[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}\Z")
ENV_NAME_RE = re.compile(r"\A[A-Za-z_][A-Za-z0-9_]{0,99}\Z")
# What people paste instead of owner/name: the web address or a git remote.
_REPO_URL_RE = re.compile(
    r"\A\s{0,10}(?:https?://(?:www\.)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100}?)(?:\.git)?/?\s{0,10}\Z"
)
#: The layouts of ``ideas/``: one folder, or a folder per year of the idea's creation.
LAYOUTS = ("flat", "year")
#: Longest span in days an option may name (timedelta and dates stay in range).
MAX_DAYS = 36_500


class _Repo(c.Type):
    """``owner/name``; empty means "no GitHub repository", and the board stays offline."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if value and (not REPO_RE.fullmatch(value) or value.endswith((".git", "/"))):
            pasted = _REPO_URL_RE.fullmatch(value)
            hint = f". Did you mean {pasted.group(1) + '/' + pasted.group(2)!r}?" if pasted else ""
            raise ValidationError(
                f"Expected a GitHub repository as 'owner/name' but received: {value!r}{hint}"
            )
        return value


class _Statuses(c.BaseConfigOption[dict]):
    """A mapping of status name to category, in board order."""

    def __init__(self) -> None:
        super().__init__()
        self.default = dict(st.DEFAULT_STATUSES)

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict) or not value:
            raise ValidationError(
                "Expected a mapping of status name to category, such as "
                f"{{planned: active}}, but received: {value!r}"
            )
        for name, category in value.items():
            if not isinstance(name, str) or not re.fullmatch(SLUG_PATTERN, name):
                raise ValidationError(
                    "Expected status names of lowercase letters, digits and hyphens "
                    f"but received: {name!r}"
                )
            if name == "index":  # status/index/ is the page of all statuses
                raise ValidationError(
                    "Expected a status name free for a page but received 'index', the name "
                    "of a page the board generates; call it something else"
                )
            if category not in st.CATEGORIES:
                raise ValidationError(
                    f"Expected one of: {list(st.CATEGORIES)} as the category of status "
                    f"{name!r} but received: {category!r}"
                )
        missing = [cat for cat in (st.OPEN, st.DUPLICATE) if cat not in value.values()]
        if missing:
            raise ValidationError(
                f"Expected at least one status in each of the categories {missing} "
                f"(intake needs an open one, merging needs a duplicate one) but received: {value!r}"
            )
        return dict(value)


class _Milestones(c.BaseConfigOption[list]):
    """Vote counts worth celebrating, strictly increasing."""

    def __init__(self) -> None:
        super().__init__()
        self.default = list(st.DEFAULT_MILESTONES)

    def run_validation(self, value: object) -> list[int]:
        ok = isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 2**31 - 1 for v in value
        )
        if not ok or any(a >= b for a, b in itertools.pairwise(value)):
            raise ValidationError(
                "Expected a list of positive whole numbers in increasing order, "
                f"such as [10, 25, 50], but received: {value!r}"
            )
        return list(value)


class _Tags(c.BaseConfigOption[list]):
    """The tag allow-list; empty allows any tag."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(
            isinstance(v, str) and re.fullmatch(SLUG_PATTERN, v) and v != "index" for v in value
        ):
            raise ValidationError(
                "Expected a list of tags of lowercase letters, digits and hyphens "
                f"(not 'index', the tag index page) but received: {value!r}"
            )
        return list(value)


class _Categories(c.BaseConfigOption[list]):
    """``notify_voters``: the categories whose news mentions an idea's voters; empty is off."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(v in st.CATEGORIES for v in value):
            raise ValidationError(
                f"Expected a list of categories from {list(st.CATEGORIES)}, such as "
                f"[completed, declined], but received: {value!r}"
            )
        return list(dict.fromkeys(value))


class _PositiveInt(c.Type):
    def __init__(self, default: int, minimum: int = 1, maximum: int = 2**31 - 1) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum
        self.maximum = maximum

    def run_validation(self, value: object) -> int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not self.minimum <= value <= self.maximum
        ):
            raise ValidationError(
                f"Expected a whole number from {self.minimum} to {self.maximum:,} "
                f"but received: {value!r}"
            )
        return value


class _EnvName(c.Type):
    def __init__(self) -> None:
        super().__init__(str, default="GITHUB_TOKEN")

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not ENV_NAME_RE.fullmatch(value):
            raise ValidationError(
                "Expected the name of an environment variable, such as GITHUB_TOKEN, "
                "but received a value that is not one (not shown here, in case it is a "
                "secret). Put the variable's name here, never the token itself."
            )
        return value


class _HttpUrl(c.Type):
    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+", value):
            raise ValidationError(
                f"Expected an http(s) URL such as 'https://api.github.com' but received: {value!r}"
            )
        return value.rstrip("/")


# --- the board language (issue 15): theme.language unless the plugin sets its own ------------


def _language_tag(value: object, where: str) -> str:
    try:
        Locale.parse(str(value).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise ValidationError(
            f"Expected a language tag that CLDR knows, such as 'de', 'pt-BR' or 'zh-Hans', "
            f"{where}but received: {value!r}"
        ) from None
    return str(value)


class _Language(c.Type):
    """The board language; unset follows mkdocs' ``theme.language``."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        return _language_tag(super().run_validation(value), "")


class _StatusTitles(c.BaseConfigOption[dict]):
    """Per status, its title by language: ``{triage: {en: Triage, de: Sichtung}}``."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict[str, dict[str, str]]:
        shape = isinstance(value, dict) and all(
            isinstance(titles, dict)
            and all(isinstance(t, str) and t.strip() for t in titles.values())
            for titles in value.values()
        )
        if not shape:
            raise ValidationError(
                "Expected a mapping of status name to titles by language, such as "
                f"{{triage: {{en: Triage, de: Sichtung}}}}, but received: {value!r}"
            )
        for status, titles in value.items():
            for tag in titles:
                _language_tag(tag, f"as a language of status_titles.{status}, ")
        return {s: {str(k): v.strip() for k, v in t.items()} for s, t in value.items()}


def board_language(config: Any, theme_language: str | None) -> str:
    """The plugin's ``language``, else mkdocs' ``theme.language``, else English."""
    return config.get("language") or theme_language or "en"


# --- sync: the points budget and the freshness tiers (see generator/github/fetcher.py) ---


@dataclass(frozen=True)
class SyncSettings:
    """``sync:`` options: the points one sync may spend, and which ideas it checks when."""

    budget: str | int = "60%"  # points per run, or a share of the token's hourly limit
    every_run: tuple[str, ...] = (st.OPEN, st.ACTIVE)  # categories checked on every run
    recent_days: int = 30  # a vote or comment this recent: checked on every run too
    rotation_hours: int = 24  # everything else is checked at least this often


class _SyncOptions(c.BaseConfigOption[SyncSettings]):
    """``sync: {budget: 60%, every_run: [open, active], recent_days: 30, rotation_hours: 24}``."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> SyncSettings:
        value = {} if value is None else value
        known = set(SyncSettings.__dataclass_fields__)
        if not isinstance(value, dict) or set(value) - known:
            raise ValidationError(
                f"Expected a mapping with keys {sorted(known)} but received: {value!r}"
            )
        budget = value.get("budget", "60%")
        if not re.fullmatch(r"(?:[1-9]\d{0,2}%|[1-9]\d{1,6})", str(budget)) or (
            str(budget).endswith("%") and int(str(budget)[:-1]) > 100
        ):
            raise ValidationError(
                "sync.budget: expected points per run (a whole number of at least 10) or a "
                f"share of the token's hourly limit such as '60%', but received: {budget!r}"
            )
        every_run = value.get("every_run", [st.OPEN, st.ACTIVE])
        if not isinstance(every_run, list) or not set(every_run) <= set(st.CATEGORIES):
            raise ValidationError(
                f"sync.every_run: expected a list of categories from {list(st.CATEGORIES)} "
                f"but received: {every_run!r}"
            )
        numbers = {
            key: value.get(key, default)
            for key, default in (("recent_days", 30), ("rotation_hours", 24))
        }
        for key, number in numbers.items():
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise ValidationError(
                    f"sync.{key}: expected a whole number of at least 1 but received: {number!r}"
                )
        budget = budget if str(budget).endswith("%") else int(budget)
        return SyncSettings(budget, tuple(every_run), **numbers)


class IdeaboardConfig(base.Config):
    """The options of the ``ideaboard`` plugin entry; each has a default."""

    repo = _Repo()
    label = c.Type(str, default="idea")
    ideas_dir = c.Type(str, default="ideas")
    snapshot = c.Type(str, default="ideas/snapshot.json")
    statuses = _Statuses()
    initial_status = c.Type(str, default=st.DEFAULT_INITIAL_STATUS)
    milestones = _Milestones()
    tags = _Tags()
    author_votes = c.Type(bool, default=True)
    trending_days = _PositiveInt(30, maximum=MAX_DAYS)
    recently_shipped_days = _PositiveInt(90, maximum=MAX_DAYS)
    api_url = _HttpUrl("https://api.github.com")
    token_env = _EnvName()
    max_rate_limit_wait = _PositiveInt(300, minimum=0, maximum=86_400)
    max_file_size = _PositiveInt(256 * 1024)
    stale_days = _PositiveInt(14, maximum=MAX_DAYS)
    milestone_comments = c.Type(bool, default=False)
    notify_voters = _Categories()
    language = c.Optional(_Language())
    status_titles = _StatusTitles()
    people_pages = c.Type(bool, default=True)  # people/<login>/ and feeds/people/<login>.xml
    layout = c.Choice(LAYOUTS, default="flat")
    sync = _SyncOptions()

    def _validate(self):
        # mkdocs stops at the first bad option; a board owner fixing mkdocs.yml wants them all.
        failed, warnings = [], []
        for key, option in self._schema:
            try:
                self[key] = option.validate(self.get(key))
            except ValidationError as exc:
                failed.append((key, exc))
        return failed, warnings

    def validate(self):
        failed, warnings = super().validate()
        # A misspelt option would silently fall back to its default: refuse it instead.
        for key in sorted(set(self.keys()) - self._schema_keys):
            hint = difflib.get_close_matches(key, sorted(self._schema_keys), n=1)
            suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
            failed.append(
                (
                    key,
                    ValidationError(
                        f"Expected one of the options {sorted(self._schema_keys)} "
                        f"but received an unknown option: {key!r}.{suggestion}"
                    ),
                )
            )
        for status in sorted(set(self.status_titles or {}) - set(self.statuses or {})):
            failed.append(
                (
                    "status_titles",
                    ValidationError(
                        f"Expected titles for configured statuses {list(self.statuses)} "
                        f"but received titles for an unknown status: {status!r}"
                    ),
                )
            )
        if not failed and self.initial_status not in self.statuses:
            failed.append(
                (
                    "initial_status",
                    ValidationError(
                        f"Expected one of the configured statuses: {list(self.statuses)} "
                        f"but received: {self.initial_status!r}"
                    ),
                )
            )
        elif not failed and self.statuses[self.initial_status] != st.OPEN:
            failed.append(
                (
                    "initial_status",
                    ValidationError(
                        "Expected a status in the 'open' category but received: "
                        f"{self.initial_status!r} ({self.statuses[self.initial_status]})"
                    ),
                )
            )
        return failed, warnings


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
    people_pages: bool = True
    #: Where new idea files go: ``ideas/<slug>.yaml`` (flat) or ``ideas/<year>/<slug>.yaml``.
    layout: str = "flat"
    sync: SyncSettings = SyncSettings()

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
