"""The end of a document: a short rule centred under its last line, as issued UN documents end (§4.1c).

Read back with python-docx (the last paragraph of the body) and off the rendered last page (a dark horizontal
line about 3 cm long, centred on the text column, below the last words).
"""

from __future__ import annotations

import re
import subprocess

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from PIL import Image

from tests.conftest import EXAMPLES


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_every_example_ends_with_the_centred_rule_after_its_last_text(built, stem):
    paragraphs = docx.Document(str(built[stem])).paragraphs
    last = paragraphs[-1]
    assert last.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert last.text == "\t\t\t" and all(run.underline for run in last.runs)
    assert paragraphs[-2].text.strip() or stem.startswith("cd-joint"), "the rule follows the last text"


def _last_page(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("stem", ["cd-way-ahead-en", "cd-way-ahead-ar", "ga-letter-en"])
def test_the_rule_is_drawn_centred_below_the_last_line(pdfs, tmp_path, stem):
    pdf = pdfs[stem]
    page = _last_page(pdf)
    words = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', words).group(1))
    # the lowest words of the text (the page number and running header aside: the middle of the page)
    bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)">[^<]*</word>', words)]
    body = [y for y in bottoms if 100 < y < 760]
    assert body, "text on the last page"
    dpi = 100
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", "-png",
                    str(pdf), str(tmp_path / "p")], check=True)
    image = Image.open(tmp_path / "p.png").convert("L")
    top, bottom = round(max(body) * dpi / 72), round((max(body) + 50) * dpi / 72)
    found = None
    for y in range(top, bottom):
        dark = [x for x in range(image.width) if image.getpixel((x, y)) < 128]
        if dark and dark[-1] - dark[0] + 1 == len(dark) and len(dark) > 1 / 2.54 * dpi:  # one unbroken line
            found = (dark[0], dark[-1])
            break
    assert found, "a rule below the last line"
    length_cm = (found[1] - found[0]) / dpi * 2.54
    centre = (found[0] + found[1]) / 2 / dpi * 72
    assert 2 <= length_cm <= 4.5, length_cm
    assert abs(centre - width / 2) < 0.5 / 2.54 * 72, (centre, width / 2)  # the text column's centre is the page's
