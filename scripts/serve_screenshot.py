"""The README's screenshot of ``cddraft serve``: a real run on the seed example (English and Chinese tabs),
photographed by headless Chromium (Debian's chromium and chromium-driver, through selenium).

Run from the repository: ``python scripts/serve_screenshot.py`` → ``docs/serve.png``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from cddraft.serve import serve

    with tempfile.TemporaryDirectory() as tmp:
        outlines = []
        for code in ("en", "zh"):
            target = Path(tmp, f"cd-way-ahead-{code}.yaml")
            shutil.copy(REPO / "outlines" / f"cd-way-ahead-{code}.yaml", target)
            outlines.append(target)
        # a finding to show beside the pages: "percent" where the UN writes "per cent" (CD504)
        text = outlines[0].read_text(encoding="utf-8").replace("held in Geneva from 8 to 10 August.",
                                                               "held in Geneva from 8 to 10 August, with 90 percent "
                                                               "of members present.")
        outlines[0].write_text(text, encoding="utf-8")
        stop = threading.Event()
        urls: list[str] = []
        server = threading.Thread(target=serve, args=(outlines,), kwargs={"ready": urls.append, "stop": stop},
                                  daemon=True)
        server.start()
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,860"):
            options.add_argument(arg)
        browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
        try:
            while not urls:
                time.sleep(0.05)
            browser.get(urls[0])
            WebDriverWait(browser, 120).until(lambda b: b.find_elements(By.CSS_SELECTOR, 'img[alt="page 2"]'))
            WebDriverWait(browser, 30).until(lambda b: "CD504" in b.find_element(By.ID, "findings").text)
            time.sleep(1)
            browser.save_screenshot(str(REPO / "docs" / "serve.png"))
        finally:
            browser.quit()
            stop.set()
            server.join(timeout=60)
    print(REPO / "docs" / "serve.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
