"""Line numbers are read only when an output needs them: JSON never does."""

from __future__ import annotations

from pathlib import Path

import pytest

import crosscheck
from crosscheck import locations
from crosscheck.render import render


def test_json_output_never_reads_the_files_for_line_numbers(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[Path] = []
    real = locations.claim_locations

    def counted(root: Path) -> dict[str, tuple[str, int]]:
        read.append(root)
        return real(root)

    monkeypatch.setattr(locations, "claim_locations", counted)
    result = crosscheck.run(mini)
    render(result, "json")
    assert read == []
    text = render(result, "text")
    assert read == [mini]  # once, when the text format asked
    assert "reports/reuters-2020-02-06.toml:" in text
    render(result, "sarif")
    assert read == [mini]
