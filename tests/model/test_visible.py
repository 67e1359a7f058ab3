"""What a reader sees of a string, read off its parsed spans: each visible character keeps its offset in
the string as written, so a rule's finding is reported at its own column."""

from __future__ import annotations

from hypothesis import given

from cddraft.model.inline import MarkupError
from cddraft.model.markup import text
from tests.model.markup_strategies import markup_strings


def visible(raw: str):
    return text(raw).visible


def test_markup_is_removed_and_offsets_kept():
    raw = r"A **bold** and *it* \* x~y"
    seen = visible(raw)
    assert seen.text == "A bold and it * x\u00a0y"
    assert raw[seen.raw_offset(seen.text.index("bold"))] == "b"
    assert raw[seen.raw_offset(seen.text.index("*"))] == "\\", "an escaped character points at its backslash"
    assert [seen.text[s:e] for s, e in seen.runs(seen.bold)] == ["bold"]
    assert [seen.text[s:e] for s, e in seen.runs(seen.italic)] == ["it"]


def test_footnotes_are_set_aside_with_their_call_position():
    raw = "Said.^[See *CD/2090*.]^{,}^[Two.] Then {ref:fmct}."
    seen = visible(raw)
    assert seen.text == "Said., Then 1."
    first, second = seen.notes
    assert (first.at, second.at) == (5, 6) and seen.sup[5]
    assert first.visible.text == "See CD/2090." and raw[first.visible.raw_offset(4)] == "C"
    assert raw[first.raw] == "^" and raw[second.raw:].startswith("^[Two")
    assert raw[seen.raw_offset(seen.text.index("1"))] == "{", "a reference points at its brace"


def test_line_breaks_fold_to_one_space_as_the_document_shows_them():
    raw = "one  \n   two"
    seen = visible(raw)
    assert seen.text == "one two"
    assert [seen.raw_offset(i) for i in range(len(seen.text))] == [0, 1, 2, 3, 9, 10, 11]


def test_a_reference_in_a_superscript_is_kept():
    seen = visible("See^{see {ref:x}}")
    assert seen.text == "Seesee 1" and seen.sup[3:] == [True] * 5


@given(markup_strings)
def test_every_visible_character_comes_from_its_offset(raw):
    """An escaped character points at its backslash, a folded line break at a blank or the break, a no-break
    space at its ``~``, a reference at its ``{``; anything else at itself."""
    try:
        seen = visible(raw)
    except MarkupError:
        return
    for texts in [seen, *(n.visible for n in seen.notes)]:
        for i, ch in enumerate(texts.text):
            at = texts.raw_offset(i)
            written = raw[at]
            assert (written == ch or (written == "\\" and raw[at + 1] == ch) or (ch == "\u00a0" and written == "~")
                    or (ch == " " and written in " \t\r\n") or (written == "{" and raw.startswith("{ref:", at)))
