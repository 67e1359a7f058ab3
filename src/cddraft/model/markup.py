"""Outline text as the model holds it: the string as written and its parsed spans, parsed once.

A :class:`Markup` is produced when the outline is validated (the pydantic types below) and is what
every later stage reads: localise (the spans), the editorial rules (:attr:`Markup.visible`), the
reference walk and the word counts. :func:`to_markup` writes spans back as markup, for writers
that produce outlines (an imported Word file) and for the round-trip property tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import GetPydanticSchema
from pydantic_core import core_schema

from cddraft.model.inline import ESCAPABLE, Footnote, Inline, MarkupError, Ref, Span, parse, plain_text
from cddraft.model.visible import Visible


@dataclass(frozen=True)
class Markup:
    """One outline string: ``raw`` as written (surrounding blanks stripped), ``spans`` as parsed."""

    raw: str
    spans: tuple[Inline, ...]

    def __str__(self) -> str:
        return self.raw

    @property
    def visible(self) -> Visible:
        """What a reader sees (footnotes set aside), with the written offset of every character; made once.

        Cached by hand: ``functools.cached_property`` takes a lock on every access in Python 3.11, which cost
        a 4,000-paragraph build some 30 ms.
        """
        seen = self.__dict__.get("_visible")
        if seen is None:
            seen = Visible(self.spans)
            object.__setattr__(self, "_visible", seen)  # a cache beside the fields: equality is unchanged
        return seen

    @property
    def plain(self) -> str:
        """The visible text without footnotes, references by their id (for one-line fields and messages)."""
        return plain_text(self.spans)

    def refs(self) -> list[Ref]:
        """Every ``{ref:…}``, in the text and in its footnotes, in order."""
        out: list[Ref] = []
        for s in self.spans:
            if isinstance(s, Ref):
                out.append(s)
            elif isinstance(s, Footnote):
                out.extend(x for x in s.content if isinstance(x, Ref))
        return out


def _refused(message: str, raw: str, offset: int) -> MarkupError:
    exc = MarkupError(message, offset)
    exc.text = raw
    return exc


def text(raw: str) -> Markup:
    """Running text: every construct allowed."""
    return Markup(raw, tuple(parse(raw)))


def plain(raw: str) -> Markup:
    """One-line text (names, titles, the sender): markup is resolved, but no footnotes or references."""
    spans = parse(raw)
    for s in spans:
        if isinstance(s, Footnote | Ref):
            raise _refused(
                "footnotes (^[…]) and {ref:…} cannot be used here, as this text is printed as one plain line; "
                "put the note in a paragraph, or write \\^ or \\{ for the character itself", raw, s.start)
    if not plain_text(spans).strip():
        raise _refused("nothing is left to print once the markup is removed; write the text", raw, 0)
    return Markup(raw, tuple(spans))


def note(raw: str) -> Markup:
    """The text of the title's footnote: markup, no footnote of its own, no cross-reference."""
    spans = parse(raw, in_note=True)
    for s in spans:
        if isinstance(s, Ref):
            raise _refused("{ref:…} cannot be used in the title's note (it is printed before the paragraphs are "
                           "numbered); write the paragraph number", raw, s.start)
    return Markup(raw, tuple(spans))


def schema(parser: Callable[[str], Markup], *, strip: bool = True, min_length: int = 1) -> GetPydanticSchema:
    """A pydantic type for outline text: validated as a string, parsed by ``parser``, dumped as written."""

    def build(_source: Any, _handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            parser, core_schema.str_schema(strip_whitespace=strip, min_length=min_length),
            serialization=core_schema.plain_serializer_function_ser_schema(str))

    return GetPydanticSchema(build)


#: Outline text with inline markup (see :mod:`cddraft.model.inline`).
Text = Annotated[Markup, schema(text)]
#: Text printed as one plain line: no footnotes or cross-references.
PlainText = Annotated[Markup, schema(plain)]
#: The text of a title's footnote.
NoteText = Annotated[Markup, schema(note)]


#: Each markup character with its backslash, and the no-break space as ``~`` (one ``str.translate``: an imported
#: 4,000-paragraph report escapes some 900,000 characters).
_ESCAPES = {ord(c): "\\" + c for c in ESCAPABLE} | {0xA0: "~"}


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _toggles(bold: bool, italic: bool, to_bold: bool, to_italic: bool) -> str:
    """The markers that switch emphasis from one state to another: ``**`` first, as the parser reads ``***``."""
    return "**" * (bold != to_bold) + "*" * (italic != to_italic)


def _runs(spans: tuple[Inline, ...] | list[Inline]) -> str:
    """Markup for ``spans`` (a footnote's or superscript's content starts with no emphasis, as the parser's does).

    Two neighbouring spans in the same emphasis are kept apart by ``****`` (bold off and on again), which the
    parser reads as a span boundary and nothing else.
    """
    out: list[str] = []
    bold = italic = False
    joinable = False  # the last thing written was text a following span of the same emphasis would run into
    for s in spans:
        if isinstance(s, Footnote):
            out.append("^[" + _runs(s.content) + "]")
            joinable = False
            continue
        switch = _toggles(bold, italic, s.bold, s.italic)
        out.append(switch or ("****" if joinable and not s.sup and isinstance(s, Span) else ""))
        bold, italic = s.bold, s.italic
        body = _escape(s.text) if isinstance(s, Span) else "{ref:" + s.target + "}"
        out.append("^{" + body + "}" if s.sup else body)
        joinable = isinstance(s, Span) and not s.sup
    out.append(_toggles(bold, italic, False, False))
    return "".join(out)


def to_markup(spans: tuple[Inline, ...] | list[Inline]) -> str:
    """Write spans back as outline markup: :func:`~cddraft.model.inline.parse` gives the same spans back
    (their offsets aside), as the property tests show."""
    if len(spans) == 1 and type(span := spans[0]) is Span and not (span.bold or span.italic or span.sup):
        return _escape(span.text)  # the usual paragraph: one plain span
    return _runs(spans)
