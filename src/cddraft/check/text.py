"""Outline markup flattened to what a reader sees, keeping where each character came from.

Rules match regular expressions against the *visible* text (``~`` is a no-break space, escapes
are resolved, emphasis markers and footnotes are gone) but must report a position in the
outline; :class:`Flat` keeps, for every visible character, its offset in the raw markup string,
so a match maps back to a column. The grammar mirrors :mod:`cddraft.model.inline` (whose
parser keeps no offsets); text reaching the rules has already passed that parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cddraft.model.inline import ESCAPABLE

_REF = re.compile(r"\{ref:([A-Za-z][\w.-]*)\}")
_NEWLINES = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
#: What a ``{ref:ID}`` stands for in the flattened text: one figure (it prints as a number).
REF_STANDIN = "1"


@dataclass
class Note:
    """A footnote: where its call stands in the host text, and its own flattened text."""

    at: int
    raw: int
    flat: Flat


@dataclass
class Flat:
    """Visible text with, per character, its raw offset and emphasis; footnotes kept aside.

    An escaped character points at its backslash, a folded line break at the blanks it replaced,
    a ``{ref:…}`` (shown as one figure) at its brace.
    """

    text: str = ""
    origin: list[int] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)
    sup: list[bool] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def raw_offset(self, index: int) -> int:
        """The raw offset of visible character ``index`` (clamped to the text)."""
        if not self.origin:
            return 0
        return self.origin[max(0, min(index, len(self.origin) - 1))]

    def runs(self, flags: list[bool]) -> list[tuple[int, int]]:
        """``(start, end)`` of each stretch where ``flags`` (e.g. :attr:`bold`) is true."""
        out, start = [], None
        for i, on in enumerate([*flags, False]):
            if on and start is None:
                start = i
            elif not on and start is not None:
                out.append((start, i))
                start = None
        return out


def _normalised(raw: str) -> tuple[str, list[int]]:
    """Fold line breaks to one space, as :func:`cddraft.model.inline.normalise`, with origins."""
    text, origin, last = [], [], 0
    for m in _NEWLINES.finditer(raw):
        text.append(raw[last : m.start()])
        origin.extend(range(last, m.start()))
        text.append(" ")
        origin.append(m.start())
        last = m.end()
    text.append(raw[last:])
    origin.extend(range(last, len(raw)))
    return "".join(text), origin


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    depth, j = 0, start
    while j < len(text):
        if text[j] == "\\" and j + 1 < len(text) and text[j + 1] in ESCAPABLE:
            j += 2
            continue
        if text[j] == opener:
            depth += 1
        elif text[j] == closer:
            if depth == 0:
                return j
            depth -= 1
        j += 1
    return len(text)


class _Flattener:
    def __init__(self, text: str, origin: list[int]) -> None:
        self.t, self.o = text, origin
        self.out = Flat()
        self.bold = self.italic = False

    def add(self, ch: str, at: int, *, sup: bool = False, bold: bool = False, italic: bool = False) -> None:
        f = self.out
        f.text += ch
        f.origin.append(self.o[at] if at < len(self.o) else (self.o[-1] if self.o else 0))
        f.bold.append(self.bold or bold)
        f.italic.append(self.italic or italic)
        f.sup.append(sup)

    def run(self) -> Flat:
        t, i = self.t, 0
        while i < len(t):
            c = t[i]
            if c == "\\" and i + 1 < len(t) and t[i + 1] in ESCAPABLE:
                self.add(t[i + 1], i)
                i += 2
            elif c == "*":
                if t.startswith("**", i):
                    self.bold = not self.bold
                    i += 2
                else:
                    self.italic = not self.italic
                    i += 1
            elif c == "~":
                self.add("\u00a0", i)
                i += 1
            elif t.startswith("^[", i):
                end = _closing(t, i + 2, "[", "]")
                inner = _Flattener(t[i + 2 : end], self.o[i + 2 : end]).run()
                self.out.notes.append(Note(len(self.out.text), self.o[i], inner))
                i = end + 1
            elif t.startswith("^{", i):
                end = _closing(t, i + 2, "{", "}")
                inner = _Flattener(t[i + 2 : end], self.o[i + 2 : end]).run()
                for k, ch in enumerate(inner.text):
                    self.out.text += ch
                    self.out.origin.append(inner.origin[k])
                    self.out.bold.append(self.bold or inner.bold[k])
                    self.out.italic.append(self.italic or inner.italic[k])
                    self.out.sup.append(True)
                i = end + 1
            elif c == "{" and (m := _REF.match(t, i)):
                self.add(REF_STANDIN, i)
                i = m.end()
            else:
                self.add(c, i)
                i += 1
        return self.out


def flatten(raw: str) -> Flat:
    """Flatten one markup string (see the module docstring)."""
    text, origin = _normalised(raw)
    return _Flattener(text, origin).run()
