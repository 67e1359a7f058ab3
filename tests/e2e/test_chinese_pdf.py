"""Chinese as the reader of the PDF sees it: quotation marks full-width in the CJK font, and the Simplified
Chinese glyph forms of the Noto CJK collection (its faces share one set of outlines; which form a character
takes depends on the face whose character map is read).

The fonts are read with independent tools: pypdf (the font each piece of text is drawn in) and Pillow (the
installed collection's SC and JP faces drawn beside the page LibreOffice rendered).
"""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFont
from pypdf import PdfReader

from cddraft.export import convert_to_pdf
from tests.conftest import require_libreoffice, run_cli

QUOTES = "“”‘’"


def test_every_quotation_mark_of_the_chinese_example_is_drawn_in_the_cjk_font(pdfs):
    drawn: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font, _size):
        if font is not None:
            drawn.extend((ch, str(font.get("/BaseFont"))) for ch in text if ch in QUOTES)

    for page in PdfReader(pdfs["cd-way-ahead-zh"]).pages:
        page.extract_text(visitor_text=visit)
    assert len(drawn) >= 10, "the example quotes the agenda items"
    latin = [(ch, font) for ch, font in drawn if "CJK" not in font]
    assert not latin, f"quotation marks set in a Latin font (half-width): {latin[:5]}"


#: Characters whose Simplified Chinese and Japanese forms differ visibly (the box of 骨, the inside of 直, the
#: first stroke of 户).
DIFFERING = "骨直户"


def _collection() -> tuple[str, dict[str, int]] | None:
    """The Noto Serif CJK collection file and the index of its SC and JP faces (fontconfig)."""
    out = subprocess.run(["fc-list", "--format", "%{file}|%{index}|%{family}\n", "Noto Serif CJK SC:style=Regular"],
                         capture_output=True, text=True).stdout
    lines = [line.split("|") for line in out.splitlines() if line.count("|") == 2]
    if not lines:
        return None
    path = lines[0][0]
    faces = subprocess.run(["fc-query", "--format", "%{index}|%{family[0]}\n", path], capture_output=True,
                           text=True).stdout
    index = {fam.rsplit(" ", 1)[-1]: int(i) for i, fam in (f.split("|") for f in faces.splitlines() if "|" in f)}
    return path, index


def _ink(image: Image.Image) -> Image.Image:
    return image.crop(ImageChops.invert(image).getbbox())


def test_chinese_is_rendered_with_the_simplified_chinese_glyph_forms(tmp_path):
    require_libreoffice()
    found = _collection()
    if found is None:
        pytest.fail("Noto Serif CJK (fonts-noto-cjk) is needed; .ci/run installs it")
    path, index = found
    outline = {"kind": "report", "symbol": "CD/2102", "language": "zh", "date": "2017-09-20",
               "report": {"title": "报告", "content": [DIFFERING]}}
    (tmp_path / "glyphs.yaml").write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    assert run_cli("build", str(tmp_path / "glyphs.yaml"), "-o", str(tmp_path)).exit_code == 0
    [pdf] = convert_to_pdf([tmp_path / "glyphs.docx"])
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    box = next(line for line in words.splitlines() if DIFFERING in line)
    x0, y0, x1, y1 = (float(v) for v in re.findall(r'="([\d.]+)"', box)[:4])
    dpi = 600
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", "-png", "-x", str(int(x0 * dpi / 72) - 5),
                    "-y", str(int(y0 * dpi / 72) - 5), "-W", str(int((x1 - x0) * dpi / 72) + 10),
                    "-H", str(int((y1 - y0) * dpi / 72) + 10), str(pdf), str(tmp_path / "crop")], check=True)
    printed = _ink(Image.open(tmp_path / "crop.png").convert("L"))
    distance = {}
    for region in ("SC", "JP"):
        font = ImageFont.truetype(path, 200, index=index[region])
        drawn = Image.new("L", (900, 320), 255)
        ImageDraw.Draw(drawn).text((20, 20), DIFFERING, font=font, fill=0)
        diff = ImageChops.difference(_ink(drawn).resize(printed.size), printed)
        distance[region] = sum(diff.histogram()[v] * v for v in range(256)) / (printed.width * printed.height)
    assert distance["SC"] < distance["JP"] / 2, distance
