"""Random reports — sections nested, numbered or not, paragraphs with emphasis, superscripts, no-break spaces,
markup characters, footnotes, cross-references, subparagraphs, bullets, quotations, an annex — built and
imported again load to the same document tree. (The report's title is printed as one plain line: it is drawn
without emphasis.)

Unnumbered headings nest two deep at most here: UNOG's H23G serves levels 3 and 4, which only their numbers tell
apart (the printed document is as ambiguous to a reader)."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cddraft.model.inline import Footnote, Span
from cddraft.model.markup import to_markup
from cddraft.readers.outline import read_outline
from tests.conftest import run_cli
from tests.readers.word.helpers import effective

WORDS = ["treaty", "Geneva", "2017", "délégations", "النص", "a*b", "x~y", "{ref}", "back\\slash", "[1]",
         "50%", "«guillemets»", "no\u00a0break", "tab\there", "^caret", "<tag>", "&amp;"]
#: Chinese is written without blanks between words (localise takes out those typed between Chinese and Latin).
HAN = ["中文", "条约", "日内瓦", "代表团", "《条约》", "a*b", "{ref}", "[1]"]


@st.composite
def text(draw, language: str, *, notes: bool = True) -> str:
    vocabulary, blank = (HAN, "") if language == "zh" else (WORDS, " ")
    spans: list = []
    for _ in range(draw(st.integers(1, 4))):
        words = blank.join(draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=4)))
        bold, italic, sup = draw(st.booleans()), draw(st.booleans()), draw(st.integers(0, 5)) == 0
        if spans and isinstance(spans[-1], Span) and (spans[-1].bold, spans[-1].italic, spans[-1].sup) == (
                bold, italic, sup):
            spans[-1] = Span(spans[-1].text + blank + words, bold, italic, sup)
        else:
            spans.append(Span(words if not spans else blank + words, bold, italic, sup))
        if notes and draw(st.integers(0, 4)) == 0:
            note = blank.join(draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=3)))
            spans.append(Footnote((Span(note),)))
    first = spans[0]
    spans[0] = Span(vocabulary[0] + blank + first.text, first.bold, first.italic, first.sup)  # no number-like start
    return to_markup(spans)


@st.composite
def blocks(draw, language: str, depth: int, max_depth: int) -> list:
    out: list = []
    last = None
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["para", "para", "items", "bullets", "quote", "section"]))
        if kind == last and kind in ("bullets", "quote"):
            kind = "para"  # two lists in a row print as one: the file cannot tell them apart
        if last == "section" and depth < max_depth:
            kind = "section"  # text after a section prints as the section's: only sections follow one
        last = kind
        if kind == "section" and depth < max_depth:
            content = draw(blocks(language, depth + 1, max_depth))
            out.append({"heading": draw(text(language, notes=False)), "content": content})
        elif kind == "items":
            items = draw(st.lists(text(language), min_size=1, max_size=3))
            out.append({"text": draw(text(language)), "items": items})
        elif kind == "bullets":
            out.append({"bullets": draw(st.lists(text(language), min_size=1, max_size=3))})
        elif kind == "quote":
            out.append({"quote": draw(st.lists(text(language), min_size=1, max_size=2))})
        else:
            out.append(draw(text(language)))
    return out


@st.composite
def reports(draw) -> str:
    import yaml

    language = draw(st.sampled_from(["en", "fr", "zh", "ar"]))
    numbered = draw(st.booleans())
    headings = draw(st.booleans())
    content = draw(blocks(language, 1, 3 if headings else 2))
    if numbered:
        content.insert(0, {"text": "See paragraph {ref:target}.", "id": "target"})
    data = {"kind": "report", "symbol": "CD/2102", "language": language,
            "date": "2017-09-20", "job_number": "GE.17-16400",
            "report": {"title": to_markup([Span(" ".join(draw(st.lists(st.sampled_from(WORDS[:4]), min_size=1,
                                                                         max_size=5))))]),
                       "numbered_paragraphs": numbered,
                       "numbered_headings": headings, "content": content}}
    if draw(st.booleans()):
        data["annexes"] = [{"title": draw(text(language, notes=False)), "content": draw(blocks(language, 1, 2))}]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(outline=reports())
def test_a_random_report_comes_back_as_the_same_tree(tmp_path, outline):
    source = tmp_path / "random.yaml"
    source.write_text(outline, encoding="utf-8")
    built = run_cli("build", str(source), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    again = tmp_path / "again.yaml"
    result = run_cli("import", str(tmp_path / "out" / "random.docx"), "-o", str(again))
    assert result.exit_code == 0, result.output
    assert effective(read_outline(again)[1]) == effective(read_outline(source)[1])
