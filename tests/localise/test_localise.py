"""Localisation: numbering markers, signature order, phrases — from validated documents to final strings."""

from __future__ import annotations

import pytest

from cddraft.conventions import load_conventions
from cddraft.localise import localise
from cddraft.localise.numbering import letters, marker, roman
from cddraft.localise.types import Heading, Para, Signatures
from cddraft.model.document import Document
from cddraft.model.inline import Span


def _letter(**over):
    data = {
        "kind": "letter", "symbol": "CD/2101", "date": "2017-09-15", "language": "en",
        "letter": {"date": "2017-09-14", "sender": "the Permanent Representative of X",
                   "transmits": "the report", "paragraphs": ["Text."],
                   "signatories": [{"name": "A", "country": "Zambia"}, {"name": "B", "country": "Austria"}]},
    }
    for key, value in over.items():
        if key in data["letter"] or key in ("phrases", "signatory_order", "addressee"):
            data["letter"][key] = value
        else:
            data[key] = value
    return Document.model_validate(data)


def test_roman_and_letters():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [letters(n) for n in (1, 26, 27)] == ["A", "Z", "AA"]


@pytest.mark.parametrize(("code", "template_index", "n", "expected"), [
    ("en", 3, 2, "(b)"), ("fr", 3, 2, "b)"), ("ar", 0, 2, "ثانيا -"), ("ar", 1, 1, "ألف -"),
    ("zh", 0, 3, "三."), ("en", 0, 4, "IV."),
])
def test_heading_markers(code, template_index, n, expected):
    conv = load_conventions(code)
    assert marker(conv.numbering.headings[template_index], n, conv) == expected


def test_arabic_paragraph_number_form():
    conv = load_conventions("ar")
    assert marker(conv.numbering.paragraph, 4, conv) == "4 -"


def test_signatories_keep_the_outlines_order_unless_asked_to_sort_by_country():
    """A joint letter signs in the senders' order; ``signatory_order: by_country`` sorts by the English name."""
    def first_lines(doc):
        return [lines[0] for lines in next(b for b in localise(doc).blocks if isinstance(b, Signatures)).blocks]

    assert first_lines(_letter()) == ["(Signed) A", "(Signed) B"]
    assert first_lines(_letter(signatory_order="by_country")) == ["(Signed) B", "(Signed) A"]


def test_french_signature_puts_titles_first():
    doc = _letter(language="fr", signatories=[{"name": "N", "titles": ["Ambassadeur"]}])
    sig = next(b for b in localise(doc).blocks if isinstance(b, Signatures))
    assert sig.blocks == [["Ambassadeur", "(Signé) N"]]


def test_given_phrase_is_used_verbatim():
    loc = localise(_letter(language="ru", phrases={"transmitting": ", препровождающее {object}"}))
    assert loc.title.endswith(", препровождающее the report")


def test_annexes_get_roman_numbers_when_several_and_the_original_note():
    doc = _letter(original_language="fr", annexes=[{"content": ["a"]}, {"content": ["b"], "original_language": "en"}])
    heads = [b for b in localise(doc).blocks if isinstance(b, Heading) and b.page_break]
    assert ["".join(s.text for s in h.spans if isinstance(s, Span)) for h in heads] == ["Annex I", "Annex II"]
    notes = [b for b in localise(doc).blocks if isinstance(b, Para) and b.role == "note"]
    # the letter is a French original: only the annex submitted in English says so (§1.1)
    assert [n.spans[0].text for n in notes] == ["[Original: English]"]


def test_no_original_note_when_the_annex_shares_the_documents_original():
    """The seed: the Chinese version of an English letter with an English annex has no "[原件：英文]"."""
    doc = _letter(language="zh", original_language="en", phrases={}, annexes=[{"content": ["a"]}])
    assert not [b for b in localise(doc).blocks if isinstance(b, Para) and b.role == "note"]


def test_masthead_original_line_and_no_version_line_in_the_original_language():
    loc = localise(_letter(language="fr", original_language="fr", phrases={}))
    assert loc.masthead.lines == ["15\u00a0septembre\u00a02017", "Original\u00a0: français"]


