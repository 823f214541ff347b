"""``ideaboard build``: validate, sync when GitHub is configured, then build the site."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import click

from ..config import Settings
from ..errors import IdeaboardError
from ..render import human_time
from ..snapshot import load_or_empty
from ..validate import check_path
from . import settings
from .validate import summary

log = logging.getLogger("mkdocs.ideaboard")


class _Log:
    """What ``sync.sync_if_configured`` logs through: callable, or used like a logger."""

    def __call__(self, message: str) -> None:
        log.info(message)

    def info(self, message: str, *args: object) -> None:
        log.info(message, *args)

    def warning(self, message: str, *args: object) -> None:
        log.warning(message, *args)

    def error(self, message: str, *args: object) -> None:
        log.error(message, *args)

    debug = info


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


def sync_step(board: Settings, offline: bool) -> None:
    """Sync votes when a repository and a token are configured; else say what is used."""
    token = None if offline else os.environ.get(board.token_env)
    if board.repo and token:
        try:
            from ..sync import sync_if_configured
        except ImportError:  # pragma: no cover - the sync module ships with the package
            log.warning("Sync is not available in this installation: building from the snapshot")
            return
        try:
            sync_if_configured(board, _Log())
            return
        except IdeaboardError as exc:
            # Votes are never lost: the last good snapshot is still there; build from it.
            log.warning("Sync failed, building from the last good snapshot: %s", exc)
            return
    try:
        snap = load_or_empty(board.snapshot, board.repo)
        when = human_time(snap.synced_at)
    except IdeaboardError:
        when = "never (the snapshot cannot be read)"
    reason = (
        "--offline"
        if offline
        else (f"No {board.token_env}" if board.repo else "No GitHub repository configured")
    )
    log.info("%s: building from the snapshot synced %s", reason, when)


def mkdocs_build(config_file: Path, site_dir: Path | None, strict: bool) -> None:
    """Run the real mkdocs build through its Python API."""
    from mkdocs.commands.build import build as mkdocs_build_command
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(
            config_file=str(config_file),
            site_dir=str(site_dir) if site_dir else None,
            strict=True if strict else None,
        )
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
    ideas, problems = check_path(board.ideas_dir, board)
    if problems:
        for problem in problems:
            click.echo(problem.format())
        click.echo(summary(len(ideas), problems))
        ctx.exit(1)
    sync_step(board, offline)
    mkdocs_build(ctx.find_root().obj["config_file"], site_dir, strict)
