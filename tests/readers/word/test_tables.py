"""``cddraft import`` reads Word tables into table blocks (issue 27).

cddraft's own tables come back as the block they were built from, in every language (heads over several columns
and rows, totals, the notes the cells call, numbers in the language's form, source and note, the unit, the id a
reference names, a landscape or full-width table, the numbering per annex), the imported outline loading to the
same tree and rebuilding to the same text. Tables of other files — made with python-docx here, and by pandoc and
LibreOffice from Markdown — are read as they show, what an outline cell cannot hold said in a warning at its row
and column, every character kept in the outline or a warning; rebuilt, their cells hold the same text.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx2python import docx2python

from cddraft.conventions import load_conventions
from cddraft.export import find_soffice
from cddraft.localise.table import _number
from cddraft.readers.outline import read_outline
from cddraft.readers.word.numbers import neutral, printed
from tests.conftest import EXAMPLES, require_libreoffice, require_pandoc, run_cli
from tests.readers.word.helpers import effective

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WNS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: A report whose tables use every part of the table block (its texts English in every language version).
RICH = """\
kind: report
symbol: CD/2200
language: {lang}
date: 2026-03-01
job_number: GE.26-01234
report:
  title: Figures of the session
  content:
    - heading: Participation
      content:
        - Table {{ref:part}} gives the participation, table {{ref:wide}} the details.
        - table: Participants in *the* session
          id: part
          unit: (Number of delegations)
          head:
            - [{{text: Group, rows: 2}}, {{text: "Years^[Calendar years.]", span: 2}}, {{text: Share, rows: 2}}]
            - ["2024", "2025^[Provisional.]"]
          rows:
            - [African Group, "12", "-1234.5", "12.5%"]
            - ["**Western** Group^[Including others.]", "1234567", "-", "-3%"]
            - ["Others^[Provisional.]", "", "0.25", n/a]
            - ["Land in km^{{2}}^[Land only.]", "5", "6", "1%"]
            - {{cells: [{{text: "Subtotal, merged", span: 2}}, "7", "50%"], total: true}}
            - {{cells: [Total, "120", "130", "100%"], total: true}}
          columns: [text, number, number, number]
          source: Secretariat; delegations.
          note: Figures are *rounded*.
        - table:
          numbered: false
          rows:
            - [a, "1234"]
            - ["x, y: \\\\[z\\\\] # \\\\{{w\\\\}}", "5"]
          columns: [text, text]
        - table: Wide one
          id: wide
          width: landscape
          head: [Item, Value]
          rows:
            - [x, "1"]
            - [y, "2"]
        - table: Full one
          width: full
          rows:
            - ["", "1"]
            - [y, ""]
        - The end.
annexes:
  - title: Annex table
    content:
      - table: In the annex
        rows:
          - [{{text: down, rows: 2}}, "1"]
          - ["2"]
