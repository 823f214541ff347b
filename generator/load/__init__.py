"""Idea files in, ``Idea`` out: the safe reader, the JSON Schema and the rules across files.

One way in: ``load_board(settings)`` for the board, ``check_path`` for ``validate``.
"""

from generator.load.reader import Document, load_board, parse_text
from generator.load.schema import schema, schema_text, schema_url, schema_url_for, validator
from generator.load.validate import check_document, check_path

__all__ = [
    "Document",
    "check_document",
    "check_path",
    "load_board",
    "parse_text",
    "schema",
    "schema_text",
    "schema_url",
    "schema_url_for",
    "validator",
]
