"""`crosscheck accept`: accepting findings with the positions they hold, in either format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from crosscheck import load
from crosscheck.cli import cli

SYRIA = Path(__file__).parent.parent / "fixtures" / "syria-2019-2020"
NINE = """
[[claims]]
id = "meo-nine-turkish-soldiers-killed"
predicate = "killed"
source = "sohr"
patient = "turkish-armed-forces"
quantity = "nine"
when = "on Monday"
event = "clash-2020-02-03"
quote = "A rare confrontation between Turkey and Syria on Monday killed seven Turkish soldiers"
"""


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def run_json(path: Path) -> dict[str, object]:
    result = invoke("run", str(path), "--format", "json", "--select", "QTY001")
    document: dict[str, object] = json.loads(result.stdout)
    return document


@pytest.fixture
def syria(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SYRIA, tmp_path / "syria"))


def test_accepted_findings_are_suppressed_with_their_reason(syria: Path) -> None:
    """Accepting the QTY001 findings records them, with positions, and the run suppresses
    them; other acceptances and files are left alone."""
    result = invoke("accept", str(syria), "--select", "QTY001", "--reason", "reviewed twice")
    assert result.exit_code == 0, result.output
    assert "accepted 2 findings" in result.stderr
    accepted = load(syria).accepted
    assert {a.code for a in accepted} == {"QTY001"}
    assert all(a.positions and a.reason == "reviewed twice" for a in accepted)
    document = run_json(syria)
    assert document["findings"] == []
    assert len(document["suppressed"]) == 2  # type: ignore[arg-type]


def test_a_new_position_makes_the_acceptance_stale(syria: Path) -> None:
    """A third figure for the seven-or-five Turkish dead is a position the reviewer never saw:
    the finding is active again, and its acceptance stale, saying what it did not see."""
    invoke("accept", str(syria), "--select", "QTY001", "--reason", "reviewed")
    report = syria / "reports" / "middle-east-online-2020-02-06.toml"
    report.write_text(report.read_text(encoding="utf-8") + NINE, encoding="utf-8")
    document = run_json(syria)
    findings: list[dict[str, Any]] = document["findings"]  # type: ignore[assignment]
    stales: list[dict[str, Any]] = document["stale"]  # type: ignore[assignment]
    (active,) = findings
    assert len(active["positions"]) == 3
    (stale,) = stales
    assert "meo-nine-turkish-soldiers-killed" in stale["unseen"]
    again = invoke("accept", str(syria), "--fingerprint", stale["fingerprint"], "--reason", "ok")
    assert "1 accepted again" in again.stderr
    assert run_json(syria)["stale"] == []


def test_an_agreeing_claim_keeps_the_acceptance(syria: Path) -> None:
    """A second report of the seven dead joins the seven's position: still accepted."""
    invoke("accept", str(syria), "--select", "QTY001", "--reason", "reviewed")
    report = syria / "reports" / "middle-east-online-2020-02-06.toml"
    text = NINE.replace('quantity = "nine"', 'quantity = "seven"').replace(
        '"sohr"', '"arab-observer"'
    )
    report.write_text(report.read_text(encoding="utf-8") + text, encoding="utf-8")
    document = run_json(syria)
    assert document["findings"] == []
    assert document["stale"] == []


def test_the_bulk_format_is_accepted_in_place(syria: Path, tmp_path: Path) -> None:
    """In the bulk format the acceptances go to accepted.jsonl."""
    bulk = tmp_path / "bulk"
    assert invoke("convert", str(syria), str(bulk)).exit_code == 0
    assert invoke("accept", str(bulk), "-s", "QTY001", "--reason", "checked").exit_code == 0
    lines = (bulk / "accepted.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["QTY001", "QTY001"]
    assert run_json(bulk)["findings"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reason", " "], "--reason is empty"),
        (["--reason", "x", "--fingerprint", "0123456789abcdef"], "no active finding has"),
    ],
)
def test_a_bad_acceptance_is_one_line_and_exit_2(
    syria: Path, args: list[str], message: str
) -> None:
    """An empty reason or an unknown fingerprint writes nothing and says why in one line."""
    result = invoke("accept", str(syria), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (syria / "accepted.toml").exists()