"""
LANGUAGES = ["en", "fr", "ar", "zh", "ru", "es"]


def _import(path: Path, out: Path, *args: str) -> tuple[str, list[str]]:
    result = run_cli("import", str(path), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), [line for line in result.output.splitlines() if "warning:" in line]


@pytest.fixture(scope="module")
def own(tmp_path_factory) -> dict[str, dict]:
    """The rich report built in each language, imported and rebuilt."""
    work = tmp_path_factory.mktemp("own")
    out = {}
    for lang in LANGUAGES:
        source = work / f"rich-{lang}.yaml"
        source.write_text(RICH.format(lang=lang), encoding="utf-8")
        assert run_cli("build", str(source), "-o", str(work / "built")).exit_code == 0
        built = work / "built" / f"rich-{lang}.docx"
        text, warnings = _import(built, work / f"back-{lang}.yaml")
        assert run_cli("build", str(work / f"back-{lang}.yaml"), "-o", str(work / "again")).exit_code == 0
        out[lang] = {"source": source, "built": built, "outline": work / f"back-{lang}.yaml", "text": text,
                     "warnings": warnings, "again": work / "again" / f"back-{lang}.docx"}
    return out


def _tables(value):
    if isinstance(value, dict):
        if "table" in value and "rows" in value:
            yield value
        for v in value.values():
            yield from _tables(v)
    elif isinstance(value, list):
        for v in value:
            yield from _tables(v)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cddrafts_tables_come_back_as_the_blocks_they_were_built_from(own, lang):
    case = own[lang]
    assert case["warnings"] == []
    assert effective(read_outline(case["outline"])[1]) == effective(read_outline(case["source"])[1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_imported_tables_rebuild_to_the_same_text_and_notes(own, lang):
    case = own[lang]
    with docx2python(case["built"]) as a, docx2python(case["again"]) as b:
        assert b.text == a.text
        assert b.footnotes_runs == a.footnotes_runs


def test_the_outline_writes_a_row_a_line_as_a_person_writes_it(own):
    text = own["en"]["text"]
    for line in ['          head:',
                 '            - [{text: Group, rows: 2}, {text: "Years^[Calendar years.]", span: 2}, '
                 '{text: Share, rows: 2}]',
                 '            - ["2024", "2025^[Provisional.]"]',
                 '            - [African Group, "12", "-1234.5", "12.5%"]',
                 '            - ["Others^[Provisional.]", "", "0.25", n/a]',
                 '            - {cells: [{text: "Subtotal, merged", span: 2}, "7", "50%"], total: true}',
                 '          columns: [text, number, number, number]',
                 '          source: Secretariat; delegations.',
                 '          head: [Item, Value]',
                 '          width: landscape',
                 '          width: full',
                 '        - table: null', '            - [a, "1234"]', '          columns: [text, text]']:
        assert line in text.splitlines(), line


def test_numbers_go_back_to_the_outlines_form(own):
    fr = own["fr"]["text"]
    assert '- [African Group, "12", "-1234.5", "12.5%"]' in fr
    with docx2python(own["fr"]["built"]) as d:
        cells = [c[0] for t in d.body for row in t for c in row if c]
    assert "(1\u00a0234,5)" in cells and "12,5\u00a0%" in cells and "1\u00a0234\u00a0567" in cells


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_number_form_read_back_is_the_one_the_build_prints(lang):
    conv = load_conventions(lang)
    for value in ["0", "7", "12", "999", "1000", "1234", "-12", "1234.5", "-1234567.25", "12.5%", "-3%", "100%",
                  "0.25", "1000000"]:
        assert printed(value, conv) == _number(value, conv), value
        assert neutral(printed(value, conv), conv) == value
    assert neutral(conv.tables.nil, conv) == "-"
    assert neutral("1 234", conv) is None  # a form the build does not print (a plain space) is not read
    assert neutral("n/a", conv) is None and neutral("", conv) is None


def test_tables_numbered_afresh_in_each_annex_and_a_table_in_a_letter(tmp_path):
    source = tmp_path / "letter.yaml"
    source.write_text("""\
kind: letter
symbol: CD/2201
date: 2026-03-01
table_numbering: annex
letter:
  date: 2026-02-27
  sender: the Permanent Representative of Ruritania
  paragraphs:
    - I have the honour to transmit the figures in table {ref:t1}.
    - table: Figures
      id: t1
      head: [Item, Value]
      rows:
        - [A, "1.5"]
        - [B, "2"]
    - The figures are final.
  signatories:
    - name: A. Person
      titles: [Ambassador]
annexes:
  - content:
      - table: Again
        rows:
          - [A, "1"]
          - [B, "2"]