def test_a_note_verbales_closing_follows_the_request_for_circulation():
    """The complimentary close ends a note verbale; the request for circulation comes before it."""
    doc = Document.model_validate({
        "kind": "note-verbale", "symbol": "CD/2102", "date": "2017-09-15", "language": "fr",
        "letter": {"date": "2017-09-14", "sender": "la Mission permanente du Myanmar", "paragraphs": ["Texte."],
                   "closing": "La Mission permanente saisit cette occasion pour renouveler les assurances de sa "
                              "très haute considération."}})
    texts = ["".join(s.text for s in b.spans if isinstance(s, Span)) for b in localise(doc).blocks
             if isinstance(b, Para)]
    assert texts[0] == "Texte."
    assert texts[1].startswith("La Mission permanente serait reconnaissante")  # conventions, fr (I §5.3)
    assert texts[2].startswith("La Mission permanente saisit cette occasion") and len(texts) == 3


def test_a_chinese_note_verbale_has_no_letter_closing():
    """此致 / 敬礼 close a Chinese letter; a note verbale ends with its own 顺致…敬意 formula."""
    def texts(kind: str) -> list[str]:
        letter = {"date": "2017-09-14", "sender": "中华人民共和国常驻代表团", "paragraphs": ["正文。"]}
        if kind == "letter":
            letter["signatories"] = [{"name": "李松"}]
        doc = Document.model_validate({"kind": kind, "symbol": "CD/2102", "date": "2017-09-15", "language": "zh",
                                       "letter": letter})
        return ["".join(s.text for s in b.spans if isinstance(s, Span)) for b in localise(doc).blocks
                if isinstance(b, Para)]
    assert texts("letter")[-2:] == ["此致", "敬礼"]
    assert "此致" not in texts("note-verbale")


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("fr", "le Président du Conseil de sécurité", "adressée au Président du Conseil de sécurité par"),
    ("fr", "la Présidente du Conseil de sécurité", "adressée à la Présidente du Conseil de sécurité par"),
    ("fr", "l'Envoyée spéciale", "adressée à l'Envoyée spéciale par"),
    ("fr", "au Président de la Conférence", "adressée au Président de la Conférence par"),
    ("es", "el Presidente del Consejo de Seguridad", "dirigida al Presidente del Consejo de Seguridad por"),
    ("es", "la Presidenta del Consejo de Seguridad", "dirigida a la Presidenta del Consejo de Seguridad por"),
])
def test_an_addressee_typed_with_its_bare_article_is_contracted(language, typed, printed):
    """French and Spanish titles join the addressee with a preposition: le → au, el → al (§12)."""
    assert printed in localise(_letter(language=language, addressee=typed, phrases={})).title


def test_a_russian_sender_that_closes_its_clause_reads_as_issued_titles_do():
    sender = "Председателя Комитета Совета Безопасности, созданного резолюцией 1540 (2004),"
    doc = _letter(language="ru", sender=sender, phrases={"transmitting": ", препровождающее {object}"})
    assert "резолюцией 1540 (2004), от 14\u00a0сентября\u00a02017\u00a0года" in localise(doc).title


@pytest.mark.parametrize(("language", "held"), [("fr", True), ("ru", True), ("en", False)])
def test_a_number_grouped_with_spaces_is_not_broken_where_the_language_groups_so(language, held):
    """French and Russian group digits with a space (CLDR): typed "10 000" prints with a no-break space."""
    doc = _letter(language=language, letter={"date": "2017-09-14", "sender": "S", "phrases": {
        "transmitting": ", препровождающее {object}"}, "paragraphs": ["Il y a 10 000 personnes, en 2017."],
        "signatories": [{"name": "N"}]})
    text = next(b for b in localise(doc).blocks if isinstance(b, Para)).spans[0].text
    assert ("10\u00a0000" in text) == held and ("10 000" in text) != held
    assert "en 2017." in text, "a year is not a group"
