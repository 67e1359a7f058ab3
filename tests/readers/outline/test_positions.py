"""A character inside a value is placed at its own line and column, however long the value and however
many findings it holds (the walk resumes from remembered points)."""

from __future__ import annotations

import re

import pytest

from cddraft.errors import SourcePos
from cddraft.readers.outline.load import parse_outline_text


@pytest.mark.parametrize("style", ["plain", "folded", "single"])
def test_every_word_of_a_long_folded_value_is_placed_where_the_editor_shows_it(style):
    words = [f"w{n}" for n in range(3000)]
    lines = [" ".join(words[i:i + 9]) for i in range(0, len(words), 9)]
    if style == "folded":
        body = "a: >-\n" + "".join(f"  {line}\n" for line in lines)
    elif style == "single":
        body = "a: 'it''s " + "\n  ".join(lines) + "'\n"
    else:
        body = "a: " + "\n  ".join(lines) + "\n"
    outline = parse_outline_text(body, "f.yaml")
    value = outline.data["a"]
    where = {}  # each word's line and column, read off the text as an editor shows it
    for n, line in enumerate(body.splitlines(), 1):
        for m in re.finditer(r"w\d+", line):
            where[m.group()] = SourcePos(n, m.start() + 1)
    for m in list(re.finditer(r"w\d+", value))[::-1]:  # backwards: every finding before the last walked point
        assert outline.position(("a",), offset=m.start(), text=value) == where[m.group()]


def test_a_value_the_walk_cannot_follow_is_placed_at_its_start():
    outline = parse_outline_text('a: "x\\ty z"\n', "f.yaml")  # an escape: the source spells a character otherwise
    assert outline.position(("a",), offset=4, text=outline.data["a"]) == SourcePos(1, 4)
