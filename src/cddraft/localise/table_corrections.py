"""A table's corrections, as ``cddraft corrigendum`` lists them (issue 27): each cell changed named by its table,
row and column as a reader finds them ("Table 2, row “Total”, column “2024”"), rows inserted or deleted whole,
and the title, unit line and lines under the table corrected as paragraphs are."""

from __future__ import annotations

from typing import Protocol

from cddraft.conventions import Conventions
from cddraft.localise.compare import opcodes, token_key
from cddraft.localise.revise_table import pairs, row_key
from cddraft.localise.types import Spans, Table, TableNote, TableRow
from cddraft.model.inline import Span
from cddraft.model.markup import to_markup


class Corrector(Protocol):
    """What a table's corrections are written with (:class:`cddraft.localise.corrections.Differ`)."""

    def add(self, where: str, **form: str) -> None: ...

    def words(self, place: str, old: Spans, new: Spans, first_note: int = 0) -> None: ...

    def placed(self, place: str) -> str: ...


def _as_typed(row: TableRow, old: Spans, new: Spans) -> tuple[Spans, Spans]:
    """A cell's words as the author typed them: a head's italic and a total's bold are the table's, not the
    words' (a correction quotes "45", not "**45**")."""
    if not (row.head or row.total):
        return old, new

    def plain(spans: Spans) -> Spans:
        return [Span(s.text, sup=s.sup) if isinstance(s, Span) else s for s in spans]

    return plain(old), plain(new)


def _text(spans: Spans) -> str:
    return " ".join("".join(s.text for s in spans if isinstance(s, Span)).split())


def _keys(spans: Spans | None) -> list[tuple]:
    return [token_key(t) for t in spans or []]


def columns(rows: list[TableRow]) -> list[list[int]]:
    """The column each cell of each row starts in (cells taking rows from above pushed past)."""
    out: list[list[int]] = []
    covered: dict[int, int] = {}
    for row in rows:
        starts, column = [], 0
        for cell in row.cells:
            while covered.get(column, 0) > 0:
                column += 1
            starts.append(column)
            column += cell.span
        out.append(starts)
        covered = {c: n - 1 for c, n in covered.items() if n > 1}
        for start, cell in zip(starts, row.cells, strict=True):
            if cell.rows > 1:
                covered.update((c, cell.rows - 1) for c in range(start, start + cell.span))
    return out


def column_names(table: Table) -> list[str]:
    """Each column's name: the text of the lowest head over it alone (else of a head over it), else its number."""
    count = len(table.widths)
    names = [""] * count
    for row, starts in zip(table.rows, columns(table.rows), strict=True):
        if not row.head:
            break
        for start, cell in zip(starts, row.cells, strict=True):
            text = _text(cell.spans)
            for c in range(start, min(start + cell.span, count)):
                if text and (cell.span == 1 or not names[c]):
                    names[c] = text
    return [name or str(c + 1) for c, name in enumerate(names)]


class _Places:
    def __init__(self, conv: Conventions, table: Table) -> None:
        self.places = conv.corrigendum.places
        self.table = self.places.table.format(n=table.number or "")

    def join(self, *parts: str) -> str:
        return self.places.separator.join((self.table, *parts))

    def row(self, row: TableRow | None, index: int) -> str:
        name = _text(row.cells[0].spans) if row is not None and row.cells else ""
        return self.places.row.format(text=name or str(index + 1))

    def note(self, note: TableNote) -> str:
        if note.call:
            return self.places.table_note.format(call=note.call.strip("()"))
        return self.places.source if note.kind == "source" else self.places.note


def correct_table(at: Corrector, conv: Conventions, before: Table, after: Table) -> None:
    """The corrections turning table ``before`` (as issued) into ``after`` (of as many columns)."""
    p = _Places(conv, before)
    if _keys(before.title) != _keys(after.title):
        at.words(p.join(p.places.title), before.title or [], after.title or [])
    if _keys(before.unit) != _keys(after.unit):
        at.words(p.join(p.places.unit), before.unit or [], after.unit or [])
    names = column_names(before)
    starts = columns(before.rows)
    for op, i1, i2, j1, j2 in opcodes([row_key(r) for r in before.rows], [row_key(r) for r in after.rows]):
        if op == "equal":
            continue
        olds, news = before.rows[i1:i2], after.rows[j1:j2]
        i = j = 0
        for pi, pj in [*pairs(olds, news), (len(olds), len(news))]:
            above = i1 + i - 1  # the row as issued that new rows go after (as new blocks do: before deletions)
            anchor = p.row(before.rows[above], above) if above >= 0 else p.places.title
            for row in news[j:pj]:
                cells = " | ".join(to_markup([s for s in c.spans if isinstance(s, Span)]) for c in row.cells)
                at.add(at.placed(p.join(anchor)), whole="row", insert=cells)
            for k in range(i, pi):
                at.add(at.placed(p.join(p.row(olds[k], i1 + k))), whole="row")
            if pi < len(olds):
                for c, (a, b) in enumerate(zip(olds[pi].cells, news[pj].cells, strict=True)):
                    if _keys(a.spans) != _keys(b.spans):
                        column = p.places.column.format(text=names[starts[i1 + pi][c]])
                        at.words(p.join(p.row(olds[pi], i1 + pi), column), *_as_typed(olds[pi], a.spans, b.spans))
            i, j = pi + 1, pj + 1
    note_keys = [[(n.call, tuple(_keys(n.spans))) for n in notes] for notes in (before.notes, after.notes)]
    for op, i1, i2, j1, j2 in opcodes(*note_keys):
        if op != "equal":
            _notes(at, p, before.notes[i1:i2], after.notes[j1:j2])


def _notes(at: Corrector, p: _Places, olds: list[TableNote], news: list[TableNote]) -> None:
    """Lines under the table changed (their words corrected), deleted or inserted."""
    for was, now in zip(olds, news, strict=False):
        at.words(p.join(p.note(was)), was.spans, now.spans)
    for was in olds[len(news):]:
        at.add(at.placed(p.join(p.note(was))), delete=to_markup([s for s in was.spans if isinstance(s, Span)]))
    for now in news[len(olds):]:
        at.add(at.placed(p.table), insert=to_markup([s for s in now.spans if isinstance(s, Span)]))
