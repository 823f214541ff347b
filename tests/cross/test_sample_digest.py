"""The sample site is byte-identical to the digest committed in ``tests/data``.

A refactoring must not change a byte of the output.  A change that means to alter
the output regenerates the digest on purpose: ``python tests/data/site_digest.py``.
"""

from __future__ import annotations

import difflib

from tests.data.site_digest import DIGEST, build_sample, digest


def test_the_sample_site_matches_its_committed_digest(tmp_path):
    build_sample(tmp_path / "site")
    built = digest(tmp_path / "site")
    expected = DIGEST.read_text(encoding="utf-8")
    if built != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                built.splitlines(keepends=True),
                "committed",
                "built",
                n=0,
            )
        )
        raise AssertionError(
            "the sample site changed; if that is meant, run "
            f"'python tests/data/site_digest.py' and commit the digest:\n{diff}"
        )
