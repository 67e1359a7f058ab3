"""A table block → a localised :class:`~cddraft.localise.types.Table` (issue 27, docs/un-conventions.md §6.10).

Everything a writer would otherwise decide is decided here, once, from the conventions: the "Table 1" line,
the labels under the table, the heads in italic and totals in bold, a number column's cells written in the
language's form and aligned right, each footnote written in a cell turned into the table's own note (its call a
raised letter, the note under the table, never one of the document's footnotes), and each column's share of
the width, from what its cells hold.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from cddraft.conventions import Conventions
from cddraft.layout import TABLE
from cddraft.localise.numbering import marker
from cddraft.localise.types import LocalInline, Spans, Table, TableCell, TableNote, TableRow
from cddraft.model import table as m
from cddraft.model.charsets import CJK, char_class
from cddraft.model.figures import figure, is_nil
from cddraft.model.inline import Footnote, Inline, Span, plain_span
from cddraft.model.markup import Markup


@cache
def _east_asian() -> re.Pattern[str]:
    """Compiled when first used (a table with a text that is not ASCII): its class takes 6 ms to compile."""
    return re.compile(char_class(CJK))
#: Characters of the table's text in a line of its width (an average character is about half its size wide).
_EM_FRACTION = 0.5


@dataclass
class TableCounter:
    """The tables' numbers: through the document (one counter for every body), or afresh in each annex."""

    n: int = 0
    ids: dict[str, str | None] = field(default_factory=dict)


def _number(text: str, conv: Conventions) -> str | None:
    """``text`` in the language's form when it is a figure (1234.5 → 1 234,5 in French); else None."""
    found = figure(text)
    if found is None:
        return None
    digits = found.digits
    if len(digits) >= 4:
        head = len(digits) % 3 or 3
        digits = conv.tables.group.join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])
    written = digits + (conv.tables.decimal + found.fraction if found.fraction else "")
    if found.negative:
        written = conv.tables.negative.format(n=written)
    return conv.tables.percent.format(n=written) if found.percent else written


def _visible(spans: tuple[Inline, ...]) -> str | None:
    """The text of a cell that is only text and notes (None when it holds a reference)."""
    if len(spans) == 1 and type(spans[0]) is Span:  # the usual cell: one run of text
        return spans[0].text
    if any(not isinstance(s, Span | Footnote) for s in spans):
        return None
    return "".join(s.text for s in spans if isinstance(s, Span))


class _Numbers:
    """The cells' numbers in the language's form, each text read once (a table repeats many, and its columns
    are looked at before its cells are written)."""

    def __init__(self, conv: Conventions) -> None:
        self.conv = conv
        self.seen: dict[str, str | None] = {}

    def written(self, cell: m.Cell) -> str | None:
        """The cell's number as printed (nil as the language writes it); None when the cell is not a number."""
        raw = cell.text.raw
        if raw in self.seen:
            return self.seen[raw]
        text = _visible(cell.text.spans)
        bare = text.strip() if text is not None else ""
        found = None if text is None else self.conv.tables.nil if is_nil(bare) else _number(bare, self.conv)
        self.seen[raw] = found
        return found


def column_kinds(table: m.Table, conv: Conventions, placed: list[list[tuple[int, m.Cell]]] | None = None,
                 numbers: _Numbers | None = None, count: int | None = None) -> list[str]:
    """Each column's kind: as ``columns:`` says, else a number column when every cell of the body starting in
    it (and taking it alone) is a number or says nil, at least one is a number; the stub is text."""
    if table.columns is not None:
        return list(table.columns)
    placed = m.grid(table.rows)[0] if placed is None else placed
    numbers = numbers or _Numbers(conv)
    count = m.columns_of(table) if count is None else count
    kinds = ["text"] * count
    numeric = [True] * count
    some = [False] * count
    for row in placed:
        for start, cell in row:
            if cell.span != 1 or not cell.text.raw or not numeric[start]:
                continue
            written = numbers.written(cell)
            numeric[start] = written is not None
            some[start] = some[start] or (written is not None and written != conv.tables.nil)
    for c in range(1, count):
        if numeric[c] and some[c]:
            kinds[c] = "number"
    return kinds


def _width(text: str) -> int:
    """Columns a text takes in the layout's units: a full-width (CJK) character two, others one."""
    if text.isascii() or not _east_asian().search(text):  # figures, Latin, Cyrillic, Arabic text: one each
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Measure:
    """Each column's narrowest and widest text (in the layout's units), as the cells are made."""

    def __init__(self, count: int) -> None:
        self.least, self.most = [2] * count, [2] * count

    def add(self, column: int, spans: Spans) -> None:
        text = spans[0].text if len(spans) == 1 and type(spans[0]) is Span else "".join(
            s.text for s in spans if isinstance(s, Span))
        whole = _width(text)
        longest = whole if " " not in text else max(_width(w) for w in text.split(" "))
        longest = max(longest, min(whole, 8))  # a CJK text breaks anywhere: no narrower than four characters
        if longest + 2 > self.least[column]:
            self.least[column] = longest + 2
        if whole + 2 > self.most[column]:
            self.most[column] = whole + 2


