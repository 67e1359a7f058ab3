"""Every body in every language: a letter built with the body's example symbol, read back with docx2python
(an independent reader), shows the body's name in the masthead, "United Nations" where its documents carry it,
the body's addressee in the title and its wording in the request for circulation."""

from __future__ import annotations

import pytest
import yaml
from docx2python import docx2python

from cddraft.conventions import load_conventions
from cddraft.conventions.bodies import bodies, body_of
from cddraft.languages import LANGUAGES
from tests.conftest import run_cli

#: The grammar pieces Russian and Arabic titles need (their verbs agree with the sender).
PHRASES = {"ru": {"transmitting": ", препровождающее {object}"}, "ar": {"transmitting": " يحيل بها {object}"}}


def _letter(tmp_path, symbol: str, language: str, *, signatories: int = 1, **extra) -> dict:
    letter = {"date": "2024-02-10", "sender": "Sender", "transmits": "Object", "paragraphs": ["Text."],
              "signatories": [{"name": f"Name {n}"} for n in range(signatories)]}
    if language in PHRASES:
        letter["phrases"] = PHRASES[language]
    data = {"kind": "letter", "symbol": symbol, "language": language, "date": "2024-02-12", "letter": letter,
            "annexes": [{"content": ["Annexed."]}], **extra}
    path = tmp_path / f"{language}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("build", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    with docx2python(tmp_path / f"{language}.docx") as read:
        masthead = [p for row in read.body[0] for cell in row for p in cell if p.strip()]
        paragraphs = [p for table in read.body[1:] for row in table for cell in row for p in cell if p.strip()]
    title = next(i for i, p in enumerate(paragraphs) if p.startswith("\t\t"))  # the lines under the masthead first
    return {"masthead": masthead, "session": paragraphs[:title], "paragraphs": paragraphs[title:]}


@pytest.mark.parametrize("code", sorted(bodies()))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_masthead_title_and_request_of_each_body(tmp_path, code, language):
    body = bodies()[code]
    symbol = body.example
    strings, conv = load_conventions(language).bodies[code], load_conventions(language)
    extra = {"agenda_item": "99"} if body.agenda_item else {}
    shown = _letter(tmp_path, symbol, language, **extra)
    name = strings.name.format(**body_of(symbol).fields).split("\n")  # type: ignore[union-attr]
    assert [line for line in name if line in shown["masthead"]] == name, shown["masthead"]
    assert (conv.masthead.united_nations in shown["masthead"]) == body.united_nations
    title, request = shown["paragraphs"][0], shown["paragraphs"][2]
    assert strings.addressee in title
    assert strings.document.format(item="99") in request
    assert conv.letter.signed.format(name="Name 0") in shown["paragraphs"], "the signature block"


def test_a_security_council_letter_in_english_and_russian(tmp_path):
    en = _letter(tmp_path, "S/2024/105", "en")
    assert en["masthead"][:2] == ["United Nations", "S/2024/105"] and "Security Council" in en["masthead"]
    assert "Distr.: General" in en["masthead"]
    assert en["paragraphs"][0].endswith("addressed to the President of the Security Council transmitting Object")
    assert en["paragraphs"][2] == ("I would be grateful if the present letter and its annex could be circulated as "
                                   "a document of the Security Council.")
    ru = _letter(tmp_path, "S/2024/105", "ru", original_language="en")
    assert "Организация Объединенных Наций" in ru["masthead"] and "Совет Безопасности" in ru["masthead"]
    assert "на имя Председателя Совета Безопасности" in ru["paragraphs"][0]


def test_identical_letters_to_the_assembly_and_the_council_under_an_agenda_item(tmp_path):
    shown = _letter(tmp_path, "A/78/123–S/2023/456", "en", agenda_item="99", signatories=2)
    assert "General Assembly" in shown["masthead"] and "Security Council" in shown["masthead"]
    assert shown["paragraphs"][2] == ("We would be grateful if the present letter and its annex could be circulated "
                                      "as a document of the General Assembly, under agenda item 99, and of the "
                                      "Security Council.")


def test_two_original_languages(tmp_path):
    en = _letter(tmp_path, "CD/2101", "en", original_language=["zh", "ru"])
    assert "Original: Chinese and Russian" in en["masthead"] and "English" in en["masthead"], en["masthead"]
    fr = _letter(tmp_path, "CD/2101", "fr", original_language=["zh", "ru"])
    assert "Original\u00a0: chinois et russe" in fr["masthead"]
