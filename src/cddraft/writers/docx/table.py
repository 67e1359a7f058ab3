"""A localised :class:`~cddraft.localise.types.Table` → WordprocessingML: caption, table, the lines under it.

The shapes are a contract the Word reader is written against (issue 27), and each follows how the UN sets a
table (docs/un-conventions.md §6.10):

* the caption above the table, every paragraph kept with the next: "Table 1" in ``TableNoG`` (its number
  bookmarked for ``{ref:}``), the title in ``TableTitleG``, the unit line in ``TableUnitG``;
* the table itself: horizontal rules only (top, under the last head row, above a total, bottom), fixed column
  widths that sum to the table's width, head rows repeated on every page (``w:tblHeader``), no row split across
  pages (``w:cantSplit``), a head over several columns a ``w:gridSpan``, one down several rows a ``w:vMerge``
  (each covered place a cell of its own, as Word writes it); mirrored (``w:bidiVisual``) in a right-to-left
  version, so the stub stands at the right;
* the lines under it in ``FootnoteText``, as the UN writes them: "*Source*: …" as it is, a lettered note as a
  page footnote is laid out (tab, the letter, tab, the text); never one of the document's footnotes;
* a ``landscape`` table on a page of its own turned sideways: a section break before it and one after it
  (:func:`finish_sections` completes them from the document's own page set-up once the headers exist).

Everything is drawn through the body writer's pen, so a revision inside a cell is drawn as it is in a paragraph.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

from cddraft import layout
from cddraft.layout import MARGINS, PAGE, TABLE
from cddraft.localise.types import Table, TableCell, TableNote
from cddraft.model.inline import Span
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from cddraft.writers.docx.body import BodyWriter

_W = f"{{{x.W_NS}}}"
#: Space above the first line under a table (6 pt, as above a paragraph) and below the last one (12 pt: a blank
#: line before the text resumes, as UN documents leave one).
NOTES_BEFORE, NOTES_AFTER = 120, 240
#: The caption's last paragraph: 6 pt before the table (TableTitleG's and TableUnitG's own space after).
CAPTION_AFTER = layout.STYLES[st.TABLE_TITLE].spacing.get("after", 120)
#: Word's own look of a new table (no table style is applied: the rules are the table's and the cells' own).
_LOOK = ('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
         'w:noHBand="0" w:noVBand="1"/>')
_NIL = '<w:{} w:val="nil"/>'


def grid_columns(shares: list[float], width: int) -> list[int]:
    """Each column's width in twips: the shares of ``width`` rounded so that they sum to it exactly."""
    total = sum(shares) or 1.0
    edges, running = [0], 0.0
    for share in shares:
        running += share / total
        edges.append(round(running * width))
    edges[-1] = width
    return [b - a for a, b in itertools.pairwise(edges)]


def placed(rows: list[list[TableCell]], count: int) -> Iterator[list[tuple[int, TableCell | None, int]]]:
    """Each row as Word holds it: (grid column, the cell starting there or None where a cell from a row above
    continues, its columns), left to right. A row the cells leave short is filled with empty cells."""
    below: dict[int, tuple[int, int]] = {}  # first column → (columns, rows still taken below this row)
    for cells in rows:
        out: list[tuple[int, TableCell | None, int]] = []
        column, queue = 0, iter(cells)
        while True:
            if column in below:
                span = below[column][0]
                out.append((column, None, span))
            else:
                cell = next(queue, None)
                if cell is None and column >= count:
                    break
                cell = cell or TableCell([])
                span = cell.span
                out.append((column, cell, span))
            column += span
        below = {c: (s, n - 1) for c, (s, n) in below.items() if n > 1}
        for start, placed_cell, span in out:
            if placed_cell is not None and placed_cell.rows > 1:
                below[start] = (span, placed_cell.rows - 1)
        yield out


