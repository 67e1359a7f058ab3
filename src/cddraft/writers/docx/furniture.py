"""Headers and footers: the first-page footer (job number, barcode, QR, recycle mark) and the
running headers (symbol right on odd pages, left on even pages) and page-number footers (§3, §4.1a)."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache

from docx.document import Document as DocxDocument
from docx.opc.part import XmlPart
from docx.parts.story import StoryPart
from docx.shared import Cm
from lxml import etree

from cddraft.cache import read_bytes, source_digest, write_bytes
from cddraft.localise.types import Footer
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st

#: Pixels per module (the images are scaled to 1.6 cm and 3.6 cm: a version-2 QR module prints 0.64 mm,
#: a Code 39 narrow bar of a GE job number 0.25 mm).
QR_SCALE = 4
BAR_SCALE = 3
#: White modules either side of the bars (0.5 mm): the bars stay nearly flush with the job line above.
BAR_EDGE = 2
#: Bar height as a fraction of the barcode's width (6 mm on a 3.6 cm barcode, as UNOG prints it).
BAR_ASPECT = 6 / 36


def _png(rows: list[list[int]]) -> bytes:
    """A 1-bit greyscale PNG of ``rows`` (1 = white, 0 = black), written by pypng."""
    import png  # pypng: pure Python, imports in ~1 ms (Pillow's plugin start-up costs ~20 ms a build)

    buf = io.BytesIO()
    png.Writer(len(rows[0]), len(rows), greyscale=True, bitdepth=1).write(buf, rows)
    return buf.getvalue()


def _kept(kind: str, payload: str, draw: Callable[[str], bytes]) -> bytes:
    """The image ``draw`` makes of ``payload``, kept in the user's cache under its payload and this file (which
    draws it: changed, another name). A document is rebuilt many times with the same address and job number, and
    drawing them in pure Python (the QR encoder tries eight masks) takes a build 20 ms. The encoders' versions do
    not name it: what they draw is fixed by the symbologies' standards (ISO/IEC 18004 and 16388)."""
    import hashlib

    stem = f"{kind}-{hashlib.sha256(payload.encode()).hexdigest()[:20]}"
    name = f"{stem}-{source_digest([('cddraft.writers.docx', 'furniture.py')])}.png"
    kept = read_bytes(name)
    if kept is not None and kept.startswith(b"\x89PNG"):
        return kept
    png = draw(payload)
    write_bytes(name, png, replacing=f"{stem}-*.png")
    return png


@lru_cache(maxsize=32)  # the six language versions of a document share one address
def qr_png(payload: str) -> bytes:
    """The QR code of the document, level M, no border (the page around it is white)."""
    return _kept("qr", payload, _qr_png)


def _qr_png(payload: str) -> bytes:
    from qrcodegen import QrCode  # Nayuki's reference encoder: one module, no imports beyond the stdlib

    code = QrCode.encode_text(payload, QrCode.Ecc.MEDIUM)
    size = code.get_size()
    rows = []
    for top in range(size):
        row = [v for left in range(size) for v in [0 if code.get_module(left, top) else 1] * QR_SCALE]
        rows.extend([row] * QR_SCALE)
    return _png(rows)


def _code39() -> type:
    """python-barcode's Code 39, for the symbology: we only need its bar pattern. Its package imports Pillow for
    an image writer we never use (11 ms of every build), unless Pillow cannot be imported, which its writer
    allows for; so it is imported with Pillow held out, unless Pillow or python-barcode is already there."""
    import sys

    if "PIL" in sys.modules or "barcode" in sys.modules:
        from barcode.codex import Code39
        return Code39
    sys.modules["PIL"] = None  # type: ignore[assignment]  # an import of PIL now raises ImportError
    try:
        from barcode.codex import Code39
    finally:
        del sys.modules["PIL"]
    return Code39


def barcode_png(digits: str) -> bytes:
    """Code 39 of the job digits, without checksum or printed text (we print ``*digits*`` ourselves)."""
    return _kept("code39", digits, _barcode_png)


def _barcode_png(digits: str) -> bytes:
    Code39 = _code39()
    # The page margin to the left and the empty cell to the right are the quiet zone a scanner needs
    # (ISO/IEC 16388: ten modules); the image keeps only a sliver of white so that rasterising it at a
    # fraction of a pixel cannot shave the outer bars (the stop character then fails to scan).
    edge = "0" * BAR_EDGE
    modules = edge + Code39(digits, add_checksum=False).build()[0] + edge
    row = [v for m in modules for v in [0 if m == "1" else 1] * BAR_SCALE]
    return _png([row] * max(1, round(len(row) * BAR_ASPECT)))


