"""``cddraft align`` reads tables (issue 27): the versions of a report have the same tables in the same places, of
the same shape (rows, columns, spans, totals, the cells calling notes), with the same figures read by value
(1234.5 is "1 234.50", -7 is "(7)") — in the outline and in the CSV file a table's rows are read from. A fault
planted in one version is found once, at its place in that version (the outline, or the CSV file), naming the
place in the original; versions in English, French, Arabic and Chinese that agree are aligned."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli

#: One report in four languages: a table with a spanner over two columns, a stub head over two rows, a cell
#: calling a note, a total row and a source citing a symbol; a table whose rows are read from a CSV file.
WORDS = {
    "en": ("Figures", "Table {ref:votes} gives the votes; table 2 the States.", "Votes cast in 2024", "In favour",
           "Against", "First session", "Second session", "Total", "Secretariat, CD/2090.", "States", "The end."),
    "fr": ("Chiffres", "Le tableau {ref:votes} donne les votes ; le tableau 2 les États.", "Votes exprimés en 2024",
           "Pour", "Contre", "Première séance", "Deuxième séance", "Total", "Secrétariat, CD/2090.", "États",
           "La fin."),
    "ar": ("أرقام", "يبين الجدول {ref:votes} الأصوات؛ والجدول 2 الدول.", "الأصوات في عام 2024", "مؤيد", "معارض",
           "الجلسة الأولى", "الجلسة الثانية", "المجموع", "الأمانة، CD/2090.", "الدول", "النهاية."),
    "zh": ("数字", "表{ref:votes}列出表决情况；表2列出各国。", "2024年的表决情况", "赞成", "反对", "第一次会议",
           "第二次会议", "共计", "秘书处，CD/2090。", "国家", "完。"),
}
#: The figures as each version writes them: the same values in the forms the outline reads.
FIGURES = {"en": ("1234.5", "-7", "–"), "fr": ("1 234.50", "(7)", "-"), "ar": ("1,234.5", "-7", "–"),
           "zh": ("1234.50", "(7)", "—")}
CSV = {"en": "State,Members\nAlgeria,1\nBrazil,3\n", "fr": "État;Membres\nAlgérie;1\nBrésil;3\n",
       "ar": "الدولة,الأعضاء\nالجزائر,1\nالبرازيل,3\n", "zh": "国家,成员\n阿尔及利亚,1\n巴西,3\n"}


def _outline(code: str) -> str:
    title, text, votes, yes, no, first, second, total, source, states, end = WORDS[code]
    big, negative, nil = FIGURES[code]
    stop = "。" if code == "zh" else "."
    return f"""\
kind: report
symbol: CD/2300
language: {code}
original_language: en
date: 2026-03-02
job_number: GE.26-01234
report:
  title: {title}
  content:
    - "{text}"
    - table: "{votes}"
      id: votes
      head:
        - [{{text: "", rows: 2}}, {{text: "{yes} / {no}", span: 2}}]
        - ["{yes}", "{no}"]
      rows:
        - ["{first}", "{big}", "12^[{first}{stop}]"]
        - ["{second}", "{negative}", "{nil}"]
        - {{cells: ["{total}", 1300, 20], total: true}}
      source: "{source}"
    - table: "{states}"
      rows_from: states-{code}.csv
    - "{end}"
