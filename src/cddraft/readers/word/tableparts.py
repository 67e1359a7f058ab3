"""What stands around a Word table and belongs to it: the lines above (cddraft's "Table 1" in ``TableNoG`` with
its bookmark, the title in ``TableTitleG``, the unit in ``TableUnitG``; in other files a caption, in Word's
"Caption" style or written "Table 3: …"), and the lines under it (``FootnoteText``: "*Source*: …", "*Note*: …" with
the language's labels, and the notes its cells call, each a tab, its call, a tab and its text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from cddraft import layout
from cddraft.conventions import Conventions, load_conventions
from cddraft.model.inline import Footnote, Inline, Span
from cddraft.readers.word.classify import Piece, marker_pattern
from cddraft.readers.word.package import NS, Parts, w
from cddraft.readers.word.runs import RunReader, strip, trimmed
from cddraft.readers.word.values import quoted

#: Caption styles of other tools (Word's "Caption", pandoc's "Table Caption").
CAPTION_STYLES = {"caption", "table caption"}
_OWN_ABOVE = ("tablenog", "tabletitleg", "tableunitg")
_NOTE_STYLES = {"footnote text"}
_CAPTION_KINDS = ("para", "letter", "right")
#: A caption longer than this is a paragraph that happens to start "Table 3:", not a caption.
_LONGEST = 300
_SEPARATOR = r"\s*[:.\u2013\u2014-]\s+|\s*[:：]\s*"
#: What Word's caption numbering leaves behind as a problem: its SEQ field, replaced by the number cddraft gives.
_SEQ = re.compile(r"^field SEQ\b")


@dataclass
class Caption:
    """The lines above a table (or its caption under it)."""

    number: str | None = None  # the number printed ("Table 3"): numbered when given
    numbered: bool = False
    id: str | None = None  # from the label's bookmark _Ref_<id>
    title: list[Inline] | None = None
    unit: list[Inline] | None = None
    problems: list[str] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)  # the paragraphs taken (their places in the file)

    @property
    def found(self) -> bool:
        return self.numbered or self.title is not None or self.unit is not None


@dataclass
class Under:
    """The lines under a table: its source and note, and the notes its cells call (call → text)."""

    source: list[list[Inline]] = field(default_factory=list)
    note: list[list[Inline]] = field(default_factory=list)
    calls: dict[str, list[Inline]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    revisions: int = 0


@cache
def _label(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The "Table {1}" label alone, and followed by a title (``Table 3: Title``, ``Table 3. Title``)."""
    conv = load_conventions(code)
    template = re.escape(conv.tables.label).replace(r"\{1\}", "{1}").replace("\\ ", r"\s*")
    label = template.replace("{1}", r"(?P<number>[0-9]{1,4})")
    return re.compile(f"^{label}$"), re.compile(f"^{label}(?:{_SEPARATOR})(?P<title>.+)$", re.S)


def quiet(problem: str) -> bool:
    """What a caption's paragraph may say and nothing is lost by: Word's caption number (a SEQ field)."""
    return bool(_SEQ.match(problem))


def from_text(piece: Piece, conv: Conventions, caption: Caption) -> bool:
    """A caption written out ("Table 3: Title", or "Table 3" alone): its number and title into ``caption``."""
    text = piece.text.strip()
    alone, titled = _label(conv.code)
    found = titled.match(text)
    if found:
        caption.number, caption.numbered = found.group("number"), True
        at = found.start("title") + len(piece.text) - len(piece.text.lstrip())
        caption.title = trimmed(strip(piece.spans, at))
        caption.indices.append(piece.index)
        return True
    found = alone.match(text)
    if found:
        caption.number, caption.numbered = found.group("number"), True
        caption.indices.append(piece.index)
        return True
    return False


def caption_above(pieces: list[Piece], conv: Conventions) -> Caption:
    """The lines just above a table that belong to it, taken off ``pieces``."""
    caption = Caption()
    if pieces and pieces[-1].style in _OWN_ABOVE:
        for style in reversed(_OWN_ABOVE):  # the unit line, the title, the label: the last first
            if not pieces or pieces[-1].style != style:
                continue
            piece = pieces.pop()
            caption.indices.append(piece.index)
            if style == "tableunitg":
                caption.unit = trimmed(piece.spans)
            elif style == "tabletitleg":
                caption.title = trimmed(piece.spans)
            else:
                caption.numbered = True
                caption.id = piece.found.bookmarks[0] if piece.found.bookmarks else None
                found = _label(conv.code)[0].match(piece.text.strip())
                caption.number = found.group("number") if found else None
                if found is None:
                    label = quoted(piece.text.strip())
                    caption.problems.append(f"the table's label {label} is printed as cddraft numbers tables: Table 1, "
                                            "2 …")
        return caption
    if not pieces or pieces[-1].kind not in _CAPTION_KINDS:
        return caption
    last = pieces[-1]
    if last.style in CAPTION_STYLES:
        pieces.pop()
        if not from_text(last, conv, caption):
            caption.title = trimmed(last.spans)
            caption.indices.append(last.index)
        return caption
    if len(last.text) <= _LONGEST and from_text(last, conv, caption):
        pieces.pop()
        return caption
    if len(pieces) > 1 and len(last.text) <= _LONGEST and pieces[-2].kind in _CAPTION_KINDS and \
            _label(conv.code)[0].match(pieces[-2].text.strip()):  # "Table 3", then the title on a line of its own
        from_text(pieces[-2], conv, caption)
        caption.title = trimmed(last.spans)
        caption.indices.append(last.index)
        del pieces[-2:]
    return caption


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def _labels(conv: Conventions) -> re.Pattern[str]:
    strings = conv.tables
    words = "|".join(re.escape(x) for x in sorted({strings.source, strings.sources, strings.note, strings.notes},
                                                   key=len, reverse=True))
    return re.compile(rf"^\s*(?P<label>{words})\s*[:：]\s*")


