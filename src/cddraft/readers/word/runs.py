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

from cddraft.model.inline import Footnote, Inline, Ref, Span, plain_span, stripped
from cddraft.readers.word.package import NS, Parts, W, paragraphs_text, w
from cddraft.readers.word.values import character, quoted

_FALSE = {"0", "false", "off", "none"}
_REF_FIELD = re.compile(r"^\s*REF\s+(\S+)(.*)$", re.S)
#: A REF field's switches that print the paragraph number of the bookmarked paragraph (\r, \n, \w).
_NUMBER_SWITCH = re.compile(r"\\[rnw]\b", re.I)
_BOOKMARK = re.compile(r"^_Ref_([A-Za-z][\w]*)$")
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_M_PREFIX, _M_T = f"{{{_M}}}", f"{{{_M}}}t"
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
    breaks: list[int] = field(default_factory=list)  # where line breaks were (each read as a space): offsets in text

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans if isinstance(s, Span))


_W_PREFIX = f"{{{W}}}"
_RPR, _RSTYLE, _B, _I, _VERT, _VAL, _T, _R = (w(t) for t in ("rPr", "rStyle", "b", "i", "vertAlign", "val", "t", "r"))
_PPR, _PAGE_BREAK_BEFORE = w("pPr"), w("pageBreakBefore")


