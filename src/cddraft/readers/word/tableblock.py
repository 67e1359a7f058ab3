"""A Word table, with the lines above and under it, → the outline's table block (``cddraft.model.table``).

cddraft's own form is undone step by step, so that an imported cddraft file gives back the block it was built
from: the cells' raised note calls become the notes they call (``^[…]``), the italic of the column heads and the
bold of a total row are taken off, numbers go back to the neutral form (``1 234,5`` → ``1234.5``) in the columns
set as numbers, ``columns:`` is written where the build would tell them otherwise. Another file's table is read as
it shows: its head rows, merged cells and text, its numbers kept as written unless the build prints them the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from cddraft.conventions import Conventions
from cddraft.model.inline import Footnote, Inline, Span
from cddraft.model.markup import to_markup
from cddraft.readers.word.assemble import markup
from cddraft.readers.word.classify import Piece
from cddraft.readers.word.numbers import NIL, is_number, neutral
from cddraft.readers.word.package import Parts
from cddraft.readers.word.runs import RunReader, trimmed
from cddraft.readers.word.table import Grid, GridCell, plain, read_grid
from cddraft.readers.word.tableparts import Caption, Under, caption_above, from_text, landscape_or_full, lines_under


@dataclass
class _Out:
    """A cell as the outline writes it, where it starts, and its spans while they are being undone."""

    col: int
    spans: list[Inline]
    span: int = 1
    rows: int = 1
    right: bool = False  # set right, as a number column's cells are
    head: bool = False


@dataclass
class _Row:
    cells: list[_Out] = field(default_factory=list)
    total: bool = False


def _parts(grid: Grid, problems: list[str]) -> tuple[list[_Row], list[_Row]]:
    """The head rows and the body rows, every row filling the table's width: a short row padded with empty cells,
    a cell reaching from the heads into the body cut at the heads' foot."""
    width = grid.width
    out: tuple[list[_Row], list[_Row]] = ([], [])
    for r, slots in enumerate(grid.slots):
        head = r < grid.heads
        start, stop = (0, grid.heads) if head else (grid.heads, len(grid.slots))
        row = _Row()
        padded = 0
        before, declared = grid.declared[r]
        for c in range(width):
            cell: GridCell | None = slots[c] if c < len(slots) else None
            if cell is None:
                padded += not (c < before or len(slots) <= c < declared)  # not a column the row leaves empty
                row.cells.append(_Out(c, [], head=head))
            elif cell.col != c:
                continue
            elif cell.row == r:
                # a figure: set right; in a mirrored table (every cell set from the right), at its row's foot
                right = cell.bottom if grid.mirrored else cell.align in ("right", "end")
                row.cells.append(_Out(c, list(cell.spans), cell.span, min(cell.rows, stop - r), right, head))
            elif cell.row < start and r == start:
                problems.append(f"row {r + 1}, column {c + 1}: a cell merged down from the column heads into the "
                                "body was cut at the heads' foot")
                row.cells.append(_Out(c, [], cell.span, min(cell.row + cell.rows, stop) - r, head=head))
        if padded:
            problems.append(f"row {r + 1} has {padded} column(s) fewer than the table's {width}: padded with empty "
                            "cells")
        out[0 if head else 1].append(row)
    return out


def _calls(text: str, known: dict[str, list[Inline]]) -> list[str] | None:
    """``ab`` → ``["a", "b"]`` when the raised text is nothing but calls of the notes under the table."""
    out, rest = [], text.strip()
    while rest:
        found = max((c for c in known if rest.startswith(c)), key=len, default=None)
        if found is None:
            return None
        out.append(found)
        rest = rest[len(found):].lstrip(" ,")
    return out or None


def _noted(spans: list[Inline], under: Under, used: set[str]) -> list[Inline]:
    """The cell's raised calls of the notes under the table as those notes (``^[…]``); a call raised with other
    raised text before it (``km²ᵃ`` read as one raised "2a") is taken off its end."""
    if not under.calls:
        return spans
    out: list[Inline] = []
    for s in spans:
        if not isinstance(s, Span) or not s.sup:
            out.append(s)
            continue
        at, calls = next(((i, found) for i in range(len(s.text))
                          if (found := _calls(s.text[i:], under.calls)) is not None), (len(s.text), []))
        if at:
            out.append(Span(s.text[:at], s.bold, s.italic, s.sup))
        used.update(calls)
        out.extend(Footnote(tuple(x for x in under.calls[c] if not isinstance(x, Footnote))) for c in calls)
    return out


