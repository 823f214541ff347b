"""The one domain error, and the problem record that validation reports.

Every message the board shows a person names the file, the line, the field,
what was expected and what was received (see ``Problem.format``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in one file, at a 1-based line and column.

    ``line``/``col`` are 0 when the problem is about the whole file (say, a bad
    file name).  ``field`` is a dotted path such as ``history.2.date``; it is
    empty when the problem is not about one field.
    """

    path: str
    line: int
    col: int
    field: str
    message: str

    def format(self) -> str:
        """``ideas/x.yaml:LINE:COL: field: message``, the form editors and CI understand."""
        where = f"{self.path}:{self.line}:{self.col}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"

    def format_github(self) -> str:
        """A GitHub Actions annotation, so the problem shows inline on a pull request."""
        text = f"{self.field}: {self.message}" if self.field else self.message
        props = f"file={_escape_property(self.path)}"
        if self.line:
            props += f",line={self.line},col={max(self.col, 1)}"
        return f"::error {props}::{_escape_data(text)}"


class IdeaboardError(Exception):
    """A problem the user can fix: bad input, bad config, GitHub refusing us.

    ``problems`` carries every problem found, so that one run reports them all.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class GitHubError(IdeaboardError):
    """GitHub could not be read or written; the message names the setting to fix."""


class SnapshotError(IdeaboardError):
    """The snapshot file is missing, unreadable, or in a format this version can't read."""


# GitHub's workflow-command escaping (see actions/toolkit, command.ts).
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
