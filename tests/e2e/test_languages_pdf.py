"""The six versions rendered by LibreOffice: text, fonts, and the Chinese seed reproduced."""

from __future__ import annotations

import re
import subprocess

import pytest
import zxingcpp
from PIL import Image

from tests.conftest import SEED_ZH, pdf_pages

CODES = ["ar", "zh", "en", "fr", "ru", "es"]


def _fonts(pdf) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if line.strip()]


@pytest.mark.parametrize("code", CODES)
def test_every_version_renders(pdfs, code):
    pages = pdf_pages(pdfs[f"cd-way-ahead-{code}"])
    assert len(pages) >= 2 and "CD/2101" in pages[0]


@pytest.mark.parametrize("code", CODES)
def test_printed_page_one_scans(pdfs, code, tmp_path):
    """Page 1 rasterised at 300 dpi (as printed, then scanned): zxing-cpp reads the barcode and the QR code."""
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", "-png",
                    str(pdfs[f"cd-way-ahead-{code}"]), str(stem)], check=True)
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(f"{stem}.png"))}
    assert found == {"Code39": "1716166", "QRCode": "https://undocs.org/CD/2101"}


@pytest.mark.parametrize("code", CODES)
def test_recycle_mark_ends_at_the_right_margin_under_the_qr_code(pdfs, code):
    """The footer is laid out alike in every version: job line left, recycle mark flush right (Arabic too)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdfs[f"cd-way-ahead-{code}"]), "-"],
                         capture_output=True, text=True, check=True).stdout
    width, height = (float(v) for v in re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out).groups())
    words = [(float(a), float(b), float(c), w) for a, b, c, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" [^>]*>([^<]*)</word>', out)]
    footer = [w for w in words if w[1] > 0.9 * height]
    left = min(w[0] for w in footer)  # the job line starts at the left margin
    assert left == pytest.approx(56.7, abs=2), footer
    assert max(w[2] for w in footer) == pytest.approx(width - left, abs=3), footer


@pytest.mark.parametrize(("code", "script_font"), [("zh", r"CJK"), ("ar", r"Arabic|Naskh|DejaVu|Amiri|Kufi")])
def test_fonts_cover_the_script(pdfs, code, script_font):
    """Glyphs come from a font that has them (no fallback boxes): pdffonts lists a script font."""
    fonts = _fonts(pdfs[f"cd-way-ahead-{code}"])
    assert any(re.search(script_font, f) for f in fonts), fonts
    out = subprocess.run(["pdffonts", str(pdfs[f"cd-way-ahead-{code}"])], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in out.splitlines()[2:] if line.strip()), "all fonts embedded"


def _strip(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _seed_paragraphs() -> list[str]:
    """Seed paragraphs: a line whose text ends with a space closes a paragraph (Word's export)."""
    paras, current = [], []
    for raw in SEED_ZH.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        current.append(raw)
        if raw.endswith(" "):
            paras.append(_strip("".join(current)))
            current = []
    if current:
        paras.append(_strip("".join(current)))
    return [p for p in paras if p]


def _rendered_without_furniture(pdf) -> str:
    """Page text without running headers, page numbers and the first-page footer (the seed lacks them)."""
    furniture = re.compile(r"^(CD/2101|\d{1,3}|GE\..*|\*\d+\*|请回收)$")
    lines = []
    for page in pdf_pages(pdf):
        lines.extend(ln for ln in page.splitlines() if not furniture.match(ln.strip()))
    return _strip("\n".join(lines))


def test_chinese_version_reproduces_the_seed_paragraph_by_paragraph(pdfs):
    if not SEED_ZH.exists():
        pytest.fail(f"the reference {SEED_ZH} is missing")
    rendered = _rendered_without_furniture(pdfs["cd-way-ahead-zh"])
    seed = _seed_paragraphs()
    assert len(seed) > 40
    pos = 0
    for para in seed:
        found = rendered.find(para, pos)
        assert found >= 0, f"seed paragraph not found in order: {para[:40]}…"
        pos = found + len(para)
    assert "".join(seed) == _strip(SEED_ZH.read_text(encoding="utf-8"))


def test_arabic_is_set_in_the_stand_in_for_simplified_arabic(pdfs):
    """On Linux LibreOffice lacks Simplified Arabic; export maps it to Noto Naskh Arabic, not a sans fallback."""
    assert any("NotoNaskhArabic" in f for f in _fonts(pdfs["cd-way-ahead-ar"]))
