"""The documentation stays true to the code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crosscheck.docgen import GENERATED, builtin_rules, regenerate, rules_reference
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.registry import SECTIONS, Lifecycle, rule

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize(("file", "name"), sorted(GENERATED))
def test_generated_docs_are_current(file: str, name: str) -> None:
    """Tables in docs/ mirror the code; run `python -m crosscheck.docgen docs` when this fails."""
    text = (DOCS / file).read_text(encoding="utf-8")
    assert regenerate(text, name, GENERATED[file, name]()) == text


def test_regenerate_needs_markers() -> None:
    """A document without the markers is an error, not silently left alone."""
    with pytest.raises(ValueError, match="markers"):
        regenerate("no markers here", "predicates", "table")


def test_the_readme_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library example in README.md runs from the project folder without error."""
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(DOCS.parent)
    exec(compile(example, "README.md", "exec"), {})


def test_the_rules_reference_has_a_section_per_rule() -> None:
    """Each rule gets an index row and a section: code, name, severity, lifecycle, its docs."""
    section = rule("TST001", "test.piped", Severity.WARNING, Lifecycle.PREVIEW)(_documented)
    text = rules_reference([section])
    assert "| [TST001](#tst001) | `test.piped` | warning | preview | Flags a \\| pipe. |" in text
    assert "## TST001\n\n`test.piped` · warning · preview\n\nFlags a | pipe." in text
    assert [line for line in text.splitlines() if line.startswith("### ")] == [
        f"### {heading}" for heading in SECTIONS
    ]


def test_the_rules_reference_of_no_rules_says_so() -> None:
    """With no rules registered, the reference says so rather than printing an empty table."""
    assert rules_reference([]) == "No rules are registered."


def test_the_rules_reference_leaves_plugins_out() -> None:
    """Only crosscheck's own rules are documented, whatever else is installed."""
    assert all(r.check.__module__.startswith("crosscheck.rules") for r in builtin_rules())


def _documented(context: Context) -> Iterator[Violation]:
    """Flags a | pipe.

    What it flags
    -------------
    Nothing.

    Why it matters
    --------------
    It documents.

    Flagged
    -------
    Nothing.

    Not flagged
    -----------
    Everything.
    """
    yield from ()


def test_the_text_sample_in_cli_md_is_the_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/cli.md shows exactly what `crosscheck run tests/data/mini` prints."""
    from click.testing import CliRunner

    from crosscheck.cli import cli

    monkeypatch.chdir(DOCS.parent)
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    sample = text.split("$ crosscheck run tests/data/mini\n", 1)[1].split("```", 1)[0]
    result = CliRunner().invoke(cli, ["run", "tests/data/mini", "--no-color"])
    assert result.stdout == sample
