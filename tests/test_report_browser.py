"""The HTML report in a real browser: Debian's headless Chromium, driven by Selenium through
Debian's chromedriver (never a browser download; `.ci/run` installs both when absent).

Each page is opened from a file with the network off as far as the page is concerned: the
test asserts every finding card is there, every chart is an `<svg>` with one mark per claim,
no console error, and no request for anything but the file itself; then it takes a
screenshot (into CROSSCHECK_SCREENSHOTS when set: docs/report-syria-2019-2020.png comes from
``CROSSCHECK_SCREENSHOTS=docs pytest tests/test_report_browser.py``). Skipped, with the reason,
where Chromium or its driver is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import crosscheck
from crosscheck.render import html
from crosscheck.render.views import ReportView

webdriver = pytest.importorskip("selenium.webdriver")

if TYPE_CHECKING:
    from selenium.webdriver import Chrome

FIXTURES = Path(__file__).parent.parent / "fixtures"
PAGES = [FIXTURES / "syria-2019-2020", FIXTURES / "kunduz-2015"]


def _browser() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    return chromium, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    chromium, driver = _browser()
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400",
                     "--disable-dev-shm-usage", "--no-first-run"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    session = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    try:
        yield session
    finally:
        session.quit()


def _log(browser: Chrome, kind: str) -> list[dict[str, Any]]:
    """The browser's log of `kind` ("browser": the console; "performance": the network)."""
    entries: list[dict[str, Any]] = browser.get_log(kind)  # type: ignore[no-untyped-call]
    return entries


@pytest.mark.parametrize("dataset", PAGES, ids=lambda p: p.name)
def test_the_report_renders_in_chromium(browser: Chrome, dataset: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    result = crosscheck.run(dataset)
    view = ReportView.of(result)
    page = tmp_path / "report.html"
    page.write_text(html.render(result), encoding="utf-8")
    _log(browser, "performance")  # what came before this page
    browser.get(page.as_uri())

    cards = browser.find_elements(By.CSS_SELECTOR, "article.card")
    assert [c.get_attribute("data-fingerprint") for c in cards] == [
        f.fingerprint for f in result.review.active
    ]
    charts = browser.find_elements(By.CSS_SELECTOR, "section.chart")
    drawn = [c for c in charts if c.find_elements(By.CSS_SELECTOR, "figure svg")]
    assert len(drawn) == len(view.figures) + sum(1 for c in view.control if c.bands)
    for chart in drawn:
        marks = chart.find_elements(By.CSS_SELECTOR, "svg [id^='mark-'], svg [id^='band-']")
        assert len(marks) == int(chart.get_attribute("data-marks") or -1)
        assert chart.find_element(By.CSS_SELECTOR, "svg > title").get_attribute("textContent")

    errors = [e for e in _log(browser, "browser") if e["level"] == "SEVERE"]
    assert errors == []
    requested = [
        event["params"]["request"]["url"]
        for entry in _log(browser, "performance")
        if (event := json.loads(entry["message"])["message"])["method"]
        == "Network.requestWillBeSent"
    ]
    assert requested  # the page itself
    assert all(url == page.as_uri() for url in requested)

    browser.find_element(By.CSS_SELECTOR, "#sources-table th button").click()  # sorts
    assert browser.find_element(By.CSS_SELECTOR, "#sources-table th").get_attribute("aria-sort")
    folder = Path(os.environ.get("CROSSCHECK_SCREENSHOTS", tmp_path))
    assert browser.save_screenshot(str(folder / f"report-{dataset.name}.png"))
