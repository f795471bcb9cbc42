"""`crosscheck run` and `crosscheck rules`: formats, selection, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli_w
from click.testing import CliRunner, Result

from conftest import MINI, RULE_SECTIONS
from crosscheck import Severity, check, load
from crosscheck.cli import cli, main, wants_colour
from crosscheck.engine import Context
from crosscheck.findings import Violation
from crosscheck.registry import Lifecycle, Rule, RuleError, rule
from crosscheck.render import FORMATS, Run


def flagging(
    code: str,
    name: str,
    severity: Severity,
    predicate: str,
    lifecycle: Lifecycle = Lifecycle.STABLE,
) -> Rule:
    """A rule flagging each claim with `predicate`."""

    def flag(context: Context) -> Iterator[Violation]:
        for claim in context.with_predicate(predicate):
            yield Violation(f"{claim.id} is a {predicate} claim.", (claim,))

    flag.__doc__ = f"Flags {predicate} claims." + RULE_SECTIONS
    return rule(code, name, severity, lifecycle)(flag)


def broken(context: Context) -> Iterator[Violation]:
    for claim in context.claims:
        yield Violation(str(len(context.claims) / 0), (claim,))


broken.__doc__ = "Always fails." + RULE_SECTIONS
ERROR = flagging("TST001", "test.killed", Severity.ERROR, "killed")
WARNING = flagging("TST002", "test.count", Severity.WARNING, "count")
INFO = flagging("TST003", "test.took", Severity.INFO, "took")
QUIET = flagging("TST004", "test.quiet", Severity.ERROR, "shot_down")
PREVIEW = rule("TST005", "test.preview", Severity.INFO, Lifecycle.PREVIEW)(
    flagging("TST099", "test.unused", Severity.INFO, "entered").check
)
RULES = (ERROR, WARNING, INFO, QUIET, PREVIEW)


@pytest.fixture(autouse=True)
def registered_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs the rules above, not the registered ones."""
    monkeypatch.setattr("crosscheck.registry.load_rules", lambda: RULES)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, ["run", *args])


def codes(result: Result) -> list[str]:
    """The codes of the rules with active findings in a JSON result."""
    return sorted({f["code"] for f in json.loads(result.stdout)["findings"]})


def fingerprint(code: str) -> str:
    [finding] = [f for f in check(load(MINI), rules=RULES) if f.code == code]
    return finding.fingerprint


def accepted_copy(tmp_path: Path, *entries: dict[str, str]) -> Path:
    """A copy of the mini dataset with `entries` in its accepted.toml."""
    dataset = tmp_path / "mini"
    shutil.copytree(MINI, dataset)
    (dataset / "accepted.toml").write_text(tomli_w.dumps({"accepted": list(entries)}))
    return dataset


# -- exit codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "select", "status"),
    [
        ("error", "TST001", 1),
        ("error", "TST002", 0),
        ("warning", "TST002", 1),
        ("warning", "TST003", 0),
        ("info", "TST003", 1),
        ("info", "TST004", 0),
        ("never", "TST", 0),
    ],
)
def test_exit_status_follows_fail_on(fail_on: str, select: str, status: int) -> None:
    """Exit 1 when an active finding is at least as severe as --fail-on, else 0."""
    result = invoke(str(MINI), "--select", select, "--fail-on", fail_on)
    assert result.exit_code == status, result.output


def test_fail_on_defaults_to_info() -> None:
    """By default any active finding, even info, fails the run."""
    assert invoke(str(MINI), "--select", "TST003").exit_code == 1


def test_accepted_findings_never_fail_the_run(tmp_path: Path) -> None:
    """A run whose only finding is accepted exits 0 and lists it as accepted."""
    dataset = accepted_copy(
        tmp_path, {"fingerprint": fingerprint("TST002"), "code": "TST002", "reason": "a census"}
    )
    result = invoke(str(dataset), "--select", "TST002")
    assert result.exit_code == 0
    assert f"accepted: TST002 {fingerprint('TST002')} — a census" in result.stdout


def test_acceptances_for_rules_not_selected_are_not_stale(tmp_path: Path) -> None:
    """With --select, an acceptance for a rule that did not run is not reported stale."""
    dataset = accepted_copy(
        tmp_path, {"fingerprint": fingerprint("TST002"), "code": "TST002", "reason": "a census"}
    )
    result = invoke(str(dataset), "--select", "TST003", "--format", "json")
    assert json.loads(result.stdout)["stale"] == []


