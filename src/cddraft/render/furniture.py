"""Headers and footers: the first-page footer (job number, barcode, QR, recycle mark) and the
running headers (symbol right on odd pages, left on even pages) and page-number footers (§3, §4.1a)."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.shared import Cm
from lxml import etree

from cddraft.localise.types import Footer
from cddraft.render import ooxml as x
from cddraft.render import styles as st


def qr_png(payload: str) -> bytes:
    """The QR code of the document (segno: pure Python, writes PNG itself)."""
    import segno

    buf = io.BytesIO()
    segno.make(payload, error="m").save(buf, kind="png", scale=4, border=0)
    return buf.getvalue()


def barcode_png(digits: str) -> bytes:
    """Code 39 of the job digits, without checksum or printed text (we print ``*digits*`` ourselves)."""
    from barcode import Code39
    from barcode.writer import ImageWriter

    buf = io.BytesIO()
    Code39(digits, writer=ImageWriter(), add_checksum=False).write(
        buf, {"write_text": False, "module_height": 6.0, "module_width": 0.2, "quiet_zone": 0.5, "dpi": 300}
    )
    return buf.getvalue()


def _fragment(xml: str) -> list[etree._Element]:
    root = etree.fromstring(f"<w:root {x.NSDECL}>{xml}</w:root>")
    return list(root)


def _fill(hdrftr, xml: str) -> None:
    """Replace the content of a header/footer part with ``xml``."""
    el = hdrftr._element
    for child in list(el):
        el.remove(child)
    for child in _fragment(xml):
        el.append(child)


def _picture_run(part, png: bytes, width_cm: float) -> etree._Element:
    inline = part.new_pic_inline(io.BytesIO(png), Cm(width_cm), None)
    r = etree.fromstring(f"<w:r {x.NSDECL}><w:drawing/></w:r>")
    r[0].append(inline)
    return r


def _first_footer_xml(footer: Footer, script: x.Script) -> str:
    small = x.rpr(script, size=8)
    latin = x.Script(lang=script.lang)
    left = []
    if footer.job_line:
        left.append(x.paragraph(x.ppr(st.FOOTER, jc="left"), x.run(footer.job_line, x.rpr(latin, size=8))))
        left.append(x.paragraph(x.ppr(st.FOOTER, jc="left"), ""))
        left.append(x.paragraph(x.ppr(st.FOOTER, jc="left"), x.run(f"*{footer.barcode}*", x.rpr(latin, size=8))))
    right = [
        x.paragraph(x.ppr(st.FOOTER, jc="right"), ""),
        x.paragraph(x.ppr(st.FOOTER, bidi=script.rtl, jc="right"), x.run(footer.recycle, small)),
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


def add_furniture(doc: DocxDocument, symbol: str, footer: Footer, script: x.Script) -> None:
    """Different first page, different odd/even pages; fill all six header/footer slots."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
    latin = x.Script(lang=script.lang)
    header_props = x.rpr(latin)

    _fill(section.first_page_header, x.paragraph(x.ppr(st.HEADER), ""))
    _fill(section.even_page_header, x.paragraph(x.ppr(st.HEADER, jc="left"), x.run(symbol, header_props)))
    _fill(section.header, x.paragraph(x.ppr(st.HEADER, jc="right"), x.run(symbol, header_props)))
    page = x.field("PAGE", "2", x.rpr(latin, bold=True, size=9))
    _fill(section.even_page_footer, x.paragraph(x.ppr(st.FOOTER, jc="left"), page))
    _fill(section.footer, x.paragraph(x.ppr(st.FOOTER, jc="right"), page))

    first = section.first_page_footer
    _fill(first, _first_footer_xml(footer, script))
    part = first.part
    cells = first._element.findall(f".//{{{x.W_NS}}}tc")
    if footer.barcode:
        target = cells[0].findall(f"{{{x.W_NS}}}p")[1]
        target.append(_picture_run(part, barcode_png(footer.barcode), 3.6))
    qr_target = cells[1].findall(f"{{{x.W_NS}}}p")[0]
    qr_target.append(_picture_run(part, qr_png(footer.qr), 1.6))
