"""``ideaboard serve``: preview the board locally, rebuilding when an idea file changes."""

from __future__ import annotations

import click

from generator.cli import settings
from generator.cli.build import setup_logging


@click.command()
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help="Where to serve the site.",
)
@click.option("--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@click.pass_context
def serve(ctx: click.Context, dev_addr: str, open_in_browser: bool) -> None:
    """Serve the board on your machine with live reload (mkdocs serve).

    Editing a file in ideas/, the snapshot, mkdocs.yml or site_theme/ rebuilds
    the site and reloads the page. Votes come from the snapshot: run
    'ideaboard sync' to refresh them.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    settings(ctx)  # fail early, with ideaboard's message, on a bad plugin entry
    setup_logging()
    try:
        mkdocs_serve(
            config_file=str(ctx.find_root().obj["config_file"]),
            dev_addr=dev_addr,
            open_in_browser=open_in_browser,
            livereload=True,
        )
    except MkDocsException as exc:
        raise click.ClickException(str(exc)) from None
