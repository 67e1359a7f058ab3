"""The corrigendum outline writer: every value one YAML scalar that reads back as the same string, whatever the
text holds (YAML indicators, quotes, markup, comment signs), and an outline that builds as written."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cddraft.model.document import Document
from cddraft.readers.outline import read_outline_text
from cddraft.writers.outline import corrigendum_outline, scalar

HOSTILE = ["*For*", "- item", "key: value", "# not a comment", "'quoted'", '"double"', "{{ x }}", "[a, b]", "@at",
           "yes", "null", "1.5", "2017-09-14", " leading blank", "trailing blank ", "tab\there", "\\*escaped\\*",
           "100%", "&anchor", "!tag", "|", ">", "???", "«\u00a0guillemets\u00a0»", "المرفق", "附件：第1段"]


def test_hostile_values_read_back_unchanged():
    for value in HOSTILE:
        assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}, value


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), max_size=40))
def test_any_text_reads_back_unchanged(value):
    assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}


def test_the_outline_builds_with_the_corrected_documents_masthead():
    old = Document.model_validate({"kind": "letter", "symbol": "CCW/GGE.1/2024/WP.3", "language": "fr",
                                   "original_language": ["en", "fr"], "date": "2024-03-01", "distribution": "general",
                                   "letter": {"date": "2024-02-28", "sender": "x", "paragraphs": ["p"],
                                              "signatories": [{"name": "n"}]}})
    corrections = [{"where": "Paragraphe 1", "for": "*a* : b", "read": "c #d"},
                   {"where": "Paragraphe 2", "whole": "paragraph"}]
    text = corrigendum_outline(old, "Lettre datée du 28 février 2024: « titre »", corrections, number=2,
                               date=dt.date(2024, 5, 2), sources=("old.yaml", "new.yaml"))
    _, doc = read_outline_text(text, "corr.yaml")
    assert (doc.kind, doc.symbol, doc.language, doc.originals) == ("corrigendum", "CCW/GGE.1/2024/WP.3/Corr.2", "fr",
                                                                   ("en", "fr"))
    assert (doc.date, doc.distribution) == (dt.date(2024, 5, 2), "general")
    assert doc.corrigendum.corrects.plain == "Lettre datée du 28 février 2024: « titre »"
    first, second = doc.corrigendum.corrections
    assert (str(first.for_), str(first.read), second.whole) == ("*a* : b", "c #d", "paragraph")


YAML_PIECES = ["-", "?", ":", ": ", " #", "#", "true", "No", "null", "~", "1", "0x1F", "1e3", ".5", "-.inf",
               "2017-09-14", "12:30", "<<", "=", "'", '"', "\\", " ", "\t", "\n", "\r", "\x85", "\u2028", "\ufeff",
               "é", "中", "@", "`", "%", "&", "*", "!", "|", ">", "[", "]", "{", "}", ",", "a", "word"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES), min_size=1, max_size=8).map("".join))
def test_text_dense_in_yaml_syntax_reads_back_unchanged(value):
    """Strings made of YAML's indicators, implicit types and line breaks: the hand-written scalar never lets
    one be read as anything but itself."""
    assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}
    assert yaml.safe_load(f"- {scalar(value)}") == [value]


# -- table blocks: a row a line, in flow style, where it fits -----------------------------------------------------
def _table_outline(table: dict) -> str:
    from cddraft.writers.outline import outline_text

    return outline_text({"report": {"content": [table]}}, [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES + HOSTILE), min_size=1, max_size=4).map("".join),
       st.integers(min_value=1, max_value=3))
def test_a_tables_cells_read_back_unchanged_in_flow_rows(value, span):
    cell = value if span == 1 else {"text": value, "span": span}
    table = {"table": value, "head": [value, cell], "rows": [[value, cell], {"cells": [value, "12"], "total": True}],
             "columns": ["text", "number"]}
    assert yaml.safe_load(_table_outline(table)) == {"report": {"content": [table]}}


def test_rows_are_written_one_a_line_and_a_long_one_a_cell_a_line():
    long = "a long cell " * 12
    table = {"table": "Participants", "id": "part",
             "head": [[{"text": "Group", "rows": 2}, {"text": "Years", "span": 2}], ["2024", "2025"]],
             "rows": [["African Group", "12", "14"], ["x, y", "[z]", "{w}"], [long, "1", "2"],
                      {"cells": ["Total", "120", "130"], "total": True}],
             "columns": ["text", "number", "number"], "source": "Secretariat."}
    text = _table_outline(table)
    assert text.splitlines()[:13] == [
        "report:",
        "  content:",
        "    - table: Participants",
        "      id: part",
        "      head:",
        "        - [{text: Group, rows: 2}, {text: Years, span: 2}]",
        '        - ["2024", "2025"]',
        "      rows:",
        '        - [African Group, "12", "14"]',
        '        - ["x, y", "[z]", "{w}"]',
        f'        - - "{long}"',
        '          - "1"',
        '          - "2"']
    assert '        - {cells: [Total, "120", "130"], total: true}' in text
    assert "      columns: [text, number, number]" in text
    assert yaml.safe_load(text) == {"report": {"content": [table]}}
    one_head = _table_outline({"table": None, "head": ["A", "B"], "rows": [["1", "2"]]})
    assert "      head: [A, B]" in one_head and "    - table: null" in one_head
