"""The option types of the ``ideaboard`` plugin entry, each with mkdocs-style messages."""

from __future__ import annotations

import itertools
import re

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

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


#: ``people_pages: auto`` makes people pages while at most this many people would get one.
#: Each person's page and feed cost about 11 KB (this many: about 110 MB), and a board has
#: several times more people than ideas (the 10,000-idea benchmark has 51,000: 580 MB, over
#: half of GitHub Pages' 1 GB).
PEOPLE_PAGES_AUTO = 10_000


class _PeoplePages(c.BaseConfigOption[object]):
    """``true``, ``false`` or ``auto`` (on for up to ``PEOPLE_PAGES_AUTO`` people)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = "auto"

    def run_validation(self, value: object) -> bool | str:
        if value is None:
            return "auto"
        if isinstance(value, bool) or value == "auto":
            return value
        raise ValidationError(f"Expected one of: [true, false, 'auto'] but received: {value!r}")


def people_pages_on(setting: bool | str, people: int) -> bool:
    """Whether a board with ``people`` proposers and voters gets people pages under ``setting``."""
    if setting == "auto":
        return people <= PEOPLE_PAGES_AUTO
    return bool(setting)
