"""What a reader sees: the English letter rendered by LibreOffice and read with pdftotext."""

from __future__ import annotations

import re

from tests.conftest import pdf_pages


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_page_one_holds_the_masthead_title_signature_and_job_number(pdfs):
    page1 = _flat(pdf_pages(pdfs["cd-way-ahead-en"])[0])
    for expected in ("CD/2101", "Conference on Disarmament", "Original: English",
                     "Letter dated 14 September 2017 from the Permanent Representative", "(Signed) Htin Lynn",
                     "GE.17-16166 (E)", "*1716166*", "Please recycle"):
        assert expected in page1, expected


def test_page_two_starts_with_the_symbol_and_page_one_has_no_running_header(pdfs):
    pages = pdf_pages(pdfs["cd-way-ahead-en"])
    assert len(pages) >= 2
    assert pages[1].lstrip().startswith("CD/2101")
    assert pages[0].count("CD/2101") == 1, "page 1: the symbol appears once, in the masthead"


def test_first_page_footer_only_on_page_one(pdfs):
    pages = pdf_pages(pdfs["cd-way-ahead-en"])
    assert all("GE.17-16166" not in p for p in pages[1:])
    assert "2" in pages[1].split()[-3:], "page 2 shows its page number"


def test_letter_paragraphs_share_the_body_indent(pdfs):
    """Every letter paragraph starts at the same indent (a floating masthead once shifted the first)."""
    from tests.conftest import pdf_pages as pages_of

    page1 = pages_of(pdfs["cd-way-ahead-en"], layout=True)[0].splitlines()
    first = next(ln for ln in page1 if "I have the honour" in ln)
    second = next(ln for ln in page1 if "I would be grateful" in ln)
    indent = [len(ln) - len(ln.lstrip()) for ln in (first, second)]
    assert abs(indent[0] - indent[1]) <= 3, indent  # layout text rounds positions to columns
