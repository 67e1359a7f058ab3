"""What each paragraph of a Word file is: a heading of some level, a numbered paragraph, a subparagraph, a
quotation, a bullet, a letter's paragraph, a signature line … — told by the UNOG styles and the layout cddraft
and the secretariat give them, or by Word's own heading styles, lists and quotation styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from lxml import etree

from cddraft import layout
from cddraft.conventions import Conventions, load_conventions
from cddraft.languages import LANGUAGES
from cddraft.model.inline import Inline
from cddraft.readers.word.autonumber import Numbered
from cddraft.readers.word.package import Parts, WordStyle, path, w
from cddraft.readers.word.runs import Found, strip
from cddraft.readers.word.values import measure, whole_number

#: UNOG heading styles and the level each one stands for (H23G: 3, or 4 when its number says so).
UNOG_HEADINGS = {"hchg": 1, "h1g": 2, "h23g": 3, "h4g": 5, "h56g": 5}
_QUOTE_STYLES = {"quote", "intense quote", "block text", "quotation"}
_BULLET_STYLES = {"bullet1g": 1, "bullet2g": 2, "list bullet": 1, "list bullet 2": 2}
_STEP, _NUMBER_TAB = layout.STEP, layout.NUMBER_TAB  # the UNOG indents cddraft writes
_LEAD = re.compile(r"^\t?([^\t]{1,12})\t")
_PPR, _IND, _JC, _SPACING, _OUTLINE_LEVEL = (path(f"w:{t}") for t in ("pPr", "ind", "jc", "spacing", "outlineLvl"))
_RIGHT = {"right", "end"}  # Transitional and Strict

Kind = Literal["title", "heading", "para", "item", "quote", "bullet", "letter", "right", "closing", "empty", "table"]


@dataclass
class Piece:
    """One paragraph, classified; ``number`` is the typed number taken off its text."""

    kind: Kind
    spans: list[Inline]
    level: int = 0  # heading level, bullet level, item depth
    number: str | None = None
    found: Found = field(default_factory=Found)
    spaced: bool = False  # space before it (a signature block's first line)
    depth: int | None = None  # a heading's nesting told by Word's own heading level (Heading 2: 2)
    index: int = 0  # the paragraph's place in the file, for messages
    style: str = ""  # its paragraph style's name (a UNOG style's id, lower case)
    block: dict[str, Any] | None = None  # a table: its block, as the outline writes it
    auto: Numbered | None = None  # the number Word's automatic numbering gives it
    signed: bool = False  # a signature's line ("(Signed) Name"), in whatever alignment
    right: bool = False  # set right (w:jc right or end)

    @property
    def text(self) -> str:
        return self.found.text

    @property
    def lines(self) -> list[str]:
        """Its text's lines (split at its line breaks), blank ones left out."""
        return lines_of(self.found)


def lines_of(found: Found) -> list[str]:
    text, cuts = found.text, found.breaks
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [line.strip() for line in pieces if line.strip()]


def _ind(ind: etree._Element | None) -> dict[str, int]:
    out = {}
    if ind is not None:
        for key in ("left", "start", "right", "end", "firstLine", "hanging"):
            value = measure(ind.get(w(key)))
            if value is not None:
                out[{"start": "left", "end": "right"}.get(key, key)] = value
    return out


def _jc(jc: etree._Element | None) -> str | None:
    return jc.get(w("val")) if jc is not None else None


def _numbered(found: Found, text: str) -> tuple[str | None, list[Inline]]:
    """The typed number at the start (``1.``, ``\tI.\t``, ``(a)``) and the text after it."""
    m = _LEAD.match(text)
    if not m:
        return None, found.spans
    return m.group(1), strip(found.spans, m.end())


_COUNTERS = {"1": r"\d{1,4}", "I": "[IVXLCDM]{1,8}", "i": "[ivxlcdm]{1,8}", "A": "[A-Z]{1,3}", "a": "[a-z]{1,3}"}


def marker_pattern(template: str, conv: Conventions) -> re.Pattern[str]:
    """A number template of the conventions (``({a})``, ``{I}.``, ``{1} -``, ``{zh_num}.``) as a pattern."""
    return _marker_pattern(template, conv.code)


@cache
def _marker_pattern(template: str, code: str) -> re.Pattern[str]:
    conv = load_conventions(code)
    out = []
    for piece in re.split(r"(\{\w+\})", template):
        name = piece[1:-1] if re.fullmatch(r"\{\w+\}", piece) else None
        if name is None:
            out.append(re.escape(piece))
        elif name in _COUNTERS:
            out.append(_COUNTERS[name])
        else:
            out.append("(?:" + "|".join(map(re.escape, conv.sequences.get(name, []))) + ")")
    return re.compile("^" + "".join(out) + "$")


_FULL_WIDTH = str.maketrans("（）：", "():")


@cache
def _signed_forms() -> tuple[re.Pattern[str], ...]:
    """The signature lines of the six languages ("(Signed) Name", "(Signé) Name", "Name(签名)" …), read with or
    without a colon after the mark and in either case."""
    out = []
    for code in LANGUAGES:
        before, _, after = load_conventions(code).letter.signed.partition("{name}")
        out.append(re.compile(rf"^{re.escape(before.strip())}\s*:?\s*(?P<name>\S.*?)\s*{re.escape(after.strip())}$",
                              re.I | re.S))
    return tuple(out)


