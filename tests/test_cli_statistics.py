"""`crosscheck run --statistics`: how many findings each rule reported, like ruff's."""

from __future__ import annotations

from click.testing import CliRunner

from crosscheck.cli import cli


def test_statistics_count_the_findings_of_each_rule_most_first() -> None:
    """`--statistics` is `ruff --statistics`: a line per rule that reported, most first."""
    result = CliRunner().invoke(cli, ["run", "--statistics"])
    assert result.exit_code == 1  # the findings still fail the run
    lines = result.stdout.splitlines()
    assert lines[0] == "7  SRC001  source.self-serving (info)"
    assert lines[-1] == "2 errors, 4 warnings, 9 info in 5 reports (224 claims)"
    counts = [int(line.split()[0]) for line in lines[:-1]]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == 15


def test_statistics_in_json_and_nowhere_else() -> None:
    import json

    result = CliRunner().invoke(cli, ["run", "--statistics", "--format", "json"])
    rows = json.loads(result.stdout)
    assert rows[0] == {"code": "SRC001", "name": "source.self-serving", "count": 7,
                       "severity": "info"}  # fmt: skip
    refused = CliRunner().invoke(cli, ["run", "--statistics", "--format", "markdown"])
    assert refused.exit_code == 2
    assert "--statistics prints text or json, not markdown" in refused.stderr