def _jc(align: str, rtl: bool) -> str:
    """``w:jc`` for an alignment. In a bidi paragraph Word and LibreOffice read ``left`` as the start (the right):
    a right-to-left table sets its text from the right and its figures at the right too, so that the units of
    the numbers of a column stand under each other (their digits run left to right in every script)."""
    if align == "center" or not rtl:
        return align
    return "left"


def _border(side: str, size: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="auto"/>'


def _table_props(table: Table, rtl: bool, width: int) -> str:
    """``w:tblPr`` in the schema's order (CT_TblPr): mirrored in a right-to-left version, the rules at the top
    and bottom only (none at the sides or between the cells), fixed layout."""
    margin = TABLE.cell_margin
    return (
        "<w:tblPr>" + ("<w:bidiVisual/>" if rtl else "")
        + f'<w:tblW w:w="{width}" w:type="dxa"/><w:tblInd w:w="{TABLE.indent[table.width]}" w:type="dxa"/>'
        + f"<w:tblBorders>{_border('top', TABLE.rule_top)}{_NIL.format('left')}"
        + f"{_border('bottom', TABLE.rule_bottom)}{_NIL.format('right')}{_NIL.format('insideH')}"
        + f"{_NIL.format('insideV')}</w:tblBorders>"
        + '<w:tblLayout w:type="fixed"/>'
        + f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        + _LOOK + "</w:tblPr>"
    )


def _cell_props(width: int, span: int, cell: TableCell | None, sides: list[str], bottom: bool) -> str:
    """``w:tcPr`` in the schema's order (CT_TcPr): width, columns taken, merge, rules, vertical alignment."""
    merge = "continue" if cell is None else "restart" if cell.rows > 1 else ""
    return _cell_props_of(width, span, merge, tuple(sides), bottom)


@lru_cache(maxsize=1024)  # a table's cells share a few sets of properties: made once each
def _cell_props_of(width: int, span: int, merge: str, sides: tuple[str, ...], bottom: bool) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if merge == "continue":
        props.append("<w:vMerge/>")
    elif merge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    if sides:
        props.append(f"<w:tcBorders>{''.join(sides)}</w:tcBorders>")
    if bottom:
        props.append('<w:vAlign w:val="bottom"/>')
    return f"<w:tcPr>{''.join(props)}</w:tcPr>"


def _rules(table: Table, i: int, last_head: int, start: int, cell: TableCell | None, span: int,
           reach: dict[int, int]) -> list[str]:
    """The rules of the cell of row ``i`` starting in column ``start`` (top, then bottom: CT_TcBorders order)."""
    row = table.rows[i]
    sides = []
    if i == 0:  # the table's own top rule, which LibreOffice drops over a head taking rows down
        sides.append(_border("top", TABLE.rule_top))
    elif row.total:
        sides.append(_border("top", TABLE.rule_total))
    if i == last_head or (row.head and reach.get(start, i) >= last_head):  # a head taking rows down: its foot
        sides.append(_border("bottom", TABLE.rule_head))
    elif row.head and cell is not None and span > 1 and reach.get(start, i) == i:
        sides.append(_border("bottom", TABLE.rule_spanner))  # under a head spanning the heads below it
    return sides


def table_xml(w: BodyWriter, table: Table) -> str:
    """The ``w:tbl`` of ``table``, its cells' paragraphs drawn by ``w``."""
    rtl = w.script.rtl
    width = TABLE.width[table.width]
    columns = grid_columns(table.widths, width)
    heads = [i for i, row in enumerate(table.rows) if row.head]
    last_head = heads[-1] if heads else -1
    out = [f"<w:tbl>{_table_props(table, rtl, width)}<w:tblGrid>"
           + "".join(f'<w:gridCol w:w="{c}"/>' for c in columns) + "</w:tblGrid>"]
    reach: dict[int, int] = {}  # first column of a cell taking rows down → the last row it takes
    props: dict[tuple[bool, str], str] = {}  # the cells' paragraph properties, outside any revision
    for i, cells in enumerate(placed([r.cells for r in table.rows], len(columns))):
        row = table.rows[i]
        if row.revision is not None:  # a row inserted or deleted whole, in a table kept
            with w.whole(row.revision):
                out.append(_row_xml(w, table, i, cells, columns, last_head, reach, {}))
            continue
        out.append(_row_xml(w, table, i, cells, columns, last_head, reach, props))
    out.append("</w:tbl>")
    return "".join(out)


def _row_xml(w: BodyWriter, table: Table, i: int, cells: list[tuple[int, TableCell | None, int]],
             columns: list[int], last_head: int, reach: dict[int, int], props: dict[tuple[bool, str], str]) -> str:
    """One ``w:tr``: its properties (with the revision in force), then its cells."""
    rtl = w.script.rtl
    row = table.rows[i]
    out: list[str] = []
    # The heads keep the first row with them (they never end a page); the last row keeps the notes with it.
    keep = row.head or (bool(table.notes) and i == len(table.rows) - 1)
    # a row inserted or deleted, whole or with its table (CT_TrPr: the revision after the row's properties)
    out.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if row.head else "") + w.paragraph_mark()
               + "</w:trPr>")
    for start, cell, span in cells:
        if cell is not None:
            reach[start] = i + cell.rows - 1
        align = cell.align if cell is not None else "left"
        # heads, and figures on the last line of a stub that runs over
        tc = _cell_props(sum(columns[start:start + span]), span, cell,
                         _rules(table, i, last_head, start, cell, span, reach), row.head or align == "right")
        key = (keep, _jc(align, rtl))
        ppr = props.get(key) or w.ppr(st.TABLE_TEXT, keep_next=keep, jc=key[1])
        if "<w:rPr>" not in ppr and "<w:pPrChange" not in ppr:  # no revision mark of its own: the same for all
            props[key] = ppr
        if cell is None or not cell.spans:
            runs = ""
        elif len(cell.spans) == 1 and type(span0 := cell.spans[0]) is Span:  # the usual cell: one run
            runs = w.text(span0.text, bold=span0.bold, italic=span0.italic, sup=span0.sup)
        else:
            runs = w.spans(cell.spans)
        out.append(f"<w:tc>{tc}{w.paragraph(ppr, runs)}</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


_RUN_START = re.compile(r"<w:r>(<w:rPr>(?:<w:rStyle [^>]*/>)?(?:<w:rFonts [^>]*/>)?(?:<w:b/><w:bCs/>)?)?(?!<w:rPr>)")


def _upright(runs: str) -> str:
    """``runs`` set upright in an italic paragraph style, unless italic themselves: Chinese sets no italic (its
    column heads are roman, §6.10), and Word slants a CJK font it is asked to set in italic."""
    def upright(found: re.Match[str]) -> str:
        head = found.group(1)
        if head is None:
            return '<w:r><w:rPr><w:i w:val="0"/><w:iCs w:val="0"/></w:rPr>'
        rest = runs[found.end():found.end() + 6]
        return found.group(0) if rest == "<w:i/>" else f'<w:r>{head}<w:i w:val="0"/><w:iCs w:val="0"/>'

    return _RUN_START.sub(upright, runs)


def caption_xml(w: BodyWriter, table: Table) -> list[str]:
    """The paragraphs above the table: "Table 1" (its number bookmarked), the title, the unit line."""
    lines: list[tuple[str, str]] = []
    if table.label is not None:
        label, anchor = table.label, table.anchor
        at = label.rfind(anchor[1]) if anchor is not None else -1
        runs = (w.number(label[:at], label[at:], "", anchor) if anchor is not None and at >= 0
                else w.text(label))
        lines.append((st.TABLE_NUMBER, runs))
    if table.title is not None:
        lines.append((st.TABLE_TITLE, w.spans(table.title)))
    if table.unit is not None:
        unit = w.spans(table.unit)
        lines.append((st.TABLE_UNIT, _upright(unit) if w.script.east_asian_font else unit))
    # a table wider than the text column: its caption starts where it does
    ind = None if table.width == "text" else {"left": TABLE.indent[table.width], "right": 0}
    out = []
    for n, (style, runs) in enumerate(lines):
        spacing: dict[str, int | str] = {}
        if n == 0 and style != st.TABLE_NUMBER:  # no label: the title takes its space above
            spacing["before"] = layout.STYLES[st.TABLE_NUMBER].spacing.get("before", 240)
        last = n == len(lines) - 1
        if last and style == st.TABLE_NUMBER:
            spacing["after"] = CAPTION_AFTER
        elif not last and style == st.TABLE_TITLE:
            spacing["after"] = 0  # the unit line follows closely
        out.append(w.paragraph(w.ppr(style, keep_next=True, spacing=spacing or None, ind=ind), runs))
    return out


def notes_xml(w: BodyWriter, notes: list[TableNote], indent: int) -> list[str]:
    """The lines under the table in FootnoteText: "*Source*: …" as it is; a lettered note as the page's
    footnotes are laid out (tab, the letter, tab, the text: the letter right-aligned at the style's tab, the text
    at its indent). All but the last are kept with the next, so the last row is not left without its notes."""
    out = []
    for n, note in enumerate(notes):
        spacing: dict[str, int | str] = {}
        if n == 0:
            spacing["before"] = NOTES_BEFORE
        if n == len(notes) - 1:
            spacing["after"] = NOTES_AFTER
        if note.call is None:
            # at the table's edge (FootnoteText hangs its first line out to the margin, for the tab and number)
            ppr = w.ppr(st.FOOTNOTE_TEXT, keep_next=n < len(notes) - 1, spacing=spacing or None,
                        ind={"left": indent, "hanging": 0})
            runs = w.spans(note.spans)
        else:
            ppr = w.ppr(st.FOOTNOTE_TEXT, keep_next=n < len(notes) - 1, spacing=spacing or None)
            runs = w.text("\t") + w.text(note.call, sup=note.raised) + w.text("\t") + w.spans(note.spans)
        out.append(w.paragraph(ppr, runs))
    return out


def section_xml(rtl: bool, *, landscape: bool, first: bool) -> str:
    """A section's ``w:sectPr`` from the layout table (the house page set-up), in the schema's order; the
    document's own replaces it (:func:`finish_sections`). Notes are numbered on through the sections."""
    width, height = (PAGE.height, PAGE.width) if landscape else (PAGE.width, PAGE.height)
    orient = ' w:orient="landscape"' if landscape else ""
    m = MARGINS
    return (
        '<w:sectPr><w:footnotePr><w:numRestart w:val="continuous"/></w:footnotePr>'
        f'<w:pgSz w:w="{width}" w:h="{height}"{orient} w:code="{PAGE.code}"/>'
        f'<w:pgMar w:top="{m.top}" w:right="{m.right}" w:bottom="{m.bottom}" w:left="{m.left}" '
        f'w:header="{m.header}" w:footer="{m.footer}" w:gutter="{m.gutter}"/><w:cols w:space="720"/>'
        + ("<w:titlePg/>" if first else "") + ("<w:bidi/>" if rtl else "") + "</w:sectPr>"
    )


def _end_section(w: BodyWriter, sect: str) -> None:
    """End the section with the last paragraph drawn: ``sect`` in its properties, before a tracked change of
    them (the schema's order); in an empty paragraph when the last part does not end with one. A paragraph that
    ends a section already (a landscape table's just before) is left as it is."""
    last = w.parts[-1] if w.parts else ""
    start = last.rfind("<w:p>")
    if start >= 0 and "<w:sectPr>" in last[start:]:
        return
    if start < 0 or not last.endswith("</w:p>"):
        empty = w.paragraph(w.ppr(st.BODY), "")
        w.parts.append(empty.replace("</w:pPr>", sect + "</w:pPr>", 1))
        return
    para = last[start:]
    if not para.startswith("<w:p><w:pPr>"):
        para = "<w:p><w:pPr></w:pPr>" + para[len("<w:p>"):]
    change = para.find("<w:pPrChange")
    at = change if change >= 0 else para.find("</w:pPr>")
    w.parts[-1] = last[:start] + para[:at] + sect + para[at:]


def draw_table(w: BodyWriter, table: Table) -> None:
    """Caption, table and the lines under it into ``w.parts`` (a landscape table: in a section of its own)."""
    rtl = w.script.rtl
    landscape = table.width == "landscape"
    if landscape:
        _end_section(w, section_xml(rtl, landscape=False, first=w.sections == 0))
        w.sections += 1
    w.parts.extend(caption_xml(w, table))
    w.parts.append(table_xml(w, table))
    if table.notes:
        w.parts.extend(notes_xml(w, table.notes, TABLE.indent[table.width]))
    else:  # a blank line under the table before the text resumes (and no two tables touching)
        w.parts.append(w.paragraph(w.ppr(st.BODY), ""))
    if landscape:
        _end_section(w, section_xml(rtl, landscape=True, first=False))
        w.sections += 1


# -- the sections, once the document's own page set-up and headers are in -----------------------------------------
_REFERENCES = (f"{_W}headerReference", f"{_W}footerReference")


def _continuous_notes(sect: etree._Element) -> None:
    """Notes numbered on from the section before (a section the table made is no new part of the document)."""
    pr = sect.find(f"{_W}footnotePr")
    restart = pr.find(f"{_W}numRestart") if pr is not None else None
    if restart is not None:
        restart.set(f"{_W}val", "continuous")


def add_bidi(sect: etree._Element) -> None:
    """``w:bidi`` in a section's properties, where the schema puts it: Word lays out a right-to-left section
    (footnote rule, columns) from the right."""
    if sect.find(f"{_W}bidi") is not None:
        return
    later = {f"{_W}rtlGutter", f"{_W}docGrid", f"{_W}printerSettings", f"{_W}sectPrChange"}  # schema order
    anchor = next((c for c in sect if c.tag in later), None)
    bidi = etree.Element(f"{_W}bidi")
    if anchor is not None:
        anchor.addprevious(bidi)
    else:
        sect.append(bidi)


def finish_sections(doc: DocxDocument) -> None:
    """Make the sections a landscape table opened copies of the document's last section (its page set-up, as the
    template gives it): the first keeps page 1's header and footer, the others continue the running ones (no
    title page: the masthead's footer is not repeated), a landscape one turned sideways; the notes are numbered
    on through them. ``render_docx`` is to call it once the body, the headers and the section's direction are in
    (the section breaks drawn before that name no header: python-docx makes the header parts after the body is
    drawn); a document without such sections, or finished already, is left as it is."""
    body = doc.element.body
    final = body.find(f"{_W}sectPr")
    breaks = body.findall(f"{_W}p/{_W}pPr/{_W}sectPr")
    if final is None or not breaks or any(c.tag in _REFERENCES for c in breaks[0]):
        return  # no such section, or finished already
    for n, sect in enumerate(breaks):
        size = sect.find(f"{_W}pgSz")
        landscape = size is not None and size.get(f"{_W}orient") == "landscape"
        new = copy.deepcopy(final)
        if n > 0:
            for child in [c for c in new if c.tag in _REFERENCES or c.tag == f"{_W}titlePg"]:
                new.remove(child)
            _continuous_notes(new)
        page = new.find(f"{_W}pgSz")
        if landscape and page is not None:
            page_w, page_h = page.get(f"{_W}w"), page.get(f"{_W}h")
            if page_w and page_h and int(page_w) < int(page_h):
                page.set(f"{_W}w", page_h)
                page.set(f"{_W}h", page_w)
            page.set(f"{_W}orient", "landscape")
        if sect.find(f"{_W}bidi") is not None and new.find(f"{_W}bidi") is None:  # laid out from the right
            add_bidi(new)
        sect.getparent().replace(sect, new)
    title_page = final.find(f"{_W}titlePg")
    if title_page is not None:  # page 1 is in the first section: the last one's first page is an ordinary one
        final.remove(title_page)
    _continuous_notes(final)
