"""A table's corrections, as ``cddraft corrigendum`` lists them: a cell by its table, row and column as a reader
finds them, rows inserted and deleted, the lines under the table. The expected texts are written here by hand."""

from __future__ import annotations

import copy

from cddraft.conventions import load_conventions
from cddraft.localise import localise
from cddraft.localise.corrections import corrections
from cddraft.model.document import Document

REPORT = {"kind": "report", "symbol": "CD/2102", "date": "2017-09-20", "report": {
    "title": "Report", "content": [
        "Tables {ref:one} and {ref:two} give the figures.",
        {"table": "Meetings", "id": "one", "rows": [["Plenary", "12"], ["Informal", "30"]]},
        {"table": "Contributions", "id": "two",
         "head": [[{"text": "State", "rows": 2}, {"text": "Year", "span": 2}], ["2024", "2025"]],
         "rows": [["Algeria", "12", "14"], ["Brazil", "30", "31"], {"cells": ["Total", "42", "45"], "total": True}],
         "source": "Secretariat."},
    ]}}


def _found(change, language: str = "en") -> list[dict]:
    new = copy.deepcopy(REPORT)
    change(new["report"]["content"][2])
    docs = [localise(Document.model_validate({**d, "language": language})) for d in (REPORT, new)]
    return corrections(*docs, load_conventions(language))


def test_a_figure_is_named_by_its_table_row_and_column():
    def change(table):
        table["rows"][1] = ["Brazil", "30", "33"]
        table["rows"][2]["cells"][2] = "47"
    assert _found(change) == [
        {"where": "Table 2, row “Brazil”, column “2025”", "for": "31", "read": "33"},
        {"where": "Table 2, row “Total”, column “2025”", "for": "45", "read": "47"}]


def test_in_french_the_places_are_the_french_ones():
    def change(table):
        table["rows"][1] = ["Brazil", "30", "33"]
    (found,) = _found(change, "fr")
    assert found["where"] == "Tableau 2, ligne «\u00a0Brazil\u00a0», colonne «\u00a02025\u00a0»"
    assert (found["for"], found["read"]) == ("31", "33")


def test_a_row_inserted_after_a_row_and_a_row_deleted():
    def change(table):
        table["rows"].insert(1, ["Austria", "3", "4"])
        del table["rows"][2]
    found = _found(change)
    assert {"where": "Table 2, row “Algeria”", "whole": "row", "insert": "Austria | 3 | 4"} in found
    assert {"where": "Table 2, row “Brazil”", "whole": "row"} in found


def test_the_title_and_the_source_are_corrected_as_text():
    def change(table):
        table["table"] = "Contributions received"
        table["source"] = "Conference secretariat."
    found = _found(change)
    assert found[0]["where"] == "Table 2, title"
    assert found[1]["where"] == "Table 2, source"
