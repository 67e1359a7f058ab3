"""What page 1 prints under the masthead, read off LibreOffice's PDF with pdftotext (§12): the session, the agenda
item and its title in each language; identical letters' Assembly and Council columns side by side; a
preparatory committee's session, place and dates; a reissue's * on the symbol and its note at the foot of page 1,
called by the symbol alone."""

from __future__ import annotations

import re

import pytest
import yaml

from cddraft.export import convert_to_pdf
from tests.conftest import pdf_pages, require_libreoffice, run_cli

LETTER = {"kind": "letter", "symbol": "A/71/364", "agenda_item": "99 (kk)", "provisional_agenda": "A/71/150",
          "date": "2016-08-31", "job_number": "16-15050",
          "letter": {"date": "2016-08-30", "sender": "Sender", "transmits": "Object", "paragraphs": ["Text."],
                     "signatories": [{"name": "Name"}]}}
TITLES = {"en": "General and complete disarmament", "fr": "Désarmement général et complet",
          "ru": "Всеобщее и полное разоружение", "ar": "نزع السلاح العام الكامل", "zh": "全面彻底裁军"}
PHRASES = {"ru": {"transmitting": ", препровождающее {object}"}, "ar": {"transmitting": " يحيل بها {object}"}}
#: Words of the session line and the agenda line, as pdftotext gives them (Arabic: in visual order, by word).
LINES = {
    "en": ["Seventy-first session", "Item 99 (kk) of the provisional agenda"],
    "fr": ["Soixante et onzième session", "Point 99 kk) de l’ordre du jour provisoire"],
    "ru": ["Семьдесят первая сессия", "Пункт 99 (kk) предварительной повестки дня"],
    "zh": ["第七十一届会议", "临时议程"],
    "ar": ["الدورة", "الحادية", "والسبعون", "المؤقت"],
}


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict[str, str]:
    """Page 1 of a General Assembly letter in five languages, as pdftotext reads it."""
    require_libreoffice()
    tmp = tmp_path_factory.mktemp("session")
    paths = []
    for language, title in TITLES.items():
        letter = dict(LETTER["letter"], **({"phrases": PHRASES[language]} if language in PHRASES else {}))
        data = {**LETTER, "language": language, "agenda_title": title, "letter": letter}
        outline = tmp / f"ga-{language}.yaml"
        outline.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert run_cli("build", str(outline), "-o", str(tmp)).exit_code == 0
        paths.append(tmp / f"ga-{language}.docx")
    pdfs = convert_to_pdf(paths, tmp / "pdf")
    # pdftotext marks right-to-left stretches with Unicode's directional controls: not text, taken off
    return {language: re.sub("[\u202a-\u202e\u2066-\u2069]", "", pdf_pages(pdf)[0])
            for language, pdf in zip(TITLES, pdfs, strict=True)}


@pytest.mark.parametrize("language", sorted(TITLES))
def test_the_session_item_and_title_are_printed_under_the_masthead_before_the_title(letters, language):
    page = " ".join(letters[language].split())
    for words in LINES[language]:
        assert words in page, (words, page[:600])
    title = " ".join(TITLES[language].split())
    if language != "ar":  # pdftotext gives Arabic in visual order: checked by its words above
        assert page.index(LINES[language][0]) < page.index(title), "the session comes before the item's title"
    assert re.search(r"\*\s*\.?A/71/150", page), "the provisional agenda's symbol in the footnote the * calls"


def test_identical_letters_print_the_assembly_and_council_side_by_side(pdfs):
    lines = pdf_pages(pdfs["ga-sc-letter-en"], layout=True)[0].splitlines()
    assert any(re.search(r"General Assembly\s{3,}Security Council", ln) for ln in lines)
    assert any(re.search(r"Seventy-ninth session\s{3,}Seventy-ninth year", ln) for ln in lines)


def test_a_reissued_working_paper_prints_its_session_and_the_note_of_the_reissue(pdfs):
    pages = pdf_pages(pdfs["npt-pc-wp-en"], layout=True)
    first = " ".join(pages[0].split())
    assert "Second session Geneva, 22 July–2 August 2024" in first.replace("\u00a0", " ")
    assert re.search(r"NPT/CONF\.2026/PC\.II/WP\.31\s*\*", first), "the symbol takes its *"
    assert re.search(r"\*\s*Reissued for technical reasons on 12.July.2024\.", first)
    assert "GE.24-12210* (E)" in first
    title = "Transparency and reporting on nuclear disarmament"
    assert not re.search(re.escape(title) + r"[^—]*\*", first), "the title takes no *"
    for page in pages[1:]:
        assert "*" not in page.splitlines()[0], "the running header has no *"