def _set(spans: list[Inline], attr: str, value: bool | None) -> list[Inline]:
    """Spans with ``attr`` set to ``value`` (None: toggled)."""
    out: list[Inline] = []
    for s in spans:
        if isinstance(s, Span):
            now = not getattr(s, attr) if value is None else value
            flags = {"bold": s.bold, "italic": s.italic, attr: now}
            s = Span(s.text, flags["bold"], flags["italic"], s.sup)
        out.append(s)
    return out


def _uniform(spans: list[Inline], attr: str) -> bool:
    texts = [s for s in spans if isinstance(s, Span) and s.text.strip()]
    return bool(texts) and all(getattr(s, attr) for s in texts)


def _visible(spans: list[Inline]) -> str | None:
    if any(not isinstance(s, Span | Footnote) for s in spans):
        return None
    return "".join(s.text for s in spans if isinstance(s, Span))


def _column_kinds(body: list[_Row], width: int, own: bool, conv: Conventions) -> list[str]:
    """Each column's kind as the Word file shows it: cddraft sets a number column's cells right (at the foot of
    their rows); in another file a column (not the first) whose cells are all numbers printed as the build prints
    them."""
    kinds = []
    for c in range(width):
        cells = [x for row in body for x in row.cells if x.col == c and x.span == 1 and (_visible(x.spans) or "")]
        texts = [_visible(x.spans) or "" for x in cells if _visible(x.spans) is not None]
        if own:
            number = bool(cells) and all(x.right for x in cells)
        else:
            number = c > 0 and bool(cells) and len(texts) == len(cells) and all(
                neutral(t, conv) is not None for t in texts) and any(neutral(t, conv) != "-" for t in texts)
        kinds.append("number" if number else "text")
    return kinds


def _numbers(body: list[_Row], kinds: list[str], conv: Conventions) -> None:
    for row in body:
        for x in row.cells:
            text = _visible(x.spans) if x.span == 1 and kinds[x.col] == "number" else None
            found = neutral(text, conv) if text else None
            if found is not None:
                bold = _uniform(x.spans, "bold")
                x.spans = [Span(found, bold=bold), *(s for s in x.spans if isinstance(s, Footnote))]


def _auto(body: list[_Row], width: int) -> list[str]:
    """The kinds the build gives the columns when ``columns:`` does not say (cddraft.localise.table)."""
    kinds = []
    for c in range(width):
        texts = [_visible(x.spans) for row in body for x in row.cells if x.col == c and x.span == 1 and x.spans]
        numeric = c > 0 and bool(texts) and all(t is not None and is_number(t) for t in texts) and any(
            (t or "").strip() not in NIL for t in texts)
        kinds.append("number" if numeric else "text")
    return kinds


def _cell(x: _Out) -> Any:
    text = to_markup(x.spans) if plain(x.spans) else markup(x.spans)
    if x.span == 1 and x.rows == 1:
        return text
    out: dict[str, Any] = {"text": text}
    if x.span > 1:
        out["span"] = x.span
    if x.rows > 1:
        out["rows"] = x.rows
    return out


def _ruled(cells: list[GridCell]) -> bool:
    return bool(cells) and all(c.top_rule for c in cells)


def _total(cells: list[GridCell], above: list[GridCell] | None) -> bool:
    """A total row: a rule above every cell and its text all bold (never the body's first row). In another file
    the row above must not be ruled too: a table with a rule above every row has no rule that sets a total off."""
    return above is not None and _ruled(cells) and any(c.text.strip() for c in cells) and all(
        _uniform(c.spans, "bold") for c in cells if c.text.strip()) and (above == [] or not _ruled(above))


