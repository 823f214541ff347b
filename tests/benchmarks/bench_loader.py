"""Loading and validating many idea files (a script, not a test).

    python tests/benchmarks/bench_loader.py              # 10,000 files, best of 3
    python tests/benchmarks/bench_loader.py -n 1000 --repeat 5

Two boards, written to a temporary folder first (not timed):

- ``small``: the file ``tests/test_loader.py`` loads 10,000 times (about 200 bytes:
  title, summary, status, created, two tags, one history entry);
- ``sample``: copies of the sample board's ``ideas/*.yaml`` (about 1.4 KB each, long
  histories), renamed ``<slug>-<k>`` with their issue numbers and ``duplicate_of``
  targets made unique per copy, so that the board is valid.

For each it times ``validate.load_tree`` (list, read, parse, JSON Schema, cross-file
rules: what ``ideaboard validate`` and the build do), and the read-and-parse step alone
(``loader.list_files`` + ``loader.read_document``), in wall time and CPU time, best of
``--repeat``; then one more run under ``tracemalloc`` for the peak Python heap.  Last,
the whole command, ``ideaboard validate`` in a subprocess (interpreter start-up and
imports included), once, with its peak resident memory (``ru_maxrss`` of the child).
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.config import default_settings  # noqa: E402
from generator.load import list_files, load_tree, read_document  # noqa: E402
from tests.builders import IDEA  # noqa: E402
from tests.helpers import best  # noqa: E402

IDEABOARD = (sys.executable, "-c", "from generator.cli import main; main(prog_name='ideaboard')")
SMALL = IDEA + (
    "tags: [editor, sync]\nhistory:\n  - date: 2026-01-05\n    status: proposed\n"
    "    note: Thanks for the idea.\n"
)


def write_small(folder: Path, count: int) -> None:
    for index in range(count):
        text = SMALL.replace("title: T", f"title: Idea {index}")
        (folder / f"idea-{index}.yaml").write_text(text, encoding="utf-8")


def write_sample(folder: Path, count: int) -> None:
    sample = sorted((ROOT / "ideas").glob("*.yaml"))
    for index in range(count):
        copy, source = divmod(index, len(sample))
        text = sample[source].read_text(encoding="utf-8")
        text = re.sub(r"(?m)^issue: \d+", f"issue: {100_000 + index}", text)
        text = re.sub(r"(?m)^(duplicate_of: )(\S+)", rf"\g<1>\g<2>-{copy}", text)
        (folder / f"{sample[source].stem}-{copy}.yaml").write_text(text, encoding="utf-8")


def read_all(folder: Path, max_file_size: int) -> list:
    files, _problems = list_files(folder, str)
    return [read_document(path, path.name, max_file_size) for path in files]


def peak_heap(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run_cli(root: Path) -> tuple[float, int, str]:
    """``ideaboard validate`` on ``root``: wall time, peak RSS in bytes, last output line."""
    started = time.perf_counter()
    result = subprocess.run(
        [*IDEABOARD, "--config-file", str(root / "mkdocs.yml"), "validate"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = (result.stdout + result.stderr).strip().splitlines()
    # ru_maxrss (KiB on Linux) is the largest of all children so far: run the small board first.
    return wall, rss * 1024, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="files per board (10,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; best is shown")
    args = parser.parse_args()
    print(
        f"{args.n:,} files, best of {args.repeat}; Python {platform.python_version()}, "
        f"{platform.machine()}\n"
    )
    print("| board | file size | step | wall | CPU | peak heap | result |")
    print("|---|---:|---|---:|---:|---:|---|")
    for name, write in (("small", write_small), ("sample", write_sample)):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            folder = root / "ideas"
            folder.mkdir()
            write(folder, args.n)
            (root / "mkdocs.yml").write_text(
                "site_name: Bench\nplugins:\n  - ideaboard:\n      repo: acme/widgets\n",
                encoding="utf-8",
            )
            size = sum(p.stat().st_size for p in folder.iterdir()) / args.n
            settings = default_settings(root)

            def load(settings=settings, folder=folder, root=root):
                return load_tree(folder, settings, relative_to=root)

            def parse(settings=settings, folder=folder):
                return read_all(folder, settings.max_file_size)

            docs, wall, cpu = best(parse, args.repeat)
            parsed = sum(1 for doc in docs if doc.data and not doc.problems)
            del docs
            heap = peak_heap(parse)
            print(
                f"| {name} | {size:,.0f} B | read + parse | {wall:.2f} s | {cpu:.2f} s "
                f"| {heap / 1e6:.0f} MB | {parsed:,} parsed |"
            )
            (ideas, problems), wall, cpu = best(load, args.repeat)
            assert len(ideas) == args.n, (len(ideas), problems[:3])
            assert not problems, problems[:3]
            heap = peak_heap(load)
            print(
                f"| {name} | {size:,.0f} B | load_tree (all) | {wall:.2f} s | {cpu:.2f} s "
                f"| {heap / 1e6:.0f} MB | {len(ideas):,} ideas, {len(problems)} problems |"
            )
            wall, rss, last = run_cli(root)
            print(
                f"| {name} | {size:,.0f} B | `ideaboard validate` (once) | {wall:.2f} s | "
                f"| {rss / 1e6:.0f} MB RSS | {last} |"
            )


if __name__ == "__main__":
    main()
