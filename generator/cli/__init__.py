"""The ``ideaboard`` command line.

Each command lives in a module of its own in this package, listed in
``COMMANDS``.  Commands read the board's configuration from ``mkdocs.yml`` through
``settings(ctx)``, the same entry the mkdocs plugin reads.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from generator import __version__
from generator.config import Settings, load_settings
from generator.errors import IdeaboardError
from generator.model import Idea


class _LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs.

    ``sync`` pulls in PyGithub and ``build`` pulls in mkdocs; importing every
    command for every run cost about 0.3 s of start-up.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module = importlib.import_module(f".{COMMANDS[name]}", __name__)
            self.add_command(getattr(module, name), name)
        return self.commands.get(name)


# --- helpers the commands that talk to GitHub share -------------------------


def connect(config: Settings):
    """A GitHub client for the board, with the token from ``settings.token_env``."""
    from generator.github.client import (  # PyGithub loads only when needed
        GitHubClient,
        token_from_env,
    )

    if not config.repo:
        raise click.ClickException(
            "plugins.ideaboard.repo: expected the GitHub repository as 'owner/name' in "
            "mkdocs.yml but received nothing; this command talks to its issues."
        )
    token = token_from_env(config)
    if not token:
        raise click.ClickException(
            f"no GitHub token: expected one in the environment variable {config.token_env} "
            "(in GitHub Actions: env: GITHUB_TOKEN: ${{ github.token }})."
        )
    return GitHubClient(config, token)


def can_connect(config: Settings) -> bool:
    """Whether GitHub can be read now: the board names its repository and a token is set."""
    from generator.github import token_from_env

    return bool(config.repo) and token_from_env(config) is not None


def load_ideas(config: Settings) -> tuple[Idea, ...]:
    """Every idea on the board; refuse to go on if any file has a problem."""
    from generator.pipeline import ProblemsError
    from generator.pipeline import load_ideas as load

    try:
        return load(config)
    except ProblemsError as exc:
        lines = "\n".join(p.format() for p in exc.problems)
        raise click.ClickException(
            f"{lines}\nthe board has {len(exc.problems)} problem(s): fix them first "
            "('ideaboard validate' lists them), so that no issue is told something wrong."
        ) from None


#: Each command, and the module in this package that defines it (a function of the same name).
COMMANDS = {
    "build": "build",
    "doctor": "doctor",
    "feedback": "feedback",
    "init": "init",
    "intake": "intake",
    "new": "new",
    "schema": "schema",
    "serve": "serve",
    "status": "status",
    "sync": "sync",
    "validate": "validate",
}


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
