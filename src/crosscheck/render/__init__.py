"""Output formats: each renders a checked `Run` to a string.

``text`` is for a terminal, ``json`` is the stable machine-readable contract (see
docs/cli.md), ``markdown`` is a report for a newsroom, ``sarif`` (SARIF 2.1.0) is for
code-scanning services, and ``html`` is a self-contained page with charts (it needs
``crosscheck[report]``, imported only when used). Rendering is pure and deterministic: the
same run gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from crosscheck.render import json, markdown, sarif, text
from crosscheck.render.run import Run

__all__ = ["FORMATS", "Renderer", "Run", "render"]

Renderer = Callable[[Run, bool], str]
"""A format: the run and whether to colour the output, to the output."""


def _html(run: Run, color: bool = False) -> str:
    from crosscheck.render import html

    return html.render(run, color)


FORMATS: Mapping[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "html": _html,
}
"""Every output format by name, in the order the command line lists them."""


def render(run: Run, name: str = "text", color: bool = False) -> str:
    """Render `run` in the format `name` (a key of `FORMATS`); `color` matters to text only."""
    return FORMATS[name](run, color)
