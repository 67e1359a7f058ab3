"""A resolution's or decision's text → localised blocks (docs/un-conventions.md §13).

The sponsors' line (or "Draft resolution submitted by …") stands above the title of a draft; an adopted General
Assembly text has its heading ("Resolution adopted by the General Assembly on …") and number instead. Then the
organ's formula, the unnumbered preambular paragraphs, the numbered operative paragraphs with their
subparagraphs and, for an adopted text, the meeting and date. The opening words the outline emphasises are set
as the language sets them: italic, bold in Chinese, bold italic in Arabic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cddraft.conventions import Conventions, TextKind
from cddraft.conventions.dates import format_date
from cddraft.localise.body import text_spans
from cddraft.localise.numbering import marker
from cddraft.localise.types import Block, Heading, LocalInline, Para
from cddraft.model import blocks as m
from cddraft.model.document import Document
from cddraft.model.inline import Span, plain_text
from cddraft.model.markup import Markup
from cddraft.model.resolution import Resolution


@dataclass
class ResolutionParts:
    """What localise makes of a resolution: its title, the lines above the title, the blocks, the ids."""

    title: str
    lead: list[Block]
    blocks: list[Block]
    ids: dict[str, str | None] = field(default_factory=dict)


def _plain(text: Markup, conv: Conventions) -> str:
    return plain_text(text_spans(text, conv))


def is_draft(doc: Document, res: Resolution) -> bool:
    """A draft unless the outline says otherwise: an L. document, or a text not yet adopted."""
    if res.draft is not None:
        return res.draft
    return "/L." in doc.symbol or res.adopted is None


def is_revised(doc: Document, res: Resolution) -> bool:
    """A revised draft: the outline says so, or the symbol is a revision's (…/Rev.1)."""
    return res.revised if res.revised is not None else "/Rev." in doc.symbol


def organ_of(doc: Document, res: Resolution, conv: Conventions) -> str | None:
    """The organ the formula names: the outline's, else the one the conventions give the body."""
    if res.organ is not None:
        return _plain(res.organ, conv)
    return conv.resolution.organs.get(doc.served_by.code)


def sponsors_line(doc: Document, res: Resolution, conv: Conventions) -> str | None:
    """"Austria, Brazil and Viet Nam: draft resolution", or "Draft decision submitted by the President"."""
    strings = conv.resolution
    kind: TextKind = "decision" if doc.kind == "decision" else "resolution"
    label = (strings.revised_label if is_revised(doc, res) else strings.label)[kind]
    if res.submitted_by is not None:
        return strings.submitted.format(label=label, Label=label[:1].upper() + label[1:],
                                        by=_plain(res.submitted_by, conv))
    if not res.sponsors:
        return None
    names = [_plain(s, conv) for s in res.sponsors]
    joined = names[0] if len(names) == 1 else strings.separator.join(names[:-1]) + strings.and_ + names[-1]
    return strings.sponsored.format(sponsors=joined, label=label)


def meeting_line(number: int, conv: Conventions) -> str:
    """"44th plenary meeting": the ordinal ending by CLDR's ordinal plural category of the number."""
    from babel import Locale

    category = Locale.parse(conv.locale).ordinal_form(number)
    suffixes = conv.resolution.ordinal_suffix
    return conv.resolution.meeting.format(n=number, suffix=suffixes.get(category, suffixes.get("other", "")))


def with_opener(spans: Sequence[LocalInline], conv: Conventions) -> list[LocalInline]:
    """The paragraph's spans with its opening words — the emphasised spans it starts with — set as the language
    sets them (italic; bold in Chinese; bold italic in Arabic)."""
    style = conv.resolution.opener
    out: list[LocalInline] = []
    opening = True
    for s in spans:
        if opening and isinstance(s, Span) and (s.italic or s.bold) and not s.sup:
            out.append(Span(s.text, style.get("bold", False), style.get("italic", False), False))
            continue
        opening = False
        out.append(s)
    return out


def _ending(spans: list[LocalInline], ending: str) -> list[LocalInline]:
    return [*spans, Span(ending)]


class _Writer:
    """Numbers the operative paragraphs and their subparagraphs, and records their ids."""

    def __init__(self, conv: Conventions) -> None:
        self.conv = conv
        self.out: list[Block] = []
        self.ids: dict[str, str | None] = {}

    def items(self, items: list[m.Subparagraph], depth: int, indent: int) -> None:
        template = self.conv.numbering.subparagraphs[min(depth, 2) - 1]
        for n, item in enumerate(items, 1):
            self.out.append(Para(text_spans(item.text, self.conv), role="item", number=marker(template, n, self.conv),
                                 depth=depth, keep_next=bool(item.items), indent=indent))
            self.items(item.items, depth + 1, indent)

    def operative(self, paragraphs: list[m.Paragraph]) -> None:
        for n, para in enumerate(paragraphs, 1):
            number = marker(self.conv.numbering.paragraph, n, self.conv)
            core = number.rstrip(". -")
            if para.id:
                self.ids[para.id] = core
            self.out.append(Para(with_opener(text_spans(para.text, self.conv), self.conv), number=number,
                                 keep_next=bool(para.items), anchor=(para.id, core) if para.id else None, indent=1))
            self.items(para.items, 1, 1)


def resolution_parts(doc: Document, res: Resolution, conv: Conventions) -> ResolutionParts:
    """The localised title, lead lines and blocks of ``res``."""
    strings = conv.resolution
    kind: TextKind = "decision" if doc.kind == "decision" else "resolution"
    lead: list[Block] = []
    if is_draft(doc, res):
        line = sponsors_line(doc, res, conv)
        if line:
            lead.append(Para([Span(line, bold=True)], role="sponsors", align="left"))
    elif res.adopted is not None and doc.served_by.code == "A":
        heading = strings.adopted_heading[kind].format(date=format_date(res.adopted.date, conv))
        lead.append(Heading(1, [Span(heading)]))
        if res.adopted.on_report_of is not None:
            report = strings.on_report.format(report=_plain(res.adopted.on_report_of, conv))
            lead.append(Para([Span(report)], role="sponsors", align="left"))
    title = _plain(res.title, conv) if res.title else ""
    if res.number and title:
        title = f"{strings.number.format(number=res.number)} {title}"
    writer = _Writer(conv)
    organ = organ_of(doc, res, conv)
    if organ:
        style = strings.opener
        formula: list[LocalInline] = [Span(organ, style.get("bold", False), style.get("italic", False), False)]
        writer.out.append(Para(_ending(formula, strings.organ_end) if res.preamble else formula, role="preamble"))
    for pre in res.preamble:
        writer.out.append(Para(with_opener(text_spans(pre.text, conv), conv), role="preamble",
                               keep_next=bool(pre.items)))
        writer.items(pre.items, 1, 1)
    writer.operative(res.operative)
    if res.adopted is not None and res.adopted.meeting is not None:
        writer.out.append(Para([Span(meeting_line(res.adopted.meeting, conv))], role="adoption", align="right",
                               keep_next=True))
        writer.out.append(Para([Span(format_date(res.adopted.date, conv))], role="adoption", align="right"))
    return ResolutionParts(title, lead, writer.out, writer.ids)
