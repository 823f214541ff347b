"""The ``ideaboard`` command line.

Each command lives in a module of its own in this package and is registered
below.  Commands read the board's configuration from ``mkdocs.yml`` through
``settings(ctx)``, the same entry the mkdocs plugin reads.
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__
from ..config import Settings, load_settings
from ..errors import IdeaboardError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="ideaboard")
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The site's mkdocs.yml; the board's options are its 'ideaboard' plugin entry.",
)
@click.pass_context
def main(ctx: click.Context, config_file: Path) -> None:
    """Run a community idea board from YAML files in git and votes on GitHub.

    Ideas live in ideas/<slug>.yaml. Customers propose and vote on GitHub
    issues; maintainers change statuses in reviewed pull requests; the board
    is built with mkdocs-material and published as a static site.
    """
    ctx.obj = {"config_file": config_file}


def settings(ctx: click.Context) -> Settings:
    """The board's settings, read once per run from ``--config-file``."""
    obj = ctx.find_root().obj
    if "settings" not in obj:
        try:
            obj["settings"] = load_settings(obj["config_file"])
        except IdeaboardError as exc:
            raise click.ClickException(str(exc)) from None
    return obj["settings"]


# Commands register themselves here, one module each.
from .validate import validate  # noqa: E402

main.add_command(validate)
from .schema import schema  # noqa: E402

main.add_command(schema)
from .new import new  # noqa: E402

main.add_command(new)
from .status import status  # noqa: E402

main.add_command(status)
from .feedback import feedback  # noqa: E402

main.add_command(feedback)
from .build import build  # noqa: E402

main.add_command(build)
from .serve import serve  # noqa: E402

main.add_command(serve)
from .sync import sync  # noqa: E402

main.add_command(sync)
from .doctor import doctor  # noqa: E402

main.add_command(doctor)
from .intake import intake  # noqa: E402

main.add_command(intake)
