"""What validation checks across values, before localise: every outline error is found here, at the place
to change (localise then cannot fail)."""

from __future__ import annotations

import pytest

from cddraft.model.coherence import semantic_problems
from cddraft.model.document import Document


def _letter(language: str, **letter) -> Document:
    return Document.model_validate({
        "kind": "letter", "symbol": "CD/2101", "date": "2017-09-15", "language": language,
        "letter": {"date": "2017-09-14", "sender": "the Permanent Representative of X", "transmits": "the report",
                   "paragraphs": ["Text."], "signatories": [{"name": "A"}], **letter}})


def _report(*content, numbered_paragraphs: bool = True, numbered_headings: bool = True) -> Document:
    return Document.model_validate({
        "kind": "report", "symbol": "CD/2102", "date": "2017-09-20",
        "report": {"title": "Report", "numbered_paragraphs": numbered_paragraphs,
                   "numbered_headings": numbered_headings, "content": list(content)}})


@pytest.mark.parametrize("code", ["ru", "ar"])
def test_a_grammar_dependent_phrase_is_required(code):
    (problem,) = semantic_problems(_letter(code))
    assert problem.path == ("letter", "transmits") and "phrases: transmitting:" in problem.message


@pytest.mark.parametrize("code", ["en", "fr", "es", "zh"])
def test_other_languages_take_the_conventions_clause(code):
    assert semantic_problems(_letter(code)) == []


def test_a_reference_to_an_unnumbered_paragraph_is_reported_at_the_reference():
    doc = _report({"text": "Aside.", "id": "aside", "numbered": False}, "As said in {ref:aside}, yes.")
    (problem,) = semantic_problems(doc)
    assert problem.path == ("report", "content", 1, "text")
    assert problem.text == "As said in {ref:aside}, yes." and problem.text[problem.offset:].startswith("{ref:aside}")
    assert "has no number" in problem.message


def test_a_reference_to_an_unnumbered_heading_is_reported():
    doc = _report({"heading": "Intro", "id": "intro", "content": ["a"]}, "See {ref:intro}.", numbered_headings=False)
    assert ["has no number" in p.message for p in semantic_problems(doc)] == [True]


def test_a_reference_inside_a_superscript_or_footnote_is_validated_too():
    doc = _report({"text": "a", "id": "p1"}, "x^{see {ref:p2}} y^[z {ref:p3}]")
    problems = semantic_problems(doc)
    assert [p.text[p.offset:p.offset + 9] for p in problems] == ["{ref:p2}}", "{ref:p3}]"]
    assert all("names no paragraph" in p.message for p in problems)


def test_numbered_targets_pass():
    doc = _report({"text": "a", "id": "p1"}, {"heading": "H", "id": "h1", "content": ["See {ref:p1}, {ref:h1}."]})
    assert semantic_problems(doc) == []
