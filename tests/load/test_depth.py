"""The nesting measure agrees with PyYAML's own tree, whatever PyYAML's version says."""

from __future__ import annotations

import random

import pytest
import yaml

from generator.load.depth import measure


def _tree_depth(text: str) -> int:
    def depth(node: yaml.Node) -> int:
        if isinstance(node, yaml.ScalarNode):
            return 0
        children = (
            node.value
            if isinstance(node, yaml.SequenceNode)
            else [value for pair in node.value for value in pair]
        )
        return 1 + max(map(depth, children), default=0)

    return depth(yaml.compose(text, Loader=yaml.SafeLoader))


def _block(rng: random.Random, level: int, indent: int) -> str:
    """A random valid document: block maps and lists, flow values, scalars that look like markup."""
    pad = " " * indent
    if level == 0:
        return rng.choice(["x", "'a [b'", '"c: {d"', "|\n" + pad + "  [[[[ text", "plain [[[["])
    kind = rng.choice(["map", "seq", "flow", "compact"])
    if kind == "flow":
        inner = "x"
        for _ in range(level):
            inner = rng.choice([f"[{inner}, 'q]']", f"{{k: {inner}}}"])
        return inner
    if kind == "map":
        return "\n" + pad + "k: " + _block(rng, level - 1, indent + 2) + "\n" + pad + "z: 1"
    if kind == "compact":  # a list at its key's indentation
        return "\n" + pad + "- " + _block(rng, level - 1, indent + 2)
    return "\n" + pad + "  - " + _block(rng, level - 1, indent + 4)


@pytest.mark.parametrize("seed", range(200))
def test_measure_matches_the_composed_tree(seed: int) -> None:
    rng = random.Random(seed)
    text = "root: " + _block(rng, rng.randint(1, 8), 2) + "\nlast: x\n"
    assert measure(text, 100).depth == _tree_depth(text), text


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("a: |\n  [[[[[[[[\n  - - - -\nb: 1\n", 1),
        ("a: plain\n  [[[[[[[[ continued\n", 1),
        ("a: 'quoted [[[[\n  still quoted ]]'\n", 1),
        ("a: &anchor\n  [[[[x]]]]\n", 5),
        ("a: !!seq\n- [x]\n", 3),
        ("a: [x, # a comment [[[[\n  y]\n", 2),
        ("a:\n- b: 1\n  c: [1]\nd: 2\n", 4),
        ("'k: [': 1\n", 1),
    ],
)
def test_measure_skips_text_that_only_looks_nested(text: str, depth: int) -> None:
    assert measure(text, 100).depth == _tree_depth(text) == depth


def test_measure_places_the_first_level_over_the_limit() -> None:
    nesting = measure("a:\n  - - - - x\n", 3)
    assert (nesting.depth, nesting.line, nesting.col) == (5, 2, 7)
