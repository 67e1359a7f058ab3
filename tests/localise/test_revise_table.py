"""``cddraft diff`` inside a table: a cell changed is compared word by word, a row added or removed is marked
whole, the lines under the table as paragraphs; a table of other columns is replaced whole."""

from __future__ import annotations

from cddraft.localise import localise
from cddraft.localise.revise import revise
from cddraft.localise.types import Marked, Revised, Table
from cddraft.model.document import Document
from cddraft.model.inline import Span


def _doc(table: dict) -> Document:
    return Document.model_validate({
        "kind": "report", "symbol": "CD/2102", "date": "2017-09-20", "language": "en",
        "report": {"title": "Report", "content": ["See the table.", table]}})


OLD = {"table": "Contributions", "head": ["State", "2024"],
       "rows": [["Algeria", "12"], ["Brazil", "30"], ["Chad", "5"], {"cells": ["Total", "47"], "total": True}],
       "source": "Secretariat."}


def _revised(new: dict) -> list:
    return revise(localise(_doc(OLD)), localise(_doc(new))).blocks


def _marks(spans) -> list[tuple[str, str]]:
    return [(m.kind, "".join(s.text for s in m.items)) for m in spans if isinstance(m, Marked)]


def test_a_figure_changed_is_marked_in_its_cell_and_the_rest_kept():
    new = {**OLD, "rows": [["Algeria", "12"], ["Brazil", "31"], ["Chad", "5"],
                           {"cells": ["Total", "48"], "total": True}]}
    (table,) = [b for b in _revised(new) if isinstance(b, Table)]
    assert [r.revision for r in table.rows] == [None] * 5
    assert _marks(table.rows[2].cells[1].spans) == [("del", "30"), ("ins", "31")]
    assert _marks(table.rows[4].cells[1].spans) == [("del", "47"), ("ins", "48")]
    assert table.rows[1].cells[1].spans == [Span("12")]


def test_rows_added_and_removed_are_marked_whole():
    new = {**OLD, "rows": [["Algeria", "12"], ["Chad", "5"], ["Djibouti", "7"],
                           {"cells": ["Total", "24"], "total": True}]}
    (table,) = [b for b in _revised(new) if isinstance(b, Table)]
    rows = [(r.revision, [_marks(c.spans) or "".join(s.text for s in c.spans) for c in r.cells])
            for r in table.rows[1:]]
    assert rows[0] == (None, ["Algeria", "12"])
    assert rows[1] == ("del", ["Brazil", "30"])
    assert (None, ["Chad", "5"]) in rows
    assert ("ins", ["Djibouti", "7"]) in rows


def _as(spans, kept: str) -> str:
    """The text once every revision is accepted (``kept`` "ins") or rejected ("del")."""
    out = []
    for s in spans:
        if isinstance(s, Marked):
            out += [x.text for x in s.items] if s.kind == kept else []
        else:
            out.append(s.text)
    return "".join(out)


def test_the_title_and_the_lines_under_the_table_are_compared_as_paragraphs():
    new = {**OLD, "table": "Contributions received", "source": "Secretariat of the Conference."}
    (table,) = [b for b in _revised(new) if isinstance(b, Table)]
    assert (_as(table.title, "ins"), _as(table.title, "del")) == ("Contributions received", "Contributions")
    note = table.notes[0].spans
    assert (_as(note, "ins"), _as(note, "del")) == ("Source: Secretariat of the Conference.", "Source: Secretariat.")


def test_a_table_with_a_column_more_is_replaced_whole():
    new = {**OLD, "head": ["State", "2024", "2025"],
           "rows": [[*r, "1"] if isinstance(r, list) else {"cells": [*r["cells"], "1"], "total": True}
                    for r in OLD["rows"]]}
    kinds = [(b.kind, type(b.block).__name__) for b in _revised(new) if isinstance(b, Revised)]
    assert kinds == [("del", "Table"), ("ins", "Table")]
