"""The lock: requirements/run.txt and test.txt pin every dependency, within pyproject's ranges."""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.paths import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pins(name: str) -> dict[str, str]:
    """``package -> version`` for every ``name==version`` line of a lock file."""
    found = {}
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            package, _, version = line.partition("==")
            assert version, (
                f"requirements/{name}: expected 'package==version' but received {line!r}"
            )
            found[canonicalize_name(package)] = version
    return found


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("run.txt", PROJECT["dependencies"]),
        ("test.txt", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]),
    ],
)
def test_the_lock_pins_every_direct_dependency_within_its_range(lock, requirements):
    locked = pins(lock)
    for text in requirements:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"requirements/{lock} does not pin {name}: refresh the lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"requirements/{lock}: {name}=={locked[name]} is outside {requirement.specifier}"
        )


def test_the_run_lock_is_part_of_the_test_lock():
    run, test = pins("run.txt"), pins("test.txt")
    assert {name: test.get(name) for name in run} == run
