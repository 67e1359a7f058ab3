"""Tracked changes: NEW drawn with Word's own revisions (``w:ins``/``w:del``) against OLD (issue 15).

The two localised documents are compared block by block (paragraphs, headings, items, bullets, signatures),
then word by word inside a block that was changed (Chinese and Japanese character by character): a changed
word is one deletion and one insertion; a paragraph, heading, item or footnote that only one version has is
inserted or deleted as a whole. Generated paragraph numbers are NEW's and are not marked (they follow from
the structure, as cross-references do). Accepting every change gives NEW's text, rejecting them OLD's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from cddraft.localise.compare import aligned, block_key, block_kind, merged, restyled, token_key, word_opcodes
from cddraft.localise.types import Block, Heading, Localised, Masthead, Para, Spans
from cddraft.model.inline import Footnote, Ref, Span
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st
from cddraft.writers.docx.body import BodyWriter
from cddraft.writers.docx.masthead import masthead_xml

#: Neighbouring runs: marked as one revision, as Word does (LibreOffice's reject-all, given two neighbouring
#: inserted note references at a paragraph's end, also removes that paragraph's mark).
_RUNS = re.compile(r"(?:<w:r>.*?</w:r>)+", re.S)
#: The minute whole-paragraph revisions are stamped at (word-level ones: minute 0); see Revisions.paragraphs.
_PARAGRAPH_MINUTE = 5


@dataclass
class Revisions:
    """Who made the changes and when; each revision mark gets its own id."""

    author: str
    date: dt.date
    next_id: int = 9000  # clear of the bookmarks' ids

    def attrs(self, minute: int = 0) -> str:
        self.next_id += 1
        stamp = f"{self.date.isoformat()}T00:{minute:02d}:00Z"
        return f'w:id="{self.next_id}" w:author="{x.esc(self.author)}" w:date="{stamp}"'

    def runs(self, xml: str, kind: str, minute: int = 0) -> str:
        """Every run of ``xml`` marked inserted (``ins``) or deleted (``del``: its text becomes deleted text)."""
        def mark(m: re.Match[str]) -> str:
            run = m.group()
            if kind == "del":
                run = (run.replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
                       .replace("<w:instrText ", "<w:delInstrText ").replace("</w:instrText>", "</w:delInstrText>"))
            return f"<w:{kind} {self.attrs(minute)}>{run}</w:{kind}>"

        return _RUNS.sub(mark, xml)

    def paragraphs(self, xml: str, kind: str) -> str:
        """Whole paragraphs inserted or deleted: their runs and their paragraph marks.

        They are stamped a few minutes after the word-level revisions: LibreOffice joins touching revisions of
        one author and kind stamped within a minute or so of each other, and a word inserted at the end of one
        paragraph, joined with the inserted paragraph after it, takes the first one's mark with it when
        rejected.
        """
        marked = self.runs(xml, kind, minute=_PARAGRAPH_MINUTE)
        def mark(_: re.Match[str]) -> str:
            return f"<w:rPr><w:{kind} {self.attrs(_PARAGRAPH_MINUTE)}/></w:rPr></w:pPr>"

        return re.sub(r"</w:pPr>", mark, marked)


@dataclass
class TrackedWriter(BodyWriter):
    """The body writer, drawing NEW with revisions against OLD."""

    old: Localised | None = None
    revisions: Revisions = field(default_factory=lambda: Revisions("cddraft", dt.date.today()))
    _against: Spans | None = None  # the old spans of the block being drawn
    _loc: Localised | None = None  # the new document being drawn

    def spans(self, spans: Spans, *, in_note: bool = False) -> str:
        against, self._against = self._against, None
        if against is None or in_note or [token_key(t) for t in against] == [token_key(t) for t in spans]:
            return super().spans(spans, in_note=in_note)  # nothing to compare, or nothing changed
        old, new, opcodes = word_opcodes(against, spans)
        out = []
        for op, i1, i2, j1, j2 in opcodes:
            if op == "replace" and restyled(old[i1:i2], new[j1:j2]):
                out.append(self._restyled_runs(old[i1], new[j1:j2]))
                continue
            if op in ("delete", "replace"):
                out.append(self.revisions.runs(super().spans(merged(old[i1:i2])), "del"))
            if op in ("insert", "replace"):
                out.append(self.revisions.runs(super().spans(merged(new[j1:j2])), "ins"))
            if op == "equal":
                out.append(super().spans(merged(new[j1:j2])))
        return "".join(out)

    def _restyled_runs(self, before: Span, words: list[Span | Ref | Footnote]) -> str:
        """The same words in a new formatting: NEW's runs, each with the formatting it had (``w:rPrChange``)."""
        was = x.rpr(self.script, bold=before.bold, italic=before.italic, sup=before.sup)
        was_inner = was[len("<w:rPr>"):-len("</w:rPr>")] if was else ""

        def mark(m: re.Match[str]) -> str:
            change = f"<w:rPrChange {self.revisions.attrs()}><w:rPr>{was_inner}</w:rPr></w:rPrChange>"
            run = m.group()
            if run.startswith("<w:r><w:rPr>"):
                return run.replace("</w:rPr>", change + "</w:rPr>", 1)
            return "<w:r><w:rPr>" + change + "</w:rPr>" + run[len("<w:r>"):]

        out = []
        for span in merged(words):
            xml = super().spans([span])
            same = isinstance(span, Span) and (span.bold, span.italic, span.sup) == (before.bold, before.italic,
                                                                                     before.sup)
            out.append(xml if same else re.sub(r"<w:r>.*?</w:r>", mark, xml, flags=re.S))
        return "".join(out)

    def masthead(self, m: Masthead) -> str:
        return masthead_xml(m, self.script, self.old.masthead if self.old else None, self.revisions,
                            symbol_call=self.symbol_call(m))

    def _draw(self, block: Block) -> None:
        loc = self._loc
        super().document(Localised(loc.script, loc.masthead, loc.footer, "", [block]))

    def _drawn(self, block: Block, old: Spans | None = None) -> str:
        """The XML of one block (compared with ``old`` spans when given)."""
        start = len(self.parts)
        self._against = old
        self._draw(block)
        self._against = None
        xml = "".join(self.parts[start:])
        del self.parts[start:]
        return xml

    def document(self, loc: Localised) -> None:
        old = self.old or loc
        self._loc = loc
        if loc.session is not None:  # NEW's lines under the masthead (their changes are not marked)
            self.session(loc.session)
        if loc.title:
            mark = self.title_note(loc.title_note) if loc.title_note else ""
            self._against = [Span(old.title)]
            title = self.spans([Span(loc.title)])
            self.parts.append(x.paragraph(self.ppr(st.HEADING_STYLES[1], outline=0), self.plain("\t\t") + title + mark))
        for before, after in aligned(old.blocks, loc.blocks):
            if before is None:
                self.parts.append(self.revisions.paragraphs(self._drawn(after), "ins"))  # type: ignore[arg-type]
            elif after is None:
                unanchored = replace(before, anchor=None) if isinstance(before, Heading | Para) else before
                self.parts.append(self.revisions.paragraphs(self._drawn(unanchored), "del"))
            elif getattr(after, "spans", None) is None and block_key(before) != block_key(after):
                # signature blocks have no spans to compare word by word: the old ones out, the new ones in
                self.parts.append(self.revisions.paragraphs(self._drawn(before), "del"))
                self.parts.append(self.revisions.paragraphs(self._drawn(after), "ins"))
            elif block_kind(before) != block_kind(after):  # the same words in another form: w:pPrChange
                self.parts.append(self._restyled_block(before, after))
            else:
                self.parts.append(self._drawn(after, getattr(before, "spans", None)))

    def _restyled_block(self, before: Block, after: Block) -> str:
        """NEW's block, its paragraph properties marked with OLD's (a paragraph become a quotation, a heading
        level changed); its words compared as usual. OLD's properties are drawn from OLD's block emptied of its
        words, so that no footnote or bookmark of it is drawn twice."""
        bare = replace(before, spans=[], anchor=None) if isinstance(before, Heading | Para) else replace(
            before, spans=[])
        was = re.search(r"<w:pPr>(.*?)</w:pPr>", self._drawn(bare), re.S)
        xml = self._drawn(after, getattr(before, "spans", None))
        inner = re.sub(r"<w:rPr>.*?</w:rPr>", "", was.group(1) if was else "", flags=re.S)
        change = f"<w:pPrChange {self.revisions.attrs()}><w:pPr>{inner}</w:pPr></w:pPrChange>"
        return xml.replace("</w:pPr>", change + "</w:pPr>", 1)


def tracked_writer(old: Localised, author: str, date: dt.date) -> Callable[[x.Script], BodyWriter]:
    """A factory of the body writer that draws NEW against ``old`` (for :func:`render_docx`)."""
    return lambda script: TrackedWriter(script, old=old, revisions=Revisions(author, date))
