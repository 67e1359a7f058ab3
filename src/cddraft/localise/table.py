"""A table block → a localised :class:`~cddraft.localise.types.Table` (issue 27, docs/un-conventions.md §6.8).

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
from typing import Literal

from cddraft.conventions import Conventions
from cddraft.layout import TABLE
from cddraft.localise.numbering import marker
from cddraft.localise.types import LocalInline, Spans, Table, TableCell, TableNote, TableRow
from cddraft.model import table as m
from cddraft.model.inline import Footnote, Inline, Span
from cddraft.model.markup import Markup

#: A number as an outline writes it: digits with a decimal point, groups of three set off by commas or spaces
#: (as a spreadsheet exports them), a sign or accounting brackets, a per cent sign.
_NUMBER = re.compile(r"^(?P<open>[-\u2212(])?(?P<int>\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
                     r"(?P<close>\))?\s?(?P<pct>%)?$")
#: What a cell with nothing to report may say in the outline.
_NIL = {"-", "\u2013", "\u2014", "\u2212"}
#: Characters of the table's text in a line of its width (an average character is about half its size wide).
_EM_FRACTION = 0.5


@dataclass
class TableCounter:
    """The tables' numbers: through the document (one counter for every body), or afresh in each annex."""

    n: int = 0
    ids: dict[str, str | None] = field(default_factory=dict)


def _number(text: str, conv: Conventions) -> str | None:
    """``text`` in the language's form when it is a number (1234.5 → 1 234,5 in French); else None."""
    found = _NUMBER.match(text.strip())
    if found is None or bool(found.group("open") == "(") != bool(found.group("close")):
        return None
    digits = re.sub(r"\D", "", found.group("int"))
    if len(digits) >= 4:
        head = len(digits) % 3 or 3
        digits = conv.tables.group.join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])
    written = digits + (conv.tables.decimal + found.group("frac") if found.group("frac") else "")
    if found.group("open"):
        written = conv.tables.negative.format(n=written)
    return conv.tables.percent.format(n=written) if found.group("pct") else written


def _visible(spans: tuple[Inline, ...]) -> str | None:
    """The text of a cell that is only text and notes (None when it holds a reference)."""
    if any(not isinstance(s, Span | Footnote) for s in spans):
        return None
    return "".join(s.text for s in spans if isinstance(s, Span))


def _is_number(cell: m.Cell, conv: Conventions) -> bool:
    text = _visible(cell.text.spans)
    return text is not None and (text.strip() in _NIL or _number(text, conv) is not None)


def column_kinds(table: m.Table, conv: Conventions) -> list[str]:
    """Each column's kind: as ``columns:`` says, else a number column when every cell of the body starting in
    it (and taking it alone) is a number or says nil, at least one is a number; the stub is text."""
    count = m.columns_of(table)
    if table.columns is not None:
        return list(table.columns)
    placed, _, _ = m.grid(table.rows)
    kinds = []
    for c in range(count):
        cells = [cell for row in placed for start, cell in row if start == c and cell.span == 1 and cell.text.raw]
        numeric = c > 0 and cells and all(_is_number(x, conv) for x in cells) and any(
            (_visible(x.text.spans) or "").strip() not in _NIL for x in cells)
        kinds.append("number" if numeric else "text")
    return kinds


def _width(text: str) -> int:
    """Columns a text takes in the layout's units: a full-width (CJK) character two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shares(rows: list[list[tuple[int, m.Cell]]], count: int, width: str) -> list[float]:
    """Each column's share of the table's width, as a browser lays out an automatic table: every column gets at
    least its longest word; what is left goes where the text is longest (one line per cell, where it fits)."""
    least, most = [2] * count, [2] * count
    for row in rows:
        for start, cell in row:
            if cell.span != 1:
                continue
            text = cell.text.plain
            words = re.split(r"\s+", text) if text.strip() else [""]
            longest = max(max((_width(w) for w in words), default=0),
                          # a CJK text breaks anywhere; no narrower than four characters
                          min(_width(text), 8))
            least[start] = max(least[start], longest + 2)
            most[start] = max(most[start], _width(text) + 2)
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


def _cell_spans(spans: Spans, notes: _Notes, *, bold: bool = False, italic: bool = False) -> list[LocalInline]:
    out: list[LocalInline] = []
    for s in spans:
        if isinstance(s, Footnote):
            out.append(notes.call(s))
        elif isinstance(s, Span):
            out.append(Span(s.text, s.bold or bold, s.italic != italic if italic else s.italic, s.sup))
        else:
            out.append(s)
    return out


def _labelled(label: str, text: Spans, conv: Conventions) -> TableNote:
    """A line under the table that starts with its label: *Source*: …, 注：…"""
    strings = conv.tables
    return TableNote([Span(label, italic=strings.italic_labels), Span(strings.colon), *text])


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
    kinds = column_kinds(table, conv)
    notes = _Notes(conv)
    rows: list[TableRow] = []
    head_placed, _, _ = m.grid(table.head)
    for row, placed in zip(table.head, head_placed, strict=True):
        cells = []
        for start, cell in placed:
            align: Literal["left", "right", "center"] = "center" if cell.span > 1 else (
                "right" if kinds[start] == "number" else "left")
            cells.append(TableCell(_cell_spans(local(cell.text), notes, italic=conv.tables.italic_heads),
                                   cell.span, cell.rows, align))
        rows.append(TableRow(cells, head=True, total=row.total))
    body_placed, _, _ = m.grid(table.rows)
    for row, placed in zip(table.rows, body_placed, strict=True):
        cells = []
        for start, cell in placed:
            content = local(cell.text)
            numeric = cell.span == 1 and kinds[start] == "number"
            text = _visible(cell.text.spans) if numeric else None
            if text is not None:
                written = conv.tables.nil if text.strip() in _NIL else _number(text, conv)
                if written is not None:
                    bold = bool(content) and all(s.bold for s in content if isinstance(s, Span))
                    content = [Span(written, bold=bold), *(s for s in content if isinstance(s, Footnote))]
            cells.append(TableCell(_cell_spans(content, notes, bold=row.total), cell.span, cell.rows,
                                   "right" if numeric else "left"))
        rows.append(TableRow(cells, total=row.total))
    lines: list[TableNote] = []
    strings = conv.tables
    if table.source is not None:
        several = any(s in table.source.raw for s in (";", "\n"))
        lines.append(_labelled(strings.sources if several else strings.source, local(table.source), conv))
    if table.note is not None:
        lines.append(_labelled(strings.note, local(table.note), conv))
    lines.extend(notes.lines())
    anchor = (table.id, str(counter.n)) if table.id and table.numbered else None
    return Table(label, local(table.table) if table.table is not None else None,
                 local(table.unit) if table.unit is not None else None, rows,
                 _shares(head_placed + body_placed, m.columns_of(table), table.width), lines, table.width, anchor)
