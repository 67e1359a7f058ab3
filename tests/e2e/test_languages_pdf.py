"""The six versions rendered by LibreOffice: text, fonts, and the Chinese seed reproduced."""

from __future__ import annotations

import re
import subprocess

import pytest
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from tests.conftest import MINIMAL_LETTER, SEED_ZH, pdf_pages, require_libreoffice, run_cli

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
    fonts = _fonts(pdfs["cd-way-ahead-ar"])
    assert any("NotoNaskhArabic" in f for f in fonts)
    # the Western digits of Arabic runs come from the serif, not a sans fallback beside serif Latin text
    assert not [f for f in fonts if "DejaVu" in f], fonts


def _ink(image: Image.Image, size: int = 64) -> bytes:
    """A glyph as black-or-white pixels, cropped to its ink and scaled to ``size`` × ``size``."""
    bw = image.convert("L").point(lambda v: 0 if v < 128 else 255)
    box = bw.point(lambda v: 255 - v).getbbox()
    return bw.crop(box).resize((size, size)).point(lambda v: 0 if v < 128 else 255).tobytes()


def _overlap(a: bytes, b: bytes) -> float:
    """Shared ink over all ink (Jaccard) of two :func:`_ink` images."""
    both = sum(1 for x, y in zip(a, b, strict=True) if x == 0 and y == 0)
    either = sum(1 for x, y in zip(a, b, strict=True) if x == 0 or y == 0)
    return both / either


def _reference_glyph(char: str, family: str) -> bytes:
    found = subprocess.run(["fc-match", "-f", "%{family}|%{file}|%{index}", family], capture_output=True,
                           text=True, check=True).stdout.split("|")
    if family not in found[0]:
        pytest.fail(f"{family} is not installed (fonts-noto-cjk; .ci/run installs it); fc-match gave {found[0]}")
    image = Image.new("L", (300, 300), 255)
    ImageDraw.Draw(image).text((20, 20), char, font=ImageFont.truetype(found[1], 200, index=int(found[2])), fill=0)
    return _ink(image)


def test_chinese_text_takes_the_simplified_chinese_glyph_forms(tmp_path):
    """令 and 直 are drawn differently in China and Japan; the PDF must show the Chinese forms.

    The Noto CJK collection holds both forms under one outline font, so the embedded font name (…CJKjp…)
    proves nothing; the form follows the runs' language (``w:eastAsia="zh-CN"``). Each glyph on the page is
    compared with the same character drawn from the SC and JP faces of the collection.
    """
    require_libreoffice()
    outline = tmp_path / "glyphs.yaml"
    outline.write_text(MINIMAL_LETTER.replace("kind: letter", "kind: letter\nlanguage: zh").replace(
        "I have the honour to transmit herewith the report.", "令直"), encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path), "--pdf").exit_code == 0
    pdf, dpi = tmp_path / "glyphs.pdf", 600
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    box = [float(v) for v in re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">令直<',
                                       words).groups()]
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)
    page, scale, width = Image.open(tmp_path / "page.png"), dpi / 72, (box[2] - box[0]) / 2
    for n, char in enumerate("令直"):
        cell = (box[0] + n * width, box[1] - 1, box[0] + (n + 1) * width, box[3] + 1)
        glyph = _ink(page.crop(tuple(round(v * scale) for v in cell)))
        chinese = _overlap(glyph, _reference_glyph(char, "Noto Serif CJK SC"))
        japanese = _overlap(glyph, _reference_glyph(char, "Noto Serif CJK JP"))
        assert chinese > 0.7 and chinese > japanese + 0.2, (char, chinese, japanese)
