"""Synthetic boards written out: the board (``write_board``) and the baseline.

``write_board(dest, ideas, layout=...)`` writes ideas as idea files next to the
repository's ``mkdocs.yml`` and theme, with a snapshot of their issues and votes;
``write_baseline`` writes the same pages for bare mkdocs-material.
Layouts (``LAYOUTS``): ``flat`` puts every file in ``ideas/``; ``year`` in
``ideas/<year>/``; ``month`` in ``ideas/<year>/<month>/``.  ``subfolders_supported()``
probes whether the loader reads subfolders.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from generator.config import validate_options
from generator.load import load_board
from generator.sync.store import from_json, to_json
from tests.benchmarks.synthetic import REPO, idea_yaml, synthetic_ideas, synthetic_snapshot

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = ("flat", "year", "month")
#: Up to this many ideas the snapshot goes through the store's reader and writer; a bigger
#: one is written in the same layout directly (``store_layout``), to spare this process.
ROUNDTRIP_LIMIT = 20_000


def _docs_dir_name(config_text: str) -> str:
    from mkdocs.utils.yaml import yaml_load

    return (yaml_load(config_text) or {}).get("docs_dir", "docs")


def idea_folder(idea: dict, layout: str) -> str:
    """The folder of an idea's file under ``ideas/`` in ``layout`` ("" when flat)."""
    created = idea["created"]
    return {"flat": "", "year": f"{created.year}/", "month": f"{created:%Y/%m}/"}[layout]


def subfolders_supported() -> bool:
    """Whether the loader reads idea files in subfolders of ``ideas/`` (a real load)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        idea = synthetic_ideas(1)[0]
        (root / "ideas" / "2024").mkdir(parents=True)
        (root / "ideas" / "2024" / f"{idea['slug']}.yaml").write_text(idea_yaml(idea), "utf-8")
        ideas, _problems = load_board(validate_options({"repo": REPO}, root))
        return len(ideas) == 1


def write_board(dest: Path, ideas: list[dict], layout: str = "flat") -> Path:
    """The repository's site config and theme with a synthetic board; returns mkdocs.yml.

    ``layout`` is one of ``LAYOUTS``; the snapshot stays at ``ideas/snapshot.json``.
    """
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    dest.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    docs_dir = _docs_dir_name(config_text)
    for name in sorted({"site_theme", Path(docs_dir).parts[0]}):
        if (ROOT / name).is_dir() and name not in ("ideas", "."):
            shutil.copytree(ROOT / name, dest / name)
    (dest / docs_dir).mkdir(parents=True, exist_ok=True)
    ideas_dir = dest / "ideas"
    ideas_dir.mkdir()
    for idea in ideas:
        folder = ideas_dir / idea_folder(idea, layout)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{idea['slug']}.yaml").write_text(idea_yaml(idea), encoding="utf-8")
    # Through the real writer, so the file has exactly the format a sync writes; a big
    # board's snapshot is written as read (the reader takes it: the build reads it).
    data = synthetic_snapshot(ideas)
    if len(ideas) <= ROUNDTRIP_LIMIT:
        snapshot = to_json(from_json(json.dumps(data)))
    else:
        snapshot = store_layout(data)
    (ideas_dir / "snapshot.json").write_text(snapshot, encoding="utf-8")
    return dest / "mkdocs.yml"


def store_layout(data: dict) -> str:
    """Snapshot data as text in the store's layout (one issue a line), as a sync writes it."""

    def dumps(value: object) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    issues = data.pop("issues")
    lines = ",\n".join(dumps(issue) for issue in issues)
    return f'{dumps(data)[:-1]},\n"issues":[\n{lines}\n]}}\n'


BASELINE_CONFIG = """\
site_name: Baseline
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
"""


def write_baseline(dest: Path, ideas: list[dict]) -> Path:
    """Bare mkdocs-material: one plain page per idea, out of the nav; returns mkdocs.yml."""
    docs = dest / "docs"
    (docs / "ideas").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    index = ["# Ideas", ""]
    for idea in ideas:
        index.append(f"- [{idea['title']}](ideas/{idea['slug']}.md): {idea['summary']}")
        history = "\n".join(
            f"- {h['date'].isoformat()} **{h['status']}**: {h['note']}" for h in idea["history"]
        )
        page = (
            f"# {idea['title']}\n\n{idea['summary']}\n\n{idea['description']}\n\n"
            f"## History\n\n{history}\n\nTags: {', '.join(idea['tags'])}\n"
        )
        (docs / "ideas" / f"{idea['slug']}.md").write_text(page, encoding="utf-8")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return dest / "mkdocs.yml"
