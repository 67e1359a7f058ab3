"""The alignment page (``cddraft align --format html``) opened in a real browser — Debian's Chromium, headless,
through chromedriver and selenium: the side-by-side table is there, one row per block, and the planted
difference (a symbol changed in the Russian version) is the row marked, with its finding."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import EXAMPLES, run_cli


def _browser():
    reason = "a headless browser is needed (Debian: chromium, chromium-driver; PyPI: selenium)"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        webdriver = None
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if webdriver is None or chromium is None or driver is None:
        if os.environ.get("CDDRAFT_REQUIRE_LIBREOFFICE"):
            pytest.fail(reason + " (CI installs them: .ci/run)")
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def test_the_page_shows_the_versions_side_by_side_with_the_difference_marked(tmp_path):
    from selenium.webdriver.common.by import By

    files = []
    for code in ("en", "fr", "ru"):
        path = tmp_path / f"{code}.yaml"
        text = EXAMPLES[f"cd-way-ahead-{code}"].read_text(encoding="utf-8")
        if code == "ru":
            assert text.count("CD/2090") == 1
            text = text.replace("CD/2090", "CD/2009")
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    page = tmp_path / "align.html"
    result = run_cli("align", *files, "--format", "html", "-o", str(page))
    assert result.exit_code == 1
    browser = _browser()
    try:
        browser.get(page.as_uri())
        tables = browser.find_elements(By.CSS_SELECTOR, "table[data-version]")
        assert [t.get_attribute("data-version") for t in tables] == ["fr", "ru"]
        rows = tables[1].find_elements(By.CSS_SELECTOR, "tbody tr")
        assert len(rows) > 40  # one per block of the letter and its annex
        marked = tables[1].find_elements(By.CSS_SELECTOR, "tr.differs")
        assert len(marked) == 1
        assert "CD/2009" in marked[0].text and "CD613" in marked[0].text
        def shade(row):
            return row.find_element(By.TAG_NAME, "td").value_of_css_property("background-color")

        assert shade(marked[0]) != shade(rows[0]), "the marked row is shown differently"
        assert tables[0].find_elements(By.CSS_SELECTOR, "tr.differs") == []
    finally:
        browser.quit()
