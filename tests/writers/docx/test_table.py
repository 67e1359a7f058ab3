"""Tables in the .docx (issue 27), read back by python-docx, docx2python and lxml, validated by openxml-audit.

One report in four languages, built by the command line: a table with two rows of heads (one down two rows, one
over two columns), a unit line, a number column, a total, a source, a note and two cell notes; a paragraph after
it with a {ref:} to it and a footnote; a landscape table; then the text again.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx2python import docx2python
from lxml import etree

from cddraft.layout import PAGE, TABLE
from cddraft.writers.docx import styles as st
from cddraft.writers.docx.table import finish_sections, grid_columns
from tests.conftest import REPO, audit_errors, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REPORT = """\
kind: report
symbol: CD/2200
language: {language}
date: 2026-03-01
job_number: GE.26-01234
report:
  title: "{title}"
  content:
    - "{intro}^[{first_note}]"
    - table: "{table}"
      id: figures
      unit: "{unit}"
      head:
        - [{{text: "{group}", rows: 2}}, {{text: "{spanner}", span: 2}}]
        - ["2024", "2025"]
      rows:
        - ["{row1}", "12", "1234.5"]
        - ["{row2}^[{note_a}]", "-12", "62287400"]
        - ["{row3}", "30^[{note_b}]", "0.005"]
        - {{cells: ["{total}", "30", "62288634.5"], total: true}}
      source: "{source}"
      note: "{note}"
    - "{after} {{ref:figures}}.^[{second_note}]"
    - table: "{wide}"
      width: landscape
      head: ["{group}", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
      rows:
        - ["{row1}", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
    - "{end}"
"""

TEXTS = {
    "en": dict(title="Figures", intro="The table below gives the figures.", first_note="A first note.",
               table="Participants", unit="(United States dollars)", group="Group", spanner="Meetings",
               row1="African Group", row2="Western Group", row3="Group of 21", note_a="Includes observers.",
               note_b="Provisional.", total="Total", source="Secretariat.", note="Rounded.",
               after="See table", second_note="A second note.", wide="Months", end="The end."),
    "fr": dict(title="Chiffres", intro="Le tableau ci-dessous donne les chiffres.", first_note="Une note.",
               table="Participants", unit="(En dollars des États-Unis)", group="Groupe", spanner="Réunions",
               row1="Groupe africain", row2="Groupe occidental", row3="Groupe des 21", note_a="Observateurs compris.",
               note_b="Provisoire.", total="Total", source="Secrétariat.", note="Chiffres arrondis.",
               after="Voir le tableau", second_note="Une deuxième note.", wide="Mois", end="Fin."),
    "ar": dict(title="الأرقام", intro="يبين الجدول أدناه الأرقام.", first_note="حاشية أولى.",
               table="المشاركون", unit="(بدولارات الولايات المتحدة)", group="المجموعة", spanner="الاجتماعات",
               row1="المجموعة الأفريقية", row2="المجموعة الغربية", row3="مجموعة الـ 21",
               note_a="بما في ذلك المراقبون.", note_b="مؤقت.", total="المجموع", source="الأمانة.",
               note="أرقام مقربة.", after="انظر الجدول", second_note="حاشية ثانية.", wide="الأشهر",
               end="النهاية."),
    "zh": dict(title="数字", intro="下表列出了数字。", first_note="第一个脚注。", table="与会者",
               unit="（美元）", group="集团", spanner="会议", row1="非洲集团", row2="西方集团", row3="21国集团",
               note_a="包括观察员。", note_b="临时数字。", total="共计", source="秘书处。", note="数字经四舍五入。",
               after="见表", second_note="第二个脚注。", wide="月份", end="完。"),
}
LANGUAGES = tuple(TEXTS)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("tables")
    for language in LANGUAGES:
        (tmp / f"t-{language}.yaml").write_text(REPORT.format(language=language, **TEXTS[language]),
                                                encoding="utf-8")
    result = run_cli("build", *(str(tmp / f"t-{lang}.yaml") for lang in LANGUAGES), "-o", str(tmp))
    assert result.exit_code == 0, result.output
    return {language: tmp / f"t-{language}.docx" for language in LANGUAGES}


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _style(p: etree._Element) -> str | None:
    el = p.find(f"{W}pPr/{W}pStyle")
    return el.get(f"{W}val") if el is not None else None


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _tables(body: etree._Element) -> list[etree._Element]:
    """The tables the outline's table blocks made (not the masthead's): their cells are in TableTextG."""
    return [t for t in body.iterfind(f"{W}tbl") if _style(t.find(f".//{W}p")) == st.TABLE_TEXT]


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(f"{W}{attr}")


# -- the cells, as independent readers read them -------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_docx2python_reads_the_cells_in_order(built, language):
    t = TEXTS[language]
    with docx2python(built[language]) as doc:
        tables = [table for table in doc.body if len(table) > 1 and len(table[0]) == 3]
    rows = [["".join(cell).strip() for cell in row] for row in tables[0]]
    # docx2python fills a merged place with the merged cell's text
    assert rows[0] == [t["group"], t["spanner"], t["spanner"]]
    assert rows[1] == [t["group"], "2024", "2025"]
    assert rows[2][0] == t["row1"] and rows[2][1] == "12"
    assert rows[5][0] == t["total"]
    assert len(rows) == 6


def test_numbers_are_written_in_the_language_s_form(built):
    cells = {}
    for language in LANGUAGES:
        table = docx.Document(str(built[language])).tables
        ours = next(tb for tb in table if tb.cell(0, 0).paragraphs[0].style.style_id == st.TABLE_TEXT)
        cells[language] = [ours.cell(r, 2).text for r in range(2, 6)]
    assert cells["en"] == ["1\u00a0234.5", "62\u00a0287\u00a0400", "0.005", "62\u00a0288\u00a0634.5"]
    assert cells["fr"] == ["1\u00a0234,5", "62\u00a0287\u00a0400", "0,005", "62\u00a0288\u00a0634,5"]
    assert cells["zh"][0] == "1\u00a0234.5" and cells["ar"][0] == "1\u00a0234,5"
    tables = docx.Document(str(built["en"])).tables
    ours = next(tb for tb in tables if tb.cell(0, 0).paragraphs[0].style.style_id == st.TABLE_TEXT)
    assert ours.cell(3, 1).text == "(12)"


# -- the table's structure ------------------------------------------------------------------------------------------
def test_table_properties_in_schema_order(built):
    table = _tables(_body(built["en"]))[0]
    props = table.find(f"{W}tblPr")
    assert [c.tag.removeprefix(W) for c in props] == ["tblW", "tblInd", "tblBorders", "tblLayout", "tblCellMar",
                                                     "tblLook"]
    assert (_val(props.find(f"{W}tblW"), "w"), _val(props.find(f"{W}tblW"), "type")) == (str(TABLE.width["text"]),
                                                                                          "dxa")
    assert _val(props.find(f"{W}tblInd"), "w") == str(TABLE.indent["text"])
    borders = {c.tag.removeprefix(W): (_val(c), _val(c, "sz")) for c in props.find(f"{W}tblBorders")}
    assert borders == {"top": ("single", str(TABLE.rule_top)), "left": ("nil", None),
                       "bottom": ("single", str(TABLE.rule_bottom)), "right": ("nil", None),
                       "insideH": ("nil", None), "insideV": ("nil", None)}
    assert _val(props.find(f"{W}tblLayout"), "type") == "fixed"
    margins = props.find(f"{W}tblCellMar")
    assert [(c.tag.removeprefix(W), _val(c, "w")) for c in margins] == [("left", str(TABLE.cell_margin)),
                                                                       ("right", str(TABLE.cell_margin))]
    columns = [int(_val(c, "w")) for c in table.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert len(columns) == 3 and sum(columns) == TABLE.width["text"]


def test_grid_columns_sum_to_the_width():
    assert sum(grid_columns([1 / 3] * 3, 7371)) == 7371
    assert grid_columns([0.5, 0.25, 0.25], 1000) == [500, 250, 250]
    assert sum(grid_columns([0.123, 0.456, 0.421, 0.0001], 14572)) == 14572


def test_spans_merges_head_rows_and_rules(built):
    table = _tables(_body(built["en"]))[0]
    rows = table.findall(f"{W}tr")
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, True, False, False, False, False]
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    first, second = (r.findall(f"{W}tc") for r in rows[:2])
    # the stub head takes two rows: restart, then a cell of its own continuing it in the first grid column
    assert _val(first[0].find(f"{W}tcPr/{W}vMerge")) == "restart"
    assert second[0].find(f"{W}tcPr/{W}vMerge") is not None and _val(second[0].find(f"{W}tcPr/{W}vMerge")) is None
    assert _text(second[0]) == "" and second[0].find(f"{W}p") is not None
    assert _val(first[1].find(f"{W}tcPr/{W}gridSpan")) == "2" and len(first) == 2 and len(second) == 3
    # heads at the foot of their cells; a rule under the last head row, across every cell of it
    assert all(_val(tc.find(f"{W}tcPr/{W}vAlign")) == "bottom" for tc in first + second)
    assert all(_val(tc.find(f"{W}tcPr/{W}tcBorders/{W}bottom"), "sz") == str(TABLE.rule_head) for tc in second)
    assert _val(first[1].find(f"{W}tcPr/{W}tcBorders/{W}bottom"), "sz") == str(TABLE.rule_spanner)
    # the total: a rule above it, its text in bold; no rule between the other rows
    total = rows[-1].findall(f"{W}tc")
    assert all(_val(tc.find(f"{W}tcPr/{W}tcBorders/{W}top"), "sz") == str(TABLE.rule_total) for tc in total)
    assert all(tc.find(f".//{W}r/{W}rPr/{W}b") is not None for tc in total)
    assert all(r.find(f"{W}tc/{W}tcPr/{W}tcBorders") is None for r in rows[2:-1])
    # widths of the cells: their grid columns'
    columns = [int(_val(c, "w")) for c in table.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert int(_val(first[1].find(f"{W}tcPr/{W}tcW"), "w")) == columns[1] + columns[2]


def test_cells_are_in_the_table_text_style_aligned_by_their_kind(built):
    table = _tables(_body(built["en"]))[0]
    rows = table.findall(f"{W}tr")
    paragraphs = [p for tc in table.iter(f"{W}tc") for p in tc.iterfind(f"{W}p")]
    assert {_style(p) for p in paragraphs} == {st.TABLE_TEXT}
    jc = [[_val(tc.find(f"{W}p/{W}pPr/{W}jc")) for tc in r.findall(f"{W}tc")] for r in rows]
    assert jc[0][1] == "center" and jc[1][1:] == ["right", "right"]
    assert all(row == ["left", "right", "right"] for row in jc[2:])
    heads = [r for tc in rows[1].findall(f"{W}tc") for r in tc.iter(f"{W}r") if _text(r)]
    assert all(r.find(f"{W}rPr/{W}i") is not None for r in heads), "column heads are italic (en)"
    # a note called in a cell: its letter raised, no footnote reference in the table
    call = [r for r in rows[3].iter(f"{W}r") if _text(r) == "a"]
    assert call and _val(call[0].find(f"{W}rPr/{W}vertAlign")) == "superscript"
    assert next(table.iter(f"{W}footnoteReference"), None) is None


def test_style_of_the_caption_and_the_lines_under_the_table(built):
    body = _body(built["en"])
    table = _tables(body)[0]
    before = [table.getprevious().getprevious().getprevious(), table.getprevious().getprevious(),
              table.getprevious()]
    assert [(_style(p), _text(p)) for p in before] == [(st.TABLE_NUMBER, "Table 1"), (st.TABLE_TITLE, "Participants"),
                                                     (st.TABLE_UNIT, "(United States dollars)")]
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in before)
    after = []
    nxt = table.getnext()
    while _style(nxt) == st.FOOTNOTE_TEXT:
        after.append(nxt)
        nxt = nxt.getnext()
    lines = ["".join(t.text or ("\t" if t.tag == f"{W}tab" else "") for t in p.iter(f"{W}t", f"{W}tab")) for p in after]
    assert lines == ["Source: Secretariat.", "Note: Rounded.", "\ta\tIncludes observers.", "\tb\tProvisional."]
    assert int(_val(after[0].find(f"{W}pPr/{W}spacing"), "before")) > 0
    assert _val(after[2].find(f".//{W}vertAlign")) == "superscript"
    label = [r for r in after[0].iter(f"{W}r") if _text(r) == "Source"]
    assert label[0].find(f"{W}rPr/{W}i") is not None


def test_the_table_s_notes_are_not_the_document_s_footnotes(built):
    with zipfile.ZipFile(built["en"]) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    texts = [_text(n) for n in notes.iterfind(f"{W}footnote") if n.get(f"{W}type") is None]
    assert texts == ["A first note.", "A second note."]


def test_a_ref_prints_the_table_s_number(built):
    body = _body(built["en"])
    caption = next(p for p in body.iter(f"{W}p") if _style(p) == st.TABLE_NUMBER)
    start = caption.find(f"{W}bookmarkStart")
    name = start.get(f"{W}name")
    between = []
    for el in start.itersiblings():
        if el.tag == f"{W}bookmarkEnd":
            break
        between.append(_text(el))
    assert "".join(between) == "1"
    instructions = " ".join(t.text for t in body.iter(f"{W}instrText"))
    assert f"REF {name} \\h" in instructions
    referring = [p for p in body.iter(f"{W}p") if f"REF {name}" in "".join(t.text for t in p.iter(f"{W}instrText"))]
    assert "See table 1." in _text(referring[0])


def test_a_note_on_the_title_is_one_of_the_document_s_footnotes(tmp_path):
    outline = tmp_path / "n.yaml"
    outline.write_text(REPORT.format(language="en", **{**TEXTS["en"], "table": "Participants^[On the title.]"}),
                       encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    body = _body(tmp_path / "n.docx")
    title = next(p for p in body.iter(f"{W}p") if _style(p) == st.TABLE_TITLE)
    assert _val(title.find(f".//{W}footnoteReference"), "id") == "2"
    with zipfile.ZipFile(tmp_path / "n.docx") as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    assert [_text(n) for n in notes.iterfind(f"{W}footnote") if n.get(f"{W}type") is None] == [
        "A first note.", "On the title.", "A second note."]


# -- right to left, Chinese ----------------------------------------------------------------------------------------
def test_arabic_tables_are_mirrored(built):
    for table in _tables(_body(built["ar"])):
        props = table.find(f"{W}tblPr")
        assert props[0].tag == f"{W}bidiVisual", "bidiVisual comes before tblW (CT_TblPr order)"
        paragraphs = list(table.iter(f"{W}p"))
        assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
        assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in table.iter(f"{W}r"))
        # in a bidi paragraph "left" is the start, the right: the stub and the figures stand at the right
        assert {_val(p.find(f"{W}pPr/{W}jc")) for p in paragraphs} <= {"left", "center"}
    notes = [p for p in _body(built["ar"]).iter(f"{W}p") if _style(p) == st.FOOTNOTE_TEXT]
    assert notes and all(p.find(f"{W}pPr/{W}bidi") is not None for p in notes)


def test_chinese_heads_and_unit_are_upright_in_the_east_asian_font(built):
    body = _body(built["zh"])
    table = _tables(body)[0]
    heads = [r for tr in table.findall(f"{W}tr")[:2] for r in tr.iter(f"{W}r")]
    assert heads and all(r.find(f"{W}rPr/{W}i") is None for r in heads)
    fonts = {_val(r.find(f"{W}rPr/{W}rFonts"), "eastAsia") for r in table.iter(f"{W}r")}
    assert fonts == {"SimSun"}
    unit = next(p for p in body.iter(f"{W}p") if _style(p) == st.TABLE_UNIT)
    assert all(_val(r.find(f"{W}rPr/{W}i")) == "0" for r in unit.iter(f"{W}r"))
    assert [_text(p) for p in body.iter(f"{W}p") if _style(p) == st.TABLE_NUMBER] == ["表1", "表2"]


# -- the landscape table -------------------------------------------------------------------------------------------
def _sections(body: etree._Element) -> list[etree._Element]:
    return [*body.iterfind(f"{W}p/{W}pPr/{W}sectPr"), body.find(f"{W}sectPr")]


def test_a_landscape_table_has_a_section_of_its_own(built):
    body = _body(built["en"])
    wide = _tables(body)[1]
    sections = _sections(body)
    assert len(sections) == 3
    portrait, landscape, _final = sections
    size = landscape.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == (str(PAGE.height), str(PAGE.width),
                                                                                 "landscape")
    assert portrait.find(f"{W}pgSz").get(f"{W}orient") is None
    assert landscape.find(f"{W}titlePg") is None
    # the portrait part ends with the paragraph before the caption; the landscape one (a table without lines
    # under it) with the empty paragraph that follows every such table
    ends = [s.getparent().getparent() for s in sections[:2]]
    assert "See table" in _text(ends[0])
    assert _style(ends[0].getnext()) == st.TABLE_NUMBER
    assert ends[1] is wide.getnext() and _style(ends[1]) == st.BODY and _text(ends[1]) == ""
    assert _text(ends[1].getnext()).endswith("The end.")
    assert int(wide.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) == TABLE.width["landscape"]


def _finished(path: Path) -> etree._Element:
    doc = docx.Document(str(path))
    finish_sections(doc)
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(out) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _references(sect: etree._Element) -> set[str]:
    return {f"{e.tag.removeprefix(W)}:{e.get(f'{W}type')}" for e in sect
            if e.tag in (f"{W}headerReference", f"{W}footerReference")}


def test_finished_sections_keep_page_1_s_footer_and_continue_the_running_ones(built):
    body = _finished(built["en"])
    portrait, landscape, final = _sections(body)
    assert _references(portrait) == _references(final) and "footerReference:first" in _references(portrait)
    assert portrait.find(f"{W}titlePg") is not None
    assert _references(landscape) == set(), "the landscape section continues the running headers and footers"
    assert landscape.find(f"{W}titlePg") is None and final.find(f"{W}titlePg") is None
    assert landscape.find(f"{W}pgSz").get(f"{W}orient") == "landscape"
    assert landscape.find(f"{W}pgMar").attrib == final.find(f"{W}pgMar").attrib
    restarts = [_val(s.find(f"{W}footnotePr/{W}numRestart")) for s in (landscape, final)]
    assert restarts == ["continuous", "continuous"]


def test_finished_arabic_sections_are_laid_out_from_the_right_and_finishing_twice_changes_nothing(built):
    doc = docx.Document(str(built["ar"]))
    finish_sections(doc)
    once = etree.tostring(doc.element.body)
    finish_sections(doc)
    assert etree.tostring(doc.element.body) == once
    body = etree.fromstring(once)
    assert all(s.find(f"{W}bidi") is not None for s in _sections(body)[:2])


def test_the_build_finishes_the_sections(built):
    portrait = _sections(_body(built["en"]))[0]
    assert "footerReference:first" in _references(portrait)


# -- validity, templates ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_openxml_audit_finds_no_errors(built, language):
    assert audit_errors(built[language]) == []


TABLE_STYLES = (st.TABLE_NUMBER, st.TABLE_TITLE, st.TABLE_UNIT, st.TABLE_TEXT)


def _style_xml(data: bytes, style: str) -> bytes | None:
    found = re.search(rb'<w:style [^>]*w:styleId="' + style.encode() + rb'">.*?</w:style>', data)
    return found.group(0) if found else None


def test_a_template_without_the_table_styles_gets_them_from_the_layout_table(built, tmp_path):
    assert set(TABLE_STYLES) <= st.ADDED_IF_MISSING
    with zipfile.ZipFile(REPO / "templates" / "house.docx") as z:
        house = z.read("word/styles.xml")
    template = tmp_path / "old.docx"
    with zipfile.ZipFile(REPO / "templates" / "house.docx") as zin, zipfile.ZipFile(template, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                for style in TABLE_STYLES:
                    data = data.replace(_style_xml(data, style), b"")
            zout.writestr(item, data)
    outline = built["en"].with_suffix(".yaml")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--template", str(template))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "out" / "t-en.docx") as z:
        styles = z.read("word/styles.xml")
    assert all(_style_xml(styles, s) == _style_xml(house, s) for s in TABLE_STYLES)
    assert audit_errors(tmp_path / "out" / "t-en.docx") == []
