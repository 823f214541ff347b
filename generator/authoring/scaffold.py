"""A new board in a folder: the files ``ideaboard init`` writes, and writing them safely.

``board_files`` is pure: the product's name, repository and site in, every file of a
new board out (path -> text).  The templates are the sample board's own files, with
the sample's name, repository and site replaced: ``mkdocs.yml``, the About page and
the issue form's links come from ``scaffold/*.tmpl``; the workflows, the issue form
and the theme are shipped in the package as they are in this repository
(``generator.board_files``), so a new board
gets what this one runs.

``write_board`` never overwrites a file unless told to; it reports what it wrote,
what was already as it would write it, and what it left alone.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import subprocess
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from generator import __version__, i18n
from generator.files import write_atomic

#: ``owner/name`` as GitHub allows it.
REPO_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")

#: The lines a board's ``.gitignore`` needs: the built site and the snapshot's leftovers.
GITIGNORE = ("/site/", "ideas/snapshot.json.prev", "ideas/.snapshot.json.*.tmp")

#: How the workflows install ideaboard in this repository, and in a new board.
INSTALL_HERE = "python -m pip install -c requirements/run.txt ."
INSTALL_BOARD = "python -m pip install -r requirements.txt"


@dataclass(frozen=True)
class Product:
    """What a new board is for: the product's name, its GitHub repository and site."""

    name: str
    repo: str
    description: str = ""
    site_url: str = ""
    label: str = "idea"
    requirement: str = ""
    #: The board's language (``theme.language``), a tag with a catalog or English.
    language: str = i18n.SOURCE

    @property
    def url(self) -> str:
        """The board's address on GitHub Pages, unless another one was given."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/"
        owner, name = self.repo.split("/")
        if name.lower() == f"{owner.lower()}.github.io":
            return f"https://{owner.lower()}.github.io/"
        return f"https://{owner.lower()}.github.io/{name}/"


@dataclass
class Report:
    """What ``write_board`` did with each file (paths relative to the board's folder)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def repo_from_remote(url: str) -> str | None:
    """``owner/name`` from a GitHub remote URL (https, ssh or scp-like), else None."""
    match = re.fullmatch(
        r"(?:https://(?:[^@/]+@)?github\.com/|ssh://git@github\.com/|git@github\.com:)"
        r"([^/\s]+/[^/\s]+?)(?:\.git)?/?",
        url.strip(),
    )
    if match and REPO_RE.fullmatch(match.group(1)):
        return match.group(1)
    return None


def git_remote(folder: Path) -> str | None:
    """The URL of ``origin`` (or the only remote) of the git repository at ``folder``."""

    def git(*args: str) -> str:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            ["git", *args],  # noqa: S607 - git from PATH, as the user runs it
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    remotes = git("remote").split()
    if not remotes:
        return None
    name = "origin" if "origin" in remotes else remotes[0]
    return git("remote", "get-url", name) or None


def board_files(product: Product, *, today: dt.date, example: bool = True) -> dict[str, str]:
    """Every file of a new board for ``product``: relative path -> text."""
    with i18n.using(product.language):
        default = i18n._("Propose, vote on and follow ideas for %(name)s.") % {"name": product.name}
    values = {
        "name": product.name,
        "repo": product.repo,
        "site_url": product.url,
        "language": product.language,
        "description": product.description or default,
        "label": product.label,
        "today": today.isoformat(),
    }
    files = {
        "mkdocs.yml": _template("mkdocs.yml.tmpl", values),
        "site_theme/pages/about.md": _template("about.md.tmpl", values),
        ".github/ISSUE_TEMPLATE/config.yml": _template("config.yml.tmpl", values),
        "requirements.txt": (product.requirement or _default_requirement()) + "\n",
    }
    github = resources.files("generator.board_files").joinpath("github")
    for name in ("feedback.yml", "intake.yml", "publish.yml", "validate.yml"):
        text = github.joinpath("workflows", name).read_text(encoding="utf-8")
        files[f".github/workflows/{name}"] = text.replace(INSTALL_HERE, INSTALL_BOARD)
    files[".github/ISSUE_TEMPLATE/idea.yml"] = github.joinpath(
        "ISSUE_TEMPLATE", "idea.yml"
    ).read_text(encoding="utf-8")
    theme = resources.files("generator.board_files").joinpath("site_theme")
    for path, text in _tree(theme.joinpath("overrides"), "site_theme/overrides"):
        files[path] = text
    files["ideas/dark-mode.yaml" if example else "ideas/.gitkeep"] = (
        _template("example.yaml.tmpl", values) if example else ""
    )
    return dict(sorted(files.items()))


def write_board(folder: Path, files: dict[str, str], *, force: bool = False) -> Report:
    """Write ``files`` under ``folder``; an existing different file only with ``force``.

    ``.gitignore`` is never replaced: the lines a board needs are added to it.
    """
    report = Report()
    for rel, text in files.items():
        _write_one(folder / rel, rel, text, force, report)
    _extend_gitignore(folder / ".gitignore", report)
    return report


def _write_one(path: Path, rel: str, text: str, force: bool, report: Report) -> None:
    if path.exists():
        if path.read_text(encoding="utf-8", errors="replace") == text:
            report.unchanged.append(rel)
            return
        if not force:
            report.kept.append(rel)
            return
    write_atomic(path, text)
    report.written.append(rel)


def _extend_gitignore(path: Path, report: Report) -> None:
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = current.splitlines()
    missing = [line for line in GITIGNORE if line not in lines]
    if not missing:
        report.unchanged.append(".gitignore")
        return
    prefix = current if not current or current.endswith("\n") else current + "\n"
    write_atomic(path, prefix + "\n".join(missing) + "\n")
    report.written.append(".gitignore")


def _template(name: str, values: dict[str, str]) -> str:
    text = resources.files(__package__).joinpath("scaffold", name).read_text(encoding="utf-8")
    return string.Template(text).substitute(values)


def _tree(root, prefix: str):
    for item in sorted(root.iterdir(), key=lambda i: i.name):
        if item.name.startswith(".") or item.name == "__pycache__":
            continue
        if item.is_dir():
            yield from _tree(item, f"{prefix}/{item.name}")
        else:
            yield f"{prefix}/{item.name}", item.read_text(encoding="utf-8")


def _default_requirement() -> str:
    return f"ideaboard=={__version__}"
