"""The html format: one self-contained page with every finding, and pictures of the figures
and of who held which place (``pip install 'crosscheck[report]'``).

The page needs nothing beyond itself: styles and charts are inline (SVG drawn by matplotlib),
a Content-Security-Policy forbids every request and every script but the few lines (allowed by
their hash) that make the sources table sortable, and it reads without JavaScript. Only http
and https URLs become links. Templating is Jinja2 with autoescaping; the
layout is ``templates/report.html.j2``. Deterministic: the same run gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import math
from typing import Any

from crosscheck.errors import CrosscheckError
from crosscheck.render.run import Run, plural
from crosscheck.render.views import Card, ReportView

__all__ = ["EXTRA", "MissingExtraError", "render"]

EXTRA = "report"
"""The extra that brings what the html format needs: ``pip install 'crosscheck[report]'``."""


class MissingExtraError(CrosscheckError):
    """A format or command needs an optional dependency that is not installed."""


def _require(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingExtraError(
            f"the html report needs {' and '.join(missing)}, not installed here "
            f"(pip install 'crosscheck[{EXTRA}]')"
        )


def _figure(value: float) -> str:
    """A bound as a table shows it: 12, 4.5, "open"."""
    if math.isinf(value):
        return "open"
    return str(int(value)) if value == int(value) else f"{value:g}"


def _origin(origin: str, card: Card) -> str:
    return card.origins.get(origin, origin)


def _counted(count: int, noun: str) -> str:
    return plural(count, noun)


def render(run: Run, color: bool = False) -> str:
    """Render `run` as one self-contained HTML page; `color` is ignored."""
    _require("jinja2", "matplotlib")
    import jinja2
    from markupsafe import Markup

    from crosscheck import __version__
    from crosscheck.render import charts

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("crosscheck.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    environment.filters["figure"] = _figure
    environment.filters["origin"] = _origin
    environment.filters["counted"] = _counted
    script, _, _ = environment.loader.get_source(environment, "sort.js")  # type: ignore[union-attr]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    view = ReportView.of(run)
    figures = [(chart, Markup(charts.figure_chart(chart, f"figures-{n}-")))
               for n, chart in enumerate(view.figures, start=1)]  # fmt: skip
    control: list[tuple[Any, Any]] = [
        (chart, Markup(charts.control_chart(chart, f"control-{n}-")) if chart.bands else None)
        for n, chart in enumerate(view.control, start=1)
    ]
    template = environment.get_template("report.html.j2")
    return template.render(view=view, figures=figures, control=control, version=__version__,
                           script=Markup(script), script_hash=f"sha256-{digest}")  # fmt: skip