def test_an_acceptance_matching_no_finding_is_reported_stale(tmp_path: Path) -> None:
    """An acceptance for a rule that ran but matches nothing is listed as stale."""
    dataset = accepted_copy(
        tmp_path, {"fingerprint": "0123456789abcdef", "code": "TST002", "reason": "old"}
    )
    result = invoke(str(dataset), "--select", "TST002", "--format", "json")
    assert json.loads(result.stdout)["stale"] == [
        {"fingerprint": "0123456789abcdef", "code": "TST002", "reason": "old", "unseen": None}
    ]


def test_an_acceptance_naming_no_registered_rule_is_stale(tmp_path: Path) -> None:
    """An acceptance whose rule no longer exists can never match again: it is stale."""
    dataset = accepted_copy(
        tmp_path, {"fingerprint": "0123456789abcdef", "code": "OLD001", "reason": "renamed"}
    )
    result = invoke(str(dataset), "--format", "json")
    assert [s["code"] for s in json.loads(result.stdout)["stale"]] == ["OLD001"]


def test_a_bad_dataset_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    """Each problem is a line on stderr, then a count; nothing is checked."""
    dataset = tmp_path / "mini"
    shutil.copytree(MINI, dataset)
    (dataset / "places.toml").unlink()
    (dataset / "actors.toml").write_text("actors = 1\n")
    result = invoke(str(dataset))
    assert result.exit_code == 2
    *problems, last = result.stderr.splitlines()
    assert len(problems) > 1
    assert all(line.startswith(str(dataset)) for line in problems)
    assert last == f"{len(problems)} problems in {dataset}; nothing checked"
    assert result.stdout == ""


# -- the dataset ------------------------------------------------------------------------------


def test_path_defaults_to_the_bundled_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PATH, `run` checks the dataset `example_path` names."""
    monkeypatch.setattr("crosscheck.example.example_path", lambda: MINI)
    result = invoke("--fail-on", "never")
    assert result.stdout.splitlines()[-1].endswith("in 2 reports (7 claims)")


def test_a_missing_bundled_dataset_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the bundled dataset is missing, `run` without PATH says so in one line."""

    def missing() -> Path:
        raise FileNotFoundError("the bundled dataset syria-2019-2020 is missing")

    monkeypatch.setattr("crosscheck.example.example_path", missing)
    with pytest.raises(SystemExit) as exited:
        main(["run"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "crosscheck run: error: the bundled dataset syria-2019-2020 is missing; name a dataset "
        "folder\n"
    )


# -- selection --------------------------------------------------------------------------------


def test_select_and_ignore_take_repeated_and_comma_separated_selectors() -> None:
    """Selectors may be repeated and comma-separated, as codes, prefixes or names."""
    result = invoke(str(MINI), "-s", "TST001,test.count", "-s", "TST003", "--format", "json")
    assert codes(result) == ["TST001", "TST002", "TST003"]
    result = invoke(str(MINI), "--ignore", "TST001, TST002", "--format", "json")
    assert codes(result) == ["TST003"]


def test_preview_rules_run_only_when_asked() -> None:
    """A preview rule runs with --preview, not by default."""
    assert "TST005" not in codes(invoke(str(MINI), "--format", "json"))
    assert "TST005" in codes(invoke(str(MINI), "--format", "json", "--preview"))


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_selector_is_one_line_with_a_hint(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A selector naming no rule is one line with a did-you-mean, and exit 2."""
    with pytest.raises(SystemExit) as exited:
        main(["run", str(MINI), option, "TST01"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "crosscheck run: error: no rule matches 'TST01'; did you mean 'TST001'? "
        "(see 'crosscheck run --help')"
    ]


# -- failures ---------------------------------------------------------------------------------


def test_a_failing_rule_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule that raises is reported in one line naming it, as a bug, with exit 2."""
    monkeypatch.setattr("crosscheck.registry.load_rules", lambda: (rule("TST009", "test.broken",
                        Severity.ERROR)(broken),))  # fmt: skip
    with pytest.raises(SystemExit) as exited:
        main(["run", str(MINI)])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "crosscheck: error: rule TST009 (test.broken) failed: ZeroDivisionError: division by "
        "zero (a bug in the rule: please report it; crosscheck --debug or CROSSCHECK_DEBUG=1 "
        "shows the traceback)\n"
    )


def test_rules_that_cannot_be_loaded_are_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin that fails to load is one line and exit 2, not a traceback."""

    def failing() -> tuple[Rule, ...]:
        raise RuleError("rule code EXA001 is declared by both a and b")

    monkeypatch.setattr("crosscheck.registry.load_rules", failing)
    result = invoke(str(MINI))
    assert result.exit_code == 2
    assert result.stderr == "Error: rule code EXA001 is declared by both a and b\n"


# -- output -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["json", "markdown", "sarif"])
def test_each_format_is_written_to_stdout(name: str) -> None:
    """--format chooses the renderer; the output goes to stdout."""
    result = invoke(str(MINI), "--format", name, "--fail-on", "never")
    assert result.exit_code == 0
    assert result.stdout.startswith({"json": "{", "markdown": "# ", "sarif": "{"}[name])


def test_output_writes_the_file_and_summarises_on_stderr(tmp_path: Path) -> None:
    """--output writes the rendered output to the file, and one summary line to stderr."""
    target = tmp_path / "findings.json"
    result = invoke(str(MINI), "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 2
    assert result.stderr.endswith(f"; written to {target}\n")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_output_into_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """--output does not create folders: a missing one is reported, and nothing is written."""
    target = tmp_path / "missing" / "findings.json"
    result = invoke(str(MINI), "--output", str(target))
    assert result.exit_code == 2
    assert "No such file or directory" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_output_is_not_written_when_rendering_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A renderer that fails leaves no file, not even a partial one, and exits 2."""

    def failing(run: Run, color: bool) -> str:
        raise ValueError("cannot render")

    monkeypatch.setitem(FORMATS, "json", failing)
    target = tmp_path / "findings.json"
    result = invoke(str(MINI), "--format", "json", "--output", str(target))
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []
    assert len(result.stderr.splitlines()) == 1


def test_text_is_coloured_only_when_asked() -> None:
    """--color forces ANSI styles; by default, into a pipe, there are none."""
    assert "\x1b[" in invoke(str(MINI), "--color").stdout
    assert "\x1b[" not in invoke(str(MINI)).stdout
    assert "\x1b[" not in invoke(str(MINI), "--no-color").stdout


@pytest.mark.parametrize(
    ("flag", "to_file", "is_tty", "no_color", "expected"),
    [
        (None, False, True, None, True),
        (None, False, False, None, False),
        (None, True, True, None, False),
        (None, False, True, "1", False),
        (None, False, True, "", True),
        (True, True, False, "1", True),
        (False, False, True, None, False),
    ],
)
def test_colour_follows_the_flag_then_the_terminal_and_no_color(
    flag: bool | None, to_file: bool, is_tty: bool, no_color: str | None, expected: bool
) -> None:
    """--color/--no-color win; otherwise colour needs a terminal, no file and no NO_COLOR."""
    assert wants_colour(flag, to_file=to_file, is_tty=is_tty, no_color=no_color) is expected


# -- rules ------------------------------------------------------------------------------------


def test_rules_lists_every_rule_in_aligned_columns() -> None:
    """`crosscheck rules` prints a header and one aligned row per rule."""
    result = CliRunner().invoke(cli, ["rules"])
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "lifecycle", "summary"]
    assert [line.split()[0] for line in lines[1:]] == [r.code for r in RULES]
    assert len({line.index(" test.") for line in lines[1:]}) == 1
    assert lines[5].split()[2:5] == ["info", "preview", "Flags"]


