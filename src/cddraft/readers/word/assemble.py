"""Classified paragraphs → the outline's data: the body (a report's sections, a letter's paragraphs and
signatures, a corrigendum's corrections) and the annexes, with the keys an outline writes only where they differ
from their defaults."""

from __future__ import annotations

import re
from typing import Any

from cddraft.conventions import Conventions
from cddraft.model.inline import Inline
from cddraft.model.markup import to_markup
from cddraft.readers.word.classify import Piece
from cddraft.readers.word.runs import trimmed


def markup(spans: list[Inline]) -> str:
    return to_markup(trimmed(spans))


class BodyBuilder:
    """Builds one body of text (the report's, or an annex's) from its classified paragraphs: the blocks nested
    under their headings, and the numbering switches the paragraphs show."""

    def __init__(self, pieces: list[Piece], conv: Conventions, *, annex: bool) -> None:
        self.conv = conv
        self.numbered_paragraphs = any(p.kind == "para" and p.number for p in pieces)
        self.numbered_headings = any(p.kind == "heading" and p.number for p in pieces)
        self.content: list[Any] = []
        self.annex = annex
        self._stack: list[tuple[int, list[Any]]] = [(0, self.content)]
        self._last_para: dict[str, Any] | None = None
        self._item_parents: list[dict[str, Any]] = []
        self._quote: list[str] | None = None
        self._bullets: list[list[Any]] | None = None  # the bullet list being filled, one list a level
        self._count = 0  # the paragraphs numbered so far
        #: (the paragraph's place, the number Word printed, the number cddraft prints) where the two differ
        self.renumbered: list[tuple[int, str, int]] = []
        for piece in pieces:
            self.add(piece)

    def keys(self) -> dict[str, Any]:
        """``numbered_paragraphs``/``numbered_headings`` where they differ from the default, then ``content``."""
        out: dict[str, Any] = {}
        default = not self.annex
        if self.numbered_paragraphs != default:
            out["numbered_paragraphs"] = self.numbered_paragraphs
        if self.numbered_headings != default:
            out["numbered_headings"] = self.numbered_headings
        out["content"] = self.content
        return out

    def _here(self) -> list[Any]:
        return self._stack[-1][1]

    def add(self, piece: Piece) -> None:
        kind = piece.kind
        if kind != "quote":
            self._quote = None
        if kind != "bullet":
            self._bullets = None
        if kind == "heading":
            depth = piece.depth or (piece.level if self.numbered_headings else max(piece.level - 1, 1))
            while len(self._stack) > 1 and self._stack[-1][0] >= depth:
                self._stack.pop()
            section: dict[str, Any] = {"heading": markup(piece.spans)}
            if piece.found.bookmarks:
                section["id"] = piece.found.bookmarks[0]
            if self.numbered_headings and not piece.number:  # a sub-heading that takes no number
                section["numbered"] = False
            section["content"] = []
            self._here().append(section)
            self._stack.append((depth, section["content"]))
            self._last_para = None
        elif kind == "table" and piece.block is not None:
            self._here().append(piece.block)
            self._last_para = None
        elif kind == "item" and self._last_para is not None:
            self._item(piece)
        elif kind == "quote":
            if self._quote is None:
                self._quote = []
                self._here().append({"quote": self._quote})
            self._quote.append(markup(piece.spans))
            self._last_para = None
        elif kind == "bullet":
            self._bullet(piece)
            self._last_para = None
        else:
            self._para(piece)

    def _para(self, piece: Piece) -> None:
        entry: dict[str, Any] = {"text": markup(piece.spans)}
        if piece.found.bookmarks:
            entry["id"] = piece.found.bookmarks[0]
        if self.numbered_paragraphs and not (piece.number and piece.kind == "para"):
            entry["numbered"] = False
        elif self.numbered_paragraphs:
            self._count += 1
            digits = re.findall(r"\d+", piece.number or "")
            if len(digits) != 1 or int(digits[0]) != self._count:
                self.renumbered.append((piece.index, piece.number or "", self._count))
        self._here().append(entry)
        self._last_para = entry
        self._item_parents = [entry]

    def _item(self, piece: Piece) -> None:
        depth = min(piece.level, len(self._item_parents))
        parent = self._item_parents[depth - 1]
        item: dict[str, Any] = {"text": markup(piece.spans)}
        parent.setdefault("items", []).append(item)
        self._item_parents[depth:] = [item]

    def _bullet(self, piece: Piece) -> None:
        """A bullet at its level: under the last bullet of the level above (a level skipped is not made up)."""
        if self._bullets is None:
            self._bullets = [[]]
            self._here().append({"bullets": self._bullets[0]})
        levels = self._bullets
        level = max(min(piece.level, len(levels) + (1 if levels[-1] else 0)), 1)
        del levels[level:]
        if level > len(levels):
            parent = levels[-1][-1]
            if isinstance(parent, str):
                parent = levels[-1][-1] = {"text": parent}
            levels.append(parent.setdefault("bullets", []))
        levels[level - 1].append(markup(piece.spans))


def simplified(value: Any) -> Any:
    """The outline's short forms: a paragraph or item with nothing but text as that text; empty lists dropped."""
    if isinstance(value, list):
        return [simplified(v) for v in value]
    if isinstance(value, dict):
        out = {k: simplified(v) for k, v in value.items() if not (k in ("items", "bullets", "content") and v == [])}
        if set(out) == {"text"}:
            return out["text"]
        return out
    return value
