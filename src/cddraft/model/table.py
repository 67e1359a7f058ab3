"""Tables, as the UN sets them (issue 27; docs/un-conventions.md §6.10): "Table N" and a title above, column
heads in one or more rows (a head may span columns, or rows), a stub column, a unit line, the body rows, and
below the table its source, a general note and the notes its cells call.

In the outline a table is a block whose ``table:`` key holds its title (empty for an untitled table)::

    - table: Participants in the session
      id: participants
      head: [Group, "2024", "2025"]
      rows:
        - [African Group, 12, 14]
        - {cells: [Total, 120, 130], total: true}
      source: Conference secretariat.

A footnote written in a cell (``^[…]``) is one of the table's own notes, lettered a, b, c under the table and
never counted with the document's footnotes. Rows may come from a CSV file beside the outline
(``rows_from: figures.csv``): the outline reader reads it into ``rows`` before the tree is validated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, ValidatorFunctionWrapHandler, WrapValidator, model_validator

from cddraft.model.base import Identifier, Model, empty
from cddraft.model.markup import Markup, Text, schema
from cddraft.model.markup import text as parse_text

#: Most columns a table may have: Word's own limit.
MAX_COLUMNS = 63

#: The text of a cell: running text (footnotes are the table's notes) that may be empty.
CellText = Annotated[Markup, schema(parse_text, min_length=0)]


@dataclass(slots=True)
class Cell:
    """One cell: its text; ``span``: the columns it takes (a head over several columns); ``rows``: the rows it
    takes downwards (a stub head beside two rows of column heads). A dataclass, not a model: a table holds
    thousands, and a cell written as its text is made without pydantic's validation (:func:`_cell`)."""

    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: CellText = field(default_factory=lambda: parse_text(""))
    span: Annotated[int, Field(ge=1, le=MAX_COLUMNS)] = 1
    rows: Annotated[int, Field(ge=1, le=1000)] = 1


def _cell(value: Any, handler: ValidatorFunctionWrapHandler) -> Cell:
    """A cell written as its text (the usual cell) made at once; a mapping validated as :class:`Cell`."""
    if value is None:
        return Cell(parse_text(""))
    if isinstance(value, str):
        return Cell(parse_text(value.strip()))
    cell: Cell = handler(value)
    return cell


#: A cell as written in the outline: a string (or a number, which the outline keeps as written), or a mapping.
CellEntry = Annotated[Cell, WrapValidator(_cell, json_schema_input_type=str | Cell | None)]


def _row(value: Any) -> Any:
    return {"cells": value} if isinstance(value, list) else value


class Row(Model):
    """A row of cells; a ``total`` row is set in bold with a rule above it."""

    cells: list[CellEntry] = Field(min_length=1)
    total: bool = False


#: A row as written in the outline: a list of cells, or a mapping with ``cells:`` (and ``total: true``).
RowEntry = Annotated[Row, BeforeValidator(_row, json_schema_input_type=list[str | Cell | None] | Row)]


def _is_row(value: Any) -> bool:
    return isinstance(value, list) or (isinstance(value, dict) and "cells" in value)


def _head_rows(value: Any) -> Any:
    """``head: [A, B, C]`` is one row of column heads; ``head: [[…], […]]`` several."""
    if isinstance(value, list) and value and not any(_is_row(v) for v in value):
        return [value]
    return value


class Table(Model):
    """A table block (see the module's docstring)."""

    table: Text | None = Field(description="the title, printed under 'Table N' (empty: a table without a title)")
    id: Identifier | None = Field(default=None, description="what a {ref:id} names: it prints the table's number")
    numbered: bool = Field(default=True, description="false: no 'Table N' line, and no place in the numbering")
    unit: Text | None = Field(default=None, description="the unit line under the title, e.g. "
                              "'(Millions of United States dollars)'")
    head: Annotated[list[RowEntry], BeforeValidator(_head_rows)] = empty()
    rows: list[RowEntry] = empty()
    rows_from: str | None = Field(default=None, description="a CSV file beside the outline whose lines are the "
                                  "rows (its first line the column heads when there is no `head:`)")
    columns: list[Literal["text", "number"]] | None = Field(
        default=None, description="what each column holds: numbers are aligned right and written in the "
        "language's form; by default a column whose cells are all numbers is a number column, the first (the "
        "stub) never")
    totals: int = Field(default=0, ge=0, description="how many of the last rows are totals (rows read from a CSV "
                        "file cannot say `total: true` themselves)")
    source: Text | None = None
    note: Text | None = None
    width: Literal["text", "full", "landscape"] = Field(
        default="text", description="text: the text column; full: the whole width of the page's text block; "
        "landscape: a page of its own turned sideways")

    @model_validator(mode="after")
    def _has_rows(self) -> Table:
        if not self.rows:
            raise ValueError("a table needs rows: give `rows:` (or `rows_from:` a CSV file)")
        if self.totals > len(self.rows):
            raise ValueError(f"`totals: {self.totals}` names more rows than the table has ({len(self.rows)})")
        return self

    def is_total(self, index: int) -> bool:
        """Whether body row ``index`` is a total: it says so, or it is one of the last ``totals`` rows."""
        return self.rows[index].total or index >= len(self.rows) - self.totals


def grid(rows: list[Row]) -> tuple[list[list[tuple[int, Cell]]], list[int], int]:
    """Where each cell of ``rows`` stands: every row's cells with the column each starts in (cells taking rows
    from above pushed past), each row's width in columns, and how many rows the last cells still reach below
    the last row (0 when every cell ends inside ``rows``)."""
    covered: dict[int, int] = {}  # column → rows below this one still taken by a cell from above
    placed_rows: list[list[tuple[int, Cell]]] = []
    widths: list[int] = []
    for row in rows:
        placed: list[tuple[int, Cell]] = []
        column = 0
        for cell in row.cells:
            while covered.get(column, 0) > 0:
                column += 1
            placed.append((column, cell))
            column += cell.span
        widths.append(max(column, max((c + 1 for c in covered), default=0)))
        placed_rows.append(placed)
        covered = {c: n - 1 for c, n in covered.items() if n > 1}
        for start, cell in placed:
            if cell.rows > 1:
                covered.update((c, cell.rows - 1) for c in range(start, start + cell.span))
    return placed_rows, widths, max(covered.values(), default=0)


def columns_of(table: Table) -> int:
    """How many columns the table has: as many as its first row (of heads, else of the body) fills."""
    first = table.head or table.rows
    return grid(first)[1][0] if first else 0
