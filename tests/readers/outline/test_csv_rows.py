"""A table's rows from a CSV file beside the outline: read as Excel writes it (UTF-8 with or without a BOM, comma
or semicolon or tab), its cells printed as written (never read as markup), and every problem in it reported at
the CSV file's own line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from cddraft.readers.outline import read_outline
from tests.conftest import run_cli

OUTLINE = """\
kind: report
symbol: CD/2200
language: en
date: 2026-03-01
job_number: GE.26-01234
report:
  title: Figures
  content:
    - Table {ref:figures} gives the figures.
    - table: Contributions
      id: figures
      rows_from: figures.csv
"""


def _write(tmp_path: Path, csv: bytes, outline: str = OUTLINE) -> Path:
    (tmp_path / "figures.csv").write_bytes(csv)
    path = tmp_path / "report.yaml"
    path.write_text(outline, encoding="utf-8")
    return path


def _table(path: Path):
    return read_outline(path)[1].report.content[1]


@pytest.mark.parametrize("csv", [
    b"State,2024,2025\r\nAlgeria,12,14\r\nBrazil,3,4\r\n",  # Excel's "CSV UTF-8", CRLF
    b"\xef\xbb\xbfState;2024;2025\nAlgeria;12;14\nBrazil;3;4\n",  # with a BOM, semicolons (a French Excel)
    b"State\t2024\t2025\nAlgeria\t12\t14\n\nBrazil\t3\t4",  # tabs, a blank line, no final line break
])
def test_the_first_line_is_the_heads_and_the_others_the_rows(tmp_path, csv):
    table = _table(_write(tmp_path, csv))
    assert [c.text.raw for c in table.head[0].cells] == ["State", "2024", "2025"]
    assert [[c.text.plain for c in r.cells] for r in table.rows] == [["Algeria", "12", "14"], ["Brazil", "3", "4"]]


def test_with_heads_in_the_outline_every_line_is_a_row(tmp_path):
    outline = OUTLINE.replace("      rows_from:", "      head: [State, Total]\n      rows_from:")
    table = _table(_write(tmp_path, b"Algeria,12\nBrazil,3\n", outline))
    assert [c.text.plain for c in table.head[0].cells] == ["State", "Total"]
    assert [r.cells[0].text.plain for r in table.rows] == ["Algeria", "Brazil"]


def test_cells_are_printed_as_written_not_read_as_markup(tmp_path):
    table = _table(_write(tmp_path, b'State,Note\n"Chad, Niger",*estimate^[x] {ref:y} ~\n'))
    assert [c.text.plain for c in table.rows[0].cells] == ["Chad, Niger", "*estimate^[x] {ref:y} ~"]


def test_a_problem_in_a_cell_is_reported_at_its_line_and_column_in_the_csv(tmp_path):
    path = _write(tmp_path, b"State,2024,2025\nAlgeria,12,14\nBrazil,3\n")
    result = run_cli("check", str(path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'figures.csv'}:3:1: this row fills 2 column(s) and the table has 3" in result.output


@pytest.mark.parametrize(("csv", "said"), [
    ("State,2024\nCôte d'Ivoire,12\n".encode("cp1252"), ":2:2: the file is not UTF-8 here; save it as UTF-8"),
    (b"State,2024\nAlgeria,1\x072\n", ":2:10: control character U+0007"),
])
def test_a_csv_file_that_cannot_be_read_as_written_is_refused_with_what_to_do(tmp_path, csv, said):
    result = run_cli("build", str(_write(tmp_path, csv)), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and said in result.output, result.output
    assert str(tmp_path / "figures.csv") in result.output
    assert not (tmp_path / "out").exists()


def test_a_missing_file_and_rows_given_twice_are_named(tmp_path):
    missing = _write(tmp_path, b"", OUTLINE.replace("figures.csv", "nowhere.csv"))
    result = run_cli("check", str(missing))
    assert result.exit_code == 2 and f"{tmp_path / 'nowhere.csv'}: no such file" in result.output
    both = _write(tmp_path, b"A,1\n", OUTLINE + "      rows: [[B, '2']]\n")
    result = run_cli("check", str(both))
    assert result.exit_code == 2 and ":12:7: give `rows:` or `rows_from:`, not both" in result.output


def test_an_editorial_finding_in_a_cell_points_at_its_character_in_the_csv(tmp_path):
    outline = OUTLINE.replace("language: en", "language: fr").replace("Table {ref:figures} gives", "Le tableau "
                                                                       "{ref:figures} donne")
    path = _write(tmp_path, 'État;2024\n"Côte d\'Ivoire";12\n'.encode(), outline)
    result = run_cli("check", str(path))
    assert f"{tmp_path / 'figures.csv'}:2:8: CD517" in result.output, result.output
