"""Resolutions and decisions (issue 29; docs/un-conventions.md §13, from the Editorial Manual's "Resolutions and
other formal decisions of United Nations organs"): CD131-CD136, the parts of the text (with the structure rules,
which every build runs); CD519, how other resolutions are cited, in any document (with the typography rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.check.walk import TextNode
from cddraft.localise import country_key
from cddraft.model.document import Document
from cddraft.model.inline import Span

#: Blanks that may stand before a closing mark (French sets a no-break space before ";" and ":").
_BLANKS = " \u00a0\u202f"


def _core(mark: str) -> str:
    return mark.strip(_BLANKS)


def _ends_with(text: str, mark: str) -> bool:
    return text.rstrip(_BLANKS).endswith(_core(mark))


def _ending(node: TextNode) -> tuple[str, int]:
    """The last visible character of a text (a closing quotation mark looked through) and its index."""
    text = node.visible.text.rstrip(_BLANKS)
    return (text[-1], len(text) - 1) if text else ("", 0)


def _opening(node: TextNode) -> str | None:
    """The emphasised words a paragraph opens with (None when it opens without emphasis)."""
    words = []
    for span in node.markup.spans:
        if isinstance(span, Span) and (span.italic or span.bold) and not span.sup:
            words.append(span.text)
            continue
        break
    return "".join(words).strip() or None


def _paragraphs(ctx: Context, part: str) -> list[tuple[TextNode, list[TextNode]]]:
    """The paragraphs of the preamble or the operative part, each with its subparagraphs."""
    out: list[tuple[TextNode, list[TextNode]]] = []
    if ctx.doc.resolution is None:  # not a resolution: nothing to walk (every build runs these rules)
        return out
    for node in ctx.nodes:
        if len(node.path) < 3 or node.path[0] != "resolution" or node.path[1] != part:
            continue
        if node.path[3] == "text":
            out.append((node, []))
        elif out:
            out[-1][1].append(node)
    return out


def _mark(ending: str) -> str:
    return f"“{_core(ending)}”"


@rule("CD131", "preamble-ending", "error", "A preambular paragraph does not end with a comma")
def preamble_ending(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a preambular paragraph that does not end with a comma (its subparagraphs' last, where it has some).

    Why: "each preambular paragraph … ends with a comma" (Editorial Manual, resolutions: order of elements); a
    semicolon or a full stop is the mark of an operative paragraph. The comma is the language's: "," — Chinese
    "，", Arabic "،".

    Example::

        preamble:
          - "*Recalling* its resolution 78/64 of 4 December 2023;"    # CD131: end with ","

    Manual: un-conventions.md §13.
    """
    end = ctx.conv.resolution.preamble_end
    for para, items in _paragraphs(ctx, "preamble"):
        last = items[-1] if items else para
        char, at = _ending(last)
        if not _ends_with(last.visible.text, end):
            yield ctx.at(last, last.visible, at, f"a preambular paragraph ends with {_mark(end)}, not "
                         f"“{char}”")