def _set(el: etree._Element | None) -> bool:
    """Whether a toggle property (``w:b``, ``w:i``) is on: present, and not ``w:val="0"``/``false``."""
    return el is not None and el.get(_VAL, "true").lower() not in _FALSE


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
    #: the bookmarks a REF field may point at, by name → the outline id they become (None: cddraft's own only)
    targets: dict[str, str] | None = None
    ref_texts: dict[str, str] = field(default_factory=dict)  # outline id → the text a REF field to it showed
    _ref: list[str] | None = None  # the text of the REF field being read (replaced by its {ref:})
    _ref_target: str = ""

    def paragraph(self, p: etree._Element, *, in_note: bool = False) -> Found:
        found = Found()
        ppr = p[0] if len(p) and p[0].tag == _PPR else None
        if ppr is not None and _set(ppr.find(_PAGE_BREAK_BEFORE)):
            found.page_break = True
        self._field, self._result, self._fields = None, None, []
        for child in p:
            tag = child.tag
            if tag == _R:  # most of a paragraph: its runs
                self._run(child, found, in_note)
            elif tag != _PPR:
                self._content(child, found, in_note, None)
        return found

    def _content(self, el: etree._Element, found: Found, in_note: bool, rpr: etree._Element | None) -> None:
        full = el.tag if isinstance(el.tag, str) else ""
        if not full.startswith(_W_PREFIX):
            if full.endswith("}AlternateContent"):  # a text box or drawing drawn two ways: report it once
                self._drawing(el, found)
            elif full.startswith(_M_PREFIX) and full[len(_M_PREFIX):] in ("oMath", "oMathPara"):
                self._equation(el, found)
            return
        tag = full[len(_W_PREFIX):]
        if tag == "r":
            self._run(el, found, in_note)
        elif tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"):
            if tag == "fldSimple":
                instr = el.get(w("instr"), "")
                said = len(found.problems)
                target = self._reference(instr, found)
                if target is not None:  # a cross-reference: {ref:}, its shown text kept aside
                    found.spans.append(Ref(target))
                    self.ref_texts[target] = "".join(t.text or "" for t in el.iter(_T))
                    return
                if not _QUIET_FIELDS.match(instr) and len(found.problems) == said:
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
            name = el.get(w("name"), "")
            if self.targets is not None:
                if name in self.targets:
                    found.bookmarks.append(self.targets[name])
            elif m := _BOOKMARK.match(name):
                found.bookmarks.append(m.group(1))
        elif tag == "commentReference":  # a comment anchored between runs (LibreOffice writes them without range)
            self._comment(el, found)

    def _revision(self, el: etree._Element, found: Found, in_note: bool, *, keep: bool, inserted: bool) -> None:
        found.revisions += 1
        if self.revisions == "refuse":
            text = "".join(el.itertext())
            found.problems.append(f"tracked {'insertion' if inserted else 'deletion'} {quoted(text)}")
        if keep:
            for child in el:
                self._content(child, found, in_note, None)

    def _comment(self, el: etree._Element, found: Found) -> None:
        text = self.parts.comments.get(el.get(w("id"), ""), "")
        found.problems.append(f"a comment was dropped: {quoted(text)}" if text else "a comment was dropped")

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
        hidden = self._result == "skip" or (bool(self._fields) and any(result is None for _, result in self._fields))
        for el in r:
            full = el.tag
            if full == _T:  # the usual case first: text
                if not hidden:
                    self._add(found, el.text or "", bold, italic, sup)
                elif self._ref is not None and not self._fields:
                    self._ref.append(el.text or "")
                continue
            if full == _RPR:
                continue
            tag = full[len(_W_PREFIX):] if isinstance(full, str) and full.startswith(_W_PREFIX) else ""
            if isinstance(full, str) and full.endswith("}AlternateContent"):  # a text box or drawing in the run
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
                    found.breaks.append(len(found.text))
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
                self._footnote(el, found, endnote=True)

    def _add(self, found: Found, text: str, bold: bool, italic: bool, sup: bool) -> None:
        if not text:
            return
        last = found.spans[-1] if found.spans else None
        if type(last) is Span and last.bold == bold and last.italic == italic and last.sup == sup:
            found.spans[-1] = plain_span(last.text + text, bold, italic, sup)
        else:
            found.spans.append(plain_span(text, bold, italic, sup))

    def _field_char(self, kind: str | None, found: Found) -> None:
        if kind == "begin":
            if self._field is not None or self._result is not None:  # a field inside another (IF holding DATE)
                self._fields.append((self._field, self._result))
            self._field, self._result = [], None
        elif kind == "separate" and self._field is not None:
            instr = "".join(self._field)
            said = len(found.problems)
            target = None if self._fields else self._reference(instr, found)
            if target is not None:
                found.spans.append(Ref(target))
                self._result, self._ref, self._ref_target = "skip", [], target
            else:
                if len(found.problems) == said and (self._fields or (not _QUIET_FIELDS.match(instr) and instr.strip())):
                    found.problems.append(f"field {instr.strip().split(' ')[0] or '(empty)'} kept as its text")
                self._result = "keep"
            self._field = None
        elif kind == "end":
            if self._ref is not None and not self._fields:
                self.ref_texts[self._ref_target] = "".join(self._ref)
                self._ref = None
            self._field, self._result = self._fields.pop() if self._fields else (None, None)

    def _reference(self, instr: str, found: Found) -> str | None:
        """The outline id a REF field points at when it is a cross-reference the outline keeps as ``{ref:}``:
        cddraft's own (``REF _Ref_<id>``), or Word's to a numbered paragraph (``REF _Ref123 \\r``); else None —
        a reference to a paragraph no longer there is said."""
        m = _REF_FIELD.match(instr)
        if m is None:
            return None
        name, switches = m.group(1), m.group(2)
        own = _BOOKMARK.match(name)
        if self.targets is None:
            return own.group(1) if own else None
        target = self.targets.get(name)
        if target is not None and (own or _NUMBER_SWITCH.search(switches)):
            return target
        if own:  # its paragraph is gone (deleted in Word): the number it showed is kept as text
            found.problems.append(f"a cross-reference to {own.group(1)!r}, whose paragraph is not in the document, "
                                  "kept as its text")
        return None

    def _footnote(self, ref: etree._Element, found: Found, *, endnote: bool = False) -> None:
        ident = ref.get(w("id"), "")
        note = (self.parts.endnotes if endnote else self.parts.footnotes).get(ident)
        if endnote:
            found.problems.append("an endnote became a footnote (cddraft has footnotes only)")
            ident = f"endnote {ident}"
        if ref.get(w("customMarkFollows")) in ("1", "true", "on"):
            found.custom_mark = True
            self._mark_follows = True
        if self._notes:  # an outline's footnotes hold none: a note calling itself (a loop) or another is not read
            if ident in self._notes:
                found.problems.append("a footnote that calls itself was read once")
            else:
                text = paragraphs_text(note) if note is not None else ""
                found.problems.append(f"a footnote inside a footnote was dropped: {quoted(text)}")
            return
        content: list[Inline] = []
        if note is not None:
            inner = RunReader(self.parts, self.revisions, self.character_styles, _notes=(*self._notes, ident),
                              targets=self.targets, ref_texts=self.ref_texts)
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

    def _equation(self, el: etree._Element, found: Found) -> None:
        text = "".join(t.text or "" for t in el.iter(_M_T))
        if text.strip():
            self._add(found, text, False, False, False)
            found.problems.append(f"an equation was kept as its plain text: {quoted(text, 120)}")

    def _drawing(self, el: etree._Element, found: Found) -> None:
        # a drawing written two ways (mc:AlternateContent: Word's and a fallback) holds its text box twice
        boxes = list(dict.fromkeys(paragraphs_text(box) for box in el.iter(w("txbxContent"))))
        boxes = [b for b in boxes if b]
        if boxes:
            found.problems.extend(f"a text box was dropped: {quoted(text)}" for text in boxes)
            for ref in el.iter(w("footnoteReference"), w("endnoteReference")):
                notes = self.parts.footnotes if ref.tag == w("footnoteReference") else self.parts.endnotes
                note = notes.get(ref.get(w("id"), ""))
                if note is not None:
                    found.problems.append(f"the text box's note was dropped: {quoted(paragraphs_text(note))}")
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
            out[-1] = plain_span(last.text + s.text, s.bold, s.italic, s.sup)
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
            out[0] = plain_span(first.text[prefix:], first.bold, first.italic, first.sup)
            prefix = 0
    return out


