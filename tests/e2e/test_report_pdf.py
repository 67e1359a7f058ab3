"""Reports as a reader sees them: numbering, subparagraphs and footnotes in LibreOffice's PDF."""

from __future__ import annotations

import re

import pytest
import yaml

from cddraft.model.inline import Footnote, Span, parse
from tests.conftest import EXAMPLES, pdf_pages

NUMBERED_LINE = re.compile(r"^[ \t]*(\d{1,3})\.[ \t]+\S", re.M)  # on pdftotext -layout lines


def _body_text(pages: list[str]) -> str:
    return "\n".join(pages)


def test_standalone_report_numbers_paragraphs_without_gaps(pdfs):
    text = _body_text(pdf_pages(pdfs["cd-report-en"], layout=True))
    numbers = [int(n) for n in NUMBERED_LINE.findall(text)]
    paragraphs = [n for n in numbers if n < 100]
    assert paragraphs == list(range(1, max(paragraphs) + 1)), paragraphs
    assert max(paragraphs) >= 14


def test_standalone_report_shows_heading_numbers_and_subparagraphs(pdfs):
    text = _body_text(pdf_pages(pdfs["cd-report-en"], layout=True))
    for chapter in ("I.", "II.", "III.", "IV."):
        assert re.search(rf"^[ \t]*{re.escape(chapter)}[ \t]+[A-Z]", text, re.M), chapter
    assert re.search(r"^[ \t]*A\.[ \t]+[A-Z]", text, re.M) and re.search(r"^[ \t]*B\.[ \t]+[A-Z]", text, re.M)
    for marker in ("(a)", "(b)", "(c)", "(i)", "(ii)"):
        assert re.search(rf"^[ \t]*{re.escape(marker)}[ \t]+\S", text, re.M), marker


def _notes_with_context(outline) -> list[tuple[str, str]]:
    """(words just before each footnote call, the note's first words) from the outline's text."""
    found = []

    def visit(node):
        if isinstance(node, str):
            spans = parse(node)
            for i, s in enumerate(spans):
                if isinstance(s, Footnote):
                    before = "".join(x.text for x in spans[:i] if isinstance(x, Span)).split()[-3:]
                    note = "".join(x.text for x in s.content if isinstance(x, Span)).split()[:4]
                    found.append((" ".join(before), " ".join(note)))
        elif isinstance(node, dict):
            for v in node.values():
                visit(v)
        elif isinstance(node, list):
            for v in node:
                visit(v)

    visit(outline)
    return found


def test_footnotes_sit_at_the_bottom_of_the_page_that_calls_them(pdfs):
    outline = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    notes = _notes_with_context(outline)
    assert len(notes) >= 3
    pages = [re.sub(r"\s+", " ", p) for p in pdf_pages(pdfs["cd-report-en"], layout=True)]
    for before, note in notes:
        where_note = [i for i, p in enumerate(pages) if note in p]
        assert where_note, f"footnote text {note!r} not rendered"
        page = pages[where_note[0]]
        assert before in page, f"the call ({before!r}) is not on the page of its note {note!r}"
        # the note is below the call on that page
        assert page.rindex(note) > page.index(before)


def test_letter_paragraphs_are_not_numbered(pdfs):
    page1 = pdf_pages(pdfs["cd-way-ahead-en"], layout=True)[0]
    assert not NUMBERED_LINE.search(page1)


def test_seed_report_has_its_four_headings_in_order_and_the_approaches_numbered_in_their_paragraph(pdfs):
    text = re.sub(r"\s+", " ", _body_text(pdf_pages(pdfs["cd-way-ahead-en"])))
    headings = ["General exchange of views", "Approaches to nuclear disarmament",
                "Steps towards nuclear disarmament", "The way ahead"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    approaches = text[positions[1]:positions[2]]
    assert re.search(r"\(1\) .*\(2\) .*\(3\) ", approaches)  # as the issued text runs them (seed-zh.txt)
    assert not NUMBERED_LINE.search("\n".join(pdf_pages(pdfs["cd-way-ahead-en"], layout=True)[1:]))


@pytest.mark.parametrize("stem", ["cd-report-en", "cd-way-ahead-en"])
def test_examples_render_in_libreoffice(pdfs, stem):
    assert len(pdf_pages(pdfs[stem])) >= 2
