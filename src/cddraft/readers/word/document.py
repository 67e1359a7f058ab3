"""Classified paragraphs → the outline's data: the document's body (a report, a letter, a corrigendum, a resolution)
and its annexes, split at their "Annex" headings, with the contents table cddraft wrote taken back to its key."""

from __future__ import annotations

import re
from typing import Any

from cddraft.conventions import Conventions, load_conventions
from cddraft.conventions.bodies import body_of
from cddraft.readers.word.assemble import BodyBuilder, markup, simplified
from cddraft.readers.word.autonumber import formatted
from cddraft.readers.word.classify import Piece, marker_pattern
from cddraft.readers.word.forms import language_codes, match
from cddraft.readers.word.letter import corrigendum_data, is_letter_title, letter_data
from cddraft.readers.word.resolution import resolution_data
from cddraft.readers.word.values import quoted

#: The outline's top-level keys, in the order an outline gives them (docs/outline.md).
ORDER = ("kind", "symbol", "session", "agenda_item", "agenda_title", "provisional_agenda", "preliminary_list",
         "meeting", "language", "original_language", "date", "reissued", "distribution", "body", "united_nations",
         "job_number", "footer_stamps", "qr", "letter", "report", "corrigendum", "resolution", "annexes",
         "table_numbering")


def _annex_heading(text: str, conv: Conventions) -> bool:
    """Whether ``text`` is an annex's heading ("Annex", "Annex II", "ANNEX") in the version's language or English."""
    text = " ".join(text.split())
    for c in (conv, load_conventions("en")) if conv.code != "en" else (conv,):
        if text.casefold() == c.annex.heading.casefold() or marker_pattern(c.annex.heading_numbered, c).match(text):
            return True
        if text.isupper() and marker_pattern(c.annex.heading_numbered.upper(), c).match(text):
            return True
    return False


def split(pieces: list[Piece], conv: Conventions) -> tuple[list[list[Piece]], list[Piece]]:
    """The document's pieces, then each annex's: an annex starts with "Annex" or "Annex II" as a heading (in a
    heading style, or a paragraph of its own on a new page). Also the annexes' headings."""
    out: list[list[Piece]] = [[]]
    headings: list[Piece] = []
    for p in pieces:
        heading = p.kind in ("title", "heading") or (p.kind in ("para", "right", "letter") and p.found.page_break)
        if heading and p.number is None and len(p.text) < 40 and _annex_heading(p.text.strip(), conv):
            out.append([])
            headings.append(p)
            continue
        out[-1].append(p)
    return out, headings


