"""The text of a new idea file, for ``ideaboard new`` and for intake.

The file starts with the ``yaml-language-server`` line, so that editors check it
against the schema, and lists the fields in the order the format reference
uses.  Values are written by PyYAML, so any text (quotes, colons, ``#``,
newlines, emoji) comes back exactly as given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import yaml

from generator.load import schema_url


class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text and indented lists, as in the sample ideas."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader refuses aliases

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _Flow(list):
    """A list written on one line: ``tags: [ui, themes]``."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(
    _Flow, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value, True)
)


def new_idea_text(
    title: str,
    summary: str,
    *,
    status: str,
    created: dt.date,
    description: str = "",
    issue: int | None = None,
    tags: Iterable[str] = (),
    owner: str | None = None,
    note: str = "",
    schema: str = schema_url,
) -> str:
    """The YAML text of a new idea whose history holds one entry: ``status`` on ``created``.

    ``schema`` is the URL for the ``# yaml-language-server: $schema=`` line.
    """
    data: dict[str, Any] = {"title": title, "summary": summary}
    if description:
        data["description"] = description.rstrip("\n") + "\n"
    data["status"] = status
    if issue is not None:
        data["issue"] = issue
    if tags:
        data["tags"] = _Flow(tags)
    data["created"] = created
    if owner:
        data["owner"] = owner
    entry: dict[str, Any] = {"date": created, "status": status}
    if note:
        entry["note"] = note
    data["history"] = [entry]
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
        default_flow_style=False,
        indent=2,
    )
    return f"# yaml-language-server: $schema={schema}\n{body}"
