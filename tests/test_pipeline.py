"""`crosscheck.run`: the run as a library call, the same as `crosscheck run` renders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import crosscheck
from crosscheck.cli import cli
from crosscheck.registry import RuleError


def test_the_library_run_is_the_one_the_cli_renders(mini: Path) -> None:
    result = crosscheck.run(mini, fail_on="never")
    printed = CliRunner().invoke(cli, ["run", str(mini), "--format", "json", "--fail-on", "never"])
    document = json.loads(printed.output)
    assert [f.fingerprint for f in result.review.active] == [
        f["fingerprint"] for f in document["findings"]
    ]
    assert result.fail_on is None


def test_a_selection_that_leaves_no_rule_says_why(mini: Path) -> None:
    with pytest.raises(RuleError, match="--ignore SRC leaves no rule to run"):
        crosscheck.run(mini, select=["SRC"], ignore=["SRC"])


def test_a_dataset_with_problems_is_a_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(crosscheck.DatasetError):
        crosscheck.run(tmp_path / "nothing")


def test_fail_on_takes_a_severity_or_its_name(mini: Path) -> None:
    assert crosscheck.run(mini, fail_on="warning").fail_on is crosscheck.Severity.WARNING
    assert crosscheck.run(mini, fail_on=crosscheck.Severity.INFO).fail_on is (
        crosscheck.Severity.INFO
    )
