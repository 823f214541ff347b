"""Benchmark: ``ideaboard build`` on N synthetic ideas against bare mkdocs-material.

Run it from the repository's root (it is a script; pytest does not collect it)::

    python tests/benchmarks/bench_build.py                 # N = 1,000 and 10,000
    python tests/benchmarks/bench_build.py -n 150000 --layout auto
    python tests/benchmarks/bench_build.py -n 1000 --profile prof.out

For each N it writes, in a temporary directory (``tests/benchmarks/synthetic.py`` and ``sites.py``):

- a **board**: N idea files (a title, a summary, a description of a few paragraphs with
  one made-up word of its own, 1-5 history entries, tags, some shipped, declined and
  duplicate ideas) and a snapshot with an issue for each (a heavy tail of 👍 voters,
  about 33 an idea: 5 million at 150,000; comments) plus N/20 proposals that have no
  YAML file yet, next to a copy of the repository's ``mkdocs.yml`` and ``site_theme/``.
  ``--layout`` puts the files in ``ideas/`` (``flat``), ``ideas/<year>/`` or
  ``ideas/<year>/<month>/``; ``auto`` (the default) uses ``month`` above 3,000 ideas when
  the loader reads subfolders (probed with a real load), else ``flat``;
- a **baseline**: bare mkdocs-material (no ideaboard plugin, search on, no fonts) with
  one page per idea holding the same text, reached from one index page that links them
  all, and, as with the board, kept out of the navigation.

Both are built in a fresh process, one after the other, without a GitHub token (the
board builds from the snapshot). Wall time is measured around the process; peak memory
is the larger of the largest maximum resident set size of the process and its children
(``getrusage``) and the largest sum of the proportional set sizes (PSS) of the whole
process tree, sampled every 0.2 s (a forked child writes half the pages), in a small
launcher. Output size is measured three ways: the sum of the files' sizes; ``du -sb``,
which adds each folder's own size (4 KiB a folder on ext4, and every idea page is a
folder); and ``du -s`` (disk blocks). The bytes per idea are then broken down by part of
the site, and an idea page into Material's chrome and the page's own ``<article>``. Then
the built board is served on 127.0.0.1 and walked in Chromium
(``tests/benchmarks/visitor.py``): the bytes of HTML and data each visitor action
downloads, with the theme's static files apart.

``--profile FILE`` runs the board build under cProfile (slower) and prints the top
functions by cumulative and by own time, to see where the time goes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks import sites, synthetic, visitor  # noqa: E402
from tests.benchmarks.sites import write_baseline, write_board  # noqa: E402
from tests.benchmarks.synthetic import synthetic_ideas  # noqa: E402
from tests.browser import base_path, build_command, offline_env, serve  # noqa: E402

KB = 1000
GOAL_RATIO_10K = 1.0
GOAL_SECONDS = 300.0  # at 150,000 ideas
GOAL_RSS = 3 * 1024**3
GOAL_SITE = 1024**3
GOAL_PER_IDEA = 6.5 * 1024
GOAL_HOME = 150 * KB
GOAL_FILTER = 200 * KB
GOAL_SEARCH = 500 * KB
GOAL_PAGE = 500 * KB
MAX_FOLDER = 3000


# ---------------------------------------------------------------- measuring


# A small launcher runs the build and reports its peak RSS.  Measuring the build as a
# direct child of this process would count this process's own memory (the generated
# data) in the child's high-water mark, since a child starts as a copy of its parent.
# The build writes in two processes (a forked child shares most of its memory), so the
# launcher also samples the sum of the proportional set sizes (PSS: shared pages split
# between the processes that share them) of the whole process tree (from /proc, every
# 0.2 s) and reports the larger of that sum and the largest single process's peak RSS.
LAUNCHER = """
import os, resource, subprocess, sys, threading, time

