"""A Word table's grid read back: its cells in rows with the columns and rows each takes, which rows are column
heads, which are totals, and each cell's text as spans (issue 27).

Word says a merged cell three ways — ``w:gridSpan`` (across), ``w:vMerge`` restart/continue (down) and the legacy
``w:hMerge`` — and may leave a row short (``w:gridBefore``/``w:gridAfter``, or simply fewer cells). The grid is laid
out first, one slot per row and column, so that the outline's rows (each cell once, at its top left, the cells
taking rows from above skipped as the outline skips them) come out right whatever the form. What a cell holds that
an outline cell cannot — several paragraphs, a table inside it, a picture, a footnote (it becomes one of the table's
own notes) — is said in a problem naming its row and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from cddraft.model.inline import Footnote, Inline, Span
from cddraft.model.table import MAX_COLUMNS
from cddraft.readers.word.package import NS, Parts, paragraphs_text, w
from cddraft.readers.word.runs import Found, RunReader, trimmed
from cddraft.readers.word.values import quoted, table_quoted, whole_number

_OFF = {"0", "false", "off"}
_NO_BORDER = {"nil", "none"}
#: Paragraph styles that mark a row of column heads (LibreOffice's "Table Heading").
_HEAD_STYLES = {"table heading"}


@dataclass
class GridCell:
    """One cell of the grid: where it starts, what it takes, its text, and how it is set."""

    row: int
    col: int
    span: int = 1
    rows: int = 1
    spans: list[Inline] = field(default_factory=list)
    align: str | None = None  # its first paragraph's w:jc
    top_rule: bool = False  # a border above it (a total row's rule)
    bottom: bool = False  # set at the foot of its row (w:vAlign bottom), as cddraft sets heads and figures
    styles: tuple[str, ...] = ()  # its paragraphs' style names

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans if isinstance(s, Span))


@dataclass
class Grid:
    """The table laid out: ``slots[r][c]`` is the cell covering row r, column c (None: no cell there)."""

    cells: list[GridCell]
    slots: list[list[GridCell | None]]
    heads: int  # how many rows at the top are column heads
    own: bool  # written in the UNOG table styles (TableTextG): cddraft's own form
    mirrored: bool = False  # set right to left (w:bidiVisual): its cells' w:jc no longer tells figures from text
    problems: list[str] = field(default_factory=list)
    revisions: int = 0
    #: each row's columns left empty on purpose (w:gridBefore, and with w:gridAfter the columns it declares)
    declared: list[tuple[int, int]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((max(len(r), self.declared[i][1] if i < len(self.declared) else 0)
                    for i, r in enumerate(self.slots)), default=0)


def _opened(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """``el``'s children named ``tag``, content controls and custom XML around them opened."""
    for child in el:
        if child.tag == w(tag):
            yield child
        elif child.tag == w("sdt"):
            for content in child.iterfind("w:sdtContent", NS):
                yield from _opened(content, tag)
        elif child.tag == w("customXml"):
            yield from _opened(child, tag)


def _blocks(tc: etree._Element) -> Iterator[etree._Element]:
    """A cell's paragraphs and tables in order, content controls opened."""
    for child in tc:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            inner = child.find("w:sdtContent", NS) if child.tag == w("sdt") else child
            if inner is not None:
                yield from _blocks(inner)


def _count(el: etree._Element | None, tag: str, least: int) -> int:
    """A count of columns (``w:gridSpan``, ``w:gridBefore``): at least ``least``, at most what Word sets."""
    found = el.find(f"w:{tag}", NS) if el is not None else None
    return min(max(whole_number(_val(found)) or least, least), MAX_COLUMNS)


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return el.get(w("val"), default) if el is not None else None


def _on(el: etree._Element | None) -> bool:
    return el is not None and (el.get(w("val")) or "true").lower() not in _OFF


def _quoted(text: str) -> str:
    return quoted(" ".join(text.split()), 120)


