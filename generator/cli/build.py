"""``ideaboard build``: validate, sync when GitHub is configured, then build the site."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from generator.cli import settings
from generator.cli.validate import summary
from generator.config import Settings
from generator.errors import IdeaboardError
from generator.load import check_path
from generator.pipeline import BuiltBoard, build_board
from generator.render import human_time
from generator.sync import load_or_empty
from generator.tally import paused_gc

log = logging.getLogger("mkdocs.ideaboard")


def setup_logging() -> None:
    """Show mkdocs' log (and ours, a child of it) the way ``mkdocs build`` does."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_ideaboard", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._ideaboard = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def sync_step(board: Settings, offline: bool) -> object:
    """Sync votes when a repo and a token are set; otherwise say, in one line, what is used.

    Returns the snapshot to build from when the sync step has it in memory.

    ``sync.sync_if_configured`` decides and words that line.  A failed sync is a
    warning, not an error: the last good snapshot is still there, and the site
    says how old its votes are.
    """
    if offline:
        # Read once here: the plugin builds from this snapshot instead of reading it again.
        snap = None
        try:
            snap = load_or_empty(board.snapshot, board.repo)
            when = human_time(snap.synced_at)
        except IdeaboardError:
            when = "never (the snapshot cannot be read)"
        log.info("--offline: sync skipped; building from the snapshot synced %s", when)
        return snap
    from generator.sync import sync_if_configured

    def emit(message: str) -> None:
        if message.startswith("warning: "):
            log.warning(message.removeprefix("warning: "))
        else:
            log.info(message)

    outcome = sync_if_configured(board, emit)
    # The snapshot the sync kept or wrote; the plugin builds from it without reading it again.
    return getattr(outcome, "snapshot", None)


def mkdocs_build(
    config_file: Path, site_dir: Path | None, strict: bool, built: BuiltBoard | None = None
) -> None:
    """Run the real mkdocs build through its Python API, handing the plugin ``built``."""
    from mkdocs.commands.build import build as mkdocs_build_command
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(
            config_file=str(config_file),
            site_dir=str(site_dir) if site_dir else None,
            strict=True if strict else None,
        )
        plugin = config.plugins.get("ideaboard")
        if plugin is None:
            raise click.ClickException(
                f"{config_file.name}: expected an 'ideaboard' entry under 'plugins:' but "
                "received none, so no board page would be built. Add it, for example:\n"
                "plugins:\n  - search\n  - ideaboard:\n      repo: OWNER/NAME"
            )
        plugin.prebuilt = built
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build_command(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the site (default: mkdocs.yml's site_dir, usually site/).",
)
@click.option("-s", "--strict", is_flag=True, help="Fail on mkdocs warnings.")
@click.option("--offline", is_flag=True, help="Do not sync; build from the snapshot as it is.")
@click.pass_context
def build(ctx: click.Context, site_dir: Path | None, strict: bool, offline: bool) -> None:
    """Validate the ideas, sync votes from GitHub, and build the site.

    Every problem in the idea files is printed as by 'ideaboard validate', and
    nothing is built. Votes are synced when the board has a repo and the token
    variable (GITHUB_TOKEN by default) is set; otherwise, or with --offline,
    the site is built from the snapshot, and one line says when it was synced.
    """
    board = settings(ctx)
    setup_logging()
    with paused_gc():  # see plugin.on_files: loading makes many objects and no garbage
        ideas, problems = check_path(board.ideas_dir, board, budgets=False, fork=True)
        if problems:
            for problem in problems:
                click.echo(problem.format())
            click.echo(summary(len(ideas), problems))
            ctx.exit(1)
        snap = sync_step(board, offline)
        built = build_board(board, ideas=ideas, snapshot=snap)
    del ideas, snap
    mkdocs_build(ctx.find_root().obj["config_file"], site_dir, strict, built)
