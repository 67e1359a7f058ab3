"""Localised blocks → the body XML (title, paragraphs, headings, signatures) and footnote texts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cddraft.localise.types import (
    BlockLine,
    Bullet,
    ContentsTable,
    Heading,
    Localised,
    Masthead,
    Para,
    SessionBlock,
    Signatures,
    Spans,
)
from cddraft.model.inline import Footnote, Ref, Span
from cddraft.writers.docx import layout
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st
from cddraft.writers.docx.masthead import masthead_xml

#: Space above the signature block(s) after the letter's last paragraph (24 pt).
SIGNATURE_SPACE = 480
#: Bookmark ids of the headings a contents table lists: clear of the cross-references' (their count) and of
#: the tracked writer's revision ids (9000 on).
_TOC_BOOKMARKS = 5000


@dataclass
class BodyWriter:
    """Accumulates body XML; footnotes are numbered in one sequence for the whole document."""

    script: x.Script
    parts: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    bookmarks: dict[str, str] = field(default_factory=dict)  # outline id → Word bookmark name
    toc_marks: int = 0  # the headings bookmarked for a contents table so far
    page_marks: int = 0  # the notes of page 1 with a custom mark so far (*, **, …)

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
            return self.plain(lead + number + tail)
        ident, core = anchor
        name = self.bookmark(ident)
        mark = list(self.bookmarks).index(ident)  # one bookmark per id: its place in the registry is its number
        return (self.plain(lead) * bool(lead) + f'<w:bookmarkStart w:id="{mark}" w:name="{name}"/>'
                + self.plain(core) + f'<w:bookmarkEnd w:id="{mark}"/>' + self.plain(number[len(core):] + tail))

    # -- runs -------------------------------------------------------------------------------
    def spans(self, spans: Spans, *, in_note: bool = False) -> str:
        out = []
        for s in spans:
            if isinstance(s, Ref):  # a REF field: Word updates it if the numbers change
                props = x.rpr(self.script, bold=s.bold, italic=s.italic, sup=s.sup)
                out.append(x.field(f"REF {self.bookmark(s.target)} \\h", s.number or "", props))
            elif isinstance(s, Span):
                out.append(x.runs(s.text, self.script, bold=s.bold, italic=s.italic, sup=s.sup))
            elif isinstance(s, Footnote) and not in_note:
                out.append(self.footnote(s))
        return "".join(out)

    def footnote(self, note: Footnote) -> str:
        number = len(self.footnotes) + 1
        ref = x.rpr(self.script, style=st.FOOTNOTE_REFERENCE)
        # UNOG (§4.1a): a tab, the mark (right-aligned at the 1021 tab), a tab, the text at the 1134 indent.
        # LibreOffice lays this out differently; the copy it converts is adjusted (cddraft.lo_compat).
        text = (
            self.ppr(st.FOOTNOTE_TEXT)
            + x.run("\t", x.rpr(self.script))
            + f"<w:r>{ref}<w:footnoteRef/></w:r>"
            + x.run("\t", x.rpr(self.script))
            + self.spans(list(note.content), in_note=True)
        )
        self.footnotes.append(f'<w:footnote w:id="{number}"><w:p>{text}</w:p></w:footnote>')
        return f'<w:r>{ref}<w:footnoteReference w:id="{number}"/></w:r>'

    def title_note(self, spans: Spans) -> str:
        """The title's footnote with a custom mark (§4.1a): it takes no number from the sequence."""
        return self.page_note(spans)

    def page_note(self, spans: Spans) -> str:
        """A note of page 1 (a reissue's, the provisional agenda's, the title's) with the custom mark *, then **
        for the next (§12): it takes no number from the sequence. Returns the call."""
        number = len(self.footnotes) + 1
        self.page_marks += 1
        ref = x.rpr(self.script, style=st.FOOTNOTE_REFERENCE)
        star = x.run("*" * self.page_marks, ref)
        text = (self.ppr(st.FOOTNOTE_TEXT) + x.run("\t", x.rpr(self.script)) + star
                + x.run("\t", x.rpr(self.script)) + self.spans(list(spans), in_note=True))
        self.footnotes.append(f'<w:footnote w:id="{number}"><w:p>{text}</w:p></w:footnote>')
        return f'<w:r>{ref}<w:footnoteReference w:customMarkFollows="1" w:id="{number}"/></w:r>{star}'

    def symbol_call(self, m: Masthead) -> str:
        """The * after a reissue's symbol: the call of its note, or the mark alone when the outline gives no date."""
        if not m.reissue:
            return ""
        if m.reissue_note is None:
            return x.run("*", x.rpr(x.Script(lang=self.script.lang), size=10))
        return self.page_note([Span(m.reissue_note)])

    def session(self, block: SessionBlock) -> None:
        """The lines under the masthead (§12), ranged at the margin in a column of their own width; the Security
        Council's column beside the Assembly's first lines (identical letters)."""
        geometry = layout.SESSION_BLOCK
        first, last = 0, len(block.left) - 1

        def line(i: int, ln: BlockLine, width: int) -> str:
            spacing = {"before": geometry.before if i == first else 0, "after": geometry.after if i == last else 0,
                       "line": 240, "lineRule": "auto"}
            ind = {"left": 0, "right": max(width - geometry.width, 0)}
            runs = self.plain(ln.text[:ln.note_at] if ln.note else ln.text, bold=ln.bold)
            if ln.note is not None:
                runs += self.page_note([Span(ln.note)]) + self.plain(ln.text[ln.note_at:], bold=ln.bold)
            return x.paragraph(self.ppr(st.NORMAL, spacing=spacing, ind=ind, jc="left"), runs)

        lines = [line(i, ln, st.TEXT_WIDTH) for i, ln in enumerate(block.left)]
        if not block.right:
            self.parts.extend(lines)
            return
        paired = len(block.right)
        widths = (geometry.width, st.TEXT_WIDTH - geometry.width)
        cells = ["".join(line(i, ln, widths[0]) for i, ln in enumerate(block.left[:paired])),
                 "".join(line(i, ln, widths[1]) for i, ln in enumerate(block.right))]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        row = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{c}</w:tc>'
                      for w, c in zip(widths, cells, strict=True))
        bidi = "<w:bidiVisual/>" if self.script.rtl else ""
        self.parts.append(
            f'<w:tbl><w:tblPr>{bidi}<w:tblW w:w="{st.TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{row}</w:tr></w:tbl>')
        self.parts.extend(lines[paired:])

    def ppr(self, style: str, **props) -> str:  # type: ignore[no-untyped-def]
        """Paragraph properties with the version's direction and CJK line-breaking."""
        props.setdefault("bidi", self.script.rtl)
        # Chinese is justified like every version (SingleTxtG); LibreOffice drops a full-width comma that
        # ends a justified CJK line, so the copy it converts is ranged left instead (cddraft.lo_compat).
        return x.ppr(style, cjk=bool(self.script.east_asian_font), **props)

    def plain(self, text: str, **props: object) -> str:
        return x.runs(text, self.script, **props)

    # -- blocks -----------------------------------------------------------------------------
    def heading(self, h: Heading) -> None:
        style = st.HEADING_STYLES[h.level]
        lead = self.number("\t", h.number or "", "\t", h.anchor)
        # outline levels as the styles give them (HChG 0 … H4G 4: what pandoc and screen readers read from the
        # style), the paragraph's own where one style serves two levels (H23G: 1., then (a) one level down)
        outline = h.level - 1
        runs = lead + self.spans(h.spans)
        if h.toc:  # the contents table's page number refers to this heading
            self.toc_marks += 1
            mark = _TOC_BOOKMARKS + self.toc_marks
            runs = f'<w:bookmarkStart w:id="{mark}" w:name="{h.toc}"/>{runs}<w:bookmarkEnd w:id="{mark}"/>'
        self.parts.append(x.paragraph(self.ppr(style, page_break=h.page_break, outline=outline), runs))

    def contents(self, table: ContentsTable) -> None:
        """The contents table: its heading, the column heads, then a line a heading — number, title, the
        paragraphs under it after a dotted leader, and its page (a PAGEREF field Word and LibreOffice fill in)."""
        rng, page = st.TEXT_WIDTH - st.STEP - 284, st.TEXT_WIDTH
        self.parts.append(x.paragraph(self.ppr(st.HEADING_STYLES[1], outline=0), self.plain("\t\t" + table.heading)))
        heads = self.ppr(st.BODY, tabs=(("right", rng), ("right", page)), ind={"left": 0, "right": 0})
        self.parts.append(x.paragraph(heads, self.plain(f"\t{table.paragraphs}\t{table.page}", italic=True)))
        for e in table.entries:
            left = st.BAND + st.STEP * e.level
            props = self.ppr(st.BODY, tabs=(("right", rng, "dot"), ("right", page)),
                             ind={"left": left, "right": 0, "hanging": st.STEP}, jc="left")
            runs = (self.plain(f"{e.number or ''}\t{e.text}\t{e.paragraphs}\t")
                    + x.field(f"PAGEREF {e.bookmark} \\h", "0", x.rpr(self.script)))
            self.parts.append(x.paragraph(props, runs))

    def para(self, p: Para) -> None:
        if p.role == "letter":
            # only the first-line indent is the paragraph's own: left and right come from SingleTxtG
            props = self.ppr(st.BODY, ind={"firstLine": st.STEP})
            self.parts.append(x.paragraph(props, self.spans(p.spans)))
        elif p.role == "closing":
            ind = {"firstLine": st.STEP if p.depth == 0 else 0}
            self.parts.append(x.paragraph(self.ppr(st.BODY, ind=ind, jc="left"), self.spans(p.spans)))
        elif p.role == "note":
            self.parts.append(x.paragraph(self.ppr(st.BODY, jc="right"), self.spans(p.spans)))
        elif p.role == "quote":
            ind = {"left": st.NUMBER_TAB, "right": st.NUMBER_TAB}
            self.parts.append(x.paragraph(self.ppr(st.BODY, ind=ind), self.spans(p.spans)))
        elif p.role == "item":
            first = st.STEP * p.depth
            tab = st.BAND + st.STEP * (p.depth + 1)
            ind = {"firstLine": first}
            props = self.ppr(st.BODY, tabs=(("left", tab),), ind=ind, keep_next=p.keep_next)
            self.parts.append(x.paragraph(props, self.plain(f"{p.number}\t") + self.spans(p.spans)))
        elif p.number:
            props = self.ppr(st.BODY, tabs=(("left", st.NUMBER_TAB),), keep_next=p.keep_next)
            self.parts.append(x.paragraph(props, self.number("", p.number, "\t", p.anchor) + self.spans(p.spans)))
        else:
            self.parts.append(x.paragraph(self.ppr(st.BODY, keep_next=p.keep_next), self.spans(p.spans)))

    def bullet(self, b: Bullet) -> None:
        self.parts.append(x.paragraph(self.ppr(st.BULLETS[b.level]), self.spans(b.spans)))

    def signatures(self, sig: Signatures) -> None:
        if sig.side_by_side and len(sig.blocks) > 1:
            self.parts.append(self._signature_table(sig.blocks))
            return
        for n, lines in enumerate(sig.blocks):
            for i, line in enumerate(lines):
                spacing = {"before": SIGNATURE_SPACE if i == 0 and n == 0 else (240 if i == 0 else 0)}
                props = self.ppr(st.BODY, keep_next=i < len(lines) - 1, jc="right", spacing=spacing)
                self.parts.append(x.paragraph(props, self.plain(line)))

    def _signature_table(self, blocks: list[list[str]]) -> str:
        width = st.TEXT_WIDTH - 2 * st.BAND
        col = width // len(blocks)
        grid = "".join(f'<w:gridCol w:w="{col}"/>' for _ in blocks)
        cells = []
        for lines in blocks:
            # 24 pt above the blocks, as above a signature standing alone: they do not touch the last paragraph
            paras = "".join(
                x.paragraph(self.ppr(st.BODY, ind={"left": 0, "right": 0}, jc="center",
                                     spacing={"before": SIGNATURE_SPACE} if i == 0 else None),
                            self.plain(line))
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
            + x.paragraph(self.ppr(st.BODY), "")
        )

    def end_rule(self) -> str:
        """The short centred rule after the last line of the document (§4.1c)."""
        rule = layout.END_RULE
        props = self.ppr(st.BODY, jc="center", spacing={"before": rule.before})
        underlined = f'<w:rPr>{self.script.run_props()}<w:u w:val="single"/>{self.script.run_tail()}</w:rPr>'
        return x.paragraph(props, f'<w:r>{underlined}{"<w:tab/>" * rule.tabs}</w:r>')

    def masthead(self, m: Masthead) -> str:
        """The masthead table (the tracked-changes writer marks what changed in it)."""
        return masthead_xml(m, self.script, symbol_call=self.symbol_call(m))

    def document(self, loc: Localised) -> None:
        if loc.session is not None:
            self.session(loc.session)
        if loc.title:
            mark = self.title_note(loc.title_note) if loc.title_note else ""
            self.parts.append(x.paragraph(self.ppr(st.HEADING_STYLES[1], outline=0),
                                          self.plain("\t\t" + loc.title) + mark))
        for block in loc.blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Para):
                self.para(block)
            elif isinstance(block, Bullet):
                self.bullet(block)
            elif isinstance(block, Signatures):
                self.signatures(block)
            elif isinstance(block, ContentsTable):
                self.contents(block)
