"""``sync:``: the points one sync may spend, and which ideas it checks when."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from generator.model import statuses as st

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
