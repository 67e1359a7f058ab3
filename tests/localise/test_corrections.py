"""The corrections between two versions, as ``cddraft corrigendum`` lists them: each place named as a reader of
the issued document finds it (numbered and counted paragraphs, subparagraphs, bullets, footnotes, headings,
annexes, sentences) and each quotation long enough to be found once. The expected texts are written here by
hand, in the Editorial Manual's form."""

from __future__ import annotations

import copy

import pytest

from cddraft.conventions import load_conventions
from cddraft.localise import localise
from cddraft.localise.corrections import corrections
from cddraft.model.document import Document

REPORT = {"kind": "report", "symbol": "CD/2102", "language": "en", "date": "2017-09-20", "report": {
    "title": "Report of the Coordinator", "content": [
        {"heading": "Introduction", "content": [
            "The meetings were held in Geneva. They were open to all. The Coordinator chaired them.",
            {"text": "The Conference:", "id": "lead", "items": ["noted the report;", {"text": "decided:", "items": [
                "to meet again;", "to report."]}]},
            {"bullets": ["the first point", "the second point"]},
            "The report of the meeting is annexed.^[See CD/2090 and CD/2091.]",
        ]},
        {"heading": "Conclusions", "content": ["The Conference took note of the report in paragraph {ref:lead}."]},
    ]},
    "annexes": [
        {"title": "List of participants", "content": ["Forty States took part.", "Observers attended."]},
        {"content": ["A second annex.", "Its second paragraph, with the same word twice: the word."]},
    ]}


def _found(new: dict, old: dict = REPORT, language: str = "en") -> list[dict]:
    docs = [localise(Document.model_validate({**d, "language": language})) for d in (old, new)]
    return corrections(*docs, load_conventions(language))


def _edit(change) -> dict:
    new = copy.deepcopy(REPORT)
    change(new)
    return new


def _intro(d: dict) -> list:
    return d["report"]["content"][0]["content"]


def test_the_same_text_has_no_correction():
    assert _found(copy.deepcopy(REPORT)) == []


def test_a_word_in_the_second_sentence_of_a_numbered_paragraph():
    new = _edit(lambda d: _intro(d).__setitem__(0, _intro(d)[0].replace("open to all", "open to every State")))
    assert _found(new) == [{"where": "Paragraph 1, second sentence", "for": "all", "read": "every State"}]


def test_a_deleted_word_and_an_inserted_word():
    deleted = _edit(lambda d: _intro(d).__setitem__(0, _intro(d)[0].replace("held in Geneva", "held")))
    assert _found(deleted) == [{"where": "Paragraph 1, first sentence", "delete": "in Geneva"}]
    inserted = _edit(lambda d: _intro(d).__setitem__(0, _intro(d)[0].replace("Coordinator chaired", "Coordinator "
                                                                                "ably chaired")))
    assert _found(inserted) == [{"where": "Paragraph 1, last sentence", "insert": "ably", "after": "Coordinator"}]


def test_a_word_found_twice_is_quoted_with_its_neighbour():
    new = _edit(lambda d: d["annexes"][1]["content"].__setitem__(1, "Its second paragraph, with the same word "
                                                                        "twice: the term."))
    assert _found(new) == [{"where": "Annex II, paragraph 2", "for": "the word", "read": "the term"}]


def test_subparagraphs_and_bullets_are_placed_by_their_paragraph():
    def change(d: dict) -> None:
        _intro(d)[1]["items"][1]["items"][0] = "to meet again in 2018;"
        _intro(d)[2]["bullets"][1] = "the second and last point"

    assert _found(_edit(change)) == [
        {"where": "Paragraph 2 (b) (i)", "insert": "in 2018", "after": "again"},
        {"where": "Paragraph 2, bullet point 2", "insert": "and last", "after": "second"},
    ]


def test_a_footnote_changed_inserted_and_deleted_is_named_by_its_number():
    changed = _edit(lambda d: _intro(d).__setitem__(3, _intro(d)[3].replace("CD/2091", "CD/2092")))
    assert _found(changed) == [{"where": "Footnote 1", "for": "CD/2091", "read": "CD/2092"}]
    deleted = _edit(lambda d: _intro(d).__setitem__(3, "The report of the meeting is annexed."))
    assert _found(deleted) == [{"where": "Footnote 1", "whole": "footnote"}]
    added = _edit(lambda d: _intro(d).__setitem__(0, _intro(d)[0].replace("all.", "all.^[Including observers.]")))
    assert _found(added) == [{"where": "Paragraph 1", "whole": "footnote", "insert": "Including observers.",
                              "after": "all."}]


def test_headings_numbered_and_annex_titles():
    def change(d: dict) -> None:
        d["report"]["content"][1]["heading"] = "Conclusions and recommendations"
        d["annexes"][0]["title"] = "List of participating States"

    assert _found(_edit(change)) == [
        {"where": "Heading II", "insert": "and recommendations", "after": "Conclusions"},
        {"where": "Annex I, title", "for": "participants", "read": "participating States"},
    ]


def test_whole_paragraphs_go_after_the_block_before_them_and_a_deleted_paragraph_takes_its_items():
    def change(d: dict) -> None:
        del _intro(d)[1]
        d["annexes"][0]["content"].insert(0, "The list is final.")
        d["report"]["content"][1]["content"][0] = "The Conference took note of the report."

    assert _found(_edit(change)) == [
        {"where": "Paragraph 2", "whole": "paragraph"},
        {"where": "Paragraph 4", "delete": "in paragraph 2"},
        {"where": "Annex I, title", "whole": "paragraph", "insert": "The list is final."},
    ]


def test_a_reference_renumbered_by_an_insertion_is_not_a_correction():
    new = _edit(lambda d: _intro(d).insert(0, "A new first paragraph."))
    assert _found(new) == [{"where": "Heading I", "whole": "paragraph", "insert": "A new first paragraph."}]


def test_emphasis_added_is_quoted_with_its_markup():
    new = _edit(lambda d: d["annexes"][0]["content"].__setitem__(0, "*Forty* States took part."))
    assert _found(new) == [{"where": "Annex I, paragraph 1", "for": "Forty", "read": "*Forty*"}]


@pytest.mark.parametrize(("language", "where"), [
    ("fr", "Paragraphe 1, deuxième phrase"), ("es", "Párrafo 1, segunda oración"),
    ("ru", "Пункт 1, второе предложение"), ("zh", "第1段，第二句"), ("ar", "الفقرة 1، الجملة الثانية")])
def test_places_in_each_language(language, where):
    new = _edit(lambda d: _intro(d).__setitem__(0, _intro(d)[0].replace("open to all", "open to every State")))
    assert _found(new, language=language)[0]["where"] == where


def test_a_letter_counts_its_paragraphs_and_corrects_its_signature():
    letter = {"kind": "letter", "symbol": "CD/2101", "date": "2017-09-15", "letter": {
        "date": "2017-09-14", "sender": "the Permanent Representative of Myanmar",
        "paragraphs": ["I have the honour to transmit the report.", "I should be grateful for your help."],
        "signatories": [{"name": "Htin Lynn"}]}}
    new = copy.deepcopy(letter)
    new["letter"]["paragraphs"][1] = "I should be most grateful for your help."
    new["letter"]["signatories"][0]["name"] = "Kyaw Moe Tun"
    assert _found(new, letter) == [
        {"where": "Paragraph 2", "insert": "most", "after": "should be"},
        {"where": "Signature", "for": "(Signed) Htin Lynn", "read": "(Signed) Kyaw Moe Tun"},
    ]
