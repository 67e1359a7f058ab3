"""A table as it will print, decided once from the conventions: "Table 1" through the document (or afresh in each
annex), heads in italic (not in Chinese), totals in bold, numbers in the language's form (the forms expected here
are those of issued UN tables, docs/un-conventions.md §6.10), cell notes lettered under the table, apart from the
document's footnotes."""

from __future__ import annotations

import pytest

from cddraft.localise import localise
from cddraft.localise.types import Para, Table
from cddraft.model.document import Document
from cddraft.model.inline import Footnote, Ref, Span

NBSP = "\u00a0"


def _doc(language: str, *content, annexes=None, **top) -> Document:
    return Document.model_validate({
        "kind": "report", "symbol": "CD/2102", "date": "2017-09-20", "language": language,
        "report": {"title": "Report", "content": list(content)}, "annexes": annexes or [], **top})


def _tables(doc: Document) -> list[Table]:
    return [b for b in localise(doc).blocks if isinstance(b, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [["".join(s.text for s in c.spans if isinstance(s, Span)) for c in r.cells] for r in table.rows]


FIGURES = {"table": "Contributions", "head": ["State", "Amount", "Share"],
           "rows": [["Algeria", "62287400", "0.005"], ["Brazil", "-2064700", "12.5%"], ["Chad", "–", "1234"]]}


@pytest.mark.parametrize(("language", "label", "row"), [
    ("en", "Table 1", ["Algeria", f"62{NBSP}287{NBSP}400", "0.005"]),  # A/RES/79/259: spaces even in English
    ("fr", "Tableau 1", ["Algeria", f"62{NBSP}287{NBSP}400", "0,005"]),
    ("es", "Cuadro 1", ["Algeria", f"62{NBSP}287{NBSP}400", "0,005"]),
    ("ru", "Таблица 1", ["Algeria", f"62{NBSP}287{NBSP}400", "0,005"]),
    ("zh", "表1", ["Algeria", f"62{NBSP}287{NBSP}400", "0.005"]),
    ("ar", "الجدول 1", ["Algeria", f"62{NBSP}287{NBSP}400", "0,005"]),
])
def test_numbers_are_written_in_the_languages_form(language, label, row):
    (table,) = _tables(_doc(language, FIGURES))
    assert table.label == label
    assert _texts(table)[1] == row


def test_negatives_per_cent_and_nil_as_the_un_writes_them_in_tables():
    (en,) = _tables(_doc("en", FIGURES))
    (fr,) = _tables(_doc("fr", FIGURES))
    (zh,) = _tables(_doc("zh", FIGURES))
    assert _texts(en)[2][1:] == [f"(2{NBSP}064{NBSP}700)", "12.5%"]
    assert _texts(fr)[2][1:] == [f"(2{NBSP}064{NBSP}700)", f"12,5{NBSP}%"]
    assert _texts(en)[3][1:] == ["–", f"1{NBSP}234"] and _texts(zh)[3][1] == "—"


def test_number_columns_align_right_the_stub_and_text_columns_left():
    (table,) = _tables(_doc("en", {"table": "T", "head": ["Group", "Members", "Chair"],
                                   "rows": [["African", "54", "Algeria"], ["Asian", "1200", "Viet Nam"]]}))
    assert [c.align for c in table.rows[0].cells] == ["left", "right", "left"]
    assert [c.align for c in table.rows[1].cells] == ["left", "right", "left"]
    assert _texts(table)[2][1] == f"1{NBSP}200"


def test_a_column_said_to_be_text_is_left_as_written():
    (table,) = _tables(_doc("en", {"table": "T", "head": ["Year", "Sessions"], "columns": ["text", "text"],
                                   "rows": [["2024", "1999"]]}))
    assert _texts(table)[1] == ["2024", "1999"]


def test_heads_italic_but_in_chinese_totals_bold():
    rows = [["A", "1"], {"cells": ["Total", "1"], "total": True}]
    (en,) = _tables(_doc("en", {"table": "T", "head": ["Group", "2024"], "rows": rows}))
    (zh,) = _tables(_doc("zh", {"table": "T", "head": ["Group", "2024"], "rows": rows}))
    assert all(s.italic for c in en.rows[0].cells for s in c.spans)
    assert not any(s.italic for c in zh.rows[0].cells for s in c.spans)
    assert en.rows[2].total and all(s.bold for c in en.rows[2].cells for s in c.spans)


def test_cell_notes_are_the_tables_own_lettered_notes_not_footnotes():
    doc = _doc("en", "A paragraph.^[A document footnote.]",
               {"table": "T", "head": ["Group", "2024^[Provisional.]"],
                "rows": [["A^[Observer.]", "1"], ["B^[Observer.]", "2^[Provisional.]"]],
                "source": "Secretariat.", "note": "Rounded."})
    (table,) = _tables(doc)
    calls = [s.text for r in table.rows for c in r.cells for s in c.spans if isinstance(s, Span) and s.sup]
    assert calls == ["a", "b", "b", "a"]  # the same note twice has one letter
    assert not any(isinstance(s, Footnote) for r in table.rows for c in r.cells for s in c.spans)
    lines = [("".join(s.text for s in n.spans), n.call) for n in table.notes]
    assert lines == [("Source: Secretariat.", None), ("Note: Rounded.", None), ("Provisional.", "a"),
                     ("Observer.", "b")]
    assert table.notes[0].spans[0].italic and not table.notes[0].spans[1].italic


def test_arabic_calls_its_notes_by_letters_in_brackets_not_raised_under_the_table():
    (table,) = _tables(_doc("ar", {"table": "T", "rows": [["أ^[ملاحظة.]", "1"]]}))
    assert table.notes[0].call == "(أ)" and not table.notes[0].raised


def test_tables_are_numbered_through_the_document_or_afresh_in_each_annex():
    one = {"table": "T", "rows": [["A", "1"]]}
    annexes = [{"content": [one, {**one, "id": "last"}]}]
    through = _tables(_doc("en", one, annexes=annexes))
    afresh = _tables(_doc("en", one, annexes=annexes, table_numbering="annex"))
    assert [t.label for t in through] == ["Table 1", "Table 2", "Table 3"]
    assert [t.label for t in afresh] == ["Table 1", "Table 1", "Table 2"]


def test_a_reference_prints_the_tables_number():
    doc = _doc("en", "See table {ref:fig}.", {"table": "T", "id": "fig", "rows": [["A", "1"]]},
               {"table": "U", "id": "other", "rows": [["A", "1"]]}, "And table {ref:other}.")
    blocks = localise(doc).blocks
    refs = [s.number for b in blocks if isinstance(b, Para) for s in b.spans if isinstance(s, Ref)]
    assert refs == ["1", "2"]
    assert [b.anchor for b in blocks if isinstance(b, Table)] == [("fig", "1"), ("other", "2")]


def test_each_column_gets_at_least_its_longest_word_and_the_shares_fill_the_width():
    long = "Intergovernmental consultations on verification " * 4
    (table,) = _tables(_doc("en", {"table": "T", "head": ["Body", "Year"], "rows": [[long, "2024"]]}))
    assert abs(sum(table.widths) - 1) < 1e-9
    assert table.widths[0] > 0.7 and table.widths[1] > 6 / 82  # "Year" and its margins still fit


def test_a_table_among_a_letters_paragraphs_is_numbered_with_the_annexes_tables():
    doc = Document.model_validate({
        "kind": "letter", "symbol": "CD/2101", "date": "2017-09-15", "language": "en",
        "letter": {"date": "2017-09-14", "sender": "the Permanent Representative of X", "transmits": "the report",
                   "paragraphs": ["See table {ref:first}.", {"table": "Figures", "id": "first", "rows": [["A", "1"]]}],
                   "signatories": [{"name": "A"}]},
        "annexes": [{"content": [{"table": "More", "rows": [["B", "2"]]}]}]})
    blocks = localise(doc).blocks
    assert [b.label for b in blocks if isinstance(b, Table)] == ["Table 1", "Table 2"]
    assert isinstance(blocks[1], Table) and blocks[0].spans[1].number == "1"