def _call(conv: Conventions) -> str:
    return marker_pattern(conv.tables.call, conv).pattern[1:-1]


#: What a paragraph without text may still hold, and a warning would name: it is not passed over.
_HOLDS = {w(t) for t in ("drawing", "pict", "object", "footnoteReference", "commentReference", "fldSimple", "ins",
                         "del", "sym", "instrText")}


def _blank(p: etree._Element) -> bool:
    return not any(el.tag in _HOLDS or str(el.tag).endswith("}AlternateContent") for el in p.iter())


def _before_table(elements: list[etree._Element], at: int) -> bool:
    """Whether the next element with text after ``elements[at]`` is a table (a caption there is that table's)."""
    return next((el.tag == w("tbl") for el in elements[at + 1:] if el.tag == w("tbl") or _text(el).strip()), False)


def lines_under(elements: list[etree._Element], at: int, reader: RunReader, parts: Parts, conv: Conventions,
                caption: Caption | None) -> tuple[Under, int, Piece | None]:
    """The lines under the table at ``elements[at]`` that belong to it, how many elements they take (empty
    paragraphs between them included), and a caption under the table when there was none above (``caption`` None)."""
    under = Under()
    labels = _labels(conv)
    lettered = re.compile(rf"^\t?(?P<call>{_call(conv)})\t")
    raised = re.compile(rf"^\s*(?P<call>{_call(conv)})[\s/)]")
    taken, j, below = 0, at + 1, None
    while j < len(elements) and elements[j].tag == w("p"):
        p = elements[j]
        text = _text(p)
        style = parts.style_of(p)
        name = style.name if style is not None else ""
        if not text.strip() and _blank(p):
            j += 1
            continue
        if caption is None and below is None and (name in CAPTION_STYLES or (
                len(text) <= _LONGEST and _label(conv.code)[1].match(text.strip()))) and not _before_table(elements, j):
            found = reader.paragraph(p)
            below = Piece("para", found.spans, found=found)
            below.style = name
            under.revisions += found.revisions
            under.problems += [m for m in found.problems if not quiet(m)]
            taken, j = j - at, j + 1
            continue
        if name not in _NOTE_STYLES and not labels.match(text):
            break
        found = reader.paragraph(p)
        under.revisions += found.revisions
        under.problems += found.problems
        spans: list[Inline] = list(found.spans)
        label = labels.match(found.text)
        call = lettered.match(found.text) or (raised.match(found.text) if spans and isinstance(spans[0], Span)
                                               and spans[0].sup else None)
        if label:
            rest = trimmed(strip(spans, label.end()))
            word = label.group("label")
            (under.source if word in (conv.tables.source, conv.tables.sources) else under.note).append(rest)
        elif call:
            content = trimmed(strip(spans, call.end()))
            for note in (s for s in content if isinstance(s, Footnote)):  # a table's note holds no footnote
                inner = "".join(x.text for x in note.content if isinstance(x, Span))
                under.problems.append(f"a footnote in the table's note {call.group('call')} was dropped: "
                                      f"{quoted(inner)}")
            under.calls.setdefault(call.group("call"), [s for s in content if not isinstance(s, Footnote)])
        else:
            under.note.append(trimmed(spans))
        taken, j = j - at, j + 1
    return under, taken, below


def landscape_or_full(tbl: etree._Element, following: list[etree._Element], body: etree._Element) -> str | None:
    """``landscape`` when the table stands in a landscape section of a portrait document, ``full`` when cddraft
    set it across the text block; else None (the text column)."""
    last = body.find("w:sectPr", NS)
    own = next((s for el in following if el.tag == w("p") for s in el.iterfind("w:pPr/w:sectPr", NS)), last)

    def wide(sect: etree._Element | None) -> bool:
        size = sect.find("w:pgSz", NS) if sect is not None else None
        if size is None:
            return False
        if size.get(w("orient")) == "landscape":
            return True
        try:
            return int(size.get(w("w")) or 0) > int(size.get(w("h")) or 0) > 0
        except ValueError:
            return False

    if wide(own) and not wide(last):
        return "landscape"
    width = tbl.find("w:tblPr/w:tblW", NS)
    try:
        twips = int(width.get(w("w")) or 0) if width is not None and width.get(w("type")) == "dxa" else 0
    except ValueError:
        twips = 0
    return "full" if twips and abs(twips - layout.TABLE.width["full"]) < 20 else None
