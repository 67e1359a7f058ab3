"""Report and annex content → localised blocks with heading and paragraph numbers assigned."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from cddraft.conventions import Conventions
from cddraft.localise.numbering import marker
from cddraft.localise.table import TableCounter, localise_table
from cddraft.localise.types import Block, Bullet, Heading, LocalInline, Para, Spans
from cddraft.localise.types import Table as LocalTable
from cddraft.model import blocks as m
from cddraft.model.charsets import CJK, char_class
from cddraft.model.inline import Footnote, Inline, Ref, Span
from cddraft.model.markup import Markup
from cddraft.model.table import Table

_CJK = char_class(CJK)
@cache
def _cjk_gap() -> re.Pattern[str]:
    """Compiled when first used (Chinese texts only): its character classes take 6 ms to compile."""
    return re.compile(rf"(?<={_CJK}) +(?=\S)|(?<=\S) +(?={_CJK})")


def _closed_up(span: Span) -> Span:
    return Span(_cjk_gap().sub("", span.text), span.bold, span.italic, span.sup)


#: A space typed between the groups of a number (10 000, 1 500 000): it must not break the number across lines.
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")


@cache
def _spaced_groups(locale: str) -> bool:
    """Whether the language groups a number's digits with a space (CLDR: French, Russian), so that a space
    typed between digit groups is one."""
    from babel.numbers import get_group_symbol

    return not get_group_symbol(locale).strip() or get_group_symbol(locale) in "\u00a0\u202f"


def _number_groups_held(span: Span) -> Span:
    if " " not in span.text:
        return span
    text = _GROUPED.sub(lambda m: m.group().replace(" ", "\u00a0"), span.text)
    return span if text == span.text else Span(text, span.bold, span.italic, span.sup)


@cache
def _fixes(code: str) -> tuple[Callable[[Span], Span], ...]:
    """What :func:`text_spans` does to the spans of a language's texts (worked out once per language)."""
    from cddraft.conventions import load_conventions

    conv = load_conventions(code)
    fixes: list[Callable[[Span], Span]] = []
    if conv.text.spaces_next_to_cjk != "keep":
        fixes.append(_closed_up)
    if _spaced_groups(conv.locale):
        fixes.append(_number_groups_held)
    return tuple(fixes)


def text_spans(text: Markup, conv: Conventions) -> list[Inline]:
    """The parsed spans; where the conventions say so (Chinese), typed spaces next to CJK text are dropped:
    Word spaces CJK and Latin text itself. Where the language groups digits with a space (French, Russian), a
    space typed between the groups of a number becomes a no-break space: "10 000" is not broken across lines."""
    fixes = _fixes(conv.code)
    if not fixes:
        return list(text.spans)

    def fixed(span: Span) -> Span:
        for fix in fixes:
            span = fix(span)
        return span

    out: list[Inline] = []
    for s in text.spans:
        if isinstance(s, Span):
            out.append(fixed(s))
        elif isinstance(s, Footnote):
            out.append(Footnote(tuple(fixed(x) if isinstance(x, Span) else x for x in s.content)))
        else:
            out.append(s)
    return out


@dataclass
class Numberer:
    """Walks one body (report or annex), numbering as the UN does, and records ids."""

    conv: Conventions
    numbered_paragraphs: bool
    numbered_headings: bool
    tables: TableCounter = field(default_factory=TableCounter)  # shared by the bodies numbering tables together
    out: list[Block] = field(default_factory=list)
    ids: dict[str, str | None] = field(default_factory=dict)
    paragraph_no: int = 0
    heading_no: list[int] = field(default_factory=lambda: [0] * 6)

    def blocks(self, items: Sequence[m.Block], depth: int) -> None:
        for block in items:
            if isinstance(block, m.Paragraph):
                self.paragraph(block)
            elif isinstance(block, m.Section):
                self.section(block, depth)
            elif isinstance(block, m.Bullets):
                self.bullets(block.bullets, 1)
            elif isinstance(block, m.Quote):
                for text in block.quote:
                    self.out.append(Para(text_spans(text, self.conv), role="quote"))
            elif isinstance(block, Table):
                self.out.append(localise_table(block, lambda t: text_spans(t, self.conv), self.conv, self.tables))

    def section(self, sec: m.Section, depth: int) -> None:
        level = depth if self.numbered_headings else depth + 1
        level = min(level, 5)
        number = None
        if self.numbered_headings and sec.numbered:
            self.heading_no[level] += 1
            for deeper in range(level + 1, 6):
                self.heading_no[deeper] = 0
            number = marker(self.conv.numbering.headings[level - 1], self.heading_no[level], self.conv)
        if sec.id:
            self.ids[sec.id] = number
        anchor = (sec.id, number) if sec.id and number else None
        self.out.append(Heading(level, text_spans(sec.heading, self.conv), number, anchor=anchor))
        self.blocks(sec.content, depth + 1)

    def paragraph(self, para: m.Paragraph) -> None:
        number = None
        if self.numbered_paragraphs and para.numbered:
            self.paragraph_no += 1
            number = marker(self.conv.numbering.paragraph, self.paragraph_no, self.conv)
        if para.id:
            self.ids[para.id] = number.rstrip(". -") if number else None
        anchor = (para.id, number.rstrip(". -")) if para.id and number else None
        self.out.append(Para(text_spans(para.text, self.conv), number=number, keep_next=bool(para.items),
                             anchor=anchor))
        self.items(para.items, 1)

    def items(self, items: list[m.Subparagraph], depth: int) -> None:
        template = self.conv.numbering.subparagraphs[min(depth, 2) - 1]
        for n, item in enumerate(items, 1):
            self.out.append(
                Para(text_spans(item.text, self.conv), role="item", number=marker(template, n, self.conv), depth=depth,
                     keep_next=bool(item.items))
            )
            self.items(item.items, depth + 1)

    def bullets(self, items: list[m.BulletItem], level: int) -> None:
        for item in items:
            self.out.append(Bullet(min(level, 2), text_spans(item.text, self.conv)))
            self.bullets(item.bullets, level + 1)


def resolve_refs(blocks: list[Block], ids: dict[str, str | None]) -> None:
    """Give every ``{ref:id}`` the final number of its block (validation has made sure there is one)."""

    def numbered(ref: Ref) -> Ref:
        number = ids.get(ref.target)
        assert number is not None, f"validation lets no {{ref:{ref.target}}} to an unnumbered block through"
        return replace(ref, number=number)

    def fix(spans: Spans) -> list[LocalInline]:
        out: list[LocalInline] = []
        for s in spans:
            if isinstance(s, Ref):
                out.append(numbered(s))
            elif isinstance(s, Footnote):
                out.append(Footnote(tuple(numbered(c) if isinstance(c, Ref) else c for c in s.content)))
            else:
                out.append(s)
        return out

    for block in blocks:
        if isinstance(block, Heading | Para | Bullet):
            block.spans = fix(block.spans)
        elif isinstance(block, LocalTable):
            block.title = fix(block.title) if block.title is not None else None
            for row in block.rows:
                for cell in row.cells:
                    cell.spans = fix(cell.spans)
            for note in block.notes:
                note.spans = fix(note.spans)