@cache
def _marks() -> re.Pattern[str]:
    """The six languages' signature marks ("Signed", "签名" …): a paragraph without one is no signature."""
    words = {re.sub(r"[(){}]|name", "", load_conventions(code).letter.signed).strip() for code in LANGUAGES}
    return re.compile("|".join(re.escape(w) for w in sorted(words) if w), re.I)


def signed_name(line: str) -> str | None:
    """The name in a signature line of any of the six languages ("(Signed) Htin Lynn" → "Htin Lynn"), or None."""
    text = " ".join(line.translate(_FULL_WIDTH).split())
    for form in _signed_forms():
        m = form.match(text)
        if m:
            return m.group("name")
    return None


def properties(p: etree._Element) -> dict[str, etree._Element]:
    """The paragraph's own properties (the children of its ``w:pPr``) by tag."""
    ppr = p[0] if len(p) and p[0].tag == _PPR else None
    return {c.tag: c for c in ppr} if ppr is not None else {}


def classify(p: etree._Element, found: Found, parts: Parts, conv: Conventions, auto: Numbered | None = None, *,
             style: WordStyle | None = None, props: dict[str, etree._Element] | None = None) -> Piece:
    """What the paragraph is; ``style`` and ``props`` (its style and :func:`properties`) when the caller has them."""
    if props is None:
        style, props = parts.style_of(p), properties(p)
    name = style.name if style is not None else ""
    ind, jc = _ind(props.get(_IND)), _jc(props.get(_JC))
    spacing = props.get(_SPACING)
    spaced = spacing is not None and (measure(spacing.get(w("before"))) or 0) > 0
    text = found.text
    if not text.strip() and not any(not hasattr(s, "text") for s in found.spans):
        return Piece("empty", [], found=found)
    if name in UNOG_HEADINGS:
        if text.startswith("\t\t"):
            return Piece("title" if name == "hchg" else "heading", strip(found.spans, 2),
                         UNOG_HEADINGS[name], found=found)
        number, spans = _numbered(found, text)
        if number is None and auto is not None and auto.kind not in ("bullet", "none"):
            number = auto.text.strip()
        level = UNOG_HEADINGS[name]
        if name == "h23g" and number and marker_pattern(conv.numbering.headings[3], conv).match(number):
            level = 4
        return Piece("heading", spans, level, number, found=found, auto=auto)
    if name == "title":
        return Piece("title", found.spans, 1, found=found)
    own = props.get(_OUTLINE_LEVEL)
    outline = whole_number(own.get(w("val"))) if own is not None else parts.style_level(style)
    if outline is not None and outline < 6:
        number = auto.text.strip() if auto is not None and auto.kind not in ("bullet", "none") else None
        return Piece("heading", found.spans, outline + 1, number, found=found, depth=outline + 1, auto=auto)
    if name in _BULLET_STYLES:
        return Piece("bullet", found.spans, _BULLET_STYLES[name], found=found)
    if auto is not None and auto.kind != "none":
        return _listed(found, auto)
    if ("(" in text or "\uff08" in text) and _marks().search(text) and _signature(found):
        return Piece("right", found.spans, found=found, spaced=spaced, signed=True, right=jc in _RIGHT)
    if name in _QUOTE_STYLES or (ind.get("left") == _NUMBER_TAB and ind.get("right") == _NUMBER_TAB):
        return Piece("quote", found.spans, found=found)
    if jc in _RIGHT:
        return Piece("right", found.spans, found=found, spaced=spaced, right=True)
    number, spans = _numbered(found, text)
    if number is not None:
        for depth, template in enumerate(conv.numbering.subparagraphs, 1):
            if marker_pattern(template, conv).match(number):
                # "(i)" is a first-level letter or a second-level numeral: the indent cddraft gives says which
                indented = ind.get("firstLine", 0) // _STEP
                return Piece("item", spans, indented if indented in (1, 2) else depth, number, found=found)
        if marker_pattern(conv.numbering.paragraph, conv).match(number):
            return Piece("para", spans, number=number, found=found)
    if jc == "left" and text.strip() in conv.letter.closing:
        return Piece("closing", found.spans, found=found)
    if ind.get("firstLine") == _STEP:
        return Piece("letter", found.spans, found=found)
    return Piece("para", found.spans, found=found)


def _signature(found: Found) -> bool:
    """Whether the paragraph is a signature's line, or a signature block of several lines (its first or last line the
    signature: the name first, or the titles first)."""
    lines = lines_of(found)
    return bool(lines) and any(signed_name(line) for line in {lines[0], lines[-1]})


def _listed(found: Found, auto: Numbered) -> Piece:
    """A paragraph Word numbers: a bullet at its level; a paragraph numbered 1., 2. … (figures at the list's first
    level); else a subparagraph, one level down for each level of the list below its numbered paragraphs."""
    if auto.kind == "bullet":
        return Piece("bullet", found.spans, auto.level + 1, found=found, auto=auto)
    if auto.kind == "number" and auto.level == 0:
        return Piece("para", found.spans, number=auto.text.strip(), found=found, auto=auto)
    depth = auto.level + (0 if auto.first_level == "number" else 1)
    return Piece("item", found.spans, max(depth, 1), number=auto.text.strip(), found=found, auto=auto)
