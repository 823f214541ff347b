"""``sanitize.markdown`` on ordinary and hostile text (a script, not a test).

    python tests/benchmarks/bench_sanitize.py              # best of 3
    python tests/benchmarks/bench_sanitize.py --repeat 5 --worst 10

Three measurements, wall time with ``time.perf_counter``, best of ``--repeat``:

1. 10,000 short descriptions (a paragraph, bold, a two-item list, a link), each
   different, one after the other;
2. every payload of ``tests/data/attacks/payloads.json`` (``repeat`` applied), the
   ``--worst`` slowest shown, with the path it took: ``markdown`` (Python-Markdown +
   nh3) or ``plain`` (the escaped-paragraphs fallback for pathological text);
3. inputs crafted to sit just under the fallback's thresholds: for each repeated
   unit (``*``, ``[``, ``> ``, ...), the longest repetition that still goes through
   Python-Markdown, found by bisection with ``sanitize.overrun``.

Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator import sanitize  # noqa: E402

DESCRIPTION = "Dark mode for the **editor**.\n\n- follows the system\n- [mockup](https://e.x/m)\n"
UNITS = (
    "*", "x*", "_a", "> ", "`", "<", "[", "[a](", "![x](", "- [",
    "+ ", "1. ", "*a ", "a\n=\n", "# a\n", "---\n",
)  # fmt: skip


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def path_taken(source: str) -> str:
    return "plain" if sanitize.overrun(sanitize.normalized(source)) else "markdown"


def just_under(unit: str) -> str:
    """The longest ``unit * n`` (within MAX_MARKDOWN) that is not pathological."""
    low, high = 1, sanitize.MAX_MARKDOWN // len(unit)
    if sanitize.overrun(unit * high) is None:
        return unit * high
    while high - low > 1:
        middle = (low + high) // 2
        if sanitize.overrun(unit * middle) is not None:
            high = middle
        else:
            low = middle
    return unit * low


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="descriptions (10,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per input; best is shown")
    parser.add_argument("--worst", type=int, default=8, help="slowest payloads shown (8)")
    args = parser.parse_args()
    print(f"best of {args.repeat}; Python {platform.python_version()}, {platform.machine()}\n")

    descriptions = [f"{DESCRIPTION}{k}" for k in range(args.n)]
    total = best(lambda: [sanitize.markdown(d) for d in descriptions], args.repeat)
    print("| input | total | per call |")
    print("|---|---:|---:|")
    print(f"| {args.n:,} short descriptions | {total:.2f} s | {total / args.n * 1e3:.2f} ms |\n")

    corpus = json.loads((ROOT / "tests/data/attacks/payloads.json").read_text(encoding="utf-8"))
    timed = []
    for entry in corpus["payloads"]:
        payload = entry["payload"] * entry.get("repeat", 1)
        seconds = best(lambda payload=payload: sanitize.markdown(payload), args.repeat)
        timed.append((seconds, entry["id"], entry["kind"], len(payload), path_taken(payload)))
    timed.sort(reverse=True)
    print(
        f"All {len(timed)} payloads of tests/data/attacks/payloads.json: "
        f"{sum(t[0] for t in timed):.2f} s in all; the {args.worst} slowest:\n"
    )
    print("| payload | kind | length | path | time |")
    print("|---|---|---:|---|---:|")
    for seconds, name, kind, length, path in timed[: args.worst]:
        print(f"| `{name}` | {kind} | {length:,} | {path} | {seconds * 1e3:.1f} ms |")

    print("\nJust under the fallback's thresholds (still rendered as Markdown):\n")
    print("| input | length | path | time |")
    print("|---|---:|---|---:|")
    for unit in UNITS:
        source = just_under(unit)
        seconds = best(lambda source=source: sanitize.markdown(source), args.repeat)
        count = len(source) // len(unit)
        print(
            f"| ``{unit!r}`` × {count:,} | {len(source):,} | {path_taken(source)} "
            f"| {seconds * 1e3:.0f} ms |"
        )


if __name__ == "__main__":
    main()
