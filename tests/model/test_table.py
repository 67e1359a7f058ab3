"""The table block as an outline writes it: the shorthands (a row as its cells, a cell as its text, one row of
heads as a list), the grid that spans make, and the shape checks that name the row to change."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cddraft.model.coherence import semantic_problems
from cddraft.model.document import Document
from cddraft.model.table import Table, columns_of, grid


def _table(**keys) -> Table:
    return Table.model_validate({"table": "Figures", **keys})


def _report(*tables: dict, annexes: list | None = None) -> Document:
    return Document.model_validate({
        "kind": "report", "symbol": "CD/2102", "date": "2017-09-20",
        "report": {"title": "Report", "content": ["See the tables.", *tables]}, "annexes": annexes or []})


def test_shorthands_read_as_their_long_forms():
    table = _table(head=["State", "2024"], rows=[["Algeria", "12"], {"cells": ["Total", "12"], "total": True}])
    assert len(table.head) == 1 and [c.text.raw for c in table.head[0].cells] == ["State", "2024"]
    assert [c.text.raw for c in table.rows[0].cells] == ["Algeria", "12"]
    assert table.rows[1].total and not table.rows[0].total


def test_several_rows_of_heads_with_a_cell_taking_two_rows_and_one_taking_two_columns():
    table = _table(head=[[{"text": "State", "rows": 2}, {"text": "Delegates", "span": 2}], ["Men", "Women"]],
                   rows=[["Algeria", "3", "4"]])
    placed, widths, below = grid(table.head)
    assert widths == [3, 3] and below == 0
    assert [start for start, _ in placed[1]] == [1, 2]  # under the spanner, past the cell from above
    assert columns_of(table) == 3


def test_an_empty_cell_is_allowed_and_an_untitled_table_too():
    table = Table.model_validate({"table": None, "head": [None, "2024"], "rows": [["Algeria", ""]]})
    assert table.table is None and table.head[0].cells[0].text.raw == ""


def test_a_table_without_rows_is_refused_with_what_to_write():
    with pytest.raises(ValidationError, match="rows_from"):
        _table(head=["State"])


def test_cells_hold_markup_and_notes():
    table = _table(rows=[["*Algeria*", "12^[Estimate.]"]])
    assert table.rows[0].cells[0].text.spans[0].italic
    assert len(table.rows[0].cells[1].text.spans) == 2


@pytest.mark.parametrize(("rows", "where", "said"), [
    ([["A", "1"], ["B"]], ("report", "content", 1, "rows", 1), "fills 1 column(s) and the table has 2"),
    ([["A", "1"], ["B", "2", "3"]], ("report", "content", 1, "rows", 1), "fills 3 column(s)"),
    ([["A", {"text": "1", "rows": 3}], ["B"]], ("report", "content", 1, "rows", 1), "takes 1 row(s) more"),
])
def test_a_row_that_does_not_fill_the_columns_is_named(rows, where, said):
    doc = _report({"table": "T", "rows": rows})
    problems = semantic_problems(doc)
    assert any(p.path == where and said in p.message for p in problems), problems


def test_columns_must_name_each_column():
    (problem,) = semantic_problems(_report({"table": "T", "rows": [["A", "1"]], "columns": ["text"]}))
    assert problem.path[-1] == "columns" and "names 1 column(s) and the table has 2" in problem.message


def test_a_reference_to_a_table_is_to_its_number_and_an_unnumbered_one_is_refused():
    doc = _report({"table": "T", "id": "t1", "rows": [["A", "1"]]},
                  {"table": None, "id": "t2", "numbered": False, "rows": [["A", "1"]]},
                  annexes=[{"content": ["See table {ref:t1}.", "And {ref:t2}."]}])
    (problem,) = semantic_problems(doc)
    assert "points to a table that has no number" in problem.message


def test_the_example_in_the_outline_reference_is_a_valid_table():
    import re
    import textwrap
    from pathlib import Path

    from cddraft.readers.outline import read_outline_text

    reference = (Path(__file__).resolve().parents[2] / "docs" / "outline.md").read_text(encoding="utf-8")
    section = reference.split("### Tables (`table:`)", 1)[1]
    example = textwrap.dedent(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))
    outline = ("kind: report\nsymbol: CD/2102\ndate: 2017-09-20\nreport:\n  title: Report\n  content:\n"
               + textwrap.indent(example, "    "))
    doc = read_outline_text(outline, "example.yaml")[1]
    table = doc.report.content[0]
    assert isinstance(table, Table) and len(table.head) == 2 and table.rows[-1].total


def test_a_cells_mistakes_are_reported_at_the_cell(tmp_path):
    from tests.conftest import run_cli

    path = tmp_path / "bad.yaml"
    path.write_text("kind: report\nsymbol: CD/2200\ndate: 2026-03-01\nreport:\n  title: Figures\n  content:\n"
                    "    - table: T\n      rows:\n        - [{text: A, spam: 2}, \"1\"]\n"
                    "        - [{text: B, span: 0}, \"2\"]\n", encoding="utf-8")
    result = run_cli("check", str(path))
    assert f"{path}:9:22: unknown key 'spam'; did you mean 'span'?" in result.output
    assert f"{path}:10:28: span: 0 is too small; at least 1" in result.output
