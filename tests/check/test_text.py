"""Flattened markup keeps, for each visible character, its offset in the outline string."""

from __future__ import annotations

from cddraft.check.text import flatten


def test_markup_is_removed_and_offsets_kept():
    raw = r"A **bold** and *it* \* x~y"
    flat = flatten(raw)
    assert flat.text == "A bold and it * x\u00a0y"
    assert raw[flat.origin[flat.text.index("bold")]] == "b"
    assert raw[flat.origin[flat.text.index("*")]] == "\\", "an escaped character points at its backslash"
    assert [flat.text[s:e] for s, e in flat.runs(flat.bold)] == ["bold"]
    assert [flat.text[s:e] for s, e in flat.runs(flat.italic)] == ["it"]


def test_footnotes_are_set_aside_with_their_call_position():
    raw = "Said.^[See *CD/2090*.]^{,}^[Two.] Then {ref:fmct}."
    flat = flatten(raw)
    assert flat.text == "Said., Then 1."
    first, second = flat.notes
    assert (first.at, second.at) == (5, 6) and flat.sup[5]
    assert first.flat.text == "See CD/2090." and raw[first.flat.origin[4]] == "C"
    assert raw[first.raw] == "^" and raw[second.raw:].startswith("^[Two")


def test_line_breaks_fold_to_one_space_as_the_parser_does():
    flat = flatten("one  \n   two")
    assert flat.text == "one two" and flat.origin == [0, 1, 2, 3, 9, 10, 11]
