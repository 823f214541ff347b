"""Read idea files safely: ``ideas/*.yaml`` into plain data with the line of every field.

Anyone can send a pull request that edits a YAML file, so reading one must be
safe and must never stop the run.  Before parsing, a file is refused if it is a
symlink out of ``ideas/``, larger than ``max_file_size``, not UTF-8, or empty.
Parsing uses PyYAML's safe loader (the C one when available) and then walks the
node tree once to record the line and column of each key and value, to catch
duplicate keys (PyYAML keeps the last one silently), aliases (refused outright:
alias expansion is how a "YAML bomb" works) and deep nesting.  Every problem
becomes a ``Problem``; nothing here raises on a bad file.

``folder.py`` finds the files, ``board.py`` loads and validates a whole board.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.load.depth import measure
from generator.load.yaml_errors import reader_problem, yaml_problem
from generator.sanitize import shown

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: How deep an idea file may nest (the file, history, one entry: 3 levels).
MAX_DEPTH = 10

#: Deeper than this (measured on the text), a file is refused before PyYAML sees
#: it: its C composer recurses and crashes the interpreter on ~100,000 levels,
#: and libyaml refuses 1,000 levels in words of its own.  Below it, the node
#: walk reports the depth with the field's path.
_SAFE_DEPTH_BOUND = 100

_STR_TAG = "tag:yaml.org,2002:str"


class _Loader(_Base):
    """The safe loader, except that an impossible date stays a string.

    PyYAML raises on ``2026-02-30``; as a string, the schema reports it with
    the field's name and line like any other bad date.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@dataclass
class Document:
    """One idea file as read: its data (or None) and where each field is.

    ``keys`` maps a dotted field path (``history.2.date``) to the 1-based
    ``(line, col)`` of its key (for a list item: of the item); ``values`` to
    that of its value.  The root is the empty path.
    """

    path: Path
    display: str
    data: Any = None
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The fields written as block scalars (``|`` or ``>``): their text starts a line below.
    blocks: set[str] = field(default_factory=set)

    @property
    def slug(self) -> str:
        return self.path.stem

    def problem(
        self, field_path: str, message: str, *, at: str = "value", where: str | None = None
    ) -> Problem:
        """A problem about ``field_path``, at its value (or its key) or its nearest parent.

        ``where`` places it at another field (a missing field: at its parent).
        """
        table = self.values if at == "value" else self.keys
        probe = field_path if where is None else where
        while probe not in table and probe:
            probe = probe.rpartition(".")[0]
        line, col = table.get(probe, (1, 1))
        return Problem(self.display, line, col, field_path, message)

    def add(self, line: int, col: int, field_path: str, message: str) -> None:
        self.problems.append(Problem(self.display, line, col, field_path, message))

    def only(self, fields: tuple[str, ...]) -> Document:
        """This document with only the top-level ``fields`` (and where they are): what the
        checks across files need, so that a big board's documents are not all kept whole.
        The problems stay shared with this document."""
        kept = ("", *fields)
        data = self.data
        if isinstance(data, dict):
            data = {key: data[key] for key in fields if key in data}
        return Document(
            self.path,
            self.display,
            data,
            {key: self.keys[key] for key in kept if key in self.keys},
            {key: self.values[key] for key in kept if key in self.values},
            self.problems,
        )


def read_document(path: Path, display: str, max_file_size: int) -> Document:
    """Read one idea file; problems are collected on the returned document."""
    doc = Document(path, display)
    try:
        size = path.stat().st_size
        if size > max_file_size:
            doc.add(0, 0, "", _too_big(size, max_file_size))
            return doc
        with path.open("rb") as handle:
            raw = handle.read(max_file_size + 1)
    except OSError as exc:
        doc.add(0, 0, "", f"cannot read the file: {exc.strerror}")
        return doc
    if len(raw) > max_file_size:  # it grew since stat()
        doc.add(0, 0, "", _too_big(len(raw), max_file_size))
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.add(
            line,
            col,
            "",
            f"expected UTF-8 text but received the byte 0x{raw[exc.start]:02x} "
            f"(byte {exc.start + 1} of the file), which is not UTF-8: save the file as UTF-8",
        )
        return doc
    parse_text(doc, text.removeprefix("\ufeff"))
    return doc


