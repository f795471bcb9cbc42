"""The command line: version, show, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import crosscheck
from conftest import MINI
from crosscheck.cli import cli, main


def test_version_prints_the_package_version() -> None:
    """`crosscheck --version` names the program and its version."""
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"crosscheck {crosscheck.__version__}\n"


def test_show_summarises_a_valid_dataset(mini: Path) -> None:
    """`crosscheck show` counts reports, claims, actors and places and lists the reports."""
    result = CliRunner().invoke(cli, ["show", str(mini)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"{mini}: 2 reports, 7 claims, 9 actors, 4 places"
    assert lines[1].split()[:2] == ["2020-02-06", "reuters-2020-02-06"]


def test_usage_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing argument is one line on standard error and exit code 2, not a usage dump."""
    with pytest.raises(SystemExit) as exited:
        main(["show"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert (
        err == "crosscheck show: error: Missing argument 'PATH'. (see 'crosscheck show --help')\n"
    )


def test_unknown_command_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt command gets one line with click's suggestion and exit code 2."""
    with pytest.raises(SystemExit) as exited:
        main(["shwo"])
    assert exited.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_main_returns_quietly_on_success(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A successful command does not call sys.exit with an error."""
    main(["show", str(mini)])
    assert "2 reports" in capsys.readouterr().out


def test_python_dash_m_runs_the_cli() -> None:
    """`python -m crosscheck --version` works like the console script."""
    result = subprocess.run(
        [sys.executable, "-m", "crosscheck", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("crosscheck ")


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """`crosscheck` alone prints its help, listing the commands, and succeeds."""
    main([])
    assert "Commands:" in capsys.readouterr().out


def test_sources_prints_origins_then_groups(tmp_path: Path) -> None:
    """`crosscheck sources` shows a table of origins with trust, then the graded groups."""
    result = CliRunner().invoke(cli, ["sources", str(MINI)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Origins in {MINI} (trust: an estimate")
    assert lines[1].split()[:2] == ["origin", "claims"]
    assert "Groups of two or more claims about one thing:" in lines


def test_sources_json_has_the_documented_shape() -> None:
    """The JSON of `crosscheck sources` has version 1, origins and groups with their keys."""
    result = CliRunner().invoke(cli, ["sources", str(MINI), "--format", "json"])
    document = json.loads(result.output)
    assert document["version"] == 1
    assert set(document["origins"][0]) == {"origin", "name", "claims", "grades", "trust"}
    assert set(document["groups"][0]) == {
        "key",
        "grade",
        "claims",
        "origins",
        "independent",
        "reasons",
        "estimate",
    }


def test_the_cli_starts_without_loading_the_library() -> None:
    """`crosscheck --version` imports click, not the engine, rules or parsers (fast start)."""
    code = (
        "import sys, crosscheck.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('crosscheck')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['crosscheck', 'crosscheck.cli']"


def test_the_format_choices_are_the_renderers() -> None:
    """--format offers exactly the renderers there are."""
    from crosscheck import cli as module
    from crosscheck.render import FORMATS

    assert set(module.FORMATS) == set(FORMATS)


def test_every_public_name_resolves() -> None:
    """Each name in crosscheck.__all__ loads lazily to a real object."""
    assert all(getattr(crosscheck, name) is not None for name in crosscheck.__all__)
    assert set(dir(crosscheck)) == set(crosscheck.__all__)
