"""Tables as LibreOffice prints them (issue 27), read off the PDF with poppler (pdftotext, its -bbox, pdfinfo).

A report in English with a table of sixty rows (its head row must come again at the top of the next page), a table
whose cells call notes a and b followed by a paragraph with the document's first footnote, and a landscape table;
the same first table in French (numbers in the French form) and in Arabic (mirrored: the stub at the right).
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from cddraft.export import convert_to_pdf
from tests.conftest import pdf_pages, require_libreoffice, run_cli

FIGURES = """\
    - table: "{title}"
      head: ["{group}", "2024", "2025"]
      rows:
        - ["{row1}", "12", "1234.5"]
        - ["{row2}^[{note_a}]", "-12", "62287400"]
        - ["{row3}", "30^[{note_b}]", "0.005"]
        - {{cells: ["{total}", "30", "62288634.5"], total: true}}
      source: "{source}"
"""
HEAD = """\
kind: report
symbol: CD/2200
language: {language}
date: 2026-03-01
job_number: GE.26-01234
report:
  title: "{report}"
  content:
"""
LONG = "".join(f"        - [Delegation number {n} of the long table, \"{n * 3}\", \"{n + 7}\"]\n" for n in range(1, 61))
ENGLISH = (
    HEAD
    + FIGURES
    + """\
    - Text calling kilo.^[Note kilo text.]
    - table: A long table
      head: [Delegation, Members, Meetings]
      rows:
"""
    + LONG
    + """\
    - Text before the wide table.
    - table: A wide table
      width: landscape
      head: [State, Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]
      rows:
        - [Algeria, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
      note: Monthly figures.
    - Text after the wide table.
"""
)
TEXTS = {
    "en": dict(report="Figures", title="Participants", group="Group", row1="African Group", row2="Western Group",
               row3="Group of 21", note_a="Includes observers.", note_b="Provisional.", total="Total",
               source="Secretariat."),
    "fr": dict(report="Chiffres", title="Participants", group="Groupe", row1="Groupe africain",
               row2="Groupe occidental", row3="Groupe des 21", note_a="Observateurs compris.", note_b="Provisoire.",
               total="Total", source="Secrétariat."),
    "ar": dict(report="الأرقام", title="المشاركون", group="المجموعة", row1="المجموعة الأفريقية",
               row2="المجموعة الغربية", row3="مجموعة الـ 21", note_a="بما في ذلك المراقبون.", note_b="مؤقت.",
               total="المجموع", source="الأمانة."),
}
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    require_libreoffice()
    tmp = tmp_path_factory.mktemp("tables-pdf")
    outlines = {}
    for language, texts in TEXTS.items():
        text = (ENGLISH if language == "en" else HEAD + FIGURES).format(language=language, **texts)
        outlines[language] = tmp / f"tables-{language}.yaml"
        outlines[language].write_text(text, encoding="utf-8")
    result = run_cli("build", *map(str, outlines.values()), "-o", str(tmp))
    assert result.exit_code == 0, result.output
    paths = convert_to_pdf([tmp / f"tables-{language}.docx" for language in TEXTS], tmp)
    return dict(zip(TEXTS, paths, strict=True))


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in _WORD.findall(out)]


def _page_size(pdf: Path, page: int) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    found = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", out)
    assert found, out
    return float(found.group(1)), float(found.group(2))


def test_the_head_row_comes_again_at_the_top_of_the_next_page(pdfs):
    pages = pdf_pages(pdfs["en"], layout=True)
    holding = [n for n, text in enumerate(pages) if "of the long table" in text]
    assert len(holding) >= 2, "the long table runs over a page"
    for n in holding:
        lines = [line.split() for line in pages[n].splitlines() if line.strip()]
        first_row = next(i for i, line in enumerate(lines) if line[:2] == ["Delegation", "number"])
        assert lines[first_row - 1] == ["Delegation", "Members", "Meetings"], pages[n]
    continued = pages[holding[1]].split()
    assert continued.index("Meetings") < continued.index("number"), "the head is above the first row continued"


def test_the_landscape_table_is_on_a_landscape_page(pdfs):
    pages = pdf_pages(pdfs["en"])
    wide = next(n for n, text in enumerate(pages, 1) if "A wide table" in text)
    width, height = _page_size(pdfs["en"], wide)
    assert width > height, "the page is turned sideways"
    assert "Monthly figures." in pages[wide - 1]
    before, after = _page_size(pdfs["en"], wide - 1), _page_size(pdfs["en"], wide + 1)
    assert before[0] < before[1] and after[0] < after[1], "the text before and after stays upright"
    assert "Text after the wide table." in pages[wide]
    assert "A wide table" not in pages[wide - 2], "the landscape table starts a page of its own"


def test_numbers_print_in_the_language_s_form(pdfs):
    english = pdf_pages(pdfs["en"])[0].replace("\u00a0", " ")
    french = pdf_pages(pdfs["fr"])[0].replace("\u00a0", " ")
    assert "1 234.5" in english and "62 287 400" in english and "(12)" in english
    assert "1 234,5" in french and "0,005" in french and "62 288 634,5" in french


def test_the_arabic_table_has_its_stub_at_the_right(pdfs):
    words = _words(pdfs["ar"], 1)
    twelve = next(w for w in words if w[4] == "12")
    line = [w for w in words if abs(w[1] - twelve[1]) < 3]
    arabic = [w for w in line if re.search("[\u0600-\u06ff\ufb50-\ufeff]", w[4])]
    assert arabic and min(a[0] for a in arabic) > twelve[2], "the stub stands right of the figures"
    figure = next(w for w in line if w[4].endswith(",5"))
    assert figure[2] < twelve[0], "the second figure column stands left of the first"
    # numbers aligned at their right: the 2025 column's figures end where the column's other figures end
    ends = [w[2] for w in words if w[4] in ("234,5", "400", "0,005", "634,5")]
    assert len(ends) == 4 and max(ends) - min(ends) < 1.5, ends


def _letter_before(words: list[tuple[float, float, float, float, str]], word: str) -> str:
    """The raised word printed on ``word``'s line just before it (a note's letter, a call's number)."""
    at = next(w for w in words if w[4] == word)
    near = [w for w in words if w[3] - w[1] < at[3] - at[1] and abs(w[1] - at[1]) < 5 and w[2] <= at[0] + 1]
    return max(near, key=lambda w: w[2])[4] if near else ""


def test_table_notes_are_lettered_under_the_table_and_leave_the_footnotes_alone(pdfs):
    page = pdf_pages(pdfs["en"], layout=True)[0]
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    total = next(i for i, line in enumerate(lines) if line.startswith("Total"))
    assert lines[total + 1] == "Source: Secretariat."
    words = _words(pdfs["en"], 1)
    total_y = next(w for w in words if w[4] == "Total")[1]
    assert _letter_before(words, "Includes") == "a" and _letter_before(words, "Provisional.") == "b"
    assert total_y < next(w for w in words if w[4] == "Includes")[1] < next(w for w in words if w[4] == "kilo.")[1]
    # the document's first footnote, after the table, is 1: the table's notes take no number
    kilo = next(w for w in words if w[4] == "kilo.")
    call = [w for w in words if w[4].isdigit() and abs(w[1] - kilo[1]) < 4 and w[0] >= kilo[2] - 1]
    assert call and call[0][4] == "1", call
    assert _letter_before(words, "Note") == "1"
