"""Idea files in, ``Idea`` out: the safe reader, the JSON Schema and the rules across files.

One way in: ``load_board(settings)`` for the board, ``check_path`` for ``validate``.
"""

from generator.load.board import check_path, load_board, load_tree, validate_tree
from generator.load.folder import list_files
from generator.load.names import is_name, taken
from generator.load.reader import Document, iso_dates, parse_text, read_document
from generator.load.schema import schema, schema_text, schema_url, schema_url_for, validator
from generator.load.validate import MAX_PROBLEMS_PER_FILE, check_document, unknown_status

__all__ = [
    "MAX_PROBLEMS_PER_FILE",
    "Document",
    "check_document",
    "check_path",
    "is_name",
    "iso_dates",
    "list_files",
    "load_board",
    "load_tree",
    "parse_text",
    "read_document",
    "schema",
    "schema_text",
    "schema_url",
    "schema_url_for",
    "taken",
    "unknown_status",
    "validate_tree",
    "validator",
]
