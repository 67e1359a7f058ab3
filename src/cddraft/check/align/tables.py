"""Tables read as data, for the table rules (CD12x) and for comparing language versions (CD605, CD616): each
cell where it stands in the grid, a number cell's value as the outline writes it, a table's shape.

A number is read by :func:`cddraft.model.figures.figure`, as the printed table reads it (the one definition of
the outline's number form), so that a rule and the printed table never disagree about what is a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cddraft.conventions import Conventions
from cddraft.errors import Path_
from cddraft.localise.table import column_kinds
from cddraft.model.figures import figure
from cddraft.model.inline import Footnote, Span
from cddraft.model.table import Cell, Table, grid

#: "Not available" in UN statistical tables (docs/un-conventions.md §6.10): a number cell may say it.
NOT_AVAILABLE = ".."


@dataclass(frozen=True)
class Number:
    """A number cell's value: the number, and whether it is a percentage (5% is not 5)."""

    value: Decimal
    percent: bool = False

    def __str__(self) -> str:
        return f"{self.value}{'%' if self.percent else ''}"


def outline_number(text: str) -> Number | None:
    """The value of ``text`` when it is a number as the outline writes it (1234.5, 1,234.5, 1 234.5, -12, (12),
    5%), else None."""
    found = figure(text)
    return Number(found.value, found.percent) if found is not None else None


def cell_text(cell: Cell) -> str | None:
    """What a cell says, less the notes it calls (None when it holds a cross-reference: not a figure)."""
    spans = cell.text.spans
    if len(spans) == 1 and type(spans[0]) is Span:  # the usual cell: one run of text
        return spans[0].text.strip()
    if any(not isinstance(s, Span | Footnote) for s in cell.text.spans):
        return None
    return "".join(s.text for s in cell.text.spans if isinstance(s, Span)).strip()


def calls_note(cell: Cell) -> bool:
    return any(isinstance(s, Footnote) for s in cell.text.spans)


@dataclass(frozen=True)
class Placed:
    """A cell where it stands: its part (``head``, ``rows``), row and index in the outline, first column."""

    part: str
    row: int
    index: int
    column: int
    cell: Cell

    def path(self, table: Path_) -> Path_:
        """The path of its text (in the outline, or in the CSV file it was read from)."""
        return (*table, self.part, self.row, "cells", self.index, "text")


def placed(table: Table, part: str) -> list[list[Placed]]:
    """The cells of the table's heads (``head``) or body (``rows``), row by row, with their columns."""
    rows = getattr(table, part)
    return [[Placed(part, r, i, start, cell) for i, (start, cell) in enumerate(row)]
            for r, row in enumerate(grid(rows)[0])]


def number_columns(table: Table, conv: Conventions) -> set[int]:
    """The columns the table prints as figures (declared in ``columns:``, or found so)."""
    return {c for c, kind in enumerate(column_kinds(table, conv)) if kind == "number"}


def row_shape(cells: list[Placed]) -> tuple[tuple[int, int, int], ...]:
    """Where a row's cells stand: (first column, columns, rows) of each."""
    return tuple((p.column, p.cell.span, p.cell.rows) for p in cells)


def shape_words(shape: tuple[tuple[int, int, int], ...]) -> str:
    """A row's shape for a message: each cell's columns (from 1), and the rows it takes down when more than one."""
    out = []
    for column, span, rows in shape:
        where = f"{column + 1}" if span == 1 else f"{column + 1}–{column + span}"
        out.append(where + (f" (↓{rows})" if rows > 1 else ""))
    return " | ".join(out)
