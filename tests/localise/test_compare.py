"""The comparison both ``diff`` and ``corrigendum`` stand on: opcodes that turn one sequence into the other,
whatever the sequences (checked by applying them, with hypothesis), in time bounded by what changed."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from cddraft.localise.compare import opcodes, similarity

tokens = st.lists(st.sampled_from(["a", "b", "c", "d", "x"]), max_size=60)


def _applied(a: list[str], b: list[str], ops) -> list[str]:
    out: list[str] = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            assert a[i1:i2] == b[j1:j2], "an equal stretch is equal"
            out += a[i1:i2]
        else:
            out += b[j1:j2]
    return out


@settings(max_examples=300, deadline=None)
@given(tokens, tokens)
def test_the_opcodes_turn_old_into_new_and_cover_both(a, b):
    ops = opcodes(a, b)
    assert _applied(a, b, ops) == b
    if not ops:
        assert a == b == []
        return
    assert [o[1] for o in ops] == [0, *[o[2] for o in ops[:-1]]] and ops[-1][2] == len(a)
    assert [o[3] for o in ops] == [0, *[o[4] for o in ops[:-1]]] and ops[-1][4] == len(b)


@settings(max_examples=200, deadline=None)
@given(tokens, tokens)
def test_the_common_beginning_and_end_are_kept_and_the_middle_matched_as_difflib_does(a, b):
    head = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    ra, rb = a[head:][::-1], b[head:][::-1]
    tail = next((i for i, (x, y) in enumerate(zip(ra, rb, strict=False)) if x != y), min(len(ra), len(rb)))
    kept = sum(i2 - i1 for op, i1, i2, *_ in opcodes(a, b) if op == "equal")
    middle = difflib.SequenceMatcher(None, a[head:len(a) - tail], b[head:len(b) - tail], autojunk=False)
    assert kept == head + tail + sum(size for *_, size in middle.get_matching_blocks())


def test_a_long_repetitive_paragraph_keeps_everything_but_the_change():
    """20,000 repeated words with one changed: the common beginning and end are kept, one word replaced."""
    a = ["word"] * 20_000
    b = list(a)
    b[10_000] = "changed"
    assert opcodes(a, b) == [("equal", 0, 10_000, 0, 10_000), ("replace", 10_000, 10_001, 10_000, 10_001),
                             ("equal", 10_001, 20_000, 10_001, 20_000)]


def test_similarity_is_difflibs_ratio_for_ordinary_paragraphs():
    a = ["the", "meetings", "were", "held", "in", "Geneva"]
    b = ["the", "meetings", "were", "convened", "in", "Geneva"]
    assert similarity(a, b) == difflib.SequenceMatcher(None, a, b).ratio()
