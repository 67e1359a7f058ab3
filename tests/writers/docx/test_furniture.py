"""The first-page footer's barcode and QR code scan as what they stand for.

The images are read back out of the .docx and decoded by zxing-cpp (an independent scanner library,
C++), after Pillow decodes the PNG: our encoders and PNG writer agreeing with themselves would prove little.
"""

from __future__ import annotations

import io

import pytest
import zxingcpp
from docx import Document
from PIL import Image, ImageOps

from tests.conftest import MINIMAL_LETTER, run_cli

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
