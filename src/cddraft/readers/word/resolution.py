"""A resolution or decision in a Word file (issue 29): told by its organ's formula ("The General Assembly,"), with
the sponsors' line above the title ("Austria and Brazil: draft resolution"), the unnumbered preambular paragraphs
and the numbered operative ones, read back into ``kind: resolution`` or ``kind: decision``.

The opening words of each paragraph are emphasised as the language sets them (italic; Chinese bold; Arabic bold
italic); the outline marks them ``*…*`` in every language, so they are read back as that mark."""

from __future__ import annotations

from typing import Any

from cddraft.conventions import Conventions
from cddraft.model.inline import Inline, Span
from cddraft.readers.word.assemble import markup
from cddraft.readers.word.classify import Piece

#: The first word of a title that names a decision ("Decision on the establishment of …"), by language.
_DECISION_WORDS = ("decision", "décision", "decisión", "решение", "决定", "مقرر")


def _blank(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _labels(conv: Conventions) -> list[tuple[str, str, bool]]:
    """(label, kind, revised) for every label the sponsors' line may end with, longest first."""
    r = conv.resolution
    out = [(r.revised_label[k], k, True) for k in ("resolution", "decision")]
    out += [(r.label[k], k, False) for k in ("resolution", "decision")]
    return sorted(out, key=lambda x: -len(x[0]))


def sponsors_line(text: str, conv: Conventions) -> tuple[list[str] | None, str | None, str, bool] | None:
    """(sponsors, submitted by, kind, revised) of a sponsors' line, or None when ``text`` is not one."""
    r = conv.resolution
    line = _blank(text)
    for label, kind, revised in _labels(conv):
        head, _, tail = r.sponsored.partition("{sponsors}")
        middle = tail.replace("{label}", label)
        if line.endswith(_blank(middle)) and line.startswith(head):
            names = line[len(head):len(line) - len(_blank(middle))]
            first, sep, last = names.rpartition(r.and_)
            listed = [n.strip() for n in first.split(r.separator.strip() or r.separator)] if sep else []
            sponsors = [n for n in [*listed, (last if sep else names).strip()] if n]
            return (sponsors, None, kind, revised) if sponsors else None
        shown = r.submitted.replace("{label}", label).replace("{Label}", label[:1].upper() + label[1:])
        before, _, after = shown.partition("{by}")
        if line.startswith(_blank(before)) and line.endswith(_blank(after)) and len(line) > len(_blank(before)):
            by = line[len(_blank(before)):len(line) - len(after)].strip()
            return (None, by, kind, revised) if by else None
    return None


def _organ_at(pieces: list[Piece], conv: Conventions) -> tuple[int, str] | None:
    """Where the organ's formula stands, and the organ: a short paragraph that is an organ's name, its comma after."""
    r = conv.resolution
    known = {_blank(o) for o in r.organs.values()}
    for i, piece in enumerate(pieces[:8]):
        text = _blank(piece.text).rstrip(r.organ_end.strip() + ",، ")
        emphasised = _opener(piece.spans, conv)[0]  # an organ the conventions do not know: "*The Meeting*,"
        if text and (text in known or (len(text) < 80 and piece.text.rstrip().endswith(r.organ_end.strip())
                                       and emphasised >= 1 and emphasised == len(piece.spans) - 1)):
            return i, text
    return None


def _opener(spans: list[Inline], conv: Conventions) -> tuple[int, list[Inline]]:
    """How many leading spans are set as the language sets opening words, and the spans with those marked as the
    outline marks them (``*…*``: italic)."""
    style = conv.resolution.opener
    want = (style.get("bold", False), style.get("italic", False))
    out: list[Inline] = []
    count = 0
    for s in spans:
        if count == len(out) and isinstance(s, Span) and (s.bold, s.italic) == want and s.text.strip():
            out.append(Span(s.text, False, True, s.sup))
            count += 1
        else:
            out.append(s)
    return count, out


def _text(piece: Piece, conv: Conventions) -> str:
    return markup(_opener(piece.spans, conv)[1])


#: Lower-case Roman numerals, which mark the second depth of subparagraphs ("(i)"; Chinese "㈠" apart).
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _roman(number: str | None, open_depths: int) -> bool:
    """Whether a subparagraph's marker is a second-depth one: a Roman numeral under an open subparagraph (an "(i)"
    right after "(h)" is the ninth letter)."""
    core = "".join(ch for ch in (number or "") if ch.isalpha()).casefold()
    return open_depths > 1 and core in _ROMANS


def _simple(entry: dict[str, Any]) -> Any:
    """A paragraph or subparagraph as an outline writes it: a string unless it has subparagraphs."""
    if "items" not in entry:
        return entry["text"]
    return {"text": entry["text"], "items": [_simple(e) for e in entry["items"]]}


def resolution_data(main: list[Piece], conv: Conventions, served_code: str, symbol: str,
                    warn: Any) -> tuple[str, dict[str, Any]] | None:
    """(kind, the ``resolution:`` keys) when ``main`` is a resolution's text, else None; ``main`` is emptied of
    what was read."""
    found = _organ_at(main, conv)
    if found is None:
        return None
    at, organ = found
    before, rest = main[:at], main[at + 1:]
    if not any(p.number and p.kind != "item" for p in rest):  # no numbered operative paragraph: not a resolution
        return None
    keys: dict[str, Any] = {}
    kind = "resolution"
    titles = [p for p in before if p.kind in ("title", "heading") and sponsors_line(p.text, conv) is None]
    for piece in before:
        line = sponsors_line(piece.text, conv)
        if line is not None:
            sponsors, by, kind, revised = line
            if sponsors:
                keys["sponsors"] = sponsors
            if by:
                keys["submitted_by"] = by
            if revised != ("/Rev." in symbol):
                keys["revised"] = revised
        elif piece not in titles:
            warn(f"paragraph {piece.index}", f"read as a line above the title: {_blank(piece.text)!r}")
    if titles:
        keys["title"] = markup([s for s in titles[-1].spans if isinstance(s, Span)])
        if "sponsors" not in keys and "submitted_by" not in keys and keys["title"].casefold().startswith(
                _DECISION_WORDS):
            kind = "decision"
    if conv.resolution.organs.get(served_code) != organ:
        keys["organ"] = organ
    preamble: list[Any] = []
    operative: list[Any] = []
    target = preamble
    parents: list[dict[str, Any]] = []  # the paragraph, then the subparagraph at each depth
    for piece in rest:
        entry: dict[str, Any] = {"text": _text(piece, conv)}
        if piece.kind == "item" and parents:
            depth = min(2 if _roman(piece.number, len(parents)) else 1, len(parents))
            parents[depth - 1].setdefault("items", []).append(entry)
            parents[depth:] = [entry]
            continue
        if piece.number:
            target = operative
        target.append(entry)
        parents = [entry]
    keys["preamble"] = [_simple(e) for e in preamble]
    keys["operative"] = [_simple(e) for e in operative]
    if not keys["preamble"]:
        del keys["preamble"]
    main.clear()
    return kind, keys

