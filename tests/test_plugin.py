"""A third-party plugin's rules load through the same entry points as crosscheck's own."""

from __future__ import annotations

import configparser
import importlib.metadata
import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import Severity, check, load
from crosscheck.cli import cli
from crosscheck.registry import ENTRY_POINT_GROUP, load_rules

PLUGIN = Path(__file__).parent / "plugin"
MINI = Path(__file__).parent / "data" / "mini"


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example plugin installed: its folder, with its dist-info, on sys.path."""
    monkeypatch.syspath_prepend(str(PLUGIN))


@pytest.mark.usefixtures("plugin")
def test_the_plugin_registers_in_the_same_group_as_the_built_in_rules() -> None:
    """The plugin's entry point and crosscheck's own share the group `crosscheck.rules`."""
    owners = {
        ep.dist.name: ep.value
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        if ep.dist is not None
    }
    assert owners["crosscheck-example-plugin"] == "crosscheck_example_plugin:RULES"
    assert "crosscheck" in owners


@pytest.mark.usefixtures("plugin")
def test_load_rules_discovers_the_plugins_rule() -> None:
    """`load_rules` returns the plugin's EXA001 beside the built-in rules."""
    [example] = [r for r in load_rules() if r.code == "EXA001"]
    assert example.name == "example.unquoted-source"
    assert example.severity is Severity.INFO
    assert example.section("Why it matters")


def test_without_the_plugin_its_rule_is_absent() -> None:
    """Uninstalled, the plugin contributes nothing."""
    assert "EXA001" not in {r.code for r in load_rules()}


@pytest.mark.usefixtures("plugin")
def test_check_runs_the_plugins_rule() -> None:
    """`check` runs the plugin's rule like any other, flagging the claim whose quote omits its
    source."""
    findings = check(load(MINI), select=["EXA001"])
    assert [[c.id for c in f.claims] for f in findings] == [["reuters-entered-saraqeb"]]


@pytest.mark.usefixtures("plugin")
def test_the_command_line_selects_the_plugin_by_prefix() -> None:
    """`crosscheck run --select EXA` runs only the plugin's rule."""
    result = CliRunner().invoke(cli, ["run", str(MINI), "--select", "EXA", "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"]["rules"] == ["EXA001"]
    assert [f["code"] for f in document["findings"]] == ["EXA001"]


def test_the_shipped_metadata_matches_the_plugins_pyproject() -> None:
    """The dist-info's entry points are those the plugin's pyproject declares."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    parser = configparser.ConfigParser()
    parser.read(PLUGIN / f"crosscheck_example_plugin-{project['version']}.dist-info" /
                "entry_points.txt", encoding="utf-8")  # fmt: skip
    assert dict(parser[ENTRY_POINT_GROUP]) == project["entry-points"][ENTRY_POINT_GROUP]
