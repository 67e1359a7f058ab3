"""``cddraft serve`` in a real browser (Debian's Chromium, headless, through selenium): the page shows page 1's
image and a finding; the outline is saved with the finding fixed and a word of the title changed; the page
updates by itself — the finding gone, a new page image that differs from the old one where the title is printed
(located in the served PDF by poppler's pdftotext, not by cddraft)."""

from __future__ import annotations

import io
import re
import subprocess
import threading
import time
import urllib.request

from cddraft.serve import serve
from tests.conftest import require_libreoffice
from tests.e2e.test_align_browser import _browser

OUTLINE = """\
kind: report
symbol: CD/2102
date: 2017-09-20
report:
  title: Report of the Coordinator on agenda item four
  content:
    - The meetings were held in Geneva.
"""


def _png(url: str):
    from PIL import Image

    with urllib.request.urlopen(url) as r:
        return Image.open(io.BytesIO(r.read())).convert("L")


def _title_row(pdf_url: str, tmp_path, height: int) -> int:
    """The pixel row of the title's first line on page 1, from the PDF's word boxes."""
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(urllib.request.urlopen(pdf_url).read())
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    page_h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    y = float(re.search(r'yMin="([\d.]+)"[^>]*>Coordinator<', html).group(1))
    return int(y / page_h * height)


def test_the_page_follows_the_outline_as_it_is_saved(tmp_path):
    require_libreoffice()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    outline = tmp_path / "report.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    stop, urls = threading.Event(), []
    server = threading.Thread(target=serve, args=([outline],), kwargs={"ready": urls.append, "stop": stop},
                              daemon=True)
    server.start()
    browser = _browser()
    try:
        while not urls:
            time.sleep(0.05)
        browser.get(urls[0])
        wait = WebDriverWait(browser, 60)
        first = wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, 'img[alt="page 1"]'))[0]
        old_src = first.get_attribute("src")
        findings = browser.find_element(By.ID, "findings")
        assert "job_number" in findings.text
        old = _png(old_src)
        import json

        state = json.load(urllib.request.urlopen(urls[0] + "o/0/state"))
        row = _title_row(f"{urls[0]}o/0/file/{state['pdf']}", tmp_path, old.height)

        outline.write_text(OUTLINE.replace("date: 2017-09-20\n", "date: 2017-09-20\njob_number: GE.17-16400\n")
                           .replace("Coordinator", "Chair"), encoding="utf-8")
        WebDriverWait(browser, 20).until(
            lambda b: b.find_element(By.CSS_SELECTOR, 'img[alt="page 1"]').get_attribute("src") != old_src)
        WebDriverWait(browser, 5).until(lambda b: "job_number" not in b.find_element(By.ID, "findings").text)
        new = _png(browser.find_element(By.CSS_SELECTOR, 'img[alt="page 1"]').get_attribute("src"))
    finally:
        browser.quit()
        stop.set()
        server.join(timeout=60)
    from PIL import ImageChops

    band = (0, max(row - 5, 0), old.width, min(row + 25, old.height))
    assert ImageChops.difference(old.crop(band), new.crop(band)).getbbox() is not None, "the title line changed"
    above = (0, 0, old.width, max(row - 40, 1))
    assert ImageChops.difference(old.crop(above), new.crop(above)).getbbox() is None, "the masthead did not"


def test_ctrl_c_stops_the_server_and_its_libreoffice(tmp_path):
    require_libreoffice()
    import json
    import signal
    import sys

    outline = tmp_path / "report.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    before = _lo_processes()
    with subprocess.Popen([sys.executable, "-m", "cddraft.cli", "serve", str(outline)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:  # its pipes closed at the end
        try:
            url = proc.stdout.readline().strip()
            for _ in range(400):
                if json.load(urllib.request.urlopen(url + "o/0/state"))["pages"]:
                    break
                time.sleep(0.1)

            running = _lo_processes() - before
            assert running, "the server keeps a LibreOffice running"
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=60) == 0
            time.sleep(1)
            assert not (running & _lo_processes()), "its LibreOffice is gone"
            assert "LibreOffice closed" in proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()


def _lo_processes() -> set[int]:
    """The LibreOffice processes a preview server started (its pipe is named after its profile)."""
    import os

    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().decode(errors="replace")
        except OSError:
            continue
        if "soffice" in cmd and "cddraftservelo-profile-" in cmd:
            found.add(int(pid))
    return found
