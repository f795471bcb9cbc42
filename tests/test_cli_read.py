"""`crosscheck read`: how a wording is read, before a curator writes it in a claim."""

from __future__ import annotations

import json

from click.testing import CliRunner

from crosscheck.cli import cli


def read(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["read", *args])
    return result.exit_code, result.output


def test_a_figure_shows_its_interval_and_the_reading_explanations_quote() -> None:
    code, output = read("at least six")
    assert code == 0
    lines = output.splitlines()
    assert lines[0] == "as a figure: [6, ∞) person"
    assert lines[1].strip().startswith("'at least N'")
    assert "as a date" not in output  # the reader that failed is not shown when one reads


def test_a_date_is_read_against_the_report_date_given() -> None:
    code, output = read("on Monday", "--date", "2020-02-06")
    assert code == 0
    assert output.splitlines()[0] == "as a date: 2020-02-03 (read against 2020-02-06)"


def test_a_wording_both_readers_read_shows_both() -> None:
    code, output = read("2016")
    assert code == 0
    assert "as a figure: [2016, 2016] person" in output
    assert "as a date: 2016-01-01 – 2016-12-31" in output


def test_as_limits_the_reading_to_one_reader() -> None:
    code, output = read("2016", "--as", "date")
    assert code == 0
    assert "as a figure" not in output


def test_a_unit_reads_the_wording_as_a_figure_of_that_unit() -> None:
    code, output = read("480 km", "--unit", "km")
    assert code == 0
    assert output.splitlines()[0] == "as a figure: [475, 485] km"


def test_a_planned_date_looks_ahead_with_ahead() -> None:
    code, output = read("on Thursday", "--date", "2020-02-03", "--ahead")
    assert code == 0
    assert (
        output.splitlines()[0] == "as a date: 2020-02-06 (read against 2020-02-03, looking ahead)"
    )


def test_an_unreadable_wording_shows_why_for_each_reader_and_exits_2() -> None:
    code, output = read("blah")
    assert code == 2
    lines = output.splitlines()
    assert [line.split(" — ")[0] for line in lines] == [
        "as a figure: not read",
        "as a date: not read",
    ]


def test_json_gives_both_readers_results_for_tools() -> None:
    code, output = read("more than 30", "--date", "2020-02-06", "--format", "json")
    assert code == 0
    document = json.loads(output)
    assert document["version"] == 1
    assert document["wording"] == "more than 30"
    assert document["figure"]["low"] == 31
    assert document["figure"]["high"] is None  # no ceiling
    assert "error" in document["date"]


def test_after_counts_a_date_from_the_day_given() -> None:
    code, output = read("two days later", "--after", "2020-03-02")
    assert code == 0
    assert output.splitlines()[0] == "as a date: 2020-03-04"


def test_after_and_before_together_are_a_usage_error() -> None:
    code, output = read("two days later", "--after", "2020-03-02", "--before", "2020-03-02")
    assert code == 2
    assert "not both" in output
