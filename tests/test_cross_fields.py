"""Fields that are put into other fields — ``transmits`` into the transmitting clause of ``phrases``, both
into the title with the sender and the addressee, a signatory's name into "(Signed) {name}" — with markup in
each, through ``build`` and ``check``: every outline ends with exit 0, 1 or 2, every problem at
``FILE:LINE:COL``; never an internal error or a traceback (a valid-looking outline must not reach one)."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cddraft.cli import main
from cddraft.model import markup
from cddraft.model.inline import MarkupError
from tests.model.markup_strategies import markup_strings

#: Markup, and what a formula or a clause could mistake for its own: placeholders, braces, escapes.
PIECES = st.sampled_from(["{object}", "\\{object}", "{object", "{date}", "{sender}", "{0}", "{}", "%s", "\\",
                          "*", "**", "^{x}", "^[n]", "{ref:p}", "~", " ", "\u00a0", "中文", "مؤتمر", "Мьянмы"])
FIELD = st.lists(st.one_of(PIECES, markup_strings), min_size=1, max_size=4).map("".join)
POSITION = re.compile(r"^\S+\.yaml:\d+:\d+: ")


def _valid(parser, raw: str) -> bool:
    try:
        parser(raw.strip())
    except MarkupError:
        return False
    return bool(raw.strip())


#: Mostly texts each valid on its own (the combinations are what is tested), now and then any text.
PLAIN = st.one_of(*[FIELD.filter(lambda r: _valid(markup.plain, r))] * 4, FIELD)
TEXT = st.one_of(*[FIELD.filter(lambda r: _valid(markup.text, r) and "{ref:" not in r)] * 4, FIELD)


@st.composite
def outlines(draw) -> str:
    letter = {"date": "2017-09-14", "sender": draw(PLAIN), "paragraphs": [draw(TEXT)],
              "signatories": [{"name": draw(PLAIN), "titles": [draw(PLAIN)]}]}
    for key, kind in (("transmits", PLAIN), ("addressee", PLAIN), ("title_note", TEXT), ("closing", TEXT),
                      ("circulation_request", TEXT)):
        if draw(st.booleans()):
            letter[key] = draw(kind)
    if draw(st.booleans()):
        letter["phrases"] = {"transmitting": draw(PLAIN.map(lambda r: " " + r + " {object}"))}
    language = draw(st.sampled_from(["en", "fr", "es", "ru", "ar", "zh"]))
    return yaml.safe_dump({"kind": "letter", "symbol": "CD/2101", "language": language, "date": "2017-09-15",
                           "job_number": "GE.17-16166", "letter": letter}, allow_unicode=True)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                    HealthCheck.function_scoped_fixture])
@given(outlines())
def test_build_and_check_end_in_an_exit_status_with_positions(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("cross")
    outline = folder / "o.yaml"
    outline.write_text(text, encoding="utf-8")
    for args, allowed in ((["build", str(outline), "-o", str(folder / "out")], {0, 2}),
                          (["check", str(outline)], {0, 1, 2})):
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        output = result.output
        assert result.exit_code in allowed, output
        assert "internal error" not in output and "Traceback" not in output
        if result.exit_code == 2:
            problems = [line for line in output.splitlines() if not line.startswith(("wrote ", "hint: "))
                        and not re.match(r"^\d+ file\(s\) checked", line)]
            assert problems and all(POSITION.match(line) for line in problems), output


def test_italic_transmits_in_a_clause_with_an_escaped_placeholder_builds(tmp_path):
    """The audit's D1: each field valid alone, they broke once combined (the clause was re-parsed with the text
    of ``transmits`` in it). Parsed once, each is markup on its own and the title reads as written."""
    outline = tmp_path / "o.yaml"
    outline.write_text(
        "kind: letter\nsymbol: CD/2101\ndate: 2017-09-15\njob_number: GE.17-16166\nletter:\n  date: 2017-09-14\n"
        "  sender: the Permanent Representative of Myanmar\n  transmits: \"*the report*\"\n"
        "  phrases: {transmitting: \" transmitting \\\\{object}\"}\n  paragraphs: [Text.]\n"
        "  signatories: [{name: Htin Lynn}]\n", encoding="utf-8")
    for args in (["build", str(outline), "-o", str(tmp_path)], ["check", str(outline)]):
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    import docx

    title = docx.Document(str(tmp_path / "o.docx")).paragraphs[1].text
    assert title.endswith("addressed to the Secretary-General of the Conference transmitting the report")
