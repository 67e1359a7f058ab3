"""A Word paragraph's runs → the spans of outline text: emphasis, superscript, footnotes, cross-references.

What a run holds that an outline cannot (an image, a text box, a comment, a field other than a page number or a
cross-reference, a tracked change when revisions are refused) is reported at the paragraph with its text, so
that nothing is dropped unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from cddraft.model.inline import Footnote, Inline, Ref, Span, stripped
from cddraft.readers.word.package import NS, Parts, W, w
from cddraft.readers.word.values import character

_FALSE = {"0", "false", "off", "none"}
_REF_FIELD = re.compile(r"^\s*REF\s+(\S+)")
_BOOKMARK = re.compile(r"^_Ref_([A-Za-z][\w]*)$")
#: Fields whose result is the page furniture Word recomputes (nothing of the text is lost with them).
_QUIET_FIELDS = re.compile(r"^\s*(PAGE|NUMPAGES|SECTIONPAGES|PAGEREF)\b")


@dataclass
class Found:
    """The text of one paragraph (or footnote) and what came with it."""

    spans: list[Inline] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)  # outline ids of the bookmarks in it
    page_break: bool = False  # a page break before or at its start
    problems: list[str] = field(default_factory=list)  # what could not be kept, said to the user
    revisions: int = 0  # tracked changes met (refused: their text is reported)
    custom_mark: bool = False  # a footnote reference with its own mark (the title's *)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans if isinstance(s, Span))


_W_PREFIX = f"{{{W}}}"
_RPR, _RSTYLE, _B, _I, _VERT, _VAL, _T = (w(t) for t in ("rPr", "rStyle", "b", "i", "vertAlign", "val", "t"))


def _set(el: etree._Element | None) -> bool:
    """Whether a toggle property (``w:b``, ``w:i``) is on: present, and not ``w:val="0"``/``false``."""
    return el is not None and el.get(_VAL, "true").lower() not in _FALSE


def _on(rpr: etree._Element | None, tag: str) -> bool:
    return _set(rpr.find(f"w:{tag}", NS) if rpr is not None else None)


@dataclass
class RunReader:
    """Reads runs in order; ``revisions`` is how tracked changes are taken: accept, reject or refuse."""

    parts: Parts
    revisions: str = "refuse"
    character_styles: dict[str, str] = field(default_factory=dict)  # style id → "bold" / "italic"
    _field: list[str] | None = None  # the instruction of the field being read, until its result starts
    _result: str | None = None  # "skip" (a field replaced by what it means) or "keep"
    _fields: list[tuple[list[str] | None, str | None]] = field(default_factory=list)  # the fields around a nested one
    _mark_follows: bool = False  # a footnote reference with its own mark was read: the next run's text is the mark
    _notes: tuple[str, ...] = ()  # the footnotes being read (a note that calls itself is read once)
    bookmarks_known: frozenset[str] | None = None  # the outline ids the document bookmarks (a REF to another: text)

    def paragraph(self, p: etree._Element, *, in_note: bool = False) -> Found:
        found = Found()
        ppr = p.find("w:pPr", NS)
        if ppr is not None and _on(ppr, "pageBreakBefore"):
            found.page_break = True
        self._field, self._result, self._fields = None, None, []
        for child in p:
            self._content(child, found, in_note, None)
        return found

    def _content(self, el: etree._Element, found: Found, in_note: bool, rpr: etree._Element | None) -> None:
        full = el.tag if isinstance(el.tag, str) else ""
        if not full.startswith(_W_PREFIX):
            if full.endswith("}AlternateContent"):  # a text box or drawing drawn two ways: report it once
                self._drawing(el, found)
            return
        tag = full[len(_W_PREFIX):]
        if tag == "r":
            self._run(el, found, in_note)
        elif tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"):
            if tag == "fldSimple":
                instr = el.get(w("instr"), "")
                if not _QUIET_FIELDS.match(instr):
                    found.problems.append(f"field {instr.strip().split(' ')[0]!s} kept as its text")
            if tag == "hyperlink" and el.get(f"{{{NS['r']}}}id"):
                found.problems.append("a hyperlink's address was dropped (its text is kept)")
            for child in el:
                self._content(child, found, in_note, rpr)
        elif tag == "sdt":
            for child in el.iterfind("w:sdtContent", NS):
                for c in child:
                    self._content(c, found, in_note, rpr)
        elif tag in ("ins", "moveTo"):
            self._revision(el, found, in_note, keep=self.revisions == "accept", inserted=True)
        elif tag in ("del", "moveFrom"):
            self._revision(el, found, in_note, keep=self.revisions == "reject", inserted=False)
        elif tag == "bookmarkStart":
            m = _BOOKMARK.match(el.get(w("name"), ""))
            if m:
                found.bookmarks.append(m.group(1))
        elif tag == "commentReference":  # a comment anchored between runs (LibreOffice writes them without range)
            self._comment(el, found)

    def _revision(self, el: etree._Element, found: Found, in_note: bool, *, keep: bool, inserted: bool) -> None:
        found.revisions += 1
        if self.revisions == "refuse":
            text = "".join(el.itertext())
            found.problems.append(f"tracked {'insertion' if inserted else 'deletion'} {text!r}")
        if keep:
            for child in el:
                self._content(child, found, in_note, None)

    def _comment(self, el: etree._Element, found: Found) -> None:
        text = self.parts.comments.get(el.get(w("id"), ""), "")
        found.problems.append(f"a comment was dropped: {text!r}" if text else "a comment was dropped")

    def _run(self, r: etree._Element, found: Found, in_note: bool) -> None:
        if self._mark_follows and r.find(_T) is not None:  # the custom mark (*) printed after the reference
            self._mark_follows = False
            if not "".join(t.text or "" for t in r.iterfind(_T)).strip("*†‡§"):
                return
        bold = italic = sup = False
        first = r[0] if len(r) else None
        if first is not None and first.tag == _RPR:
            props = {c.tag: c for c in first}
            style = props.get(_RSTYLE)
            emphasis = self.character_styles.get(style.get(_VAL), "") if style is not None else ""
            bold = _set(props.get(_B)) or emphasis == "bold"
            italic = _set(props.get(_I)) or emphasis == "italic"
            va = props.get(_VERT)
            sup = va is not None and va.get(_VAL) == "superscript"
        hidden = self._result == "skip" or any(result is None for _, result in self._fields)
        for el in r:
            if el.tag == _T:  # the usual case first: text
                if not hidden:
                    self._add(found, el.text or "", bold, italic, sup)
                continue
            tag = el.tag[len(_W_PREFIX):] if isinstance(el.tag, str) and el.tag.startswith(_W_PREFIX) else ""
            if isinstance(el.tag, str) and el.tag.endswith("}AlternateContent"):  # a text box or drawing in the run
                self._drawing(el, found)
            elif tag == "fldChar":
                self._field_char(el.get(w("fldCharType")), found)
            elif tag == "instrText" and self._field is not None:
                self._field.append(el.text or "")
            elif hidden:  # a field's instruction (an inner field's result is part of it), or its replaced result
                continue
            elif tag in ("t", "delText") and (tag == "t" or self.revisions == "reject"):
                self._add(found, el.text or "", bold, italic, sup)
            elif tag == "tab":
                self._add(found, "\t", bold, italic, sup)
            elif tag == "br":
                if el.get(w("type")) == "page":
                    found.page_break = found.page_break or not found.text.strip()
                    if found.text.strip():
                        found.problems.append("a page break inside the paragraph was dropped")
                else:
                    self._add(found, " ", bold, italic, sup)
            elif tag == "noBreakHyphen":
                self._add(found, "\u2011", bold, italic, sup)
            elif tag == "sym":
                char = character(el.get(w("char"), "20"))
                if char is None:
                    found.problems.append(f"a symbol with the impossible code {el.get(w('char'))!r} was dropped")
                else:
                    self._add(found, char, bold, italic, sup)
            elif tag == "footnoteReference":
                self._footnote(el, found)
            elif tag in ("drawing", "pict", "object"):
                self._drawing(el, found)
            elif tag == "commentReference":
                self._comment(el, found)
            elif tag == "endnoteReference":
                found.problems.append("an endnote was dropped (cddraft has footnotes only)")

    def _add(self, found: Found, text: str, bold: bool, italic: bool, sup: bool) -> None:
        if not text:
            return
        last = found.spans[-1] if found.spans else None
        if isinstance(last, Span) and (last.bold, last.italic, last.sup) == (bold, italic, sup):
            found.spans[-1] = Span(last.text + text, bold, italic, sup)
        else:
            found.spans.append(Span(text, bold, italic, sup))

    def _field_char(self, kind: str | None, found: Found) -> None:
        if kind == "begin":
            if self._field is not None or self._result is not None:  # a field inside another (IF holding DATE)
                self._fields.append((self._field, self._result))
            self._field, self._result = [], None
        elif kind == "separate" and self._field is not None:
            instr = "".join(self._field)
            m = _REF_FIELD.match(instr)
            bookmark = _BOOKMARK.match(m.group(1)) if m else None
            known = self.bookmarks_known
            if bookmark and not self._fields and (known is None or bookmark.group(1) in known):
                found.spans.append(Ref(bookmark.group(1)))
                self._result = "skip"
            else:
                if bookmark:  # its paragraph is gone (deleted in Word): the number it showed is kept as text
                    found.problems.append(f"a cross-reference to {bookmark.group(1)!r}, whose paragraph is not in "
                                          "the document, kept as its text")
                elif self._fields or (not _QUIET_FIELDS.match(instr) and instr.strip()):
                    found.problems.append(f"field {instr.strip().split(' ')[0] or '(empty)'} kept as its text")
                self._result = "keep"
            self._field = None
        elif kind == "end":
            self._field, self._result = self._fields.pop() if self._fields else (None, None)

    def _footnote(self, ref: etree._Element, found: Found) -> None:
        ident = ref.get(w("id"), "")
        note = self.parts.footnotes.get(ident)
        if ref.get(w("customMarkFollows")) in ("1", "true", "on"):
            found.custom_mark = True
            self._mark_follows = True
        if self._notes:  # an outline's footnotes hold none: a note calling itself (a loop) or another is not read
            if ident in self._notes:
                found.problems.append("a footnote that calls itself was read once")
            else:
                text = " ".join("".join(note.itertext()).split()) if note is not None else ""
                found.problems.append(f"a footnote inside a footnote was dropped: {text!r}")
            return
        content: list[Inline] = []
        if note is not None:
            inner = RunReader(self.parts, self.revisions, self.character_styles, _notes=(*self._notes, ident),
                              bookmarks_known=self.bookmarks_known)
            for i, p in enumerate(note.iterfind("w:p", NS)):
                part = inner.paragraph(p, in_note=True)
                if i:
                    content.append(Span(" "))  # the note's paragraphs joined by a blank
                content.extend(_strip_note_mark(part.spans) if i == 0 else part.spans)
                found.problems.extend(f"in a footnote: {m}" for m in part.problems)
                found.revisions += part.revisions
            if len(note.findall("w:p", NS)) > 1:
                found.problems.append("a footnote's paragraphs were joined into one")
        found.spans.append(Footnote(tuple(s for s in _merge(content) if not isinstance(s, Footnote))))

    def _drawing(self, el: etree._Element, found: Found) -> None:
        # a drawing written two ways (mc:AlternateContent: Word's and a fallback) holds its text box twice
        boxes = list(dict.fromkeys(" ".join(t for t in box.itertext() if t.strip())
                                   for box in el.iter(w("txbxContent"))))
        if boxes:
            found.problems.extend(f"a text box was dropped: {text!r}" for text in boxes)
            return
        described = [d.get("descr") or d.get("title") or "" for d in el.iter(f"{{{NS['wp']}}}docPr")]
        what = described[0] if described and described[0] else "no description"
        found.problems.append(f"an image was dropped ({what})")


def _strip_note_mark(spans: list[Inline]) -> list[Inline]:
    """A footnote's own text without the layout before it (UNOG: a tab, the mark, a tab; or a space)."""
    out = list(spans)
    while out and isinstance(out[0], Span) and not out[0].text.strip():
        out.pop(0)
    if out and isinstance(out[0], Span):
        out[0] = Span(out[0].text.lstrip(" \t"), out[0].bold, out[0].italic, out[0].sup)
        mark = re.match(r"\*+\t", out[0].text)  # a custom mark of page 1 (*, **), as cddraft writes it
        if mark:
            out[0] = Span(out[0].text[mark.end():], out[0].bold, out[0].italic, out[0].sup)
    return _merge(out)