""", encoding="utf-8")
    assert run_cli("build", str(source), "-o", str(tmp_path)).exit_code == 0
    text, warnings = _import(tmp_path / "letter.docx", tmp_path / "back.yaml")
    assert warnings == [] and "table_numbering: annex" in text
    assert effective(read_outline(tmp_path / "back.yaml")[1]) == effective(read_outline(source)[1])


@pytest.mark.parametrize("stem", sorted(s for s in EXAMPLES if "tables" in s))
def test_the_table_examples_come_back(built, tmp_path, stem):
    """The bundled examples with tables (one reads its rows from a CSV file, its total from ``totals:``): the
    same tree, the rows written out and each total said in its row."""
    _, warnings = _import(built[stem], tmp_path / "back.yaml")
    assert warnings == []
    trees = [effective(read_outline(p)[1]) for p in (EXAMPLES[stem], tmp_path / "back.yaml")]
    for tree in trees:
        for table in _tables(tree):
            for i, row in enumerate(table["rows"]):
                row["total"] = row["total"] or i >= len(table["rows"]) - table["totals"]
            table["totals"], table["rows_from"] = 0, None
    assert trees[0] == trees[1]


# -- tables of other files -------------------------------------------------------------------------------------
def _foreign(tmp_path: Path, build) -> tuple[dict, list[str], str]:
    """A Word file ``build(document)`` makes with python-docx, imported: the first table block, the warnings."""
    d = docx.Document()
    d.add_paragraph("Before the table.")
    build(d)
    d.add_paragraph("After the table.")
    path = tmp_path / "foreign.docx"
    d.save(str(path))
    text, warnings = _import(path, tmp_path / "foreign.yaml", "--language", "en")
    data = yaml.safe_load(text)
    tables = [b for b in data["report"]["content"] if isinstance(b, dict) and "table" in b]
    assert run_cli("build", str(tmp_path / "foreign.yaml"), "-o", str(tmp_path / "again")).exit_code == 0
    return (tables[0] if tables else {}), warnings, text


def _header(row) -> None:
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))


def test_head_rows_marked_to_repeat_and_merged_cells(tmp_path):
    def build(d):
        t = d.add_table(rows=4, cols=3)
        for r, texts in enumerate([["Group", "Years", ""], ["", "2024", "2025"], ["A", "1", "2"], ["B", "3", "4"]]):
            for c, text in enumerate(texts):
                t.cell(r, c).text = text
        _header(t.rows[0])
        _header(t.rows[1])
        t.cell(0, 1).merge(t.cell(0, 2)).text = "Years"
        t.cell(0, 0).merge(t.cell(1, 0)).text = "Group"
    table, warnings, _ = _foreign(tmp_path, build)
    assert table["head"] == [[{"text": "Group", "rows": 2}, {"text": "Years", "span": 2}], ["2024", "2025"]]
    assert table["rows"] == [["A", "1", "2"], ["B", "3", "4"]]
    assert warnings == []


def test_a_table_style_that_sets_the_first_row_apart_gives_a_head_row(tmp_path):
    def build(d):
        t = d.add_table(rows=2, cols=2, style="Light Grid Accent 1")
        t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "Name", "Value", "x", "7"
    table, _, _ = _foreign(tmp_path, build)
    assert table["head"] == ["Name", "Value"] and table["rows"] == [["x", "7"]]


def test_a_bold_first_row_is_a_head_row_and_its_bold_the_heads_look(tmp_path):
    def build(d):
        t = d.add_table(rows=2, cols=2, style="Table Grid")
        for c, text in enumerate(["Name", "Value"]):
            t.cell(0, c).paragraphs[0].add_run(text).bold = True
        t.cell(1, 0).paragraphs[0].add_run("x").bold = True
        t.cell(1, 1).text = "7"
    table, _, _ = _foreign(tmp_path, build)
    assert table["head"] == ["Name", "Value"] and table["rows"] == [["**x**", "7"]]


def test_legacy_horizontal_merges_ragged_rows_and_empty_cells(tmp_path):
    def build(d):
        t = d.add_table(rows=3, cols=3)
        for r in range(3):
            for c in range(3):
                t.cell(r, c).text = f"{r}{c}"
        first, second = t.rows[0]._tr.tc_lst[:2]
        first.get_or_add_tcPr().append(parse_xml(f'<w:hMerge {W} w:val="restart"/>'))
        second.get_or_add_tcPr().append(parse_xml(f'<w:hMerge {W} w:val="continue"/>'))
        t.cell(1, 1).text = ""
        t.rows[2]._tr.remove(t.rows[2]._tr.tc_lst[-1])
    table, warnings, _ = _foreign(tmp_path, build)
    assert table["rows"] == [[{"text": "00 01", "span": 2}, "02"], ["10", "", "12"], ["20", "21", ""]]
    assert any("row 1, column 2: the text of a merged cell was joined to its first cell's: '01'" in w
               for w in warnings), warnings
    assert any("row 3 has 1 column(s) fewer than the table's 3: padded with empty cells" in w for w in warnings)


def test_nested_tables_paragraphs_and_pictures_in_cells_are_said(tmp_path):
    picture = tmp_path / "dot.png"
    from cddraft.writers.docx.furniture import qr_png

    picture.write_bytes(qr_png("https://undocs.org/CD/2101"))

    def build(d):
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Outer", "Two"
        cell = t.cell(1, 0)
        cell.text = "First paragraph"
        cell.add_paragraph("Second paragraph")
        inner = cell.add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Inner one", "Inner two"
        t.cell(1, 1).paragraphs[0].add_run().add_picture(str(picture))
    table, warnings, _text = _foreign(tmp_path, build)
    assert table["rows"][1][0] == "First paragraph Second paragraph Inner one Inner two"
    said = "\n".join(warnings)
    assert "paragraph 2 (table): row 2, column 1: a table inside the cell was flattened into its text: " \
           "'[Inner one | Inner two]'" in said
    assert "row 2, column 1: the cell's 4 paragraphs were joined into one" in said
    assert "row 2, column 2: an image was dropped" in said


def test_a_caption_gives_the_title_and_a_number_out_of_order_is_said(tmp_path):
    def build(d):
        d.add_paragraph("Table 3: Votes cast", style="Caption")
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "A", "1", "B", "2"
    table, warnings, _ = _foreign(tmp_path, build)
    assert table["table"] == "Votes cast" and "numbered" not in table
    assert any("the table numbered 3 is numbered 1 by cddraft" in w for w in warnings), warnings


@pytest.mark.parametrize("caption", ["Table 1. Votes cast", "Votes cast"])
def test_a_caption_under_the_table_or_written_out_above_it(tmp_path, caption):
    def build(d):
        if caption.startswith("Table"):
            d.add_paragraph(caption)
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "A", "1", "B", "2"
        if not caption.startswith("Table"):
            d.add_paragraph(caption, style="Caption")
    table, warnings, text = _foreign(tmp_path, build)
    assert table["table"] == "Votes cast" and warnings == []
    assert ("numbered" not in table) == caption.startswith("Table")
    assert text.count("Votes cast") == 1


def test_a_table_in_a_landscape_section_is_a_landscape_table(tmp_path):
    def build(d):
        section = d.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "A", "1", "B", "2"
        back = d.add_section(WD_SECTION.NEW_PAGE)
        back.orientation = WD_ORIENT.PORTRAIT
        back.page_width, back.page_height = back.page_height, back.page_width
    table, _, _ = _foreign(tmp_path, build)
    assert table["width"] == "landscape"


def test_numbers_another_file_writes_otherwise_are_kept_as_written(tmp_path):
    def build(d):
        t = d.add_table(rows=3, cols=3)
        for r, texts in enumerate([["Item", "Exact", "Other"], ["a", "12", "1,234.5"], ["b", "–", "-12"]]):
            for c, text in enumerate(texts):
                t.cell(r, c).text = text
        _header(t.rows[0])
    table, warnings, _ = _foreign(tmp_path, build)
    assert table["rows"] == [["a", "12", "1,234.5"], ["b", "-", "-12"]]
    assert table["columns"] == ["text", "number", "text"]
    assert any("column 3's numbers are kept as written" in w for w in warnings), warnings
    with docx2python(tmp_path / "again" / "foreign.docx") as d:
        cells = [c[0] for t in d.body for row in t for c in row if c]
    assert {"12", "1,234.5", "–", "-12"} <= set(cells)


def test_every_character_of_a_table_is_in_the_outline_or_a_warning(tmp_path):
    def build(d):
        t = d.add_table(rows=3, cols=3)
        for r in range(3):
            for c in range(3):
                t.cell(r, c).text = f"cell-{r}-{c}"
        t.cell(1, 1).add_table(rows=1, cols=2).cell(0, 1).text = "nested-text"
        box = (f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
               "<w:p><w:r><w:t>boxed-text</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
        t.cell(2, 2).paragraphs[0]._p.append(parse_xml(box))
        t.rows[2]._tr.remove(t.rows[2]._tr.tc_lst[0])
    _, warnings, text = _foreign(tmp_path, build)
    kept = text + "\n".join(warnings)
    with zipfile.ZipFile(tmp_path / "foreign.docx") as z:
        body = z.read("word/document.xml").decode()
    words = [w for w in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body) if w.strip()]
    assert {"nested-text", "boxed-text", "cell-2-2"} <= set(words)
    assert all(w in kept for w in words), [w for w in words if w not in kept]


# -- tables made by pandoc and LibreOffice from Markdown -----------------------------------------------------------
MARKDOWN = """\
# Figures

