"""``cddraft diff`` of a table: NEW's table with its changes against OLD's, as data (issue 27).

Rows are aligned as blocks are (:func:`cddraft.localise.compare.opcodes` on what each row says): a row kept is
NEW's, a row changed keeps its cells with their words marked (a cell is compared as a paragraph is), a row
inserted or deleted is marked whole (by the writer, as a block inserted or deleted whole is). The title, the unit
line and the lines under the table are compared as paragraphs. A table whose columns changed is not compared row
by row: the writer shows it deleted and inserted.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import replace

from cddraft.localise.compare import opcodes, token_key, unrevised
from cddraft.localise.types import Marked, Spans, Table, TableNote, TableRow


def row_key(row: TableRow) -> tuple:
    """What a row says and how its cells are laid out: rows are aligned by it."""
    return (row.head, tuple((c.span, c.rows, tuple(token_key(t) for t in c.spans)) for c in row.cells))


def _shape(row: TableRow) -> tuple:
    return (row.head, tuple((c.span, c.rows) for c in row.cells))


def _marked(kind: str, spans: Spans) -> Spans:
    return [Marked("ins" if kind == "ins" else "del", tuple(unrevised(spans)))] if spans else []


def _whole(row: TableRow, kind: str) -> TableRow:
    """A row inserted or deleted whole: the writer marks the row, its cells' paragraphs and their words."""
    return replace(row, revision="ins" if kind == "ins" else "del")


def _stub(row: TableRow) -> tuple:
    """What names a row: its first cell (the stub), as written."""
    return tuple(token_key(t) for t in row.cells[0].spans) if row.cells else ()


def pairs(befores: list[TableRow], afters: list[TableRow]) -> list[tuple[int, int]]:
    """The rows of a changed stretch that are one row changed: of one shape and named alike (the same stub), in
    order; where no stub is kept, rows of one shape in order when as many were there as are now."""
    found: list[tuple[int, int]] = []
    j = 0
    for i, before in enumerate(befores):
        k = next((k for k in range(j, len(afters)) if _shape(afters[k]) == _shape(before)
                  and _stub(afters[k]) == _stub(before)), None)
        if k is not None:
            found.append((i, k))
            j = k + 1
    if not found and len(befores) == len(afters) and all(
            _shape(b) == _shape(a) and _like(b, a) for b, a in zip(befores, afters, strict=True)):
        found = [(i, i) for i in range(len(befores))]
    return found


def _like(before: TableRow, after: TableRow) -> bool:
    """Whether a row whose stub changed is still the row it was: a cell kept, or its stub half the same (a
    misspelt name corrected), not another row in its place."""
    cells = [tuple(token_key(t) for t in c.spans) for c in before.cells]
    if any(tuple(token_key(t) for t in c.spans) == cell for c, cell in zip(after.cells, cells, strict=False)):
        return True
    text = ["".join(getattr(t, "text", "") for t in row.cells[0].spans) for row in (before, after) if row.cells]
    return len(text) == 2 and difflib.SequenceMatcher(None, text[0], text[1]).ratio() >= 0.5


def _rows(old: list[TableRow], new: list[TableRow], revised: Callable[[Spans, Spans], Spans]) -> list[TableRow]:
    out: list[TableRow] = []
    for op, i1, i2, j1, j2 in opcodes([row_key(r) for r in old], [row_key(r) for r in new]):
        befores, afters = old[i1:i2], new[j1:j2]
        if op == "equal":
            out.extend(afters)
            continue
        i = j = 0
        for pi, pj in [*pairs(befores, afters), (len(befores), len(afters))]:
            out.extend(_whole(r, "del") for r in befores[i:pi])
            out.extend(_whole(r, "ins") for r in afters[j:pj])
            if pi < len(befores):
                cells = [replace(a, spans=revised(b.spans, a.spans))
                         for b, a in zip(befores[pi].cells, afters[pj].cells, strict=True)]
                out.append(replace(afters[pj], cells=cells))
            i, j = pi + 1, pj + 1
    return out


def _notes(old: list[TableNote], new: list[TableNote], revised: Callable[[Spans, Spans], Spans]) -> list[TableNote]:
    """The lines under the table: kept, changed (their words marked), inserted or deleted (marked whole)."""
    out: list[TableNote] = []
    keys = [[(n.call, tuple(token_key(t) for t in n.spans)) for n in notes] for notes in (old, new)]
    for op, i1, i2, j1, j2 in opcodes(*keys):
        befores, afters = old[i1:i2], new[j1:j2]
        if op == "equal":
            out.extend(afters)
        elif op == "replace" and len(befores) == len(afters):
            out.extend(replace(a, spans=revised(b.spans, a.spans)) for b, a in zip(befores, afters, strict=True))
        else:
            out.extend(replace(n, spans=_marked("del", n.spans)) for n in befores)
            out.extend(replace(n, spans=_marked("ins", n.spans)) for n in afters)
    return out


def comparable(old: Table, new: Table) -> bool:
    """Whether NEW's table can be shown as OLD's changed: it has as many columns (else deleted and inserted)."""
    return len(old.widths) == len(new.widths)


def revised_table(old: Table, new: Table, revised: Callable[[Spans, Spans], Spans]) -> Table:
    """NEW's table with its changes against OLD's; ``revised`` compares two texts' words (as paragraphs')."""

    def text(before: Spans | None, after: Spans | None) -> Spans | None:
        if after is None:
            return None
        return revised(before, after) if before is not None else _marked("ins", after)

    return replace(new, title=text(old.title, new.title), unit=text(old.unit, new.unit),
                   rows=_rows(old.rows, new.rows, revised), notes=_notes(old.notes, new.notes, revised))


