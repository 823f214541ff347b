"""The sample board in ideas/ is what a newcomer builds first: it must stay valid and current."""

import runpy

from click.testing import CliRunner

from generator.cli import main
from generator.sync.store import to_json
from tests.paths import ROOT


def test_sample_board_validates():
    result = CliRunner().invoke(main, ["--config-file", str(ROOT / "mkdocs.yml"), "validate"])
    assert result.exit_code == 0, result.output
    count = len(list((ROOT / "ideas").glob("*.yaml")))
    assert result.output.splitlines()[-1] == f"{count} ideas OK"


def test_sample_snapshot_is_regenerated_byte_for_byte():
    """ideas/snapshot.json is written by tests/data/make_sample_snapshot.py; it must not drift."""
    script = runpy.run_path(str(ROOT / "tests/data/make_sample_snapshot.py"))
    expected = to_json(script["build_snapshot"]())
    assert (ROOT / "ideas/snapshot.json").read_text(encoding="utf-8") == expected
