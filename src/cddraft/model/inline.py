r"""The small inline markup of outline text, parsed once into spans that remember where they came from.

========================  =========================================
``*italic*``              italic
``**bold**``              bold
``^[note text]``          a footnote (its text may hold markup, not another note)
``^{er}``                 superscript (French ``1^{er}``); it may hold a ``{ref:ID}``
``~``                     a non-breaking space
``{ref:ID}``              the final number of the paragraph with ``id: ID``
``\*`` ``\~`` ``\^`` …    the character itself (any of ``\ * ~ ^ { } [ ]``)
========================  =========================================

Everything else is literal text: ``{{ }}``, ``{% %}``, ``&`` and ``<`` are never interpreted.
Line breaks inside a string (from YAML block scalars) become single spaces; a tab inside a text stays a
tab (the model strips blanks at the ends of a text first: docs/outline.md, "Blanks").

Every span keeps the offset in the written string of each of its characters (an escaped
character: its backslash; a folded line break: its first blank), and every error the offset of
the markup at fault, so findings and errors are reported at their own line and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

ESCAPABLE = frozenset("\\*~^{}[]")
_REF = re.compile(r"\{ref:([A-Za-z][\w.-]*)\}")
#: Characters XML cannot carry (C0/C1 controls but tab, line feed, carriage return; U+FFFE/F; lone surrogates).
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NEWLINES = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_SPECIAL = re.compile(r"[\\*~^{\r\n]")  # where markup (or a line break) may start; text between is copied whole
#: Either of the two: a text with none of them is one plain span, found with one search.
_SPECIAL_OR_FORBIDDEN = re.compile(_SPECIAL.pattern[:-1] + FORBIDDEN_CHARACTERS.pattern[1:])
_BLANKS = " \t"


class MarkupError(ValueError):
    """Text that cannot be parsed; the message says what to change, ``offset`` where."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset
        self.text = ""  # the string parsed (set by parse), in which ``offset`` counts


@dataclass(frozen=True, slots=True)
class Span:
    """Visible text in one formatting. ``start`` and ``jumps`` map it back to the written string."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    start: int = field(default=0, compare=False)
    #: ``(index, offset)`` where the text stops following the written string one to one (after an
    #: escape or a folded line break), in order.
    jumps: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def offset(self, index: int) -> int:
        """The offset in the written string of ``text[index]``."""
        at = self.start + index
        for i, written in self.jumps:
            if i > index:
                break
            at = written + index - i
        return at


@dataclass(frozen=True, slots=True)
class Ref:
    """``{ref:ID}``: the number of the block ``ID``; ``number`` is set once localise knows it."""

    target: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    start: int = field(default=0, compare=False)
    number: str | None = None


@dataclass(frozen=True, slots=True)
class Footnote:
    """``^[…]``: its content, and ``start``, the offset of its ``^``."""

    content: tuple[Span | Ref, ...] = ()
    start: int = field(default=0, compare=False)


Inline = Span | Ref | Footnote


_SET_TEXT, _SET_BOLD, _SET_ITALIC, _SET_SUP, _SET_START, _SET_JUMPS = (
    Span.__dict__[name].__set__ for name in ("text", "bold", "italic", "sup", "start", "jumps"))


def plain_span(text: str, bold: bool = False, italic: bool = False, sup: bool = False) -> Span:
    """``Span(text, bold, italic, sup)``, its slots set directly rather than through the frozen dataclass's
    ``__init__``: spans are made by the thousand (a cell of plain text, a table's figures, the runs of an imported
    Word file), at half the cost."""
    span = object.__new__(Span)
    _SET_TEXT(span, text)
    _SET_BOLD(span, bold)
    _SET_ITALIC(span, italic)
    _SET_SUP(span, sup)
    _SET_START(span, 0)
    _SET_JUMPS(span, ())
    return span


def check_characters(text: str) -> None:
    """Refuse characters XML cannot carry (C0/C1 controls, lone surrogates, U+FFFE/F)."""
    m = FORBIDDEN_CHARACTERS.search(text)
    if m:
        ch = m.group()
        raise MarkupError(
            f"control character U+{ord(ch):04X} at character {m.start() + 1} cannot appear in a document; "
            "delete it (it usually comes from pasting)", m.start()
        )


def normalise(text: str) -> str:
    """What the document shows for a plain string: line breaks folded into one space."""
    if "\n" not in text and "\r" not in text:  # the usual case; the regex tries every blank otherwise
        return text
    return _NEWLINES.sub(" ", text)


def escape(text: str) -> str:
    """Markup-escape plain text so that :func:`parse` gives it back unchanged."""
    return "".join("\\" + c if c in ESCAPABLE else c for c in text)


def stripped(spans: list[Inline]) -> list[Inline]:
    """Spans without the blanks at their ends, as the outline strips a text: blank spans dropped, the first and
    last span's text trimmed (footnotes and references stay where they are)."""
    out = list(spans)
    while out and isinstance(out[0], Span) and not out[0].text.strip():
        out.pop(0)
    while out and isinstance(out[-1], Span) and not out[-1].text.strip():
        out.pop()
    if out and isinstance(out[0], Span) and out[0].text[:1].isspace():  # replaced only where blanks are cut
        out[0] = replace(out[0], text=out[0].text.lstrip())
    if out and isinstance(out[-1], Span) and out[-1].text[-1:].isspace():
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return out


