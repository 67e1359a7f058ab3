"""What the classified paragraphs still need before they are an outline that builds: Word's numbered lists told
from its numbered paragraphs, cross-references kept only where the outline can number their targets, and the keys
a document must have filled with placeholders, each said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from cddraft.model.fields import MAX_QR_BYTES
from cddraft.model.inline import Footnote, Inline, Ref, Span
from cddraft.readers.word.classify import Piece
from cddraft.readers.word.values import quoted

Warn = Callable[[str, str], None]
#: The symbol an outline takes until the secretariat gives one (``check`` flags it: CD315).
PLACEHOLDER_SYMBOL = "CD/0000"


def lead_in_lists(pieces: list[Piece]) -> None:
    """A list Word numbers 1., 2. … that begins again after a paragraph leading into it ("… as follows:") is a list
    of that paragraph's subparagraphs, not numbered paragraphs of the document: its items become (a), (b) …"""
    if not any(p.auto is not None for p in pieces):
        return
    i = 0
    while i < len(pieces):
        p = pieces[i]
        auto = p.auto
        before = pieces[i - 1] if i else None
        if (p.kind == "para" and auto is not None and auto.kind == "number" and auto.level == 0 and auto.restarted
                and before is not None and before.kind in ("para", "letter") and before.auto is None
                and before.text.rstrip().endswith((":", "："))):
            j = i
            while j < len(pieces) and pieces[j].auto is not None and pieces[j].auto.list == auto.list:  # type: ignore[union-attr]
                q = pieces[j]
                if q.kind in ("para", "item") and q.auto is not None:
                    q.kind, q.level = "item", q.auto.level + 1
                j += 1
            i = j
            continue
        i += 1


def _targets(pieces: list[Piece]) -> set[str]:
    """The ids the outline will number: a numbered paragraph's, a numbered heading's, a table's."""
    out: set[str] = set()
    for p in pieces:
        if p.kind in ("para", "heading") and p.number:
            out.update(p.found.bookmarks)
        elif p.kind == "table" and p.block and p.block.get("id"):
            out.add(p.block["id"])
    return out


def kept_references(pieces: list[Piece], shown: dict[str, str], warn: Warn) -> None:
    """A cross-reference whose target the outline does not number (an unnumbered paragraph, a text) is kept as the
    text Word showed, and said: ``{ref:}`` to it would not build."""
    targets = _targets(pieces)
    if all(t in targets for t in shown):
        return

    def fixed(spans: list[Inline] | tuple[Inline, ...], where: str) -> list[Inline]:
        out: list[Inline] = []
        for s in spans:
            if isinstance(s, Ref) and s.target not in targets:
                text = shown.get(s.target, "")
                warn(where, f"a cross-reference to a paragraph the outline does not number, kept as its text "
                            f"{quoted(text)}")
                if text:
                    out.append(Span(text))
            elif isinstance(s, Footnote):
                out.append(Footnote(tuple(x for x in fixed(s.content, where) if not isinstance(x, Footnote))))
            else:
                out.append(s)
        return out

    for p in pieces:
        if p.kind != "table" and any(isinstance(s, Ref) or (isinstance(s, Footnote) and any(
                isinstance(x, Ref) for x in s.content)) for s in p.spans):
            p.spans = fixed(p.spans, f"paragraph {p.index}")


def ordinary_placeholders(data: dict[str, Any], placeholders: dict[str, str]) -> None:
    """A Word file without a masthead: the symbol and the date it cannot know, left for the officer (``check``
    flags them until they are filled in)."""
    if data.get("symbol") in (None, PLACEHOLDER_SYMBOL):
        data["symbol"] = PLACEHOLDER_SYMBOL
        placeholders["symbol"] = "the document's symbol, given by the secretariat"
    if "date" not in data:
        data["date"] = (data.get("letter") or {}).get("date") or dt.date.today()
        placeholders["date"] = "the masthead date"


def fill_gaps(data: dict[str, Any], placeholders: dict[str, str], warn: Warn) -> None:
    """What a document must have and this one lacks, or has in a form an outline cannot hold, filled in so that the
    outline builds: the placeholder is commented where it stands and warned about."""
    letter = data.get("letter") or {}
    if "date" not in data:
        data["date"] = letter.get("date") or dt.date.today()
        placeholders["date"] = "the masthead date, which could not be read from the Word file"
    if letter and not letter.get("date"):
        letter["date"] = data["date"]
        placeholders["letter.date"] = "the letter's date, which its title does not give in the form cddraft reads"
        warn("letter", "the letter's date could not be read from its title; a placeholder was put in the outline")
    if data.get("kind") == "letter" and not letter.get("signatories"):
        letter["signatories"] = [{"name": "Name of the signatory"}]
        placeholders["letter.signatories"] = "the letter has no signature block: name who signs it"
        warn("letter", "no signature block was found; a placeholder signatory was put in the outline")
    qr = data.get("qr")
    if isinstance(qr, str) and len(qr.encode("utf-8")) > MAX_QR_BYTES:
        del data["qr"]
        warn("footer", f"the QR code's address ({len(qr.encode('utf-8')):,} bytes) is longer than a QR code "
                       f"holds here ({MAX_QR_BYTES:,}); the outline leaves it to the default, the document's "
                       f"address: {qr[:80]!r}…")