def parse_text(doc: Document, text: str) -> None:
    """Parse YAML text into ``doc.data``, recording positions and problems."""
    if not text.strip():
        doc.add(1, 1, "", _EMPTY)
        return
    nesting = measure(text, MAX_DEPTH)
    if nesting.depth > _SAFE_DEPTH_BOUND:
        doc.add(nesting.line, nesting.col, "", _too_deep())
        return
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            doc.add(1, 1, "", _EMPTY)
            return
        if not _walk(doc, node, text):
            return
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            line, col = _pos(node)
            value = f": {shown(node.value)}" if isinstance(node, yaml.ScalarNode) else ""
            doc.add(
                line,
                col,
                "",
                "expected a mapping of fields (title: ..., summary: ..., status: ...) "
                f"but received {kind}{value}",
            )
            return
        doc.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(yaml_problem(doc.display, exc, text))
    except yaml.YAMLError as exc:  # unmarked: the reader's, about characters
        doc.problems.append(reader_problem(doc.display, exc, text))
    except RecursionError:
        doc.add(1, 1, "", _too_deep())
    finally:
        loader.dispose()


_EMPTY = (
    "the file is empty: expected a mapping of fields "
    "(title, summary, status, created, ...); run 'ideaboard new' for a template"
)


def _too_big(size: int, limit: int) -> str:
    return (
        f"the file is {size:,} bytes, over the limit of {limit:,} bytes: shorten it, "
        "or raise plugins.ideaboard.max_file_size in mkdocs.yml"
    )


def _too_deep() -> str:
    return (
        f"nested more than {MAX_DEPTH} levels deep; an idea file needs three "
        "(the file, a list such as history, one entry)"
    )


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(doc: Document, root: yaml.Node, text: str) -> bool:
    """Record positions; refuse aliases, duplicate keys and deep nesting.

    Returns False when the document must not be constructed (aliases, depth).
    Iterative, and each node is visited once, so a hostile file costs time in
    proportion to its size.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, int]] = [(root, "", 1)]
    doc.keys[""] = doc.values[""] = _pos(root)
    ok = True
    while stack:
        node, path, depth = stack.pop()
        if id(node) in seen:
            _alias_problem(doc, text)
            return False
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):
                doc.blocks.add(path)
            continue
        if depth > MAX_DEPTH:
            line, col = _pos(node)
            doc.add(line, col, path, _too_deep())
            return False
        prefix = f"{path}." if path else ""
        children: list[tuple[yaml.Node, str, int]] = []
        if isinstance(node, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if id(key_node) in seen:
                    _alias_problem(doc, text)
                    return False
                seen.add(id(key_node))
                if not isinstance(key_node, yaml.ScalarNode):
                    line, col = _pos(key_node)
                    doc.add(line, col, path, "expected a field name but received a list or mapping")
                    ok = False
                    continue
                key = key_node.value
                child = prefix + key
                if key in first:
                    line, col = _pos(key_node)
                    doc.add(
                        line,
                        col,
                        child,
                        f"duplicate key {key!r} (first set on line {first[key]}): "
                        "YAML keeps only the last value silently; remove one of them",
                    )
                    continue  # keep going: the file is reported, its other fields checked
                first[key] = key_node.start_mark.line + 1
                doc.keys[child] = _pos(key_node)
                doc.values[child] = _pos(value_node)
                children.append((value_node, child, depth + 1))
        else:
            for index, item in enumerate(node.value):
                child = f"{prefix}{index}"
                doc.keys[child] = doc.values[child] = _pos(item)
                children.append((item, child, depth + 1))
        stack.extend(reversed(children))
    return ok


def _alias_problem(doc: Document, text: str) -> None:
    line, col, name = 1, 1, ""
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line, col = event.start_mark.line + 1, event.start_mark.column + 1
                name = f" (*{event.anchor})"
                break
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    doc.add(
        line,
        col,
        "",
        f"YAML aliases{name} are not allowed in idea files: aliases can expand "
        "exponentially (a 'YAML bomb'); write the value out in full",
    )


def iso_dates(value: Any) -> Any:
    """``value`` with every date as an ISO string, as JSON Schema sees dates."""
    if isinstance(value, dict):
        return {k: iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso_dates(v) for v in value]
    if isinstance(value, dt.date):  # datetimes too: they then fail the date pattern
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value
