"""The contents table's lines: the chapters (and sections to the depth asked) with the range of paragraphs under
each, an empty range where the body does not number its paragraphs, and a bookmark on each heading listed."""

from __future__ import annotations

from cddraft.localise import localise
from cddraft.localise.types import ContentsTable, Heading
from cddraft.model.document import Document

CONTENT = [{"heading": "Introduction", "content": ["One.", "Two."]},
           {"heading": "Work", "content": [{"heading": "Meetings", "content": ["Three."]},
                                           {"heading": "Papers", "content": ["Four.", "Five."]}]},
           {"heading": "End", "content": []}]


def _table(contents, numbered: bool = True, language: str = "en") -> tuple[ContentsTable, list[Heading]]:
    doc = Document.model_validate({"kind": "report", "symbol": "CD/2102", "language": language, "date": "2017-09-20",
                                   "report": {"title": "Report", "contents": contents, "numbered_paragraphs": numbered,
                                              "content": CONTENT}})
    blocks = localise(doc).blocks
    (table,) = [b for b in blocks if isinstance(b, ContentsTable)]
    return table, [b for b in blocks if isinstance(b, Heading)]


def test_chapters_with_their_paragraph_ranges():
    table, headings = _table(True)
    assert [(e.number, e.text, e.paragraphs) for e in table.entries] == [
        ("I.", "Introduction", "1\u20132"), ("II.", "Work", "3\u20135"), ("III.", "End", "")]
    assert [h.toc for h in headings] == ["_Toc_r1", "_Toc_r2", None, None, "_Toc_r3"]
    assert (table.heading, table.paragraphs, table.page) == ("Contents", "Paragraphs", "Page")


def test_sections_to_the_depth_asked():
    table, _ = _table({"depth": 2})
    assert [(e.level, e.number, e.paragraphs) for e in table.entries] == [
        (1, "I.", "1\u20132"), (1, "II.", "3\u20135"), (2, "A.", "3"), (2, "B.", "4\u20135"), (1, "III.", "")]


def test_no_ranges_where_paragraphs_are_not_numbered_and_the_words_of_the_language():
    table, _ = _table(True, numbered=False, language="fr")
    assert [e.paragraphs for e in table.entries] == ["", "", ""]
    assert (table.heading, table.paragraphs, table.page) == ("Table des matières", "Paragraphes", "Page")
