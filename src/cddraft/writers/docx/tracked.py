"""Tracked changes: NEW drawn with Word's own revisions (``w:ins``/``w:del``) against OLD (issue 15).

The two localised documents are compared block by block (paragraphs, headings, items, bullets, signatures),
then word by word inside a block that was changed (Chinese and Japanese character by character): a changed
word is one deletion and one insertion; a paragraph, heading, item or footnote that only one version has is
inserted or deleted as a whole. Generated paragraph numbers are NEW's and are not marked (they follow from
the structure, as cross-references do). Accepting every change gives NEW's text, rejecting them OLD's.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from cddraft.localise.types import Block, Heading, Localised, Masthead, Para, Spans
from cddraft.model.inline import Footnote, Ref, Span
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st
from cddraft.writers.docx.body import BodyWriter
from cddraft.writers.docx.masthead import masthead_xml

#: A word with the blank after it, one CJK character, or one other sign: the units compared inside a block.
_TOKEN = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|\w+\s*|\s+|[^\w\s]\s*")
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


def _key(item: Span | Ref | Footnote) -> tuple:
    if isinstance(item, Span):
        return ("t", item.text, item.bold, item.italic, item.sup)
    if isinstance(item, Ref):
        return ("r", item.target, item.number, item.bold, item.italic, item.sup)
    return ("f", tuple(_key(c) for c in item.content))


def tokens(spans: Spans) -> list[Span | Ref | Footnote]:
    """The units compared inside a block: words (CJK: characters) in their formatting, references, notes."""
    out: list[Span | Ref | Footnote] = []
    for s in spans:
        if isinstance(s, Span):
            out.extend(Span(piece, s.bold, s.italic, s.sup) for piece in _TOKEN.findall(s.text))
        else:
            out.append(s)
    return out


def _merged(items: list[Span | Ref | Footnote]) -> Spans:
    """Neighbouring words of one formatting as one span again (one run, not one a word)."""
    out: Spans = []
    words: list[Span] = []

    def flush() -> None:
        if words:
            first = words[0]
            out.append(Span("".join(w.text for w in words), first.bold, first.italic, first.sup))
            words.clear()

    for item in items:
        if not isinstance(item, Span) or (words and (words[0].bold, words[0].italic, words[0].sup)
                                          != (item.bold, item.italic, item.sup)):
            flush()
        if isinstance(item, Span):
            words.append(item)
        else:
            out.append(item)
    flush()
    return out


def _block_key(block: Block) -> tuple:
    spans = getattr(block, "spans", None)
    content = tuple(_key(t) for t in spans) if spans is not None else repr(block)
    return (type(block).__name__, getattr(block, "role", None), getattr(block, "level", None), content)


def aligned(old: list[Block], new: list[Block]) -> Iterator[tuple[Block | None, Block | None]]:
    """(old, new) block pairs in NEW's order: both when kept or changed, one side when deleted or inserted."""
    matcher = difflib.SequenceMatcher(None, [_block_key(b) for b in old], [_block_key(b) for b in new],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            yield from zip(old[i1:i2], new[j1:j2], strict=True)
            continue
        olds, news = old[i1:i2], new[j1:j2]
        while olds and news and _block_key(olds[0])[:3] == _block_key(news[0])[:3]:
            yield olds.pop(0), news.pop(0)  # the same kind of block, changed: compared word by word
        yield from ((b, None) for b in olds)
        yield from ((None, b) for b in news)


def _restyled(old: list[Span | Ref | Footnote], new: list[Span | Ref | Footnote]) -> bool:
    """Whether a replacement only changes formatting: the same text, from words of one formatting."""
    if not all(isinstance(t, Span) for t in old + new):
        return False
    spans_old: list[Span] = old  # type: ignore[assignment]
    spans_new: list[Span] = new  # type: ignore[assignment]
    return ("".join(t.text for t in spans_old) == "".join(t.text for t in spans_new)
            and len({(t.bold, t.italic, t.sup) for t in spans_old}) == 1)


@dataclass
class TrackedWriter(BodyWriter):
    """The body writer, drawing NEW with revisions against OLD."""

    old: Localised | None = None
    revisions: Revisions = field(default_factory=lambda: Revisions("cddraft", dt.date.today()))
    _against: Spans | None = None  # the old spans of the block being drawn
    _loc: Localised | None = None  # the new document being drawn

    def spans(self, spans: Spans, *, in_note: bool = False) -> str:
        against, self._against = self._against, None
        if against is None or in_note or [_key(t) for t in against] == [_key(t) for t in spans]:
            return super().spans(spans, in_note=in_note)  # nothing to compare, or nothing changed
        old, new = tokens(against), tokens(spans)
        matcher = difflib.SequenceMatcher(None, [_key(t) for t in old], [_key(t) for t in new], autojunk=False)
        out = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "replace" and _restyled(old[i1:i2], new[j1:j2]):
                out.append(self._restyled_runs(old[i1], new[j1:j2]))
                continue
            if op in ("delete", "replace"):
                out.append(self.revisions.runs(super().spans(_merged(old[i1:i2])), "del"))
            if op in ("insert", "replace"):
                out.append(self.revisions.runs(super().spans(_merged(new[j1:j2])), "ins"))
            if op == "equal":
                out.append(super().spans(_merged(new[j1:j2])))
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
        for span in _merged(words):
            xml = super().spans([span])
            same = isinstance(span, Span) and (span.bold, span.italic, span.sup) == (before.bold, before.italic,
                                                                                     before.sup)
            out.append(xml if same else re.sub(r"<w:r>.*?</w:r>", mark, xml, flags=re.S))
        return "".join(out)

    def masthead(self, m: Masthead) -> str:
        return masthead_xml(m, self.script, self.old.masthead if self.old else None, self.revisions)

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
        if loc.title:
            mark = self.title_note(loc.title_note) if loc.title_note else ""
            self._against = [Span(old.title)]
            title = self.spans([Span(loc.title)])
            self.parts.append(x.paragraph(self.ppr(st.HEADING_STYLES[1]), self.plain("\t\t") + title + mark))
        for before, after in aligned(old.blocks, loc.blocks):
            if before is None:
                self.parts.append(self.revisions.paragraphs(self._drawn(after), "ins"))  # type: ignore[arg-type]
            elif after is None:
                unanchored = replace(before, anchor=None) if isinstance(before, Heading | Para) else before
                self.parts.append(self.revisions.paragraphs(self._drawn(unanchored), "del"))
            elif getattr(after, "spans", None) is None and _block_key(before) != _block_key(after):
                # signature blocks have no spans to compare word by word: the old ones out, the new ones in
                self.parts.append(self.revisions.paragraphs(self._drawn(before), "del"))
                self.parts.append(self.revisions.paragraphs(self._drawn(after), "ins"))
            else:
                self.parts.append(self._drawn(after, getattr(before, "spans", None)))


def tracked_writer(old: Localised, author: str, date: dt.date) -> Callable[[x.Script], BodyWriter]:
    """A factory of the body writer that draws NEW against ``old`` (for :func:`render_docx`)."""
    return lambda script: TrackedWriter(script, old=old, revisions=Revisions(author, date))