def _merge(spans: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for s in spans:
        last = out[-1] if out else None
        if isinstance(s, Span) and not s.text:
            continue
        if isinstance(s, Span) and isinstance(last, Span) and (last.bold, last.italic, last.sup) == (
                s.bold, s.italic, s.sup):
            out[-1] = Span(last.text + s.text, s.bold, s.italic, s.sup)
        else:
            out.append(s)
    return out


def strip(spans: list[Inline], prefix: int) -> list[Inline]:
    """``spans`` without their first ``prefix`` characters of text (a typed number and its tab)."""
    out = list(spans)
    while prefix and out and isinstance(out[0], Span):
        first = out[0]
        if len(first.text) <= prefix:
            prefix -= len(first.text)
            out.pop(0)
        else:
            out[0] = Span(first.text[prefix:], first.bold, first.italic, first.sup)
            prefix = 0
    return out


def trimmed(spans: list[Inline]) -> list[Inline]:
    """Spans without the blanks at their ends (the outline strips them too)."""
    return stripped(_merge(spans))


def ref_bookmarks(body: etree._Element) -> frozenset[str]:
    """The names of the ``{ref:}`` targets the document still has (a paragraph deleted in Word takes its
    bookmark with it, and a REF field to it is then read as its text)."""
    return frozenset(m.group(1) for b in body.iter(w("bookmarkStart")) if (m := _BOOKMARK.match(b.get(w("name"), ""))))


def walk_body(body: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in order, content controls opened."""
    for el in body:
        if el.tag == w("sdt"):
            content = el.find("w:sdtContent", NS)
            if content is not None:
                yield from walk_body(content)
        elif el.tag in (w("p"), w("tbl")):
            yield el


Reporter = Callable[[str], None]
