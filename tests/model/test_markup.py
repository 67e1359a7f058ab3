"""Outline text is parsed once into the model; what the rules read is what the Word file shows.

Two properties over thousands of generated strings: writing parsed spans back as markup and parsing
again gives the same spans; and the visible text the editorial rules read equals the text python-docx
and the footnotes part (read with lxml) show in the built .docx.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cddraft.localise import localise
from cddraft.model.document import Document
from cddraft.model.inline import Footnote, MarkupError, Ref, Span, parse
from cddraft.model.markup import Markup, to_markup
from cddraft.writers.docx import render_docx
from tests.model.markup_strategies import markup_strings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@settings(max_examples=4000, deadline=None)
@given(markup_strings)
def test_parse_then_write_back_then_parse_is_the_identity(raw):
    try:
        spans = parse(raw)
    except MarkupError:
        return
    assert parse(to_markup(spans)) == spans


@pytest.mark.parametrize(("spans", "markup"), [
    ([Span("a", italic=True), Span("b", italic=True)], "*a****b*"),  # a boundary kept without changing emphasis
    ([Span("a", bold=True, italic=True)], "***a***"),
    ([Span("x"), Span("er", sup=True), Span("\u00a0"), Ref("p1", sup=True)], "x^{er}~^{{ref:p1}}"),
    ([Span("*~^{}[]\\")], r"\*\~\^\{\}\[\]\\"),
    ([Span("see", bold=True), Footnote((Span("n", italic=True),))], "**see^[*n*]**"),
])
def test_written_back_forms(spans, markup):
    assert to_markup(spans) == markup
    assert parse(markup) == spans


def _valid(raw: str) -> bool:
    try:
        return bool(Markup(raw, tuple(parse(raw))).visible.text.strip()) and raw.strip() == raw
    except MarkupError:
        return False


paragraph_texts = markup_strings.map(str.strip).filter(_valid)


def _shown(path_or_bytes: bytes) -> tuple[list[str], list[str]]:
    """The body paragraphs (python-docx) and the footnotes (lxml on word/footnotes.xml) as a reader sees them."""
    document = docx.Document(io.BytesIO(path_or_bytes))
    paragraphs = [p.text for p in document.paragraphs]
    with zipfile.ZipFile(io.BytesIO(path_or_bytes)) as z:
        root = etree.fromstring(z.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in (None, "normal"):
            text = "".join("\t" if el.tag == f"{W}tab" else (el.text or "")
                           for el in note.iter(f"{W}t", f"{W}tab"))
            notes.append(text.removeprefix("\t\t"))  # tab, the number (a field-less mark), tab, then the text
    return paragraphs, notes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.lists(paragraph_texts, min_size=1, max_size=40))
def test_the_text_the_rules_read_is_the_text_the_word_file_shows(texts):
    """Paragraph 1 is numbered "1" and has the id the generated ``{ref:x}`` name: the stand-in the rules read for
    a reference (one figure) is then the number printed."""
    doc = Document.model_validate({
        "kind": "report", "symbol": "CD/2102", "date": "2017-09-20", "language": "en",
        "report": {"title": "Report", "content": [{"text": "Target.", "id": "x"},
                                                  *({"text": t, "numbered": False} for t in texts)]}})
    paragraphs, notes = _shown(render_docx(localise(doc)))
    seen = [p.text.visible for p in doc.report.content[1:]]
    body = paragraphs[paragraphs.index("1.\tTarget.") + 1:]
    assert body[: len(seen)] == [v.text for v in seen]
    assert notes == [n.visible.text for v in seen for n in v.notes]


@pytest.mark.parametrize(("written", "shown"), [
    ("\tIndented by a tab", "Indented by a tab"),  # blanks at the ends go: the styles indent
    ("\u00a0\u3000 pasted blanks \u202f", "pasted blanks"),
    ("~kept~", "\u00a0kept\u00a0"),  # written as markup, a no-break space at an end stays
    ("a\tb", "a\tb"),  # inside a text a tab stays
    ("one  \n\t two", "one two"),  # a line break and the blanks around it are one space
])
def test_blanks_at_the_ends_and_inside(written, shown):
    """docs/outline.md, "Blanks": what is kept and what goes, as the built paragraph shows it."""
    doc = Document.model_validate({"kind": "report", "symbol": "CD/2102", "date": "2017-09-20",
                                   "report": {"title": "Report", "numbered_paragraphs": False,
                                              "content": ["Before.", written]}})
    paragraphs, _ = _shown(render_docx(localise(doc)))
    assert paragraphs[paragraphs.index("Before.") + 1] == shown


def test_a_grammar_phrase_keeps_its_leading_blank():
    doc = Document.model_validate({"kind": "letter", "symbol": "CD/2101", "date": "2017-09-15", "language": "ru",
                                   "letter": {"date": "2017-09-14", "sender": "Постоянного представителя",
                                              "transmits": "доклад", "phrases": {"transmitting": " с {object}"},
                                              "paragraphs": ["Текст."], "signatories": [{"name": "Н"}]}})
    assert localise(doc).title.endswith("Конференции с доклад"), "the blank joins the clause to the title"