def _shares(measure: _Measure, width: str) -> list[float]:
    """Each column's share of the table's width, from its cells as printed, as a browser lays out an automatic
    table: every column gets at least its longest word; what is left goes where the text is longest (one line per
    cell, where it fits)."""
    least, most = measure.least, measure.most
    room = TABLE.width[width] / (TABLE.size * 20 * _EM_FRACTION)
    if sum(most) <= room:
        widths = [float(x) for x in most]
    elif sum(least) >= room:
        widths = [float(x) for x in least]
    else:
        spare = (room - sum(least)) / (sum(most) - sum(least))
        widths = [lo + (hi - lo) * spare for lo, hi in zip(least, most, strict=True)]
    total = sum(widths)
    return [w / total for w in widths]


class _Notes:
    """The notes the cells call, lettered in the order first called; the same text called twice has one letter."""

    def __init__(self, conv: Conventions) -> None:
        self.conv = conv
        self.order: dict[tuple[Inline, ...], str] = {}

    def call(self, note: Footnote) -> Span:
        key = tuple(Span(s.text, s.bold, s.italic, s.sup) if isinstance(s, Span) else s for s in note.content)
        if key not in self.order:
            self.order[key] = marker(self.conv.tables.call, len(self.order) + 1, self.conv)
        return Span(self.order[key], sup=True)

    def lines(self) -> list[TableNote]:
        raised = self.conv.tables.call_raised
        return [TableNote(list(content), call=call, raised=raised) for content, call in self.order.items()]


def _cell_spans(spans: Spans, notes: _Notes, *, bold: bool = False, italic: bool = False) -> Spans:
    """A cell's spans with its row's emphasis (a head's italic, a total's bold) and its notes' calls."""
    if not bold and not italic and ((len(spans) == 1 and type(spans[0]) is Span) or not any(
            type(s) is Footnote for s in spans)):
        return spans  # the usual cell: as it is
    out: list[LocalInline] = []
    for s in spans:
        if isinstance(s, Footnote):
            out.append(notes.call(s))
        elif isinstance(s, Span):
            out.append(Span(s.text, s.bold or bold, s.italic != italic if italic else s.italic, s.sup))
        else:
            out.append(s)
    return out


def _labelled(label: str, text: Spans, conv: Conventions, kind: Literal["source", "note"]) -> TableNote:
    """A line under the table that starts with its label: *Source*: …, 注：…"""
    strings = conv.tables
    return TableNote([Span(label, italic=strings.italic_labels), Span(strings.colon), *text], kind=kind)


def localise_table(table: m.Table, local: Callable[[Markup], list[Inline]], conv: Conventions,
                   counter: TableCounter) -> Table:
    """The table as printed; ``local`` turns an outline text into spans by the body's own rules (closed-up CJK,
    held number groups); ``counter`` gives it its number."""
    label = None
    if table.numbered:
        counter.n += 1
        label = marker(conv.tables.label, counter.n, conv)
        if table.id:
            counter.ids[table.id] = str(counter.n)
    elif table.id:
        counter.ids[table.id] = None
    (head_placed, head_widths, _), (body_placed, body_widths, _) = m.grid(table.head), m.grid(table.rows)
    numbers = _Numbers(conv)
    kinds = column_kinds(table, conv, body_placed, numbers, (head_widths or body_widths)[0])
    notes = _Notes(conv)
    rows: list[TableRow] = []
    measure = _Measure(len(kinds))
    for row, placed in zip(table.head, head_placed, strict=True):
        cells = []
        for start, cell in placed:
            align: Literal["left", "right", "center"] = "center" if cell.span > 1 else (
                "right" if kinds[start] == "number" else "left")
            cells.append(TableCell(_cell_spans(local(cell.text), notes, italic=conv.tables.italic_heads),
                                   cell.span, cell.rows, align))
            if cell.span == 1:
                measure.add(start, cells[-1].spans)
        rows.append(TableRow(cells, head=True, total=row.total))
    written_of, add = numbers.written, measure.add
    for index, placed in enumerate(body_placed):
        total = table.is_total(index)
        cells = []
        for start, cell in placed:
            numeric = cell.span == 1 and kinds[start] == "number"
            spans = cell.text.spans
            written = written_of(cell) if numeric else None
            if written is not None and len(spans) == 1:  # the usual figure: alone in its cell
                content: Spans = [plain_span(written, bold=total or getattr(spans[0], "bold", False))]
                cells.append(TableCell(content, 1, cell.rows, "right"))
                add(start, content)
                continue
            content = local(cell.text)
            if written is not None:  # with its notes' calls
                bold = bool(content) and all(s.bold for s in content if isinstance(s, Span))
                content = [Span(written, bold=bold), *(s for s in content if isinstance(s, Footnote))]
            cells.append(TableCell(_cell_spans(content, notes, bold=total), cell.span, cell.rows,
                                   "right" if numeric else "left"))
            if cell.span == 1:
                add(start, cells[-1].spans)
        rows.append(TableRow(cells, total=total))
    lines: list[TableNote] = []
    strings = conv.tables
    if table.source is not None:
        several = any(s in table.source.raw for s in (";", "\n"))
        lines.append(_labelled(strings.sources if several else strings.source, local(table.source), conv, "source"))
    if table.note is not None:
        lines.append(_labelled(strings.note, local(table.note), conv, "note"))
    lines.extend(notes.lines())
    anchor = (table.id, str(counter.n)) if table.id and table.numbered else None
    return Table(label, local(table.table) if table.table is not None else None,
                 local(table.unit) if table.unit is not None else None, rows,
                 _shares(measure, table.width), lines, table.width, anchor,
                 str(counter.n) if table.numbered else None)