The participation was as follows.[^1]

| Group           | 2024    | 2025 |
|:----------------|--------:|-----:|
| African Group   | 12      | 14   |
| *Western* Group | 1,234.5 | -12  |
| Others[^2]      |         | 0.5  |
| **Total**       | 120     | 130  |

: Participants in the session

After the table.

[^1]: A note of the document.
[^2]: A note in a cell.
"""


def _cells(path: Path) -> list[list[str]]:
    """The text of each table's cells (the masthead's left aside), read with python-docx."""
    out = []
    for table in docx.Document(str(path)).tables:
        if any(p.style is not None and p.style.style_id == "XLargeG" for c in table._cells for p in c.paragraphs):
            continue
        out.append([" ".join(c.text.split()) for c in table._cells])
    return out


def _rebuilt(tmp_path: Path, made: Path) -> tuple[str, list[str]]:
    """``made`` imported and rebuilt: the tables' cells hold the same text (but the call of the note in a cell,
    a footnote's number in one, the table's letter in the other)."""
    text, warnings = _import(made, tmp_path / "made.yaml", "--language", "en")
    assert run_cli("build", str(tmp_path / "made.yaml"), "-o", str(tmp_path / "again")).exit_code == 0
    cells = [[[re.sub(r"^Others\S+$", "Others", c) for c in t] for t in _cells(path)]
             for path in (made, tmp_path / "again" / "made.docx")]
    assert cells[0] and cells[0] == cells[1]
    return text, warnings


def _pandoc(tmp_path: Path, to: str) -> Path:
    source = tmp_path / "made.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / f"pandoc.{to}"
    subprocess.run(["pandoc", "-f", "markdown", "-t", to, "-s", "--metadata", "title=Figures", str(source), "-o",
                    str(out)], check=True, capture_output=True, timeout=120)
    return out


def test_a_table_pandoc_made_from_markdown_imports_and_rebuilds_with_the_same_cells(tmp_path):
    require_pandoc("to convert Markdown to Word")
    made = tmp_path / "made.docx"
    made.write_bytes(_pandoc(tmp_path, "docx").read_bytes())
    text, warnings = _rebuilt(tmp_path, made)
    assert "- table: Participants in the session" in text
    assert "head: [Group, \"2024\", \"2025\"]" in text
    assert '- ["Others^[A note in a cell.]", "", "0.5"]' in text
    assert any("a footnote in the cell became one of the table's notes" in w and "A note in a cell." in w
               for w in warnings), warnings
    assert "The participation was as follows.^[A note of the document.]" in text


@pytest.mark.parametrize("via", ["odt", "html"])
def test_a_table_libreoffice_made_from_markdown_imports_and_rebuilds_with_the_same_cells(tmp_path, via):
    require_pandoc("to convert Markdown for LibreOffice")
    require_libreoffice()
    source = _pandoc(tmp_path, via)
    subprocess.run([str(find_soffice()), "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(source)],
                   check=True, capture_output=True, timeout=180)
    made = tmp_path / "made.docx"
    made.write_bytes((tmp_path / "lo" / "pandoc.docx").read_bytes())
    text, _ = _rebuilt(tmp_path, made)
    assert "head: [Group, \"2024\", \"2025\"]" in text


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


_DEEP = "<w:tbl><w:tr>" + _tc("deep") + "</w:tr></w:tbl>"
for _ in range(40):
    _DEEP = f"<w:tbl><w:tr><w:tc><w:p/>{_DEEP}<w:p/></w:tc></w:tr></w:tbl>"
HOSTILE = {
    "a span of a billion columns": "<w:tr>" + _tc("a", "<w:gridSpan w:val='999999999'/>") + "</w:tr><w:tr>"
                                   + _tc("b") + _tc("c") + "</w:tr>",
    "a span that is no number": "<w:tr>" + _tc("a", "<w:gridSpan w:val='-3x'/>") + _tc("z") + "</w:tr><w:tr>"
                                + _tc("b") + _tc("c") + "</w:tr>",
    "merges that continue nothing": "<w:tr>" + _tc("a", "<w:vMerge/>") + _tc("z", "<w:hMerge/>") + "</w:tr><w:tr>"
                                    + _tc("b", "<w:vMerge/>") + _tc("c") + "</w:tr>",
    "no rows": "<w:tblPr/>",
    "a row without cells": "<w:tr></w:tr><w:tr>" + _tc("x") + "</w:tr>",
    "tables forty deep": _DEEP[len("<w:tbl>"):-len("</w:tbl>")],
    "a look that is no number": "<w:tblPr><w:tblStyle w:val='Nope'/><w:tblLook w:val='zz'/></w:tblPr><w:tr>"
                                + _tc("a") + "</w:tr><w:tr>" + _tc("b") + "</w:tr>",
    "every row a head": "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + _tc("a") + "</w:tr><w:tr><w:trPr><w:tblHeader/>"
                        "</w:trPr>" + _tc("b") + "</w:tr>",
    "a head merged down into the body": "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
                                        + _tc("a", "<w:vMerge w:val='restart'/>") + _tc("h") + "</w:tr><w:tr>"
                                        + _tc("", "<w:vMerge/>") + _tc("1") + "</w:tr><w:tr>"
                                        + _tc("", "<w:vMerge/>") + _tc("2") + "</w:tr>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_malformed_tables_import_and_build(tmp_path, name):
    def build(d):
        d.add_paragraph("")._p.addnext(parse_xml(f"<w:tbl {W}>{HOSTILE[name]}</w:tbl>"))
    _, warnings, text = _foreign(tmp_path, build)  # imported, and the outline builds
    words = set(re.findall(r"<w:t>([^<]+)</w:t>", HOSTILE[name]))
    assert all(w in text + "\n".join(warnings) for w in words)


def test_a_table_in_a_corrigendum_is_said_with_its_text(tmp_path):
    source = tmp_path / "corr.yaml"
    assert run_cli("new", "corrigendum", "-o", str(source)).exit_code == 0
    assert run_cli("build", str(source), "-o", str(tmp_path)).exit_code == 0
    d = docx.Document(str(tmp_path / "corr.docx"))
    last = d.paragraphs[-1]
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "Item", "Value", "A", "1"
    last._p.addnext(t._tbl)
    d.save(str(tmp_path / "with-table.docx"))
    _, warnings = _import(tmp_path / "with-table.docx", tmp_path / "back.yaml")
    assert any("a corrigendum holds corrections, not tables: the table was left out: '[Item | Value] [A | 1]'" in w
               for w in warnings), warnings


# -- Word files with tables from other projects' test suites (thirdparty/README.md) --------------------------------
THIRD_PARTY = [Path(__file__).parent / "thirdparty" / f"{name}.docx" for name in (
    "docx2python-merged_cells", "docx2python-paragraphs_and_tables", "docx2python-weekly_schedule", "mammoth-tables",
    "python-docx-blk-paras-and-tables", "python-docx-tbl-props")]


def _table_texts(path: Path) -> list[list[str]]:
    """Each table's non-empty cell texts, read from the XML (a tab or a line break a blank; the masthead left
    aside), a table inside a cell read as part of the cell's text."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{WNS}body")
    out = []
    for tbl in body.iter(f"{WNS}tbl"):
        if next(tbl.iterancestors(f"{WNS}tbl"), None) is not None or any(
                s.get(f"{WNS}val") == "XLargeG" for s in tbl.iter(f"{WNS}pStyle")):
            continue
        cells = []
        for tc in tbl.iter(f"{WNS}tc"):
            if next(tc.iterancestors(f"{WNS}tbl")) is not tbl:
                continue
            text = " ".join(" ".join("".join(t.text or "" if t.tag == f"{WNS}t" else " " for t in p.iter(
                f"{WNS}t", f"{WNS}tab", f"{WNS}br")) for p in tc.iter(f"{WNS}p")).split())
            if text:
                cells.append(text)
        if cells:
            out.append(cells)
    return out