def tree_rss(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(name))
    sizes, todo = [], [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:  # PSS: memory a forked child shares with its parent counts once
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        sizes.append(int(line.split()[1]) * 1024)
                        break
        except (OSError, ValueError, IndexError):
            pass
    return sizes

start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:])
peak, when = 0, ""
def sample():
    global peak, when
    # memory.tsv: seconds, then each process's PSS in MiB, one line a second or so,
    # written line by line (the thread ends with the build, unflushed).
    with open("memory.tsv", "w", buffering=1) as timeline:
        k = 0
        while proc.poll() is None:
            sizes = tree_rss(proc.pid)
            t = time.perf_counter() - start
            if sum(sizes) > peak:
                peak = sum(sizes)
                when = f"{t:.0f} s, " + " + ".join(f"{s >> 20}" for s in sizes) + " MiB"
            if k % 5 == 0:
                print(f"{t:.1f}", *(s >> 20 for s in sizes), sep="\t", file=timeline)
            k += 1
            time.sleep(0.2)
threading.Thread(target=sample, daemon=True).start()
code = proc.wait()
wall = time.perf_counter() - start
largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print("peak PSS sum at", when, file=sys.stderr)
print(wall, max(largest, peak), code, file=sys.stderr)
"""


def measure(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run ``cmd``; return (wall seconds, peak RSS in bytes, its output)."""
    log = cwd / "build.log"
    with log.open("w") as out:
        proc = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *cmd],
            cwd=cwd,
            env=offline_env(),
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    *_, last = proc.stderr.strip().splitlines() or [""]
    wall, rss, code = last.split()
    text = log.read_text(errors="replace") + proc.stderr
    if proc.returncode != 0 or code != "0":
        raise SystemExit(f"build failed (exit {code}): {' '.join(cmd)}\n{text[-3000:]}")
    return float(wall), int(rss), text


