"""``IdeaboardConfig``: the mkdocs config schema of the ``ideaboard`` plugin entry."""

from __future__ import annotations

import difflib

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from generator.config.language import _Language, _StatusTitles
from generator.config.options import (
    LAYOUTS,
    MAX_DAYS,
    _Categories,
    _EnvName,
    _HttpUrl,
    _Milestones,
    _PeoplePages,
    _PositiveInt,
    _Repo,
    _Statuses,
    _Tags,
)
from generator.config.sync import _SyncOptions
from generator.model import statuses as st


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
    people_pages = _PeoplePages()  # people/<login>/ and feeds/people/<login>.xml
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