@pytest.mark.parametrize("path", THIRD_PARTY, ids=[p.stem for p in THIRD_PARTY])
def test_other_projects_tables_import_and_rebuild_with_the_same_cells(tmp_path, path):
    text, warnings = _import(path, tmp_path / "imported.yaml", "--language", "en")
    assert run_cli("build", str(tmp_path / "imported.yaml"), "-o", str(tmp_path)).exit_code == 0
    assert _table_texts(tmp_path / "imported.docx") == _table_texts(path)
    kept = "\n".join([*_strings(yaml.safe_load(text)), *warnings])
    with zipfile.ZipFile(path) as z:
        words = {w for w in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", z.read("word/document.xml").decode())}
    assert all(w.strip() in kept for w in words if w.strip()), [w for w in words if w.strip() not in kept]


def _strings(value) -> list[str]:
    """Every text of a loaded outline, its markup's escapes and no-break spaces written out."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [] if value is None else [re.sub(r"\\(.)|~", lambda m: m.group(1) or "\u00a0", str(value))]


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_a_tracked_table_edit_gives_new_or_old(tmp_path, mode):
    """A cell changed, a row inserted (marked as Word marks an inserted row), the source changed: accepted, the
    new outline's tables; rejected, the old one's; refused by default."""
    from lxml import etree

    old = tmp_path / "old.yaml"
    old.write_text(RICH.format(lang="en"), encoding="utf-8")
    data = yaml.safe_load(old.read_text(encoding="utf-8"))
    table = data["report"]["content"][0]["content"][1]
    table["rows"][0][1] = "13"
    table["rows"].insert(1, ["Asian Group", "5", "6", "7%"])
    table["source"] = "Secretariat; all delegations."
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run_cli("diff", str(old), str(new), "-o", str(tmp_path / "tracked.docx")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "tracked.docx") as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    row = next(tr for tr in root.iter(f"{WNS}tr") if "Asian Group" in "".join(tr.itertext()))
    props = row.find(f"{WNS}trPr")
    if props.find(f"{WNS}ins") is None:
        props.append(etree.fromstring(f'<w:ins {W} w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"/>'))
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(tmp_path / "marked.docx", "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    refused = run_cli("import", str(tmp_path / "marked.docx"), "-o", str(tmp_path / "no.yaml"))
    assert refused.exit_code == 2 and "tracked change" in refused.output
    _import(tmp_path / "marked.docx", tmp_path / "taken.yaml", "--revisions", mode)
    want = new if mode == "accept" else old
    assert effective(read_outline(tmp_path / "taken.yaml")[1]) == effective(read_outline(want)[1])
