"""The lines under the masthead (§12) as body XML: at the margin, in a column of their own width; the Security
Council's column beside the Assembly's first lines (identical letters)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cddraft import layout
from cddraft.localise.types import BlockLine, SessionBlock
from cddraft.model.inline import Span
from cddraft.writers.docx import styles as st

if TYPE_CHECKING:
    from cddraft.writers.docx.body import BodyWriter


def session_xml(w: BodyWriter, block: SessionBlock) -> list[str]:
    """The block's paragraphs (and the two columns' table), drawn with ``w`` (its notes join the document's)."""
    geometry = layout.SESSION_BLOCK
    first, last = 0, len(block.left) - 1

    def line(i: int, ln: BlockLine, width: int) -> str:
        spacing: dict[str, int | str] = {"before": geometry.before if i == first else 0,
                                         "after": geometry.after if i == last else 0, "line": 240, "lineRule": "auto"}
        ind = {"left": 0, "right": max(width - geometry.width, 0)}
        runs = w.text(ln.text[:ln.note_at] if ln.note else ln.text, bold=ln.bold)
        if ln.note is not None:
            runs += w.page_note([Span(ln.note)]) + w.text(ln.text[ln.note_at:], bold=ln.bold)
        return w.paragraph(w.ppr(st.NORMAL, spacing=spacing, ind=ind, jc="left"), runs)

    if not block.right:
        return [line(i, ln, st.TEXT_WIDTH) for i, ln in enumerate(block.left)]
    paired = len(block.right)
    widths = (geometry.width, st.TEXT_WIDTH - geometry.width)
    cells = ["".join(line(i, ln, widths[0]) for i, ln in enumerate(block.left[:paired])),
             "".join(line(i, ln, widths[1]) for i, ln in enumerate(block.right))]
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    row = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{c}</w:tc>'
                  for width, c in zip(widths, cells, strict=True))
    bidi = "<w:bidiVisual/>" if w.script.rtl else ""
    table = (f'<w:tbl><w:tblPr>{bidi}<w:tblW w:w="{st.TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
             '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
             f'w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{row}</w:tr></w:tbl>')
    return [table] + [line(i, ln, st.TEXT_WIDTH) for i, ln in enumerate(block.left[paired:], start=paired)]