"""


def _versions(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for code in WORDS:
        out[code] = tmp_path / f"{code}.yaml"
        out[code].write_text(_outline(code), encoding="utf-8")
        (tmp_path / f"states-{code}.csv").write_text(CSV[code], encoding="utf-8")
    return out


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path.name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _align(files: dict[str, Path]) -> tuple[int, list[str]]:
    result = run_cli("align", *map(str, files.values()))
    return result.exit_code, [line for line in result.stdout.splitlines() if re.match(r".+:\d+:\d+: CD6", line)]


def test_versions_whose_tables_agree_are_aligned(tmp_path):
    """Four languages, each writing its figures its own way (1 234.50, (7), a hyphen for nil): no difference."""
    assert _align(_versions(tmp_path)) == (0, [])


#: name → a fault planted in the versions; it returns (the finding's file, its rule, line, column or None,
#: and the place in the original it names: file name, line).
PLANTS: dict[str, Callable[[dict[str, Path]], tuple[Path, str, int, int | None, str, int]]] = {}


def plant(fn: Callable) -> Callable:
    PLANTS[fn.__name__] = fn
    return fn


@plant
def figure_changed(f):
    _edit(f["fr"], '"1 234.50"', '"1 243.5"')
    return f["fr"], "CD616", _line(f["fr"], "1 243.5"), 31, "en.yaml", _line(f["en"], "1234.5")  # at its quote


@plant
def figure_changed_in_the_csv_file(f):
    csv = f["zh"].parent / "states-zh.csv"
    csv.write_text(CSV["zh"].replace("巴西,3", "巴西,4"), encoding="utf-8")
    return csv, "CD616", 3, 4, "states-en.csv", 3


@plant
def nil_for_a_figure(f):
    _edit(f["ar"], '"-7"', '"–"')
    return f["ar"], "CD616", _line(f["ar"], "الجلسة الثانية"), None, "en.yaml", _line(f["en"], "Second session")


@plant
def row_dropped(f):
    _edit(f["fr"], '        - ["Deuxième séance", "(7)", "-"]\n', "")
    return f["fr"], "CD605", _line(f["fr"], "table: \"Votes"), 7, "en.yaml", _line(f["en"], "table: \"Votes")


@plant
def spanner_over_one_column(f):
    _edit(f["zh"], '{text: "赞成 / 反对", span: 2}]', '{text: "赞成 / 反对"}, ""]')
    return f["zh"], "CD605", _line(f["zh"], "赞成 / 反对"), None, "en.yaml", _line(f["en"], "In favour / Against")


@plant
def total_not_marked(f):
    _edit(f["fr"], '{cells: ["Total", 1300, 20], total: true}', '["Total", 1300, 20]')
    return f["fr"], "CD605", _line(f["fr"], '["Total", 1300, 20]'), None, "en.yaml", _line(f["en"], "total: true")


@plant
def note_called_from_another_cell(f):
    """The note of the third cell also called from the second: a note call where the original has none."""
    _edit(f["ar"], '"1,234.5"', '"1,234.5^[الجلسة الأولى.]"')
    return f["ar"], "CD605", _line(f["ar"], "1,234.5^["), None, "en.yaml", _line(f["en"], '"1234.5"')


@plant
def table_unnumbered(f):
    _edit(f["zh"], "      rows_from: states-zh.csv\n", "      rows_from: states-zh.csv\n      numbered: false\n")
    return f["zh"], "CD605", _line(f["zh"], "numbered: false"), None, "en.yaml", _line(f["en"], 'table: "States')


@plant
def table_missing(f):
    _edit(f["fr"], "    - table: \"États\"\n      rows_from: states-fr.csv\n", "")
    return f["fr"], "CD601", _line(f["fr"], "source:"), None, "en.yaml", _line(f["en"], 'table: "States"')


@plant
def symbol_in_the_source(f):
    _edit(f["fr"], "Secrétariat, CD/2090.", "Secrétariat, CD/2009.")
    return f["fr"], "CD613", _line(f["fr"], "CD/2009"), None, "en.yaml", _line(f["en"], "CD/2090")


@pytest.mark.parametrize("name", sorted(PLANTS))
def test_a_fault_planted_in_a_table_is_found_once_at_its_place(tmp_path, name):
    files = _versions(tmp_path)
    where, rule, line, column, base, base_line = PLANTS[name](files)
    status, lines = _align(files)
    assert status == 1
    assert len(lines) == 1, lines
    (found,) = lines
    assert found.startswith(f"{where}:{line}:" if column is None else f"{where}:{line}:{column}: "), (found, line)
    assert f" {rule} error: " in found, found
    assert f" {base}:{base_line}:" in found, (found, base, base_line)


def test_the_figure_found_names_both_values(tmp_path):
    files = _versions(tmp_path)
    _edit(files["fr"], '"1 234.50"', '"1 243.5"')
    (found,) = _align(files)[1]
    assert found.endswith(f": CD616 error: “1 243.5” where en.yaml:{_line(files['en'], '1234.5')}:29 has “1234.5”")


def test_a_table_of_another_shape_is_one_finding_not_one_per_figure(tmp_path):
    files = _versions(tmp_path)
    _edit(files["fr"], '        - ["Première séance", "1 234.50", "12^[Première séance.]"]\n', "")
    _edit(files["fr"], '"(7)"', '"(8)"')
    assert [line.split(" ")[1] for line in _align(files)[1]] == ["CD605"]


def test_check_given_the_versions_reads_their_tables_too(tmp_path):
    files = _versions(tmp_path)
    _edit(files["fr"], '"1 234.50"', '"1 243.5"')
    result = run_cli("check", *map(str, files.values()))
    assert f"{files['fr']}:{_line(files['fr'], '1 243.5')}:31: CD616 error:" in result.stdout


def test_a_declared_difference_is_not_reported(tmp_path):
    files = _versions(tmp_path)
    _edit(files["fr"], '["Première séance", "1 234.50",', '["Première séance", "1 243.5",  # cddraft: disable=CD616\n'
                                                               '           ')
    assert _align(files) == (0, [])


def test_a_table_among_a_letters_paragraphs_is_compared_too(tmp_path):
    letter = """\
kind: letter
symbol: CD/2101
language: {code}
original_language: en
date: 2017-09-15
job_number: GE.17-16166
letter:
  date: 2017-09-14
  sender: {sender}
  paragraphs:
    - "{text}"
    - table: "{title}"
      id: fig
      head: [State, Votes]
      rows: [[A, 1], [B, {votes}]]
  signatories:
    - name: Htin Lynn
"""
    files = {"en": tmp_path / "en.yaml", "fr": tmp_path / "fr.yaml"}
    files["en"].write_text(letter.format(code="en", sender="the Permanent Representative of Myanmar", title="Votes",
                                         text="I transmit the votes in table {ref:fig}.", votes=2), encoding="utf-8")
    files["fr"].write_text(letter.format(code="fr", sender="le Représentant permanent du Myanmar", title="Votes",
                                         text="Je transmets les votes (tableau {ref:fig}).", votes=3),
                           encoding="utf-8")
    status, lines = _align(files)
    assert (status, lines) == (1, [f"{files['fr']}:15:26: CD616 error: “3” where en.yaml:15:26 has “2”"])