def plain_text(spans: Sequence[Inline], refs: dict[str, str] | None = None) -> str:
    """The text of spans without footnotes (for titles, checks and word counts)."""
    out = []
    for s in spans:
        if isinstance(s, Span):
            out.append(s.text)
        elif isinstance(s, Ref):
            out.append(s.number if s.number is not None else (refs or {}).get(s.target, s.target))
    return "".join(out)


def parse(text: str, *, in_note: bool = False) -> list[Inline]:
    """Parse outline text into spans; raise :class:`MarkupError` with a fix (and an offset) on bad markup."""
    try:
        if not _SPECIAL_OR_FORBIDDEN.search(text):  # plain text (most table cells, many paragraphs): one span
            return [plain_span(text)] if text else []
        check_characters(text)
        if not _SPECIAL.search(text):
            return [plain_span(text)] if text else []
        return _Parser(text, 0, len(text), in_note=in_note).run()
    except MarkupError as exc:
        exc.text = text
        raise


class _Parser:
    """One pass over ``text[begin:end]``; a footnote or superscript is parsed by a parser over its own window."""

    def __init__(self, text: str, begin: int, end: int, *, in_note: bool = False, in_sup: bool = False) -> None:
        self.text, self.i, self.end = text, begin, end
        self.in_note, self.in_sup = in_note, in_sup
        self.bold = self.italic = False
        self.bold_at = self.italic_at = 0
        self.out: list[Inline] = []
        self.buf: list[str] = []
        self.buf_len = self.buf_start = self.expect = 0
        self.jumps: list[tuple[int, int]] = []

    def add(self, piece: str, at: int) -> None:
        """Buffer ``piece``, written at offset ``at``; a jump is recorded where the offsets stop running on."""
        if not self.buf:
            self.buf_start, self.jumps = at, []
        elif at != self.expect:
            self.jumps.append((self.buf_len, at))
        self.buf.append(piece)
        self.buf_len += len(piece)
        self.expect = at + len(piece)

    def flush(self) -> None:
        if self.buf:
            self.out.append(Span("".join(self.buf), self.bold, self.italic, False, self.buf_start, tuple(self.jumps)))
            self.buf, self.buf_len = [], 0

    def run(self) -> list[Inline]:
        t, end = self.text, self.end
        while self.i < end:
            m = _SPECIAL.search(t, self.i, end)
            stop = m.start() if m is not None else end
            if m is not None and t[stop] in "\r\n":
                self._line_break(stop)
                continue
            if stop > self.i:
                self.add(t[self.i:stop], self.i)
                self.i = stop
            if m is None:
                break
            self._markup(t[stop])
        self.flush()
        if self.bold:
            raise MarkupError(f"** at character {self.bold_at + 1} opens bold that is never closed; "
                              "close it with ** or write \\* for a literal asterisk", self.bold_at)
        if self.italic:
            raise MarkupError(f"* at character {self.italic_at + 1} opens italic that is never closed; "
                              "close it with * or write \\* for a literal asterisk", self.italic_at)
        return self.out

    def _line_break(self, at: int) -> None:
        """Blanks, a line break and blanks become one space (the text before it is plain: blanks are no markup)."""
        t, k = self.text, at
        while k > self.i and t[k - 1] in _BLANKS:
            k -= 1
        if k > self.i:
            self.add(t[self.i:k], self.i)
        self.add(" ", k)
        j = at + (2 if t.startswith("\r\n", at, self.end) else 1)
        while j < self.end and t[j] in _BLANKS:
            j += 1
        self.i = j

    def _markup(self, c: str) -> None:
        t, i = self.text, self.i
        if c == "\\" and i + 1 < self.end and t[i + 1] in ESCAPABLE:
            self.add(t[i + 1], i)
            self.i += 2
        elif c == "*":
            self.flush()
            if t.startswith("**", i, self.end):
                self.bold, self.bold_at = not self.bold, i
                self.i += 2
            else:
                self.italic, self.italic_at = not self.italic, i
                self.i += 1
        elif c == "~":
            self.add("\u00a0", i)
            self.i += 1
        elif c == "^" and t.startswith("^[", i, self.end):
            self._footnote()
        elif c == "^" and t.startswith("^{", i, self.end):
            self._superscript()
        elif c == "{" and (m := _REF.match(t, i, self.end)):
            self.flush()
            self.out.append(Ref(m.group(1), self.bold, self.italic, False, i))
            self.i = m.end()
        else:
            self.add(c, i)
            self.i += 1

    def _closing(self, start: int, opener: str, closer: str) -> int:
        depth, j, t = 0, start, self.text
        while j < self.end:
            if t[j] == "\\" and j + 1 < self.end and t[j + 1] in ESCAPABLE:
                j += 2
                continue
            if t[j] == opener:
                depth += 1
            elif t[j] == closer:
                if depth == 0:
                    return j
                depth -= 1
            j += 1
        raise MarkupError(f"^{opener} at character {start - 1} is never closed with {closer}; "
                          f"close it or write \\^ for a literal caret", start - 2)

    def _footnote(self) -> None:
        start = self.i + 2
        if self.in_note:
            where = "a superscript cannot hold a footnote" if self.in_sup else "a footnote cannot hold another footnote"
            raise MarkupError(f"{where} (character {self.i + 1})", self.i)
        end = self._closing(start, "[", "]")
        self.flush()
        inner = _Parser(self.text, start, end, in_note=True).run()
        if not any(isinstance(s, Span) and s.text.strip() for s in inner):
            raise MarkupError(f"the footnote at character {self.i + 1} is empty; write its text inside ^[…]", self.i)
        self.out.append(Footnote(tuple(s for s in inner if not isinstance(s, Footnote)), self.i))
        self.i = end + 1

    def _superscript(self) -> None:
        start = self.i + 2
        if self.in_sup:  # nothing to gain, and nesting without end would exhaust the stack
            raise MarkupError(f"a superscript cannot hold another superscript (character {self.i + 1}); "
                              "write \\^ for a literal caret", self.i)
        end = self._closing(start, "{", "}")
        self.flush()
        for s in _Parser(self.text, start, end, in_note=True, in_sup=True).run():
            if isinstance(s, Span | Ref):
                self.out.append(replace(s, bold=s.bold or self.bold, italic=s.italic or self.italic, sup=True))
        self.i = end + 1