@pytest.mark.parametrize("name", ["TST002", "tst002", "test.count"])
def test_rules_prints_one_rules_documentation(name: str) -> None:
    """`crosscheck rules CODE` (or name) prints the rule's identity and whole docstring."""
    result = CliRunner().invoke(cli, ["rules", name])
    assert result.exit_code == 0
    assert result.stdout.startswith("TST002 test.count\nseverity: warning; lifecycle: stable\n\n")
    assert result.stdout.endswith(WARNING.doc + "\n")


def test_rules_with_an_unknown_rule_is_one_line_with_a_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown rule is one line with a did-you-mean, and exit 2."""
    with pytest.raises(SystemExit) as exited:
        main(["rules", "test.cuont"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "crosscheck rules: error: no rule 'test.cuont'; did you mean 'test.count'?\n"
    )


def test_rules_says_when_none_are_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no rules registered, `crosscheck rules` says so."""
    monkeypatch.setattr("crosscheck.registry.load_rules", tuple)
    assert CliRunner().invoke(cli, ["rules"]).stdout == "no rules are registered\n"


def test_an_empty_selection_is_a_usage_error() -> None:
    """`--select ""` selects nothing, which is surely a mistake: exit 2, not a silent pass."""
    result = invoke(str(MINI), "--select", " , ")
    assert result.exit_code == 2
    assert "--select names no rule" in result.stderr


def test_the_dask_engine_without_the_extra_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--engine dask without Dask installed is one line naming the extra, and exit 2."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name)
    )
    result = invoke(str(MINI), "--engine", "dask")
    assert result.exit_code == 2
    assert "pip install 'crosscheck[dask]'" in result.stderr