class _CellReader:
    """Reads the cells' paragraphs with the document's run reader, gathering what could not be kept."""

    def __init__(self, reader: RunReader, parts: Parts, grid_problems: list[str]) -> None:
        self.reader, self.parts, self.problems = reader, parts, grid_problems
        self.revisions = 0

    def read(self, tc: etree._Element, cell: GridCell, where: str) -> None:
        paragraphs: list[etree._Element] = []
        for block in _blocks(tc):
            if block.tag == w("tbl"):
                inner = list(block.iter(w("p")))
                rows = [[paragraphs_text(tc2) for tc2 in tr.iter(w("tc"))] for tr in block.iter(w("tr"))]
                self.problems.append(f"{where}: a table inside the cell was flattened into its text: "
                                     f"{table_quoted(rows, 120)}")
                paragraphs.extend(inner)
            else:
                paragraphs.append(block)
        found: list[Found] = []
        styles = []
        for p in paragraphs:
            got = self.reader.paragraph(p)
            self.revisions += got.revisions
            self.problems.extend(f"{where}: {m}" for m in got.problems)
            style = self.parts.style_of(p)
            styles.append(style.name if style is not None else "")
            if got.text.strip() or any(not isinstance(s, Span) for s in got.spans):
                found.append(got)
        cell.styles = tuple(styles)
        if paragraphs:
            jc = paragraphs[0].find("w:pPr/w:jc", NS)
            cell.align = _val(jc)
        spans: list[Inline] = []
        for i, got in enumerate(found):
            if i:
                spans.append(Span(" "))
            spans.extend(got.spans if plain(got.spans) else trimmed(got.spans))
        if len(found) > 1:
            self.problems.append(f"{where}: the cell's {len(found)} paragraphs were joined into one")
        for note in (s for s in spans if isinstance(s, Footnote)):
            text = "".join(x.text for x in note.content if isinstance(x, Span))
            self.problems.append(f"{where}: a footnote in the cell became one of the table's notes (lettered under "
                                 f"the table, not a footnote of the document): {_quoted(text)}")
        cell.spans = spans


def _tracked_away(trpr: etree._Element | None, reader: RunReader, cells: _CellReader, problems: list[str]) -> bool:
    """Whether a row inserted or deleted with tracked changes is not in the text taken (an inserted row when the
    changes are rejected, a deleted one when they are accepted); a tracked row is counted as a change."""
    for tag, kept in (("ins", "accept"), ("del", "reject")):
        if trpr is not None and trpr.find(f"w:{tag}", NS) is not None:
            cells.revisions += 1
            if reader.revisions == "refuse":
                problems.append(f"a row {'inserted' if tag == 'ins' else 'deleted'} with tracked changes")
            return reader.revisions not in (kept, "refuse")
    return False


def plain(spans: list[Inline]) -> bool:
    """Whether ``spans`` are one run of text with no blank at its ends (most cells): nothing to trim or merge."""
    return len(spans) == 1 and type(spans[0]) is Span and spans[0].text == spans[0].text.strip()


def _top_rule(tc: etree._Element) -> bool:
    top = tc.find("w:tcPr/w:tcBorders/w:top", NS)
    return top is not None and (top.get(w("val")) or "single") not in _NO_BORDER


def read_grid(tbl: etree._Element, reader: RunReader, parts: Parts) -> Grid:
    """Lay out ``tbl``'s cells (see the module's docstring)."""
    problems: list[str] = []
    cells_reader = _CellReader(reader, parts, problems)
    cells: list[GridCell] = []
    slots: list[list[GridCell | None]] = []
    declared: list[tuple[int, int]] = []
    trs = list(_opened(tbl, "tr"))
    kept: list[etree._Element] = []  # the rows in the text taken (tracked changes accepted or rejected)
    for tr in trs:
        trpr = tr.find("w:trPr", NS)
        if _tracked_away(trpr, reader, cells_reader, problems):
            continue
        r = len(slots)
        kept.append(tr)
        before, after = _count(trpr, "gridBefore", 0), _count(trpr, "gridAfter", 0)
        row: list[GridCell | None] = [None] * before
        for tc in _opened(tr, "tc"):
            tcpr = tc.find("w:tcPr", NS)
            span = _count(tcpr, "gridSpan", 1)
            vmerge = tcpr.find("w:vMerge", NS) if tcpr is not None else None
            hmerge = tcpr.find("w:hMerge", NS) if tcpr is not None else None
            c = len(row)
            where = f"row {r + 1}, column {c + 1}"
            above = slots[r - 1][c] if r and c < len(slots[r - 1]) else None
            left = row[-1] if row else None
            origin = None
            # a continuation joins the cell it continues only where it fits it exactly (else it is a cell of its own)
            if vmerge is not None and _val(vmerge, "continue") != "restart" and above is not None and \
                    above.col == c and above.span == span and above.row + above.rows == r:
                origin = above
                origin.rows += 1
            elif hmerge is not None and _val(hmerge, "continue") != "restart" and left is not None and \
                    left.row == r and left.rows == 1:
                origin = left
                origin.span += span
            if origin is not None:
                extra = GridCell(r, c)
                cells_reader.read(tc, extra, where)
                if extra.text.strip():
                    problems.append(f"{where}: the text of a merged cell was joined to its first cell's: "
                                    f"{_quoted(extra.text)}")
                    origin.spans = [*origin.spans, Span(" "), *extra.spans]
                row.extend([origin] * span)
                continue
            valign = tcpr.find("w:vAlign", NS) if tcpr is not None else None
            cell = GridCell(r, c, span, top_rule=_top_rule(tc), bottom=_val(valign) == "bottom")
            cells_reader.read(tc, cell, where)
            cells.append(cell)
            row.extend([cell] * span)
        slots.append(row)
        declared.append((before, len(row) + after))
    grid = Grid(cells, slots, 0, _own(cells), _on(tbl.find("w:tblPr/w:bidiVisual", NS)), problems,
                cells_reader.revisions, declared)
    grid.heads = _heads(tbl, kept, grid, parts)
    return grid