def trimmed(spans: list[Inline]) -> list[Inline]:
    """Spans without the blanks at their ends (the outline strips them too)."""
    return stripped(_merge(spans))


_P, _BOOKMARK_START, _INSTR, _FLD_SIMPLE = w("p"), w("bookmarkStart"), w("instrText"), w("fldSimple")


def ref_targets(body: etree._Element) -> dict[str, str]:
    """The bookmarks a REF field may point at, by name → the outline id they become: cddraft's own
    (``_Ref_<id>`` → ``<id>``), and the bookmarks the document's REF fields name (Word's ``_Ref123456`` →
    ``Ref123456``). A paragraph deleted in Word takes its bookmark with it, and a REF field to it is then read as its
    text."""
    names: set[str] = set()
    referenced: set[str] = set()
    for el in body.iter(_BOOKMARK_START, _INSTR, _FLD_SIMPLE):
        if el.tag == _BOOKMARK_START:
            names.add(el.get(w("name"), ""))
        else:
            m = _REF_FIELD.match((el.text if el.tag == _INSTR else el.get(w("instr"))) or "")
            if m:
                referenced.add(m.group(1))
    out: dict[str, str] = {}
    for name in names:
        own = _BOOKMARK.match(name)
        if own:
            out[name] = own.group(1)
        elif name in referenced:
            ident = re.sub(r"[^\w.-]", "", name).lstrip("_.-0123456789") or "ref"
            out[name] = ident if ident[0].isascii() and ident[0].isalpha() else f"ref{ident}"
    return out


def walk_body(body: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in order, content controls and custom XML opened."""
    for el in body:
        if el.tag == _SDT:
            content = el.find("w:sdtContent", NS)
            if content is not None:
                yield from walk_body(content)
        elif el.tag == _CUSTOM_XML:
            yield from walk_body(el)
        elif el.tag in (_P, _TBL):
            yield el


_SDT, _CUSTOM_XML, _TBL = w("sdt"), w("customXml"), w("tbl")


Reporter = Callable[[str], None]
