r"""The small inline markup of outline text, parsed into spans.

========================  =========================================
``*italic*``              italic
``**bold**``              bold
``^[note text]``          a footnote (its text may hold markup, not another note)
``^{er}``                 superscript (French ``1^{er}``)
``~``                     a non-breaking space
``{ref:ID}``              the final number of the paragraph with ``id: ID``
``\*`` ``\~`` ``\^`` …    the character itself (any of ``\ * ~ ^ { } [ ]``)
========================  =========================================

Everything else is literal text: ``{{ }}``, ``{% %}``, ``&`` and ``<`` are never interpreted.
Line breaks inside a string (from YAML block scalars) become single spaces; a tab stays a tab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ESCAPABLE = set("\\*~^{}[]")
_REF = re.compile(r"\{ref:([A-Za-z][\w.-]*)\}")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NEWLINES = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_SPECIAL = re.compile(r"[\\*~^{]")  # where markup may start; plain text between is copied in one step


class MarkupError(ValueError):
    """Text that cannot be parsed; the message says what to change."""


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    ref: str | None = None  # set once a {ref:id} is resolved: the text is the number of the block ``id``


@dataclass(frozen=True)
class Ref:
    target: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Footnote:
    content: tuple[Span | Ref, ...] = field(default_factory=tuple)


Inline = Span | Ref | Footnote


def check_characters(text: str) -> None:
    """Refuse characters XML cannot carry (C0/C1 controls, lone surrogates, U+FFFE/F)."""
    m = _FORBIDDEN.search(text)
    if m:
        ch = m.group()
        raise MarkupError(
            f"control character U+{ord(ch):04X} at character {m.start() + 1} cannot appear in a document; "
            "delete it (it usually comes from pasting)"
        )


def normalise(text: str) -> str:
    """What the document shows for a plain string: line breaks folded into one space."""
    if "\n" not in text and "\r" not in text:  # the usual case; the regex tries every blank otherwise
        return text
    return _NEWLINES.sub(" ", text)


def escape(text: str) -> str:
    """Markup-escape plain text so that :func:`parse` gives it back unchanged."""
    return "".join("\\" + c if c in ESCAPABLE else c for c in text)


def plain_text(spans: list[Inline] | tuple[Inline, ...], refs: dict[str, str] | None = None) -> str:
    """The text of spans without footnotes (for titles, checks and word counts)."""
    out = []
    for s in spans:
        if isinstance(s, Span):
            out.append(s.text)
        elif isinstance(s, Ref):
            out.append((refs or {}).get(s.target, s.target))
    return "".join(out)


def parse(text: str, *, in_note: bool = False) -> list[Inline]:
    """Parse outline text into spans; raise :class:`MarkupError` with a fix on bad markup."""
    check_characters(text)
    text = normalise(text)
    return _Parser(text, in_note).run()


class _Parser:
    def __init__(self, text: str, in_note: bool, in_sup: bool = False) -> None:
        self.text = text
        self.in_note = in_note
        self.in_sup = in_sup
        self.i = 0
        self.bold = False
        self.italic = False
        self.bold_at = self.italic_at = 0
        self.out: list[Inline] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            self.out.append(Span("".join(self.buf), self.bold, self.italic))
            self.buf = []

    def run(self) -> list[Inline]:
        t = self.text
        while self.i < len(t):
            m = _SPECIAL.search(t, self.i)
            if m is None:
                self.buf.append(t[self.i:])
                break
            if m.start() > self.i:
                self.buf.append(t[self.i:m.start()])
                self.i = m.start()
            c = t[self.i]
            if c == "\\" and self.i + 1 < len(t) and t[self.i + 1] in ESCAPABLE:
                self.buf.append(t[self.i + 1])
                self.i += 2
            elif c == "*":
                self.flush()
                if t.startswith("**", self.i):
                    self.bold, self.bold_at = not self.bold, self.i
                    self.i += 2
                else:
                    self.italic, self.italic_at = not self.italic, self.i
                    self.i += 1
            elif c == "~":
                self.buf.append("\u00a0")
                self.i += 1
            elif c == "^" and t.startswith("^[", self.i):
                self._footnote()
            elif c == "^" and t.startswith("^{", self.i):
                self._superscript()
            elif c == "{" and (m := _REF.match(t, self.i)):
                self.flush()
                self.out.append(Ref(m.group(1), self.bold, self.italic))
                self.i = m.end()
            else:
                self.buf.append(c)
                self.i += 1
        self.flush()
        if self.bold:
            raise MarkupError(
                f"** at character {self.bold_at + 1} opens bold that is never closed; "
                "close it with ** or write \\* for a literal asterisk"
            )
        if self.italic:
            raise MarkupError(
                f"* at character {self.italic_at + 1} opens italic that is never closed; "
                "close it with * or write \\* for a literal asterisk"
            )
        return self.out

    def _closing(self, start: int, opener: str, closer: str) -> int:
        depth, j, t = 0, start, self.text
        while j < len(t):
            if t[j] == "\\" and j + 1 < len(t) and t[j + 1] in ESCAPABLE:
                j += 2
                continue
            if t[j] == opener:
                depth += 1
            elif t[j] == closer:
                if depth == 0:
                    return j
                depth -= 1
            j += 1
        raise MarkupError(
            f"^{opener} at character {start - 1} is never closed with {closer}; "
            f"close it or write \\^ for a literal caret"
        )

    def _footnote(self) -> None:
        start = self.i + 2
        if self.in_note:
            raise MarkupError(f"a footnote cannot hold another footnote (character {self.i + 1})")
        end = self._closing(start, "[", "]")
        self.flush()
        inner = _Parser(self.text[start:end], True).run()
        if not any(isinstance(s, Span) and s.text.strip() for s in inner):
            raise MarkupError(f"the footnote at character {self.i + 1} is empty; write its text inside ^[…]")
        self.out.append(Footnote(tuple(s for s in inner if not isinstance(s, Footnote))))
        self.i = end + 1

    def _superscript(self) -> None:
        start = self.i + 2
        if self.in_sup:  # nothing to gain, and nesting without end would exhaust the stack
            raise MarkupError(f"a superscript cannot hold another superscript (character {self.i + 1}); "
                              "write \\^ for a literal caret")
        end = self._closing(start, "{", "}")
        self.flush()
        inner = _Parser(self.text[start:end], True, in_sup=True).run()
        for s in inner:
            if isinstance(s, Span):
                self.out.append(Span(s.text, s.bold or self.bold, s.italic or self.italic, True))
        self.i = end + 1
