"""A corrigendum: its heading and each correction in the Editorial Manual's form, in the version's language."""

from __future__ import annotations

import pytest

from cddraft.localise import localise
from cddraft.localise.types import Heading, Para
from cddraft.model.coherence import semantic_problems
from cddraft.model.document import Document
from cddraft.model.inline import Span

CORRECTIONS = [{"where": "Paragraph 5, second sentence", "for": "8 August", "read": "9 August"},
               {"where": "Paragraph 7", "delete": "the last sentence"},
               {"where": "Paragraph 9", "insert": "and Peru", "after": "Chile"},
               {"where": "Footnote 3", "insert": "See CD/2090."}]


def _corrigendum(language: str = "en", corrections=None) -> Document:
    return Document.model_validate({
        "kind": "corrigendum", "symbol": "CD/2101/Corr.1", "language": language, "original_language": "en",
        "date": "2017-10-02", "corrigendum": {"corrects": "Letter dated 14 September 2017",
                                              "corrections": corrections or CORRECTIONS}})


def _shown(spans) -> str:
    return "".join(("*" + s.text + "*") if isinstance(s, Span) and s.italic else s.text for s in spans)


@pytest.mark.parametrize(("language", "heading", "forms"), [
    ("en", "Corrigendum", ["*For* 8 August *read* 9 August", "*Delete* the last sentence",
                           "*After* Chile *insert* and Peru", "*Insert* See CD/2090."]),
    ("fr", "Rectificatif", ["*Au lieu de* 8 August *lire* 9 August", "*Supprimer* the last sentence",
                            "*Après* Chile, *insérer* and Peru", "*Insérer* See CD/2090."]),
    ("es", "Corrección", ["*Donde dice* 8 August *debe decir* 9 August", "*Suprímase* the last sentence",
                          "*Después de* Chile, *insértese* and Peru", "*Insértese* See CD/2090."]),
    ("ru", "Исправление", ["*Вместо* 8 August *читать* 9 August", "*Исключить* the last sentence",
                           "*После* Chile *включить* and Peru", "*Включить* See CD/2090."]),
])
def test_each_correction_in_the_languages_form(language, heading, forms):
    loc = localise(_corrigendum(language))
    assert loc.title == "Letter dated 14 September 2017"
    (head,) = [b for b in loc.blocks if isinstance(b, Heading)]
    assert head.spans[0].text == heading
    paras = [b for b in loc.blocks if isinstance(b, Para)]
    assert [p.number for p in paras[::2]] == ["1.", "2.", "3.", "4."]
    assert [_shown(p.spans) for p in paras[::2]] == [c["where"] for c in CORRECTIONS]
    assert [_shown(p.spans) for p in paras[1::2]] == forms


@pytest.mark.parametrize(("correction", "message"), [
    ({"where": "P", "for": "a"}, "`for:` and `read:` go together"),
    ({"where": "P", "for": "a", "read": "b", "delete": "c"}, "a correction says one thing"),
    ({"where": "P"}, "a correction says one thing"),
    ({"where": "P", "delete": "c", "after": "d"}, "`after:` says where `insert:` goes"),
])
def test_a_correction_says_one_thing(correction, message):
    (problem,) = semantic_problems(_corrigendum(corrections=[correction]))
    assert message in problem.message and problem.path == ("corrigendum", "corrections", 0)


@pytest.mark.parametrize(("correction", "message"), [
    ({"where": "P", "whole": "paragraph", "delete": "c"}, "`whole: paragraph` goes with `insert:`"),
    ({"where": "P", "whole": "footnote", "insert": "A note."}, "a new footnote needs `after:`"),
    ({"where": "P", "whole": "heading", "insert": "H", "after": "x"}, "a new heading goes after the place named"),
])
def test_a_whole_block_is_inserted_or_deleted_and_nothing_else(correction, message):
    (problem,) = semantic_problems(_corrigendum(corrections=[correction]))
    assert message in problem.message and problem.path == ("corrigendum", "corrections", 0)


@pytest.mark.parametrize(("language", "forms"), [
    ("en", ["*Insert after it a new paragraph reading* New text.", "*Delete the paragraph*",
            "*After* Chile *insert a footnote reading* See CD/2090."]),
    ("fr", ["*Insérer à la suite un nouveau paragraphe ainsi libellé* New text.", "*Supprimer le paragraphe*",
            "*Après* Chile, *insérer une note ainsi libellée* See CD/2090."]),
    ("zh", ["在其后插入新的一段：“New text.”", "删除该段", "在“Chile”之后插入脚注：“See CD/2090.”"]),
])
def test_whole_blocks_in_the_languages_form(language, forms):
    corrections = [{"where": "Paragraph 5", "whole": "paragraph", "insert": "New text."},
                   {"where": "Paragraph 7", "whole": "paragraph"},
                   {"where": "Paragraph 9", "whole": "footnote", "insert": "See CD/2090.", "after": "Chile"}]
    assert semantic_problems(_corrigendum(language, corrections)) == []
    paras = [b for b in localise(_corrigendum(language, corrections)).blocks if isinstance(b, Para)]
    assert [_shown(p.spans) for p in paras[1::2]] == forms