@rule("CD132", "operative-ending", "error", "An operative paragraph does not end as its place asks")
def operative_ending(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags an operative paragraph that does not end with a semicolon, or the last one that does not end with
    a full stop; a paragraph leading into subparagraphs ends with a colon, and its last subparagraph ends as the
    paragraph would.

    Why: the operative paragraphs of a resolution form one sentence whose subject is the organ: each ends with
    a semicolon, the last with a full stop (Editorial Manual; every issued resolution). The marks are the
    language's (French " ;" with a no-break space, Chinese "；" and "。", Arabic "؛").

    Example::

        operative:
          - "*Decides* to remain seized of the matter."   # CD132: not the last paragraph: end with ";"
          - "*Requests* the Secretary-General to report;"  # CD132: the last ends with "."

    Manual: un-conventions.md §13.
    """
    strings = ctx.conv.resolution
    paragraphs = _paragraphs(ctx, "operative")
    for n, (para, items) in enumerate(paragraphs, 1):
        end = strings.last_end if n == len(paragraphs) else strings.operative_end
        what = "the last operative paragraph" if n == len(paragraphs) else "an operative paragraph"
        checks = [(para, strings.chapeau_end, "a paragraph leading into subparagraphs")] if items else []
        for k, item in enumerate(items[:-1]):
            leads = items[k + 1].path[:len(item.path)] == (*item.path[:-1], "items")  # into its own
            checks.append((item, strings.chapeau_end, "a subparagraph leading into others") if leads
                          else (item, strings.operative_end, "a subparagraph"))
        checks.append((items[-1], end, f"the last subparagraph of {what}") if items else (para, end, what))
        for node, mark, name in checks:
            if not _ends_with(node.visible.text, mark):
                char, at = _ending(node)
                yield ctx.at(node, node.visible, at, f"{name} ends with {_mark(mark)}, not “{char}”")


@cache
def _pattern(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


def _openers(ctx: Context, part: str, expression: str | None, what: str, example: str) -> Iterator[Finding]:
    for para, _ in _paragraphs(ctx, part):
        opening = _opening(para)
        if opening is None:
            yield ctx.at(para, para.visible, 0, f"mark the opening words of {what} as emphasis ({example}): the "
                         "language sets them in italic, bold or both")
        elif expression is not None and not _pattern(expression).match(opening):
            yield ctx.at(para, para.visible, 0, f"“{opening}” does not open {what}")


@rule("CD133", "preamble-opener", "warning", "A preambular paragraph does not open with a participle or an adjective")
def preamble_opener(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a preambular paragraph whose opening words are not emphasised, or are not a participle or an
    adjective (a present-tense verb, "Decides", belongs to the operative part).

    Why: "each preambular paragraph begins with a present, past or perfect participle or participial phrase or
    an adjective" (Editorial Manual: *Recalling*, *Having considered*, *Deeply concerned*, *Aware*), set in
    italic (Chinese: bold; Arabic: bold italic). The form is told in English, French and Spanish
    (``resolution.preamble_opener`` in the conventions); in the other languages only the emphasis is checked.

    Example::

        preamble:
          - "*Decides* that the Conference shall meet,"   # CD133: an operative verb; *Deciding* …
          - "Recalling its decision of 2017,"             # CD133: mark the opening: *Recalling*

    Manual: un-conventions.md §13.
    """
    yield from _openers(ctx, "preamble", ctx.conv.resolution.preamble_opener,
                        "a preambular paragraph (a participle or an adjective)", "*Recalling*")


@rule("CD134", "operative-opener", "warning", "An operative paragraph does not open with a present-tense verb")
def operative_opener(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags an operative paragraph whose opening words are not emphasised, or not a verb in the present tense.

    Why: "each operative paragraph begins with an operative verb (or phrase) in the present indicative tense"
    (Editorial Manual: *Decides*, *Calls upon*, *Also requests*), set as the preamble's openings are. "Decided"
    or "Deciding" is a past or a participle: the text reads as a report, not as what the organ does. The form
    is told in English (``resolution.operative_opener``); elsewhere only the emphasis is checked.

    Example::

        operative:
          - "*Decided* to establish a working group;"   # CD134: *Decides*

    Manual: un-conventions.md §13.
    """
    yield from _openers(ctx, "operative", ctx.conv.resolution.operative_opener,
                        "an operative paragraph (a verb in the present tense)", "*Decides*")


@rule("CD135", "sponsors-out-of-order", "warning", "The sponsors are not in alphabetical order")
def sponsors_out_of_order(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags the first sponsor out of the alphabetical order of the version's language.

    Why: the sponsors of a draft are listed in the order the body uses for Member States — the alphabetical
    order of their names in each language version (Editorial Manual; the Russian L. documents list them in
    Russian order). A group sponsoring "on behalf of" keeps its place by its name. Checked in the languages
    written in Latin or Cyrillic letters (accents and case ignored); Chinese and Arabic orders are not a
    letter-by-letter sort.

    Example::

        sponsors: [Austria, Argentina]   # CD135: Argentina comes before Austria

    Manual: un-conventions.md §13.
    """
    res = doc.resolution
    if res is None or ctx.lang in ("zh", "ar"):
        return
    keys = [country_key(s.plain) for s in res.sponsors]
    for i in range(1, len(keys)):
        if keys[i] < keys[i - 1]:
            yield Finding(("resolution", "sponsors", i), f"“{res.sponsors[i].plain}” comes before "
                          f"“{res.sponsors[i - 1].plain}” in alphabetical order")
            return


@rule("CD136", "revision-not-said", "warning", "A revised draft does not say so, or a first draft says it is revised")
def revision_not_said(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags ``revised: false`` on a draft whose symbol is a revision's (…/Rev.1), or ``revised: true`` on one
    whose symbol is not.

    Why: a revised draft is issued under the symbol of the draft with /Rev.1 and says so in the sponsors' line:
    "…: revised draft resolution" (Editorial Manual, system of identification). cddraft says so from the symbol;
    an outline that overrides it prints a label the symbol contradicts.

    Example::

        symbol: A/C.1/79/L.23/Rev.1
        resolution:
          revised: false       # CD136: remove it ("revised draft resolution" follows from /Rev.1)

    Manual: un-conventions.md §13.
    """
    res = doc.resolution
    if res is None or res.revised is None:
        return
    rev = "/Rev." in doc.symbol
    if rev and not res.revised:
        yield Finding(("resolution", "revised"), f"{doc.symbol} is a revision: its sponsors' line says "
                      "“revised”; remove `revised: false`")
    elif res.revised and not rev:
        yield Finding(("resolution", "revised"), f"{doc.symbol} is not a revision's symbol (…/Rev.1): give the "
                      "revision's symbol, or remove `revised: true`")


@rule("CD519", "resolution-reference-form", "warning", "A resolution is cited in a non-standard form")
def resolution_reference_form(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a reference to a resolution that is not in its standard form.

    Why: the Editorial Manual cites a General Assembly resolution by its number, "resolution 78/32 of 4 December
    2023" (not "A/RES/78/32", not "dated"), and a Security Council resolution with its year in parentheses,
    "resolution 1540 (2004)"; "res." is not used. The faults are the conventions' (``resolution.reference_faults``:
    English and French).

    Example::

        - "*Recalling* its resolution A/RES/78/32 dated 4 December 2023,"   # CD519: resolution 78/32 of …

    Manual: un-conventions.md §13.
    """
    faults = [(_pattern(p), m) for p, m in ctx.conv.resolution.reference_faults]
    if not faults:
        return
    for node, flat in ctx.visible_texts():
        for pattern, message in faults:
            for found in pattern.finditer(flat.text):
                yield ctx.at(node, flat, found.start(), message.format(*found.groups()))
