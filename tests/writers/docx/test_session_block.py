"""The lines under the masthead (§12), read back from the .docx with docx2python and python-docx: a General
Assembly document's session, agenda item and title in six languages; the provisional agenda's footnote; identical
letters' two columns; a preparatory committee's session, place and dates; a reissue's * and note."""

from __future__ import annotations

import re

import docx
import pytest
import yaml
from docx2python import docx2python

from tests.conftest import run_cli

NBSP = "\u00a0"

#: An issued General Assembly letter's facts (A/71/… 2016, item 99 (kk) of the provisional agenda A/71/150).
GA = {"kind": "letter", "symbol": "A/71/364", "agenda_item": "99 (kk)", "provisional_agenda": "A/71/150",
      "agenda_title": "Désarmement général et complet", "date": "2016-08-31", "job_number": "16-15050",
      "letter": {"date": "2016-08-30", "sender": "Sender", "transmits": "Object", "paragraphs": ["Text."],
                 "signatories": [{"name": "Name"}]}}
PHRASES = {"ru": {"transmitting": ", препровождающее {object}"}, "ar": {"transmitting": " يحيل بها {object}"}}

#: The session line and the agenda line each language prints (conventions data, sources in §12).
EXPECTED = {
    "en": ("Seventy-first session", "Item 99 (kk) of the provisional agenda*"),
    "fr": ("Soixante et onzième session", "Point 99 kk) de l’ordre du jour provisoire*"),
    "es": ("Septuagésimo primer período de sesiones", "Tema 99 kk) del programa provisional*"),
    "ru": ("Семьдесят первая сессия", "Пункт 99 (kk) предварительной повестки дня*"),
    "zh": ("第七十一届会议", "临时议程*项目99(kk)"),
    "ar": ("الدورة الحادية والسبعون", "البند 99 (kk) من جدول الأعمال المؤقت*"),
}


def _build(tmp_path, name: str, data: dict) -> docx.document.Document:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("build", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    return tmp_path / f"{name}.docx"


def _lines_before_title(path) -> list[tuple[str, bool]]:
    """The body paragraphs between the masthead and the title (HChG), with whether they are bold."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        if p.style is not None and p.style.style_id == "HChG":
            break
        if p.text.strip():
            out.append((p.text, all(r.bold for r in p.runs if r.text.strip() and r.text.strip("*"))))
    return out


def _footnotes(path) -> list[str]:
    """The footnotes' texts as docx2python reads them, its "footnoteN)" label taken off: "* A/71/150."."""
    with docx2python(path) as read:
        texts = ["".join(par) for table in read.footnotes for row in table for cell in row for par in cell]
    return [re.sub(r"^footnote\d+\)\s*", "", " ".join(t.split(" "))).replace("\t", " ").strip()
            for t in texts if t.strip()]


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_a_general_assembly_letter_prints_its_session_item_and_title_in_its_language(tmp_path, language):
    letter = dict(GA["letter"], **({"phrases": PHRASES[language]} if language in PHRASES else {}))
    path = _build(tmp_path, language, {**GA, "language": language, "letter": letter})
    session, item = EXPECTED[language]
    assert _lines_before_title(path) == [(session, False), (item, False), ("Désarmement général et complet", True)]
    assert "* A/71/150" + ("。" if language == "zh" else ".") in _footnotes(path)


def test_an_adopted_agenda_takes_no_footnote_and_several_items_their_plural(tmp_path):
    data = {**GA, "agenda_item": [37, 38], "agenda_title": ["The situation in the Middle East", "Question of "
                                                                                                 "Palestine"]}
    del data["provisional_agenda"]
    path = _build(tmp_path, "items", data)
    assert [text for text, _ in _lines_before_title(path)] == [
        "Seventy-first session", "Agenda items 37 and 38", "The situation in the Middle East", "Question of Palestine"]
    with docx2python(path) as read:
        assert "under agenda items 37 and 38." in read.text


def test_arabic_two_items_take_the_dual(tmp_path):
    data = {**GA, "language": "ar", "agenda_item": [7, 133], "letter": dict(GA["letter"], phrases=PHRASES["ar"])}
    del data["provisional_agenda"]
    assert _lines_before_title(_build(tmp_path, "dual", data))[1][0] == "البندان 7 و 133 من جدول الأعمال"


def test_a_first_committee_document_names_the_committee_under_the_session(tmp_path):
    data = {**GA, "symbol": "A/C.1/79/5", "date": "2024-10-01", "agenda_item": "98 (b)",
            "agenda_title": "General and complete disarmament: nuclear disarmament"}
    del data["provisional_agenda"]
    assert [t for t, _ in _lines_before_title(_build(tmp_path, "c1", data))] == [
        "Seventy-ninth session", "First Committee", "Agenda item 98 (b)",
        "General and complete disarmament: nuclear disarmament"]


def test_identical_letters_set_the_councils_year_beside_the_assemblys_session(tmp_path, built):
    path = built["ga-sc-letter-en"]
    table = docx.Document(str(path)).tables[1]  # the first is the masthead
    cells = [c.text.split("\n") for c in table.rows[0].cells]
    assert cells == [["General Assembly", "Seventy-ninth session"], ["Security Council", "Seventy-ninth year"]]
    lines = [t for t, _ in _lines_before_title(path)]
    assert lines[0] == "Items 97 and 98 of the provisional agenda*" and lines[1] == "General and complete disarmament"
    assert "* A/79/150." in _footnotes(path)


def test_a_preparatory_committee_prints_its_session_place_and_dates(built):
    assert _lines_before_title(built["npt-pc-wp-en"]) == [("Second session", False),
                                                          (f"Geneva, 22{NBSP}July–2{NBSP}August{NBSP}2024", False)]


def test_a_reissue_stars_the_symbol_and_the_job_number_not_the_title_nor_the_headers(built):
    path = built["npt-pc-wp-en"]
    with docx2python(path) as read:
        masthead = [p for row in read.body[0] for cell in row for p in cell if p.strip()]
        headers = [p for section in read.header for row in section for cell in row for p in cell if p.strip()]
    assert any(p.startswith("NPT/CONF.2026/PC.II/WP.31") and p.endswith("*") for p in masthead), masthead
    assert headers and all("*" not in h for h in headers), headers
    document = docx.Document(str(path))
    footer = document.sections[0].first_page_footer
    assert "GE.24-12210* (E)" in [p.text for t in footer.tables for c in t.rows[0].cells for p in c.paragraphs]
    title = next(p for p in document.paragraphs if p.style.style_id == "HChG")
    assert "*" not in title.text
    assert f"* Reissued for technical reasons on 12{NBSP}July{NBSP}2024." in _footnotes(path)
