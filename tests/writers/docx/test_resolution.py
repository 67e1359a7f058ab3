"""A draft resolution and a decision as Word shows them (issue 29), read back with python-docx and docx2python:
the sponsors' line above the title, the organ's formula, the opening words of each paragraph set as each language
sets them — italic in English, French, Spanish and Russian, bold in Chinese, bold italic in Arabic (the UN's own
Akoma Ntoso files of A/RES/79/75 in the six languages) — the operative numbers ("1.", Arabic "1 -") and
subparagraph letters, the last paragraph's full stop, and an adopted text's meeting and date at its end."""

from __future__ import annotations

import docx
import pytest
import yaml
from docx2python import docx2python

from tests.conftest import EXAMPLES, audit_errors, run_cli

NBSP = "\u00a0"

#: Per language: the organ's formula as issued, the opener's (bold, italic), the first operative number, the
#: sponsors' line of two sponsors, the first subparagraph's marker (A/RES/79/75 in each language; §13).
EXPECTED = {
    "en": ("The General Assembly", (False, True), "1.", "Argentina and Austria: draft resolution", "(a)"),
    "fr": ("L’Assemblée générale", (False, True), "1.", f"Argentine et Autriche{NBSP}: projet de résolution", "a)"),
    "es": ("La Asamblea General", (False, True), "1.", "Argentina y Austria: proyecto de resolución", "a)"),
    "ru": ("Генеральная Ассамблея", (False, True), "1.", "Аргентина и Австрия: проект резолюции", "a)"),
    "zh": ("大会", (True, False), "1.", "阿根廷和奥地利：决议草案", "(a)"),
    "ar": ("إن الجمعية العامة", (True, True), "1 -", "الأرجنتين والنمسا: مشروع قرار", "(أ)"),
}
SPONSORS = {"en": ["Argentina", "Austria"], "fr": ["Argentine", "Autriche"], "es": ["Argentina", "Austria"],
            "ru": ["Аргентина", "Австрия"], "zh": ["阿根廷", "奥地利"], "ar": ["الأرجنتين", "النمسا"]}
#: The opening words and the rest of a paragraph, in each language (A/RES/79/75).
OPENERS = {"en": ("Recalling", "Decides"), "fr": ("Rappelant", "Décide"), "es": ("Recordando", "Decide"),
           "ru": ("ссылаясь", "постановляет"), "zh": ("回顾", "决定"), "ar": ("إذ تشير", "تقرر")}
ENDS = {"en": (",", ";", "."), "fr": (",", f"{NBSP};", "."), "es": (",", ";", "."), "ru": (",", ";", "."),
        "zh": ("，", "；", "。"), "ar": ("،", "؛", ".")}


def _outline(language: str) -> dict:
    pre, op = OPENERS[language]
    comma, semicolon, stop = ENDS[language]
    return {"kind": "resolution", "symbol": "A/C.1/79/L.23", "language": language, "original_language": "en",
            "date": "2024-10-09", "job_number": "24-18321",
            "resolution": {"sponsors": SPONSORS[language], "title": "Title",
                           "preamble": [f"*{pre}* text{comma}"],
                           "operative": [{"text": f"*{op}* text:", "items": [f"text{semicolon}", f"text{semicolon}"]},
                                         f"*{op}* text{stop}"]}}


def _build(tmp_path, name: str, data: dict):
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("build", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    return tmp_path / f"{name}.docx"


def _body(path) -> list:
    """The paragraphs after the masthead's table, empty ones left out."""
    return [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_formula_openers_numbers_and_sponsors_read_back_in_each_language(tmp_path, language):
    organ, (bold, italic), number, sponsors, marker = EXPECTED[language]
    paragraphs = _body(_build(tmp_path, language, _outline(language)))
    texts = [p.text for p in paragraphs]
    assert sponsors in texts
    assert texts.index(sponsors) < next(i for i, t in enumerate(texts) if t.strip() == "Title")
    formula = next(p for p in paragraphs if p.text.startswith(organ))
    first = formula.runs[0]
    assert first.text == organ and (bool(first.bold), bool(first.italic)) == (bold, italic)
    assert formula.text == organ + ENDS[language][0]  # the formula ends with the language's comma, set roman
    assert not formula.runs[-1].italic
    pre, op = OPENERS[language]
    preamble = next(p for p in paragraphs if pre in p.text)
    opener = next(r for r in preamble.runs if r.text.strip())
    assert opener.text == pre and (bool(opener.bold), bool(opener.italic)) == (bold, italic)
    rest = [r for r in preamble.runs if r.text.strip() and r.text != pre]
    assert rest and not any(r.italic or r.bold for r in rest), "only the opening words are emphasised"
    operative = [p for p in paragraphs if op in p.text]
    assert [p.text.split("\t")[0] for p in operative] == [number, number.replace("1", "2")]
    verb = next(r for r in operative[0].runs if r.text.strip() == op)
    assert (bool(verb.bold), bool(verb.italic)) == (bold, italic)
    items = [p.text for p in paragraphs if p.text.split("\t")[0] in (marker, marker.replace("a", "b"))]
    assert len(items) == 2 or language == "ar"
    assert operative[-1].text.endswith(ENDS[language][2])


def test_the_arabic_subparagraphs_are_lettered_in_the_abjad_order(tmp_path):
    paragraphs = _body(_build(tmp_path, "ar", _outline("ar")))
    assert [p.text.split("\t")[0] for p in paragraphs if p.text.startswith("(")] == ["(أ)", "(ب)"]


def test_a_revision_says_revised_draft_resolution(tmp_path):
    data = _outline("en") | {"symbol": "A/C.1/79/L.23/Rev.1"}
    texts = [p.text for p in _body(_build(tmp_path, "rev", data))]
    assert "Argentina and Austria: revised draft resolution" in texts


def test_a_draft_submitted_by_the_chair_says_so(tmp_path):
    data = _outline("en")
    data["kind"] = "decision"
    data["resolution"] = {**data["resolution"], "submitted_by": "the Chair of the Committee"}
    del data["resolution"]["sponsors"]
    texts = [p.text for p in _body(_build(tmp_path, "chair", data))]
    assert "Draft decision submitted by the Chair of the Committee" in texts


def test_the_draft_is_of_limited_distribution_and_the_example_validates(tmp_path):
    out = tmp_path / "ex"
    assert run_cli("build", str(EXAMPLES["c1-ccw-draft-en"]), "-o", str(out)).exit_code == 0
    path = out / "c1-ccw-draft-en.docx"
    with docx2python(path) as read:
        masthead = " ".join(read.text.split()[:40])
    assert "Distr.: Limited" in masthead
    assert audit_errors(path) == []


def test_an_adopted_assembly_resolution_has_its_heading_number_and_meeting(tmp_path):
    data = _outline("en") | {"symbol": "A/RES/79/75"}
    res = {k: v for k, v in data["resolution"].items() if k != "sponsors"}
    data["resolution"] = res | {"number": "79/75", "adopted": {
        "date": "2024-12-02", "meeting": 44, "on_report_of": "the First Committee (A/79/412, para. 7)"}}
    texts = [p.text.strip() for p in _body(_build(tmp_path, "adopted", data))]
    heading = texts.index("Resolution adopted by the General Assembly on 2\u00a0December\u00a02024")
    assert texts[heading + 1:heading + 3] == ["[on the report of the First Committee (A/79/412, para. 7)]",
                                              "79/75. Title"]
    assert texts[-2:] == ["44th plenary meeting", f"2{NBSP}December{NBSP}2024"]
