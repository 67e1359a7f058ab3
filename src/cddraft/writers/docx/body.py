"""Localised blocks → the body XML (title, paragraphs, headings, signatures) and footnote texts.

One writer for every document: a revised one (``cddraft diff``) carries its revisions as data — marked and
restyled words, blocks inserted or deleted whole or kept in another form — which the writer draws through its pen
(:mod:`.pen`) like everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from cddraft import layout
from cddraft.localise.types import (
    Block,
    Bullet,
    ContentsTable,
    Heading,
    Localised,
    Marked,
    Masthead,
    Para,
    Restyled,
    Revised,
    Signatures,
    Spans,
    Table,
)
from cddraft.model.inline import Footnote, Ref, Span
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st
from cddraft.writers.docx.masthead import masthead_xml
from cddraft.writers.docx.pen import Pen
from cddraft.writers.docx.session import session_xml
from cddraft.writers.docx.table import draw_table

#: Space above the signature block(s) after the letter's last paragraph (24 pt).
SIGNATURE_SPACE = 480
#: Bookmark ids of the headings a contents table lists: clear of the cross-references' (their count) and of
#: the revision marks' ids (9000 on).
_TOC_BOOKMARKS = 5000


@dataclass
class BodyWriter(Pen):
    """Accumulates body XML; footnotes are numbered in one sequence for the whole document."""

    footnotes: list[str] = field(default_factory=list)
    bookmarks: dict[str, str] = field(default_factory=dict)  # outline id → Word bookmark name
    toc_marks: int = 0  # the headings bookmarked for a contents table so far
    page_marks: int = 0  # the notes of page 1 with a custom mark so far (*, **, …)
    sections: int = 0  # the section breaks drawn so far (around landscape tables)

    def bookmark(self, ident: str) -> str:
        """``_Ref`` + the id: hidden in Word's bookmark list, as its own cross-references are (40 characters)."""
        if ident not in self.bookmarks:
            base = "_Ref_" + re.sub(r"\W", "_", ident)[:30]
            name, n = base, 1
            while name in self.bookmarks.values():
                n += 1
                name = f"{base}_{n}"
            self.bookmarks[ident] = name
        return self.bookmarks[ident]

    def number(self, lead: str, number: str, tail: str, anchor: tuple[str, str] | None) -> str:
        """``lead`` + the block's number + ``tail``; the part a {ref:} prints is bookmarked for REF fields."""
        if anchor is None or not number.startswith(anchor[1]):
            return self.text(lead + number + tail)
        ident, core = anchor
        name = self.bookmark(ident)
        mark = list(self.bookmarks).index(ident)  # one bookmark per id: its place in the registry is its number
        rest = number[len(core):] + tail
        return (self.text(lead) * bool(lead) + f'<w:bookmarkStart w:id="{mark}" w:name="{name}"/>'
                + self.text(core) + f'<w:bookmarkEnd w:id="{mark}"/>' + self.text(rest) * bool(rest))

    # -- runs -------------------------------------------------------------------------------
    def spans(self, spans: Spans, *, in_note: bool = False) -> str:
        out = []
        for s in spans:
            if isinstance(s, Ref):  # a REF field: Word updates it if the numbers change
                props = x.rpr(self.script, bold=s.bold, italic=s.italic, sup=s.sup)
                out.append(self.field(f"REF {self.bookmark(s.target)} \\h", s.number or "", props))
            elif isinstance(s, Span):
                out.append(self.text(s.text, bold=s.bold, italic=s.italic, sup=s.sup))
            elif isinstance(s, Footnote) and not in_note:
                out.append(self.footnote(s))
            elif isinstance(s, Marked):  # words inserted or deleted in a revision
                out.append(self.marked(s.kind, partial(self.spans, list(s.items), in_note=in_note)))
            elif isinstance(s, Restyled):  # words kept whose formatting changed: their old formatting recorded
                for span in s.items:
                    was = x.rpr(self.script, bold=s.was[0], italic=s.was[1], sup=s.was[2])
                    was_inner = was[len("<w:rPr>"):-len("</w:rPr>")] if was else ""
                    change = f"<w:rPrChange {self._attrs(0)}><w:rPr>{was_inner}</w:rPr></w:rPrChange>"
                    out.append(x.runs(span.text, self.script, change=change, bold=span.bold, italic=span.italic,
                                      sup=span.sup))
        return "".join(out)

    def footnote(self, note: Footnote) -> str:
        number = len(self.footnotes) + 1
        ref = x.rpr(self.script, style=st.FOOTNOTE_REFERENCE)
        # UNOG (§4.1a): a tab, the mark (right-aligned at the 1021 tab), a tab, the text at the 1134 indent.
        # LibreOffice lays this out differently; the copy it converts is adjusted (cddraft.lo_compat).
        with self.unmarked():  # the note's own text: its call carries the revision
            text = (
                self.ppr(st.FOOTNOTE_TEXT)
                + x.run("\t", x.rpr(self.script))
                + f"<w:r>{ref}<w:footnoteRef/></w:r>"
                + x.run("\t", x.rpr(self.script))
                + self.spans(list(note.content), in_note=True)
            )
        self.footnotes.append(f'<w:footnote w:id="{number}"><w:p>{text}</w:p></w:footnote>')
        return f'<w:r>{ref}<w:footnoteReference w:id="{number}"/></w:r>'

    def page_note(self, spans: Spans) -> str:
        """A note of page 1 (a reissue's, the provisional agenda's, the title's) with the custom mark *, then **
        for the next (§12): it takes no number from the sequence. Returns the call."""
        number = len(self.footnotes) + 1
        self.page_marks += 1
        ref = x.rpr(self.script, style=st.FOOTNOTE_REFERENCE)
        star = x.run("*" * self.page_marks, ref)
        with self.unmarked():
            text = (self.ppr(st.FOOTNOTE_TEXT) + x.run("\t", x.rpr(self.script)) + star
                    + x.run("\t", x.rpr(self.script)) + self.spans(list(spans), in_note=True))
        self.footnotes.append(f'<w:footnote w:id="{number}"><w:p>{text}</w:p></w:footnote>')
        return f'<w:r>{ref}<w:footnoteReference w:customMarkFollows="1" w:id="{number}"/></w:r>{star}'

    def symbol_call(self, m: Masthead) -> str:
        """The * after a reissue's symbol: the call of its note, or the mark alone when the outline gives no date."""
        if not m.reissue:
            return ""
        if m.reissue_note is None:
            return x.run("*", x.rpr(x.ScriptProps(lang=self.script.lang), size=10))
        return self.page_note([Span(m.reissue_note)])

    # -- blocks -----------------------------------------------------------------------------
    def _heading_props(self, h: Heading) -> str:
        # outline levels as the styles give them (HChG 0 … H4G 4: what pandoc and screen readers read from the
        # style), the paragraph's own where one style serves two levels (H23G: 1., then (a) one level down)
        return self.ppr(st.HEADING_STYLES[h.level], page_break=h.page_break, outline=h.level - 1)

    def heading(self, h: Heading) -> None:
        props = self._heading_props(h)
        runs = self.number("\t", h.number or "", "\t", h.anchor) + self.spans(h.spans)
        if h.toc:  # the contents table's page number refers to this heading
            self.toc_marks += 1
            mark = _TOC_BOOKMARKS + self.toc_marks
            runs = f'<w:bookmarkStart w:id="{mark}" w:name="{h.toc}"/>{runs}<w:bookmarkEnd w:id="{mark}"/>'
        self.parts.append(self.paragraph(props, runs))

    def contents(self, table: ContentsTable) -> None:
        """The contents table: its heading, the column heads, then a line a heading — number, title, the
        paragraphs under it after a dotted leader, and its page (a PAGEREF field Word and LibreOffice fill in)."""
        rng, page = st.TEXT_WIDTH - st.STEP - 284, st.TEXT_WIDTH
        self.parts.append(self.paragraph(self.ppr(st.HEADING_STYLES[1], outline=0),
                                         self.text("\t\t" + table.heading)))
        heads = self.ppr(st.BODY, tabs=(("right", rng), ("right", page)), ind={"left": 0, "right": 0})
        self.parts.append(self.paragraph(heads, self.text(f"\t{table.paragraphs}\t{table.page}", italic=True)))
        for e in table.entries:
            left = st.BAND + st.STEP * e.level
            props = self.ppr(st.BODY, tabs=(("right", rng, "dot"), ("right", page)),
                             ind={"left": left, "right": 0, "hanging": st.STEP}, jc="left")
            runs = (self.text(f"{e.number or ''}\t{e.text}\t{e.paragraphs}\t")
                    + self.field(f"PAGEREF {e.bookmark} \\h", "0", x.rpr(self.script)))
            self.parts.append(self.paragraph(props, runs))

    def _para_props(self, p: Para) -> str:
        if p.role == "letter":  # only the first-line indent is the paragraph's own: left and right are SingleTxtG's
            return self.ppr(st.BODY, ind={"firstLine": st.STEP})
        if p.role == "closing":
            return self.ppr(st.BODY, ind={"firstLine": st.STEP if p.depth == 0 else 0}, jc="left")
        if p.role in ("note", "adoption"):
            return self.ppr(st.BODY, jc="right", keep_next=p.keep_next)
        if p.role == "preamble":  # a resolution's formula and preambular paragraphs: indented as a letter's
            return self.ppr(st.BODY, ind={"firstLine": st.STEP}, keep_next=p.keep_next)
        if p.role == "sponsors":
            return self.ppr(st.BODY, jc="left", keep_next=True, spacing={"before": layout.SPONSORS_BEFORE})
        if p.role == "quote":
            return self.ppr(st.BODY, ind={"left": st.NUMBER_TAB, "right": st.NUMBER_TAB})
        if p.role == "item":
            tab = st.BAND + st.STEP * (p.depth + p.indent + 1)
            return self.ppr(st.BODY, tabs=(("left", tab),), ind={"firstLine": st.STEP * (p.depth + p.indent)},
                            keep_next=p.keep_next)
        if p.number and p.indent:  # "1." where a preambular paragraph's first line starts, the text at the next step
            tab = st.BAND + st.STEP * (p.indent + 1)
            return self.ppr(st.BODY, tabs=(("left", tab),), ind={"firstLine": st.STEP * p.indent},
                            keep_next=p.keep_next)
        if p.number:
            return self.ppr(st.BODY, tabs=(("left", st.NUMBER_TAB),), keep_next=p.keep_next)
        return self.ppr(st.BODY, keep_next=p.keep_next)

    def para(self, p: Para) -> None:
        props = self._para_props(p)
        if p.role == "item":
            runs = self.text(f"{p.number}\t") + self.spans(p.spans)
        elif p.number and p.role not in ("letter", "closing", "note", "quote", "preamble", "sponsors", "adoption"):
            runs = self.number("", p.number, "\t", p.anchor) + self.spans(p.spans)
        else:
            runs = self.spans(p.spans)
        self.parts.append(self.paragraph(props, runs))

    def bullet(self, b: Bullet) -> None:
        self.parts.append(self.paragraph(self.ppr(st.BULLETS[b.level]), self.spans(b.spans)))

    def signatures(self, sig: Signatures) -> None:
        if sig.side_by_side and len(sig.blocks) > 1:
            self.parts.append(self._signature_table(sig.blocks))
            return
        for n, lines in enumerate(sig.blocks):
            for i, line in enumerate(lines):
                spacing = {"before": SIGNATURE_SPACE if i == 0 and n == 0 else (240 if i == 0 else 0)}
                props = self.ppr(st.BODY, keep_next=i < len(lines) - 1, jc="right", spacing=spacing)
                self.parts.append(self.paragraph(props, self.text(line)))

    def _signature_table(self, blocks: list[list[str]]) -> str:
        width = st.TEXT_WIDTH - 2 * st.BAND
        col = width // len(blocks)
        grid = "".join(f'<w:gridCol w:w="{col}"/>' for _ in blocks)
        cells = []
        for lines in blocks:
            # 24 pt above the blocks, as above a signature standing alone: they do not touch the last paragraph
            paras = "".join(
                self.paragraph(self.ppr(st.BODY, ind={"left": 0, "right": 0}, jc="center",
                                        spacing={"before": SIGNATURE_SPACE} if i == 0 else None),
                               self.text(line))
                for i, line in enumerate(lines)
            )
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
        bidi = "<w:bidiVisual/>" if self.script.rtl else ""
        return (
            f'<w:tbl><w:tblPr>{bidi}<w:tblW w:w="{width}" w:type="dxa"/><w:tblInd w:w="{st.BAND}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="0"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{''.join(cells)}</w:tr></w:tbl>"
            + self.paragraph(self.ppr(st.BODY), "")
        )

    def _props_of(self, block: Heading | Para | Bullet) -> str:
        """The paragraph properties ``block`` is drawn with, outside any revision."""
        with self.unmarked():
            if isinstance(block, Heading):
                return self._heading_props(block)
            if isinstance(block, Para):
                return self._para_props(block)
            return self.ppr(st.BULLETS[block.level])

    def block(self, block: Block) -> None:
        if isinstance(block, Revised):  # inserted or deleted whole, or kept in another form
            if block.was is not None:
                with self.changed_from(self._props_of(block.was)):
                    self.block(block.block)
            else:
                with self.whole(block.kind):
                    self.block(block.block)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Para):
            self.para(block)
        elif isinstance(block, Bullet):
            self.bullet(block)
        elif isinstance(block, Signatures):
            self.signatures(block)
        elif isinstance(block, ContentsTable):
            self.contents(block)
        elif isinstance(block, Table):
            draw_table(self, block)

    def end_rule(self) -> str:
        """The short centred rule after the last line of the document (§4.1c)."""
        rule = layout.END_RULE
        props = self.ppr(st.BODY, jc="center", spacing={"before": rule.before})
        underlined = f'<w:rPr>{self.script.run_props()}<w:u w:val="single"/>{self.script.run_tail()}</w:rPr>'
        return x.paragraph(props, f'<w:r>{underlined}{"<w:tab/>" * rule.tabs}</w:r>')

    def masthead(self, m: Masthead) -> str:
        """The masthead table (a revised document's: with what changed in it marked)."""
        return masthead_xml(m, self.script, self, symbol_call=self.symbol_call(m))

    def document(self, loc: Localised) -> None:
        if loc.session is not None:
            self.parts.extend(session_xml(self, loc.session))
        for block in loc.lead:  # a draft resolution's sponsors, above its title
            self.block(block)
        if loc.title:
            mark = self.page_note(loc.title_note) if loc.title_note else ""
            if loc.title_spans is None:
                title = self.text("\t\t" + loc.title)
            else:  # a revised title: its changes marked
                title = self.text("\t\t") + self.spans(loc.title_spans)
            self.parts.append(self.paragraph(self.ppr(st.HEADING_STYLES[1], outline=0), title + mark))
        for block in loc.blocks:
            self.block(block)
