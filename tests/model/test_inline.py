"""Inline markup: every construct, escapes, and the errors that say how to fix the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cddraft.model.inline import Footnote, MarkupError, Ref, Span, escape, normalise, parse, plain_text


def test_each_construct():
    spans = parse("a *i* **b** ^[n *x*] 1^{er}~{ref:p1}")
    assert spans == [
        Span("a "), Span("i", italic=True), Span(" "), Span("b", bold=True), Span(" "),
        Footnote((Span("n "), Span("x", italic=True))), Span(" 1"), Span("er", sup=True), Span("\u00a0"),
        Ref("p1"),
    ]


def test_template_syntax_and_xml_characters_are_literal():
    text = "{{ x }} {% if %} {# c #} & < > \" '"
    assert parse(text) == [Span(text)]


def test_escapes():
    assert plain_text(parse(r"\*not italic\* \~ \^[x\] \{ref:y\} \\")) == r"*not italic* ~ ^[x] {ref:y} \ "[:-1]


@pytest.mark.parametrize(("text", "fragment"), [
    ("CD/2179*", "never closed"),
    ("**bold", "opens bold"),
    ("note^[open", "never closed"),
    ("^[outer ^[inner]]", "cannot hold another footnote"),
    ("^[  ]", "empty"),
    ("bell\x07", "U+0007"),
    ("c1\x85", "U+0085"),
])
def test_errors_say_what_to_do(text, fragment):
    with pytest.raises(MarkupError, match=fragment.replace("+", r"\+")):
        parse(text)


def test_newlines_fold_to_one_space():
    assert normalise("a\n  b\r\nc") == "a b c"


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@given(printable)
def test_escape_round_trips_any_text(text):
    assert plain_text(parse(escape(text))) == normalise(text)


@pytest.mark.parametrize("text", ["", "12 345", "Délégation", "表1"])
@pytest.mark.parametrize("bold", [False, True])
def test_a_plain_span_is_the_span_its_arguments_make(text, bold):
    from cddraft.model.inline import Span, plain_span

    made = plain_span(text, bold)
    assert made == Span(text, bold) and repr(made) == repr(Span(text, bold)) and hash(made) == hash(Span(text, bold))
