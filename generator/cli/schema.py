"""``ideaboard schema``: print the JSON Schema of an idea file."""

from __future__ import annotations

import click

from generator.load import schema_text


@click.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of an idea file.

    Editors that speak yaml-language-server validate and complete idea files
    with it; see the '# yaml-language-server: $schema=...' line at the top of
    each file.
    """
    click.echo(schema_text(), nl=False)