def table_block(grid: Grid, caption: Caption, under: Under, width: str | None, conv: Conventions,
                problems: list[str]) -> dict[str, Any]:
    """The outline's table block; what could not be kept goes to ``problems``."""
    head, body = _parts(grid, problems)
    used: set[str] = set()
    for row in head:
        for x in row.cells:
            x.spans = _noted(x.spans, under, used)
            if grid.own:  # cddraft sets the heads in italic where the language does: undone
                x.spans = _set(x.spans, "italic", None) if conv.tables.italic_heads else x.spans
            else:  # another file's heads in bold or italic throughout: the look of a head, not its text's
                for attr in ("bold", "italic"):
                    if _uniform(x.spans, attr):
                        x.spans = _set(x.spans, attr, False)
    starting: dict[int, list[GridCell]] = {}
    for cell in grid.cells:
        starting.setdefault(cell.row, []).append(cell)
    for r, row in enumerate(body):
        for x in row.cells:
            x.spans = _noted(x.spans, under, used)
        above = None if r == 0 else [] if grid.own else starting.get(grid.heads + r - 1, [])
        row.total = _total(starting.get(grid.heads + r, []), above)
        if row.total:
            for x in row.cells:
                x.spans = _set(x.spans, "bold", False)
    kinds = _column_kinds(body, grid.width, grid.own, conv)
    _numbers(body, kinds, conv)
    auto = _auto(body, grid.width)
    block: dict[str, Any] = {"table": markup(caption.title) if caption.title else None}
    if caption.id and caption.numbered:
        block["id"] = caption.id
    if not caption.numbered:
        block["numbered"] = False
    if caption.unit:
        block["unit"] = markup(caption.unit)
    if head:
        rows = [[_cell(x) for x in row.cells] for row in head]
        block["head"] = rows[0] if len(rows) == 1 else rows
    block["rows"] = [{"cells": [_cell(x) for x in row.cells], "total": True} if row.total else
                     [_cell(x) for x in row.cells] for row in body]
    if kinds != auto:
        block["columns"] = kinds
        for c, (kind, default) in enumerate(zip(kinds, auto, strict=True)):
            if not grid.own and kind == "text" and default == "number":
                problems.append(f"column {c + 1}'s numbers are kept as written (`columns:` says text), not in the "
                                "form UN tables print them (leave out `columns:` to have them so)")
    unused = [c for c in under.calls if c not in used]
    if unused:
        problems.append(f"the table's note(s) {', '.join(unused)} are called by no cell: kept in `note:`")
    notes = under.note + [[Span(c, sup=True), Span(" "), *under.calls[c]] for c in unused]
    for key, lines in (("source", under.source), ("note", notes)):
        if len(lines) > 1 and (key == "source" or len(under.note) > 1):
            problems.append(f"the table's {len(lines)} {key} lines were joined into one")
        if lines:
            block[key] = markup([s for i, line in enumerate(lines) for s in ([Span(" ")] if i else []) + line])
    if width:
        block["width"] = width
    return block



@dataclass
class TableRead:
    """A table read with what belongs to it: its block (None when it holds no text), the elements after it that
    were its lines, the caption's paragraphs taken off the pieces, what could not be kept, tracked changes met."""

    piece: Piece | None
    taken: int
    captions: list[int]
    problems: list[str]
    revisions: int


def read_table(elements: list[etree._Element], at: int, pieces: list[Piece], reader: RunReader, parts: Parts,
               conv: Conventions) -> TableRead:
    """The table at ``elements[at]``, its caption taken off the end of ``pieces`` (the paragraphs read before it)
    and its lines from the elements after it."""
    tbl = elements[at]
    caption = caption_above(pieces, conv)
    grid = read_grid(tbl, reader, parts)
    under, taken, below = lines_under(elements, at, reader, parts, conv, caption if caption.found else None)
    if below is not None and not from_text(below, conv, caption):
        caption.title = trimmed(below.spans)
    problems = [*caption.problems, *grid.problems, *under.problems]
    width = landscape_or_full(tbl, elements[at + 1:], parts.body)
    if width == "full" and not grid.own:
        width = None
    if not any(c.text.strip() or any(not isinstance(s, Span) for s in c.spans) for c in grid.cells) and not (
            caption.found or under.source or under.note or under.calls):
        if problems:
            problems.append("the table holds no text: it was left out")
        return TableRead(None, taken, caption.indices, problems, grid.revisions + under.revisions)
    block = table_block(grid, caption, under, width, conv, problems)
    piece = Piece("table", [], number=caption.number if caption.numbered else None, block=block)
    return TableRead(piece, taken, caption.indices, problems, grid.revisions + under.revisions)

