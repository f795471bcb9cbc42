"""The control timeline of a place, and the `crosscheck timeline` command."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import load
from crosscheck.cli import cli, main
from crosscheck.timeline import control_timeline
from test_rules import CASES, write_case


def saraqeb_case(tmp_path: Path) -> Path:
    """The CTL002 case where SANA's retaking meets the spokesman's 'only part'."""
    cases = tomllib.loads((CASES / "CTL002.toml").read_text())["cases"]
    return write_case(cases[0], tmp_path / "dataset")


def test_the_timeline_lists_claims_about_a_place_and_the_places_within_it(mini: Path) -> None:
    """Asking for Idlib province shows the claims about Saraqeb, oldest first."""
    rows = control_timeline(load(mini), "Idlib")
    assert [row.claim for row in rows] == ["reuters-entered-saraqeb", "tr-saraqib-retaken"]
    assert [row.span for row in rows] == ["2020-02-05", "2020-02-27"]
    assert rows[1].extent == "full"


def test_rows_where_sources_disagree_are_marked_contested(tmp_path: Path) -> None:
    """Both claims of a control finding are marked; the timeline agrees with the rules."""
    rows = control_timeline(load(saraqeb_case(tmp_path)), "Saraqib")
    assert {row.claim: row.contested for row in rows} == {"only-part": True, "sana-took": True}


def test_the_command_prints_a_table_with_a_marker(tmp_path: Path) -> None:
    """`crosscheck timeline PLACE PATH` prints a heading, a header row and one row per claim."""
    result = CliRunner().invoke(cli, ["timeline", "saraqeb", str(saraqeb_case(tmp_path))])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Control of Saraqeb (2 claims")
    assert all(line.startswith("!") for line in lines[2:])


def test_an_unknown_place_is_one_line_and_exit_2(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt place gets a did-you-mean hint and exit code 2."""
    with pytest.raises(SystemExit) as exited:
        main(["timeline", "Saraqip", str(mini)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err == "crosscheck timeline: error: unknown place 'Saraqip'; did you mean 'Saraqib'?\n"
