"""Output formats: each renders a checked `Run` to a string.

``text`` is for a terminal, ``json`` is the stable machine-readable contract (version 1, see
docs/cli.md), ``markdown`` is a report for a newsroom, and ``sarif`` (SARIF 2.1.0) is for
code-scanning services. Rendering is pure and deterministic: the same run gives the same
bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from crosscheck.render import json, markdown, sarif, text
from crosscheck.render.run import Run

__all__ = ["FORMATS", "Renderer", "Run", "render"]

Renderer = Callable[[Run, bool], str]
"""A format: the run and whether to colour the output, to the output."""

FORMATS: Mapping[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
}
"""Every output format by name, in the order the command line lists them."""


def render(run: Run, name: str = "text", color: bool = False) -> str:
    """Render `run` in the format `name` (a key of `FORMATS`); `color` matters to text only."""
    return FORMATS[name](run, color)
