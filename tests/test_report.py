"""The HTML report: every finding, a chart of every incident's figures and of every place's
control, self-contained and deterministic; a missing extra is one line (exit 2)."""

from __future__ import annotations

import datetime
import importlib.util
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import crosscheck
from crosscheck.cli import cli
from crosscheck.engine import Context
from crosscheck.model import Report
from crosscheck.render import Run, html
from crosscheck.render.charts import marks_in
from crosscheck.render.views import ReportView
from crosscheck.tolls import measures
from test_cli_safety import exit_status

FIXTURES = Path(__file__).parent.parent / "fixtures"
DATASETS = sorted(p for p in FIXTURES.iterdir() if (p / "actors.toml").is_file()
                  and not (p / "dataset.toml").is_file())  # fmt: skip
"""The curated fixtures; those that include a coded dataset (a thousand GED events) have a chart
for each of its events, and their own test in test_imports."""


@pytest.fixture(scope="module", params=DATASETS, ids=lambda p: p.name)
def rendered(request: pytest.FixtureRequest) -> tuple[Run, str]:
    result = crosscheck.run(request.param)
    return result, html.render(result)


def test_every_active_finding_has_its_card(rendered: tuple[Run, str]) -> None:
    result, page = rendered
    cards = re.findall(r'<article class="card (\w+)" id="finding-(\w+)"', page)
    assert [(f.severity.value, f.fingerprint) for f in result.review.active] == cards


def test_every_measured_claim_is_one_mark_and_every_dated_control_claim_one_band(
    rendered: tuple[Run, str],
) -> None:
    result, page = rendered
    view = ReportView.of(result)
    context = Context(result.dataset)
    compared = [
        claims for claims in measures(context).values() if len({c.report for c in claims}) > 1
    ]  # a figure alone gets no chart
    assert sum(len(c.marks) for c in view.figures) == sum(map(len, compared))
    for chart, svg in _charts(page):
        assert marks_in(svg) == chart
    assert len(_charts(page)) == len(view.figures) + sum(1 for c in view.control if c.bands)


def _charts(page: str) -> list[tuple[int, str]]:
    """Each chart section's declared number of marks, with its SVG."""
    found = re.findall(r'data-marks="(\d+)">\n<h3>[^<]*</h3>\n(?:<figure>(<svg.*?</svg>))?',
                       page, flags=re.DOTALL)  # fmt: skip
    return [(int(n), svg) for n, svg in found if svg]


def test_the_page_asks_for_nothing_outside_itself(rendered: tuple[Run, str]) -> None:
    _, page = rendered
    assert "default-src 'none'" in page  # a browser refuses any request the page would make
    assert not re.search(r'\b(?:src|srcset|data)=["\']', page)
    assert not re.search(r"<link\b|@import|url\((?!#)", page)  # url(#clip): inside the page
    external = re.findall(r'href="(https?://[^"]+)"', page)
    anchors = re.findall(r'<a href="(https?://[^"]+)" rel="noreferrer">', page)
    assert external == anchors  # only links a reader may follow: the reports' own pages


def test_every_id_in_the_page_is_unique(rendered: tuple[Run, str]) -> None:
    _, page = rendered
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_the_same_run_gives_the_same_page(rendered: tuple[Run, str]) -> None:
    result, page = rendered
    assert html.render(result) == page


def test_text_from_the_dataset_is_escaped(tmp_path: Path, mini: Path) -> None:
    import shutil

    folder = tmp_path / "mini"
    shutil.copytree(mini, folder)
    actors = folder / "actors.toml"
    actors.write_text(actors.read_text(encoding="utf-8").replace(
        'name = "Reuters"', 'name = "<script>alert(1)</script>"'), encoding="utf-8")  # fmt: skip
    page = html.render(crosscheck.run(folder))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_writes_the_page(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(DATASETS[0]), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.stderr.endswith(f"written to {target}\n")


def test_run_format_html_is_the_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(DATASETS[0]), "--format", "html"])
    assert result.exit_code == 1  # findings, as for every format
    assert result.stdout == html.render(crosscheck.run(DATASETS[0]))


def test_a_missing_extra_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *rest:
                        None if name == "matplotlib" else real(name, *rest))  # fmt: skip
    status, err = exit_status(capsys, "report", "-o", "-")
    assert status == 2
    assert err == (
        "crosscheck report: error: the html report needs matplotlib, not installed here "
        "(pip install 'crosscheck[report]')\n"
    )


def test_a_chart_says_disputed_when_the_rule_that_would_say_so_did_not_run(mini: Path) -> None:
    page = html.render(crosscheck.run(mini, select=["SRC"]))
    assert "disputed (no finding about it on this page" in page
    assert "position 2: " in page  # the dispute's positions, not "all agree"


def test_only_web_addresses_are_links_and_only_the_sorter_may_run() -> None:
    def report(url: str | None) -> Report:
        return Report("r", "o", "t", datetime.date(2020, 1, 1), "", url=url)

    assert report("https://example.org/a").web_url == "https://example.org/a"
    assert report("HTTP://example.org/a").web_url == "HTTP://example.org/a"
    assert report("javascript:alert(1)").web_url is None
    assert report(None).web_url is None
    page = html.render(crosscheck.run(DATASETS[0]))
    policy = re.search(r'content="(default-src[^"]*)"', page)
    assert policy is not None
    assert "script-src 'sha256-" in policy[1]
    assert "unsafe-inline'; img" not in policy[1].split("script-src")[1]


def test_a_dollar_sign_in_a_name_is_no_mathematics(tmp_path: Path, mini: Path) -> None:
    import shutil

    folder = tmp_path / "mini"
    shutil.copytree(mini, folder)
    actors = folder / "actors.toml"
    actors.write_text(actors.read_text(encoding="utf-8").replace(
        'name = "Reuters"', 'name = "Reuters $\\\\frac{$ wire"'), encoding="utf-8")  # fmt: skip
    page = html.render(crosscheck.run(folder))
    assert "Reuters $\\frac{$ wire" in page
