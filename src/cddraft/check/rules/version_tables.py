"""Outline rules on the tables of language versions (``cddraft align``): a table of the original's shape, with its
figures (CD605, CD616). Apart from :mod:`cddraft.check.rules.tables` so that a build, which runs that module's
rules, does not import the alignment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from cddraft.check.align.pair import Pair
from cddraft.check.align.tables import (
    NOT_AVAILABLE,
    calls_note,
    cell_text,
    number_columns,
    outline_number,
    placed,
    row_shape,
    shape_words,
)
from cddraft.check.align.units import Unit
from cddraft.check.registry import Finding, rule
from cddraft.conventions import load_conventions
from cddraft.errors import Path_
from cddraft.model.figures import is_nil
from cddraft.model.table import Table, columns_of


def _tables(units: list[Unit]) -> dict[int, Unit]:
    return {k: u for k, u in enumerate(units) if u.kind == "table" and u.table is not None}


def _table_pairs(pair: Pair) -> Iterator[tuple[Unit, Unit]]:
    """The tables aligned between the base and the version."""
    base, mine = _tables(pair.base.units), _tables(pair.version.units)
    for i, j in pair.blocks:
        if i in base and j in mine:
            yield base[i], mine[j]


def _where(pair: Pair, path: Path_) -> str:
    """Where a value of the base version is written (a cell read from a CSV file: in that file)."""
    outline = pair.base.outline
    pos = outline.position(path)
    return f"{PurePath(outline.file_of(path)).name}:{pos.line}:{pos.column}"


def _size(table: Table) -> str:
    return f"{len(table.head)} head row(s), {len(table.rows)} row(s) and {columns_of(table)} column(s)"


@rule("CD605", "version-table-shape", "error", "A table is not of the original's shape (rows, columns, spans, notes)",
      target="versions")
def version_table_shape(pair: Pair) -> Iterator[Finding]:
    """Flags a table whose shape differs from the aligned table of the base version: the number of head rows,
    rows or columns, a row whose cells span other columns or rows, a total row, a cell calling a note where the
    base's does not, a table numbered in one version only.

    Why: a table is the same table in every language version — only its words are translated; a row lost or
    a head merged differently in one version misplaces every figure under it, and a table numbered in one
    version only renumbers the tables after it.

    Example::

        # en.yaml: a table of 3 rows; fr.yaml: the same table with 2: CD605 at the French table

    Manual: un-conventions.md §1.4 (language versions), §6.10 (tables).
    """
    for theirs, ours in _table_pairs(pair):
        tb, tv = theirs.table, ours.table
        assert tb is not None and tv is not None
        pb, pv = theirs.table_path, ours.table_path
        if tb.numbered != tv.numbered:
            yield Finding((*pv, "numbered") if not tv.numbered else (*pv, "table"),
                          f"the table is {'' if tv.numbered else 'not '}numbered where {_where(pair, pb)} "
                          f"{'is not' if tv.numbered else 'is'}", key=True)
        if (len(tb.head), len(tb.rows), columns_of(tb)) != (len(tv.head), len(tv.rows), columns_of(tv)):
            yield Finding((*pv, "table"), f"the table has {_size(tv)} where {_where(pair, pb)} has {_size(tb)}",
                          key=True)
            continue
        for part in ("head", "rows"):
            for rb, rv in zip(placed(tb, part), placed(tv, part), strict=True):
                if not rv:
                    continue
                row = rv[0].row
                if row_shape(rb) != row_shape(rv):
                    yield Finding((*pv, part, row), f"the cells of this row take columns {shape_words(row_shape(rv))} "
                                  f"where {_where(pair, (*pb, part, row))} takes {shape_words(row_shape(rb))}")
                    continue
                if part == "rows" and tb.is_total(row) != tv.is_total(row):
                    total = tv.is_total(row)
                    yield Finding((*pv, part, row), f"{'a' if total else 'not a'} total row where "
                                  f"{_where(pair, (*pb, part, row))} is {'not ' if total else ''}one")
                for cb, cv in zip(rb, rv, strict=True):
                    mine = calls_note(cv.cell)
                    if calls_note(cb.cell) != mine:
                        yield Finding(cv.path(pv), f"{'a' if mine else 'no'} note called in this cell where "
                                                   f"{_where(pair, cb.path(pb))} calls {'none' if mine else 'one'}")


@rule("CD616", "version-table-number", "error", "A figure of a table differs from the original's", target="versions")
def version_table_number(pair: Pair) -> Iterator[Finding]:
    """Flags a cell of a number column whose value is not that of the same cell in the aligned table of the base
    version, compared as numbers (1234.5 and "1 234.50" are one value; 5% is not 5), nil ("–") and not
    available ("..") included.

    Why: a figure mistyped in one version of a table (a budget line, a vote count) reaches issued documents
    unseen: the versions are checked page by page, words against words, and a table's figures are read by no one
    twice.

    Example::

        # en.yaml: [Algeria, 1234.5]; fr.yaml: [Algérie, 1243.5]: CD616 at the French cell

    Tables of another shape are compared by CD605 only.

    Manual: un-conventions.md §1.4 (language versions), §6.10 (figures in tables).
    """
    for theirs, ours in _table_pairs(pair):
        tb, tv = theirs.table, ours.table
        assert tb is not None and tv is not None
        rows_b, rows_v = placed(tb, "rows"), placed(tv, "rows")
        if [row_shape(r) for r in rows_b] != [row_shape(r) for r in rows_v] or columns_of(tb) != columns_of(tv):
            continue
        numbers = number_columns(tb, load_conventions(pair.base.doc.language)) | number_columns(
            tv, load_conventions(pair.version.doc.language))
        for rb, rv in zip(rows_b, rows_v, strict=True):
            for cb, cv in zip(rb, rv, strict=True):
                if cb.column not in numbers or cb.cell.span != 1:
                    continue
                a, b = cell_text(cb.cell), cell_text(cv.cell)
                if a is None or b is None:
                    continue
                va, vb = _value(a), _value(b)
                if va == vb or (va is None and vb is None):
                    continue  # the same figure, or words in both (compared as text by no rule)
                yield Finding(cv.path(ours.table_path), f"“{b}” where {_where(pair, cb.path(theirs.table_path))} "
                                                        f"has “{a}”" + (f" ({va})" if va is not None and str(va) != a
                                                                       else ""))


def _value(text: str) -> object:
    """What a number cell says, compared across versions: its value, nil, not available; None for words."""
    if is_nil(text):
        return "nil"
    if text == NOT_AVAILABLE:
        return "not available"
    return outline_number(text)