def _fragment(xml: str) -> list[etree._Element]:
    root = etree.fromstring(f"<w:root {x.NSDECL}>{xml}</w:root>")
    return list(root)


def _fill(part: XmlPart, xml: str) -> None:
    """Replace the content of a header or footer part (its ``w:hdr``/``w:ftr`` root) with ``xml``."""
    el = part.element
    for child in list(el):
        el.remove(child)
    for child in _fragment(xml):
        el.append(child)


def picture_run(part: StoryPart, png: bytes, width_cm: float, description: str) -> etree._Element:
    """An inline picture with alternative text (Word's accessibility checker asks for it)."""
    inline = part.new_pic_inline(io.BytesIO(png), Cm(width_cm), None)
    for side in ("distT", "distB", "distL", "distR"):  # LibreOffice reads absent distances as 0.32 cm
        inline.set(side, "0")
    doc_pr = inline.find(f"{{{x.WP_NS}}}docPr")
    doc_pr.set("descr", description)
    inline.find(f".//{{{x.PIC_NS}}}cNvPr").set("id", doc_pr.get("id"))
    r = etree.fromstring(f"<w:r {x.NSDECL}><w:drawing/></w:r>")
    r[0].append(inline)
    return r


def _first_footer_xml(footer: Footer, script: x.ScriptProps) -> str:
    # The footer lines are 8 pt, the Footer style's size: the runs leave it to the style.
    latin = x.ScriptProps(lang=script.lang)
    left = []
    if footer.job_line:
        left.append(x.paragraph(x.ppr(st.FOOTER, jc="left"), x.run(footer.job_line, x.rpr(latin))))
        left.append(x.paragraph(x.ppr(st.FOOTER, jc="left"), ""))
        left.append(x.paragraph(x.ppr(st.FOOTER, jc="left"), x.run(f"*{footer.barcode}*", x.rpr(latin))))
    right = [
        x.paragraph(x.ppr(st.FOOTER, jc="right"), ""),
        # Under the QR code in every version; Word and LibreOffice read jc as start/end in a bidi paragraph.
        x.paragraph(x.ppr(st.FOOTER, bidi=script.rtl, jc="left" if script.rtl else "right"),
                    x.run(footer.recycle, x.rpr(script))),
    ]
    half = st.TEXT_WIDTH // 2
    cell = '<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{c}</w:tc>'
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{st.TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="0"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{st.TEXT_WIDTH - half}"/></w:tblGrid><w:tr>'
        + cell.format(w=half, c="".join(left) or "<w:p/>")
        + cell.format(w=st.TEXT_WIDTH - half, c="".join(right))
        + "</w:tr></w:tbl>"
        + x.paragraph(x.ppr(st.FOOTER), "")
    )


def add_furniture(doc: DocxDocument, symbol: str, footer: Footer, script: x.ScriptProps) -> None:
    """Different first page, different odd/even pages; fill all six header/footer slots."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
    latin = x.ScriptProps(lang=script.lang)
    header_props = x.rpr(latin)

    # Page 1 has no running header; the empty paragraph must not draw the Header style's bottom rule.
    _fill(section.first_page_header.part,
          f'<w:p><w:pPr><w:pStyle w:val="{st.HEADER}"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr></w:p>')
    _fill(section.even_page_header.part, x.paragraph(x.ppr(st.HEADER, jc="left"), x.run(symbol, header_props)))
    _fill(section.header.part, x.paragraph(x.ppr(st.HEADER, jc="right"), x.run(symbol, header_props)))
    page = x.field("PAGE", "2", x.rpr(latin, bold=True, size=9))  # bold 9 pt in the 8-pt Footer: no UNOG style
    _fill(section.even_page_footer.part, x.paragraph(x.ppr(st.FOOTER, jc="left"), page))
    _fill(section.footer.part, x.paragraph(x.ppr(st.FOOTER, jc="right"), page))

    first = section.first_page_footer.part
    _fill(first, _first_footer_xml(footer, script))
    cells = first.element.findall(f".//{{{x.W_NS}}}tc")
    if footer.barcode:
        target = cells[0].findall(f"{{{x.W_NS}}}p")[1]
        target.append(picture_run(first, barcode_png(footer.barcode), 3.6, f"Barcode *{footer.barcode}*"))
    qr_target = cells[1].findall(f"{{{x.W_NS}}}p")[0]
    qr_target.append(picture_run(first, qr_png(footer.qr), 1.6, f"QR code: {footer.qr}"))
