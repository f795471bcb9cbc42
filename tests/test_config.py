"""Project settings in pyproject.toml or crosscheck.toml, found as ruff finds its own; the
command line wins; every mistake one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.config import ConfigError, load_config
from test_cli_safety import exit_status


@pytest.fixture
def project(tmp_path: Path, mini: Path) -> Path:
    """A project folder holding the mini dataset under data/."""
    shutil.copytree(mini, tmp_path / "data")
    return tmp_path


def test_pyproject_settings_apply_to_a_dataset_below_them(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.crosscheck]\nselect = ["QTY"]\nfail-on = "never"\n',
        encoding="utf-8",
    )
    settings = load_config(project / "data")
    assert settings["select"] == ("QTY",)
    assert settings.origins["select"] == str(project / "pyproject.toml")
    assert settings.origins["ignore"] == "default"
    result = CliRunner().invoke(cli, ["run", str(project / "data"), "--format", "json"])
    assert result.exit_code == 0  # fail-on never, from the file
    assert '"code": "SRC' not in result.stdout  # only QTY ran


def test_the_command_line_wins(project: Path) -> None:
    (project / "crosscheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert CliRunner().invoke(cli, ["run", str(project / "data")]).exit_code == 0
    result = CliRunner().invoke(cli, ["run", str(project / "data"), "--fail-on", "info"])
    assert result.exit_code == 1


def test_crosscheck_toml_comes_before_pyproject_in_one_folder(project: Path) -> None:
    (project / "crosscheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.crosscheck]\nformat = "markdown"\n',
                                            encoding="utf-8")  # fmt: skip
    assert load_config(project / "data")["format"] == "json"


def test_a_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "data" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "crosscheck.toml").write_text("preview = true\n", encoding="utf-8")
    assert load_config(project / "data")["preview"] is True


def test_per_report_ignores_drop_findings_citing_only_those_reports(project: Path) -> None:
    before = CliRunner().invoke(cli, ["run", str(project / "data"), "--format", "json"])
    assert '"code": "QTY001"' in before.stdout
    (project / "crosscheck.toml").write_text('[per-report-ignores]\n"*" = ["QTY001"]\n',
                                             encoding="utf-8")  # fmt: skip
    after = CliRunner().invoke(cli, ["run", str(project / "data"), "--format", "json"])
    assert '"code": "QTY001"' not in after.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct = []\n", "selct: expected a known setting, found 'selct' (did you mean 'select'?)"),
        ('select = "QTY"\n', "select: expected a list of rule codes or names, found 'QTY'"),
        ('fail-on = "warn"\n', "fail-on: expected one of error, warning, info, never, found "
                               "'warn' (did you mean 'warning'?)"),
        ("preview = 1\n", "preview: expected true or false, found 1"),
        ("[per-report-ignores]\nx = 3\n", "per-report-ignores.x: expected a list of rule codes"),
        ("select = [\n", "expected valid TOML, found a syntax error"),
    ],
)  # fmt: skip
def test_a_mistake_in_the_file_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (project / "crosscheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=None):
        load_config(project / "data")
    status, err = exit_status(capsys, "run", str(project / "data"))
    assert status == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(f"crosscheck run: error: {project / 'crosscheck.toml'}: ")
    assert message in err


def test_config_shows_each_setting_and_where_it_came_from(project: Path) -> None:
    (project / "crosscheck.toml").write_text('ignore = ["SRC002"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", str(project / "data"), "--fail-on", "error"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"settings file: {project / 'crosscheck.toml'}"
    assert f'ignore = ["SRC002"]  # {project / "crosscheck.toml"}' in lines
    assert 'fail-on = "error"  # command line' in lines
    assert 'format = "text"  # default' in lines


def test_a_per_report_ignore_of_a_rule_that_does_not_run_is_no_error(project: Path) -> None:
    (project / "crosscheck.toml").write_text('[per-report-ignores]\n"x*" = ["SRC001"]\n',
                                             encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(cli, ["run", str(project / "data"), "--ignore", "SRC001"])
    assert result.exit_code == 1  # findings, not an error


def test_an_ignored_finding_keeps_its_acceptance(project: Path) -> None:
    accepted = CliRunner().invoke(cli, ["accept", str(project / "data"), "--reason", "seen"])
    assert accepted.exit_code == 0, accepted.stderr
    (project / "crosscheck.toml").write_text('[per-report-ignores]\n"*" = ["SRC001"]\n',
                                             encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(cli, ["run", str(project / "data")])
    assert result.exit_code == 0
    assert "stale" not in result.stdout


def test_a_selector_in_the_file_that_names_no_rule_names_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text('[tool.crosscheck]\nselect = ["QTX"]\n',
                                            encoding="utf-8")  # fmt: skip
    status, err = exit_status(capsys, "run", str(project / "data"))
    assert status == 2
    assert err.startswith(
        f"crosscheck run: error: {project / 'pyproject.toml'}: tool.crosscheck.select: no rule "
        "matches 'QTX'"
    )


def test_no_preview_and_statistics_override_the_file(project: Path) -> None:
    (project / "crosscheck.toml").write_text('preview = true\nformat = "markdown"\n',
                                             encoding="utf-8")  # fmt: skip
    assert load_config(project / "data").given(preview=False)["preview"] is False
    result = CliRunner().invoke(cli, ["run", str(project / "data"), "--no-preview",
                                      "--statistics"])  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].endswith("claims)")  # text statistics, not markdown
