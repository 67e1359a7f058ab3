"""The first-page footer's barcode and QR code scan as what they stand for.

The images are read back out of the .docx and decoded by zxing-cpp (an independent scanner library,
C++), after Pillow decodes the PNG: our encoders and PNG writer agreeing with themselves would prove little.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
import zxingcpp
from docx import Document
from PIL import Image, ImageOps

from tests.conftest import MINIMAL_LETTER, OUTLINES, run_cli

PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def scan(png: bytes) -> dict[str, str]:
    """Format name → text of every code zxing-cpp finds, with a white margin as the page gives it."""
    image = ImageOps.expand(Image.open(io.BytesIO(png)).convert("L"), border=40, fill=255)
    return {r.format.name: r.text for r in zxingcpp.read_barcodes(image)}


def footer_images(path) -> list[bytes]:
    footer = Document(path).sections[0].first_page_footer
    blips = footer.part.element.iter(PICTURE)
    return [footer.part.related_parts[b.get(EMBED)].blob for b in blips]


def test_seed_barcode_is_the_job_number_and_qr_the_document_address(built):
    images = footer_images(built["cd-way-ahead-en"])
    found: dict[str, str] = {}
    for png in images:
        found |= scan(png)
    assert found == {"Code39": "1716166", "QRCode": "https://undocs.org/CD/2101"}


@pytest.mark.parametrize(
    ("extra", "barcode", "qr"),
    [
        ("job_number: GE.24-01234\n", "2401234", "https://undocs.org/CD/2101"),
        ("job_number: GE.99-99999\nqr: https://undocs.org/fr/CD/2101\n", "9999999", "https://undocs.org/fr/CD/2101"),
        # A long address: a larger QR version, still one readable code.
        ("job_number: GE.17-00001\nqr: https://documents.un.org/doc/undoc/gen/g17/161/66/pdf/g1716166.pdf\n",
         "1700001", "https://documents.un.org/doc/undoc/gen/g17/161/66/pdf/g1716166.pdf"),
    ],
)
def test_codes_follow_the_outline(tmp_path, extra, barcode, qr):
    outline = tmp_path / "letter.yaml"
    outline.write_text(MINIMAL_LETTER + extra, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    found: dict[str, str] = {}
    for png in footer_images(tmp_path / "letter.docx"):
        found |= scan(png)
    assert found == {"Code39": barcode, "QRCode": qr}


def test_without_a_job_number_only_the_qr_code_is_printed(tmp_path):
    outline = tmp_path / "letter.yaml"
    outline.write_text(MINIMAL_LETTER, encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0
    images = footer_images(tmp_path / "letter.docx")
    assert [scan(png) for png in images] == [{"QRCode": "https://undocs.org/CD/2101"}]


def test_the_codes_carry_alternative_text_and_distinct_ids(built):
    """Word's accessibility checker asks every picture for a description."""
    footer = Document(built["cd-way-ahead-en"]).sections[0].first_page_footer.part.element
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    pic = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
    inlines = list(footer.iter(f"{wp}inline"))
    assert [i.find(f"{wp}docPr").get("descr") for i in inlines] == [
        "Barcode *1716166*", "QR code: https://undocs.org/CD/2101"]
    ids = [i.find(f"{wp}docPr").get("id") for i in inlines]
    assert len(set(ids)) == 2
    assert [i.find(f".//{pic}cNvPr").get("id") for i in inlines] == ids


def test_page_one_has_no_header_rule(built):
    """The Header style draws a rule under the running header; page 1's empty header must not."""
    header = Document(built["cd-way-ahead-en"]).sections[0].first_page_header.part.element
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert [p.find(f"{w}pPr/{w}pBdr/{w}bottom").get(f"{w}val") for p in header.iter(f"{w}p")] == ["nil"]


def test_kept_codes_are_the_drawn_ones_and_a_damaged_one_is_drawn_again(tmp_path, monkeypatch):
    from cddraft.writers.docx import furniture

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    furniture.qr_png.cache_clear()
    try:
        drawn = furniture.barcode_png("1716166")
        (kept,) = (tmp_path / "cddraft").glob("code39-*.png")
        assert furniture.barcode_png("1716166") == kept.read_bytes() == drawn
        assert scan(drawn) == {"Code39": "1716166"}
        kept.write_bytes(b"not a picture")
        assert scan(furniture.barcode_png("1716166")) == {"Code39": "1716166"}
        qr = furniture.qr_png("https://undocs.org/CD/2101")
        furniture.qr_png.cache_clear()
        assert furniture.qr_png("https://undocs.org/CD/2101") == qr
        assert scan(qr) == {"QRCode": "https://undocs.org/CD/2101"}
    finally:
        furniture.qr_png.cache_clear()


def test_a_build_draws_its_barcode_without_pillow(tmp_path):
    """python-barcode imports Pillow for an image writer cddraft does not use: a build holds it out (11 ms); the bars
    drawn in that process still scan."""
    code = ("import sys; from cddraft.cli import main; "
            f"main(['build', {str(OUTLINES / 'cd-way-ahead-en.yaml')!r}, '-o', {str(tmp_path)!r}], "
            "standalone_mode=False); print('PIL' in sys.modules, 'barcode' in sys.modules)")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split()[-2:] == ["False", "True"], done.stdout
    found: dict[str, str] = {}
    for png in footer_images(tmp_path / "cd-way-ahead-en.docx"):
        found |= scan(png)
    assert found == {"Code39": "1716166", "QRCode": "https://undocs.org/CD/2101"}