def _own(cells: list[GridCell]) -> bool:
    return any("tabletextg" in c.styles for c in cells)


def _all(spans: list[Inline], attr: str) -> bool:
    texts = [s for s in spans if isinstance(s, Span) and s.text.strip()]
    return bool(texts) and all(getattr(s, attr) for s in texts)


def _row_cells(grid: Grid, r: int) -> list[GridCell]:
    return [c for c in grid.cells if c.row == r]


def _on_attr(el: etree._Element, name: str) -> bool:
    return (el.get(w(name)) or "").lower() in ("1", "true", "on")


def _first_row_look(look: etree._Element | None) -> bool:
    """Whether the table's look applies its style's first-row form (``w:firstRow``, or bit 0x20 of ``w:val``)."""
    if look is None:
        return False
    if look.get(w("firstRow")) is not None:
        return _on_attr(look, "firstRow")
    try:
        return int(look.get(w("val")) or "0", 16) & 0x20 != 0
    except ValueError:
        return False


def _first_row_form(look: etree._Element | None) -> bool:
    """Whether a row is formatted as its table style's first row (``w:cnfStyle``: ``w:firstRow``, or the first
    flag of ``w:val``)."""
    if look is None:
        return False
    if look.get(w("firstRow")) is not None:
        return _on_attr(look, "firstRow")
    return (look.get(w("val")) or "").startswith("1")


def _heads(tbl: etree._Element, trs: list[etree._Element], grid: Grid, parts: Parts) -> int:
    """How many rows at the top are column heads: those marked to repeat on each page (``w:tblHeader``) or set as
    the table style's first row (``w:cnfStyle``); else the first, when the table style sets it apart or it reads as
    a row of heads (bold throughout, or in a heading style); with the rows their cells are merged down into."""
    rows = len(trs)
    if rows < 2:
        return 0
    marked = 0
    for tr in trs:
        if not _on(tr.find("w:trPr/w:tblHeader", NS)) and not _first_row_form(tr.find("w:trPr/w:cnfStyle", NS)):
            break
        marked += 1
    if marked:
        return _down(grid, marked, rows)
    style = _val(tbl.find("w:tblPr/w:tblStyle", NS))
    if _first_row_look(tbl.find("w:tblPr/w:tblLook", NS)) and style in parts.header_styles:
        return _down(grid, 1, rows)
    first, second = _row_cells(grid, 0), _row_cells(grid, 1)
    if any(c.styles and all(s in _HEAD_STYLES for s in c.styles) for c in first):
        return _down(grid, 1, rows)
    texts = [c for c in first if c.text.strip()]
    if texts and all(_all(c.spans, "bold") for c in texts) and not all(
            _all(c.spans, "bold") for c in second if c.text.strip()):
        return _down(grid, 1, rows)
    return 0


def _down(grid: Grid, heads: int, rows: int) -> int:
    """The head rows, with the rows their cells are merged down into (a head row's cells reaching into the next
    make it a row of heads too); a body row always left."""
    while True:
        reach = max((c.row + c.rows for c in grid.cells if c.row < heads), default=heads)
        if reach <= heads or reach >= rows:
            return min(heads, rows - 1)
        heads = reach
