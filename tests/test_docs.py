"""The documentation stays true to the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.docgen import GENERATED, regenerate

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