def tree_bytes(path: Path) -> int:
    """Bytes of every file under ``path`` (0 if it does not exist)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def du_blocks(path: Path) -> int:
    """Disk use of ``path`` in bytes, as ``du -s`` counts it (whole blocks)."""
    out = subprocess.run(["du", "-s", "-B1", str(path)], capture_output=True, text=True)
    return int(out.stdout.split()[0])


def du_apparent(path: Path) -> int:
    """``du -sb``: the apparent size of ``path``, files and folders."""
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True)
    return int(out.stdout.split()[0])


#: The parts of the site the breakdown names; the rest is "other".
PARTS = ("ideas", "api", "feeds", "status", "tags", "people", "pagefind", "sitemap.xml", "sitemaps")


def breakdown(site: Path, n: int) -> dict[str, float]:
    """Bytes of files per idea, by part of the site, and an idea page's chrome and article."""
    parts = {part: tree_bytes(site / part) if (site / part).is_dir() else
             (site / part).stat().st_size if (site / part).exists() else 0
             for part in PARTS}  # fmt: skip
    parts["other"] = tree_bytes(site) - sum(parts.values())
    out = {part: size / n for part, size in parts.items()}
    pages = sorted((site / "ideas").glob("*.html"))[:: max(1, n // 500)]
    html = [p.read_text(encoding="utf-8") for p in pages]
    article = [h[h.find("<article") : h.rfind("</article>")] for h in html]
    out["idea page"] = sum(map(len, html)) / len(html)
    out["idea page: article"] = sum(map(len, article)) / len(html)
    out["idea page: chrome"] = out["idea page"] - out["idea page: article"]
    out["folders (du -sb)"] = (du_apparent(site) - tree_bytes(site)) / n
    return out


def largest_page(site: Path) -> tuple[int, str]:
    """The biggest HTML page: (bytes, path)."""
    size, path = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return size, path.relative_to(site).as_posix()


def largest_folder(ideas_dir: Path) -> int:
    """The most entries in one folder of the board's idea files."""
    return max(len(os.listdir(d)) for d, _, _ in os.walk(ideas_dir))


def choose_layout(layout: str, n: int) -> str:
    if layout != "auto":
        return layout
    return "month" if n > MAX_FOLDER and sites.subfolders_supported() else "flat"


def run(n: int, keep: Path | None, args) -> dict:
    """Generate, build both, walk the board, and return the figures for one N."""
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-", dir=keep))
    layout = choose_layout(args.layout, n)
    print(f"\n== N = {n:,} ideas in {work} (layout {layout})", flush=True)
    ideas = synthetic_ideas(n)
    config = write_board(work / "board", ideas, layout)
    input_bytes = sum(f.stat().st_size for f in (work / "board" / "ideas").rglob("*"))
    print(f"   input: {input_bytes / n:,.0f} bytes of YAML and snapshot per idea", flush=True)
    site = work / "board" / "site"
    # `ideaboard build` as a user runs it; with no token it builds from the snapshot.
    # Not quiet: the build log has Pagefind's time and the peak memory of each part.
    cmd = [part for part in build_command(config, site, offline=False) if part != "--quiet"]
    if args.profile:
        if cmd[1] == "-c":  # cProfile runs a script, not -c: write the one-liner to a file
            script = work / "build_main.py"
            script.write_text(cmd[2] + "\n", encoding="utf-8")
            cmd = [cmd[0], str(script), *cmd[3:]]
        cmd = [sys.executable, "-m", "cProfile", "-o", args.profile, *cmd[1:]]
    result = {"n": n, "layout": layout, "folder": largest_folder(work / "board" / "ideas")}
    if args.baseline:
        baseline = write_baseline(work / "baseline", ideas)
        base_site = work / "baseline" / "site"
        base_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(baseline),
                    "-d", str(base_site)]  # fmt: skip
    # Alternate the two builds and keep each one's best run, so that a burst of load
    # on a shared machine does not land on one side only.
    base_runs, board_runs = [], []
    for attempt in range(1, args.repeat + 1):
        if args.baseline:
            base_runs.append(measure(base_cmd, baseline.parent))
            t, rss, _ = base_runs[-1]
            print(f"   [{attempt}] bare mkdocs-material: {t:.1f} s, {rss / 2**20:.0f} MiB")
        board_runs.append(measure(cmd, config.parent))
        t, rss, log = board_runs[-1]
        said = ("Pagefind indexed", "peak PSS sum at")
        print(
            "".join(
                f"   {line}\n"
                for line in log.splitlines()
                if line.startswith(said) or "Pagefind indexed" in line
            )
        )
        print(f"   [{attempt}] ideaboard build:      {t:.1f} s, {rss / 2**20:.0f} MiB", flush=True)
    result["board_s"] = min(r[0] for r in board_runs)
    result["board_rss"] = max(r[1] for r in board_runs)
    if base_runs:
        result["base_s"] = min(r[0] for r in base_runs)
        result["base_rss"] = max(r[1] for r in base_runs)
        result["base_out"] = sum(f.stat().st_size for f in base_site.rglob("*") if f.is_file())
    pages = sum(1 for _ in site.rglob("*.html"))
    if pages < n:
        raise SystemExit(f"the board built only {pages} HTML pages for {n} ideas:\n{log[-3000:]}")
    result["files"] = tree_bytes(site)
    result["out"] = du_apparent(site)
    result["du"] = du_blocks(site)
    result["page"] = largest_page(site)
    result["parts"] = breakdown(site, n)
    print("   bytes per idea: " + ", ".join(f"{k} {v:,.0f}" for k, v in result["parts"].items()))
    if args.visitor:
        result["visitor"] = walk_board(site, config, ideas)
    if args.profile:
        print_profile(args.profile)
    if keep is None:
        shutil.rmtree(work)
    return result


def walk_board(site: Path, config: Path, ideas: list[dict]) -> visitor.Counter:
    """The visitor actions on the built board; the idea searched for is a fixed one."""
    target = ideas[len(ideas) * 2 // 3]
    tag = sorted(synthetic.TAGS)[0]
    with serve(site, base_path(config)) as url:
        counter = visitor.walk(
            url, target["slug"], synthetic.codename(target["issue"]), tag, "status/proposed/"
        )
    for action in visitor.ACTIONS:
        print(f"   {action}: {counter.data[action]:,} B (+{counter.static[action]:,} B static)")
        for line in counter.urls[action][:12]:
            print(f"       {line}")
    return counter


def print_profile(path: str) -> None:
    import pstats

    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(25)


def ok(good: bool) -> str:
    return "✅" if good else "❌"


def table(results: list[dict]) -> str:
    """The build figures as a Markdown table, with each goal's verdict."""
    rows = [
        "| ideas | layout (most entries in a folder) | `ideaboard build` | bare mkdocs-material "
        "| ratio | peak RSS (baseline) | files | site (`du -sb`) | `du -s` | per idea (`du -sb`) "
        "| largest page |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        n, big = r["n"], r["n"] >= 150_000
        base = r.get("base_s")
        ratio = f"{r['board_s'] / base:.2f}×" if base else "–"
        if base and n == 10_000:
            ratio += " " + ok(r["board_s"] / base <= GOAL_RATIO_10K)
        time = f"{r['board_s']:.1f} s" + (" " + ok(r["board_s"] <= GOAL_SECONDS) if big else "")
        rss = f"{r['board_rss'] / 2**20:,.0f} MiB"
        rss += " " + ok(r["board_rss"] <= GOAL_RSS) if big else ""
        base_rss = f"{r['base_rss'] / 2**20:,.0f} MiB" if base else "–"
        cells = [
            f"{n:,}", f"{r['layout']} ({r['folder']:,})", time, f"{base:.1f} s" if base else "–",
            ratio, f"{rss} ({base_rss})",
            f"{r['files'] / 1e6:,.1f} MB {ok(r['files'] <= GOAL_SITE)}",
            f"{r['out'] / 1e6:,.1f} MB {ok(r['out'] <= GOAL_SITE)}",
            f"{r['du'] / 1e6:,.1f} MB",
            f"{r['out'] / n / 1024:.1f} KiB {ok(r['out'] / n <= GOAL_PER_IDEA)}",
            f"{r['page'][0] / KB:,.0f} KB {ok(r['page'][0] <= GOAL_PAGE)}",
        ]  # fmt: skip
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def visitor_table(results: list[dict]) -> str:
    """The bytes of each visitor action, as a Markdown table (static files in brackets)."""
    walked = [r for r in results if "visitor" in r]
    if not walked:
        return ""
    goals = {"home": GOAL_HOME, "sort": GOAL_FILTER, "status": GOAL_FILTER,
             "tag": GOAL_FILTER, "search": GOAL_SEARCH}  # fmt: skip
    head = "| action | " + " | ".join(f"{r['n']:,} ideas" for r in walked) + " |"
    rows = [head, "|---|" + "---:|" * len(walked)]
    for action in visitor.ACTIONS:
        cells = []
        for r in walked:
            data, static = r["visitor"].data[action], r["visitor"].static[action]
            verdict = f" {ok(data <= goals[action])}" if action in goals else ""
            cells.append(f"{data / KB:,.1f} KB{verdict} (+{static / KB:,.0f} KB static)")
        rows.append(f"| {action} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-n", type=int, action="append", help="number of ideas (repeatable; default 1000, 10000)"
    )
    parser.add_argument("--keep", type=Path, help="keep the generated boards under this folder")
    parser.add_argument("--profile", help="profile the board build with cProfile into this file")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build each site this many times; keep the best"
    )
    parser.add_argument("--layout", choices=("auto", *sites.LAYOUTS), default="auto")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="skip bare mkdocs-material")  # fmt: skip
    parser.add_argument("--no-visitor", dest="visitor", action="store_false",
                        help="skip the walk in Chromium")  # fmt: skip
    args = parser.parse_args(argv)
    sizes = args.n or [1_000, 10_000]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}", flush=True)
    results = []
    for n in sizes:
        results.append(run(n, args.keep, args))
        r = results[-1]
        print(f"   output {r['files']:,} B of files, {r['out']:,} B by du -sb "
              f"({r['du']:,} B on disk); largest page {r['page']}", flush=True)  # fmt: skip
    print()
    print(table(results))
    print()
    print(visitor_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
