"""The table rules (CD121-CD123, CD205, CD518) through the CLI: every finding at ``FILE:LINE:COL`` — the place in
the outline, or in the CSV file a table's rows are read from (``rows_from:``), whose line and column are the cell's
own; the rules switched off like any rule; the build, which runs the structure rules, reports CD121-CD123 too. (The
planted faults of each rule are in ``cases/``, run by ``test_rules.py``.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cddraft.check.align.tables import outline_number
from tests.conftest import run_cli

REPORT = """\
kind: report
symbol: CD/2102
language: {language}
date: 2017-09-20
job_number: GE.17-16400
report:
  title: Report of the Coordinator
  content:
    - {text}
    - table: Contributions
      id: contributions
      rows_from: figures.csv
    - table: Members
      head: [State]
      rows: [[Algeria], [Brazil]]
"""


def _write(tmp_path: Path, csv: str, *, language: str = "en", text: str = "Table {ref:contributions}.") -> Path:
    (tmp_path / "figures.csv").write_text(csv, encoding="utf-8")
    outline = tmp_path / "report.yaml"
    outline.write_text(REPORT.format(language=language, text=text), encoding="utf-8")
    return outline


def _findings(*args: str) -> list[str]:
    result = run_cli("check", *args)
    return [line for line in result.stdout.splitlines() if re.search(r": CD(12|205|518)", line)]


def test_cells_read_from_a_csv_file_are_reported_at_their_line_and_column_there(tmp_path):
    outline = _write(tmp_path, "State;;Amount;Share;Seats\nAlgeria;x;1,5;5;1\nBrazil;y;1.234.567;;2\n"
                               "Chile;z;12;7;3\nDenmark;w;14;8;4\nEgypt;v;16;9;5\n")
    csv = tmp_path / "figures.csv"
    assert _findings(str(outline)) == [
        f"{csv}:1:7: CD122 warning: the head of column 2 is empty: say what the column holds (or merge it with the "
        "head beside or above it: `span:`, `rows:`)",
        f"{csv}:2:11: CD518 warning: “1,5” makes column 3 text (its figures printed as typed, aligned left): write "
        "1.5, or declare the column in `columns:`",
        f"{csv}:3:10: CD518 warning: “1.234.567” makes column 3 text (its figures printed as typed, aligned left): "
        "write 1234567, or declare the column in `columns:`",
        f"{csv}:3:20: CD518 warning: an empty cell among figures: write “–” (nil) or “..” (not available)",
        f"{outline}:13:7: CD121 warning: Table 2 is not referred to in the text: name it there (give it an `id:` "
        "and write {ref:ID}, or “Table 2”), or make it `numbered: false`",
        f"{outline}:13:7: CD123 warning: a table of one column: write it as a list or as text (a table has at least "
        "two columns and two rows)",
    ]


def test_a_french_version_is_told_how_its_figures_read(tmp_path):
    outline = _write(tmp_path, "État,Montant\nAlgérie,\"1,500\"\nBrésil,2\n", language="fr",
                     text="Les tableaux 1 et 2.")
    csv = tmp_path / "figures.csv"
    assert _findings(str(outline)) == [
        f"{csv}:2:10: CD518 warning: “1,500” is read as 1500 (the outline groups thousands with a comma, and writes a "
        "decimal point): write 1500 if that is meant, 1.500 if the comma is a decimal mark",
        f"{outline}:13:7: CD123 warning: a table of one column: write it as a list or as text (a table has at least "
        "two columns and two rows)",
    ]


def test_table_rules_are_switched_off_like_any_rule(tmp_path):
    outline = _write(tmp_path, "State,,Amount\nAlgeria,x,1\nBrazil,y,2\n")
    assert [line.split(" ")[1] for line in _findings(str(outline))] == ["CD122", "CD121", "CD123"]
    assert _findings(str(outline), "--disable", "CD12") == []
    assert _findings(str(outline), "--disable", "table-too-small,CD122") == [
        line for line in _findings(str(outline)) if " CD121 " in line]
    text = outline.read_text(encoding="utf-8").replace("    - table: Members\n",
                                                       "    - table: Members  # cddraft: disable=CD121,CD123\n")
    outline.write_text(text, encoding="utf-8")
    assert [line.split(" ")[1] for line in _findings(str(outline))] == ["CD122"]


def test_the_build_reports_the_structure_rules_of_tables_with_its_warnings(tmp_path):
    """CD121-CD123 run in every build; CD518 reads every cell, so only ``cddraft check`` runs it."""
    outline = _write(tmp_path, "State,Amount\nAlgeria,1\nBrazil,\"1,5\"\nChile,3\n")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"{outline}:13:7: CD123 warning: a table of one column" in result.output
    assert " CD518 " not in result.output
    csv = tmp_path / "figures.csv"
    assert f"{csv}:3:9: CD518 warning: “1,5” makes column 2 text" in run_cli("check", str(outline)).stdout  # at the
    # figure, inside its quotes


def test_explain_prints_the_rule_and_its_source():
    result = run_cli("check", "--explain", "table-too-small")
    assert result.exit_code == 0
    assert "at least two vertical columns and two horizontal rows" in " ".join(result.output.split())


@pytest.mark.parametrize(("text", "value"), [
    ("1234.5", "1234.5"), ("1,234.5", "1234.5"), ("1 234.5", "1234.5"), ("-12", "-12"), ("(12)", "-12"),
    ("5%", "5%"), ("12 000", "12000"), ("1,5", None), ("1.234.567", None), ("abc", None), ("(12", None)])
def test_a_figure_is_read_as_the_printed_table_reads_it(text, value):
    found = outline_number(text)
    assert (str(found) if found is not None else None) == value
