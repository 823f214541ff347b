"""``ideaboard init``: turn an empty folder, or an existing repository, into a board."""

from __future__ import annotations

import datetime as dt

import click

from generator import i18n
from generator.authoring import Product, board_files, git_remote, repo_from_remote, write_board
from generator.authoring.scaffold import REPO_RE
from generator.errors import IdeaboardError


@click.command()
@click.option("--name", help="The product's name, as the board shows it. [default: from the repo]")
@click.option("--repo", help="The GitHub repository, OWNER/NAME. [default: the git remote]")
@click.option("--description", default="", help="The site's one-line description.")
@click.option(
    "--site-url", default="", help="Where the board is published. [default: its GitHub Pages URL]"
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="The board's language (theme.language): de, ja, pt-BR ... (see the README's Languages).",
)
@click.option("--empty", is_flag=True, help="Start with no example idea.")
@click.option("--force", is_flag=True, help="Replace files that differ from what init writes.")
@click.pass_context
def init(
    ctx: click.Context,
    name: str | None,
    repo: str | None,
    description: str,
    site_url: str,
    language: str,
    empty: bool,
    force: bool,
) -> None:
    """Write a new board into this folder: mkdocs.yml, workflows, issue form, theme, ideas/.

    The repository comes from the git remote unless --repo is given, and the site
    is https://OWNER.github.io/NAME/. A file that exists is left alone unless
    --force; each file is listed as written, unchanged or kept. Running it again
    changes nothing.
    """
    folder = ctx.find_root().obj["config_file"].resolve().parent
    repo = repo or _repo_from_git(folder)
    if not REPO_RE.fullmatch(repo):
        suggestion = repo_from_remote(repo)
        hint = f" Did you mean {suggestion!r}?" if suggestion else ""
        raise click.BadParameter(
            f"expected OWNER/NAME, such as 'acme/widget', but received: {repo!r}.{hint}",
            param_hint="'--repo'",
        )
    try:
        language = i18n.resolve(language).tag
    except IdeaboardError:
        raise click.BadParameter(
            "expected a language tag that CLDR knows, such as 'de', 'pt-BR' or 'zh-Hans', "
            f"but received: {language!r}.",
            param_hint="'--language'",
        ) from None
    product = Product(
        name=name or repo.split("/")[1].replace("-", " ").replace("_", " ").title(),
        repo=repo,
        description=description,
        site_url=site_url,
        language=language,
    )
    files = board_files(product, today=dt.date.today(), example=not empty)
    report = write_board(folder, files, force=force)
    for label, paths in (
        ("wrote", report.written),
        ("unchanged", report.unchanged),
        ("kept (differs; --force replaces it)", report.kept),
    ):
        for path in paths:
            click.echo(f"{label}: {path}")
    click.echo(
        f"Board for {product.name} ({product.repo}), published at {product.url}: "
        f"{len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.kept)} kept."
    )
    if report.written and language != i18n.SOURCE:
        click.echo(
            f"The board speaks {language}; the About page "
            "(site_theme/pages/about.md) and the issue form (.github/ISSUE_TEMPLATE/idea.yml) "
            "are in English: translate them for your readers."
        )
    if report.written:
        click.echo(
            "Next: 'ideaboard validate', 'ideaboard build', then see the README's "
            '"Your own board, live on GitHub Pages".'
        )


def _repo_from_git(folder) -> str:
    url = git_remote(folder)
    repo = repo_from_remote(url) if url else None
    if repo is None:
        shown = f"the remote {url!r}" if url else "no git remote"
        raise click.UsageError(
            f"expected a GitHub remote to take the repository from but found {shown}; "
            "pass --repo OWNER/NAME."
        )
    return repo