def _numbered(template: str, n: int, conv: Conventions) -> str:
    """An annex's heading as cddraft numbers it: "Annex {I}" → "Annex II" (or the language's own sequence)."""
    def counter(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "I":
            return formatted(n, "upperRoman")
        found = conv.sequences.get(name, [])
        return found[n - 1] if 0 < n <= len(found) else str(n)

    return re.sub(r"\{(\w+)\}", counter, template)


def _annexes_numbered(headings: list[Piece], conv: Conventions, warn: Any) -> None:
    """Said when an annex's heading is not the one cddraft prints (it numbers the annexes in order: "Annex" alone,
    or "Annex I", "Annex II" …)."""
    for n, p in enumerate(headings, 1):
        ours = conv.annex.heading if len(headings) == 1 else _numbered(conv.annex.heading_numbered, n, conv)
        if " ".join(p.text.split()) != ours:
            warn(f"paragraph {p.index}", f"the annex headed {quoted(p.text.strip())} is headed {quoted(ours)} by "
                                         "cddraft, which numbers the annexes in order")


def contents(pieces: list[Piece], conv: Any) -> bool | dict[str, int]:
    """A contents table cddraft wrote (its heading, then its lines up to the first heading of the text) taken off
    ``pieces``: ``contents: true``, or ``{depth: N}`` when it lists sections too; False when there is none."""
    if not pieces or pieces[0].kind != "title" or pieces[0].text.strip() != conv.contents.heading:
        return False
    pieces.pop(0)
    depth = 1
    while pieces and pieces[0].kind not in ("heading", "title", "table"):
        line = pieces.pop(0)
        indent = line.found.text.split("\t")[0]
        if indent and not marker_pattern(conv.numbering.headings[0], conv).match(indent):
            depth = max(depth, 2 if marker_pattern(conv.numbering.headings[1], conv).match(indent) else 3)
    return True if depth == 1 else {"depth": depth}


def _annex(pieces: list[Piece], conv: Conventions, where: str, warn: Any) -> dict[str, Any]:
    annex: dict[str, Any] = {}
    if pieces and pieces[0].kind == "right":
        note = pieces.pop(0).text.strip()
        for template in filter(None, (conv.annex.original_note, conv.annex.original_note_several)):
            fields = match(template, note)
            if fields:
                codes = language_codes(fields["language"], conv.annex.language_names, conv.annex.and_)
                if codes:
                    annex["original_language"] = list(codes) if len(codes) > 1 else codes[0]
                break
    if pieces and pieces[0].kind in ("title", "heading") and pieces[0].level == 1 and pieces[0].number is None:
        annex["title"] = markup(pieces.pop(0).spans)
    body = BodyBuilder(pieces, conv, annex=True)
    _numbers_kept(body, where, warn)
    annex.update(body.keys())
    return annex


def _numbers_kept(body: BodyBuilder, where: str, warn: Any) -> None:
    """Said when the numbers Word printed before the paragraphs are not the ones cddraft will print (it numbers a
    body's paragraphs 1, 2, 3 … in order): a reference typed in the text ("paragraph 5 above") may point elsewhere."""
    if not body.renumbered:
        return
    index, word, ours = body.renumbered[0]
    more = len(body.renumbered) - 1
    warn(f"paragraph {index}", f"numbered {quoted(word)} in the Word file, it is numbered {ours} by cddraft, which "
                               f"numbers the paragraphs of {where} 1, 2, 3 … in order"
                               + (f" ({more} more paragraph(s) change number)" if more else "")
                               + ": check the paragraph numbers typed in the text (\"paragraph 5 above\")")


def build_document(head: dict[str, Any], pieces: list[Piece], tables: list, conv: Conventions,
                   placeholders: dict[str, str], warn: Any) -> dict[str, Any]:
    (main, *annexes), headings = split(pieces, conv)
    _annexes_numbered(headings, conv, warn)
    data: dict[str, Any] = {"kind": "report", **head, "language": conv.code}
    symbol = str(head.get("symbol", ""))
    served = body_of(symbol)
    text = resolution_data(main, conv, served.code, symbol, warn) if served is not None else None
    if text is not None:  # a resolution or decision: its text read, the annexes as any document's
        data["kind"], data["resolution"] = text
    title = main.pop(0) if main and main[0].kind == "title" else None
    listed = contents(main, conv)
    tops = [p for p in main if p.kind == "heading" and p.level == 1]
    if title is None and main and main[0] in tops and len(tops) == 1:  # a Word file whose one top heading names it
        title = main.pop(0)
    if title is None and main and main[0].kind in ("para", "letter", "heading") and is_letter_title(main[0].text,
                                                                                                   conv):
        title = main.pop(0)  # a letter whose title is typed as its first paragraph
    several = len(annexes) > 1
    annex_data = [_annex(list(a), conv, f"annex {i}" if several else "the annex", warn)
                  for i, a in enumerate(annexes, 1)]
    corrigendum = corrigendum_data(title, main, conv, warn) if title is not None else None
    letter = letter_data(title, main, tables, conv, data, bool(annex_data), warn) if (
        title is not None and corrigendum is None) else None
    if text is not None:
        pass
    elif letter is not None:
        kind, letter_keys = letter
        data["kind"] = kind
        data["letter"] = letter_keys
    elif corrigendum is not None:
        data["kind"] = "corrigendum"
        data["corrigendum"] = corrigendum
    else:
        report: dict[str, Any] = {}
        if title is not None:
            report["title"] = markup([s for s in title.spans if hasattr(s, "text")])
            notes = [s for s in title.spans if not hasattr(s, "text") and hasattr(s, "content")]
            if notes and title.found.custom_mark:
                report["title_note"] = markup(list(notes[0].content))
            elif notes:  # a note called from the title: kept where it was called
                report["title"] = markup(title.spans)
        else:
            report["title"] = "Title of the document"
            placeholders["report.title"] = "the title, as it is printed under the masthead"
        if listed:
            report["contents"] = listed
        body = BodyBuilder(main, conv, annex=False)
        _numbers_kept(body, "the report", warn)
        report.update(body.keys())
        data["report"] = report
    if annex_data:
        data["annexes"] = annex_data
    if _numbered_per_annex([main, *annexes], warn):
        data["table_numbering"] = "annex"
    return simplified({k: data[k] for k in ORDER if k in data})


def _numbered_per_annex(bodies: list[list[Piece]], warn: Any) -> bool:
    """Whether the tables' printed numbers start afresh in each annex (``table_numbering: annex``); a number
    that is neither way is said, with the one the build will print."""
    numbered = [[p for p in body if p.kind == "table" and p.number is not None] for body in bodies]
    printed = [p.number for body in numbered for p in body]
    through = [str(i) for i in range(1, len(printed) + 1)]
    if printed == through:
        return False
    if len(bodies) > 1 and all([p.number for p in body] == [str(i) for i in range(1, len(body) + 1)]
                               for body in numbered):
        return True
    for piece, number in zip([p for body in numbered for p in body], through, strict=True):
        if piece.number != number:
            warn(f"paragraph {piece.index} (table)", f"the table numbered {piece.number} is numbered {number} by "
                                                     "cddraft, which numbers the tables in order")
    return False


