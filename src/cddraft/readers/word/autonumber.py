"""Word's automatic numbering (``numbering.xml``) read back: the number Word shows before each numbered paragraph.

A paragraph is numbered by its own ``w:numPr`` or by its style's (``_ ParaNo._G``, a numbered heading style);
``w:numId w:val="0"`` switches numbering off. Each ``w:num`` instance points at an abstract definition that holds the
levels (format, text such as ``%1.`` or ``(%2)``, start); instances of one definition share its counters, as Word
counts them, unless an instance restarts a level (``w:lvlOverride/w:startOverride``). A level counted restarts the
levels below it. The number text is built as Word builds it, so that the reader can tell numbered paragraphs
(``1.``) from subparagraphs (``(a)``) and bullets, and compare Word's numbers with the ones cddraft will print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from cddraft import namespaces as ns
from cddraft.readers.word.values import whole_number

NS = ns.PREFIXES
_VAL = f"{{{ns.W}}}val"
LEVELS = 9

#: Formats that count with figures, letters or numerals (what a list item or a paragraph number is marked by).
_DIGITS = {"decimal", "decimalZero", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth", "arabicDigits",
           "hindiNumbers", "decimalEnclosedParen", "decimalEnclosedFullstop", "decimalEnclosedCircle",
           "ordinal", "cardinalText", "ordinalText"}
_ROMAN = {"upperRoman", "lowerRoman"}
_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_CHINESE = "〇一二三四五六七八九"


@dataclass(frozen=True)
class Level:
    fmt: str  # w:numFmt: decimal, lowerLetter, upperRoman, bullet, none …
    text: str  # w:lvlText: "%1.", "(%2)", "•"
    start: int = 1
    legal: bool = False  # w:isLgl: the levels above shown as figures ("1.1")


@dataclass(frozen=True)
class Numbered:
    """The number Word shows before one paragraph."""

    text: str  # "1.", "(a)", "•"
    kind: str  # "number" (figures), "letter", "roman", "bullet", "none"
    level: int  # w:ilvl, 0-8
    list: str  # the abstract definition counted in (paragraphs of one list share it)
    value: int  # the count at this level
    restarted: bool  # the count is the level's start (a list beginning, or beginning again)
    first_level: str  # the kind of the list's level 0 ("number": a list numbering paragraphs 1., 2. …)


def kind_of(fmt: str) -> str:
    if fmt == "bullet":
        return "bullet"
    if fmt == "none":
        return "none"
    if fmt in _ROMAN:
        return "roman"
    if fmt in _DIGITS or fmt.startswith("decimal"):
        return "number"
    return "letter"


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int, alphabet: str) -> str:
    """Word's letters: a … z, then aa … zz (the letter repeated)."""
    if n < 1:
        return str(n)
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


def formatted(n: int, fmt: str) -> str:
    """``n`` in the format ``fmt`` (the formats cddraft's languages number with; figures for the others)."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(n, "abcdefghijklmnopqrstuvwxyz")
        return text.upper() if fmt == "upperLetter" else text
    if fmt in _ROMAN:
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("arabicAbjad", "arabicAlpha"):
        return _letters(n, _ABJAD if fmt == "arabicAbjad" else _ALPHA)
    if fmt in ("russianLower", "russianUpper"):
        text = _letters(n, _RUSSIAN)
        return text.upper() if fmt == "russianUpper" else text
    if fmt.startswith(("chinese", "ideograph", "taiwanese", "japanese")) and 0 < n < 10:
        return _CHINESE[n]
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _levels(parent: etree._Element) -> dict[int, Level]:
    out = {}
    for lvl in parent.iterfind("w:lvl", NS):
        ilvl = whole_number(lvl.get(f"{{{ns.W}}}ilvl"))
        if ilvl is None or not 0 <= ilvl < LEVELS:
            continue
        fmt, text, start = lvl.find("w:numFmt", NS), lvl.find("w:lvlText", NS), lvl.find("w:start", NS)
        out[ilvl] = Level((fmt.get(_VAL) if fmt is not None else None) or "decimal",
                          (text.get(_VAL) if text is not None else None) or "",
                          max(whole_number(start.get(_VAL)) or 0, 0) if start is not None else 1,
                          lvl.find("w:isLgl", NS) is not None)
    return out


@dataclass
class Numbering:
    """The numbering part: abstract definitions by id, and each instance's definition and restarts."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # abstract id → numbering style it takes its levels from

    def level(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        """(the abstract id, the level) a paragraph of ``num_id`` at ``ilvl`` is numbered with."""
        found = self.instances.get(num_id)
        if found is None:
            return None
        abstract, _, own = found
        if ilvl in own:
            return abstract, own[ilvl]
        levels = self.abstract.get(abstract, {})
        return (abstract, levels[ilvl]) if ilvl in levels else None


def read_numbering(root: etree._Element | None) -> Numbering:
    out = Numbering()
    if root is None:
        return out
    for a in root.iterfind("w:abstractNum", NS):
        ident = a.get(f"{{{ns.W}}}abstractNumId") or ""
        out.abstract[ident] = _levels(a)
        link = a.find("w:numStyleLink", NS)
        if link is not None and link.get(_VAL):
            out.links[ident] = link.get(_VAL) or ""
    for num in root.iterfind("w:num", NS):
        ref = num.find("w:abstractNumId", NS)
        starts: dict[int, int] = {}
        own: dict[int, Level] = {}
        for override in num.iterfind("w:lvlOverride", NS):
            ilvl = whole_number(override.get(f"{{{ns.W}}}ilvl"))
            if ilvl is None or not 0 <= ilvl < LEVELS:
                continue
            start = override.find("w:startOverride", NS)
            if start is not None:
                starts[ilvl] = max(whole_number(start.get(_VAL)) or 0, 0)
            own.update({k: v for k, v in _levels(override).items() if k == ilvl})
        out.instances[num.get(f"{{{ns.W}}}numId") or ""] = (
            (ref.get(_VAL) or "") if ref is not None else "", starts, own)
    return out


def follow_links(numbering: Numbering, style_num: dict[str, str]) -> None:
    """An abstract definition that takes its levels from a numbering style (``w:numStyleLink``): the levels of the
    definition that style's ``w:numId`` points at (``style_num``: numbering style id → its numId)."""
    for ident, style in numbering.links.items():
        num = numbering.instances.get(style_num.get(style, ""))
        if num is not None and num[0] != ident and numbering.abstract.get(num[0]):
            numbering.abstract[ident] = numbering.abstract[num[0]]


class Counter:
    """Counts the numbered paragraphs in document order, as Word does."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, list[int | None]] = {}
        self.begun: set[str] = set()  # instances whose restarts have been applied

    def next(self, num_id: str | None, ilvl: int | None) -> Numbered | None:
        if not num_id or num_id == "0":
            return None
        level = min(max(ilvl or 0, 0), LEVELS - 1)
        found = self.numbering.level(num_id, level)
        if found is None:
            return None
        abstract, lvl = found
        counts = self.counts.setdefault(abstract, [None] * LEVELS)
        restarts = self.numbering.instances[num_id][1]
        if num_id not in self.begun:
            self.begun.add(num_id)
            for at in restarts:  # the instance begins its levels again
                counts[at] = None
        start = restarts.get(level, lvl.start)
        value = start if counts[level] is None else (counts[level] or 0) + 1
        counts[level] = value
        for deeper in range(level + 1, LEVELS):
            counts[deeper] = None
        first = self.numbering.level(num_id, 0)
        return Numbered(self._text(num_id, lvl, counts), kind_of(lvl.fmt), level, abstract, value, value == start,
                        kind_of(first[1].fmt) if first else "number")

    def _text(self, num_id: str, lvl: Level, counts: list[int | None]) -> str:
        if lvl.fmt == "bullet":
            return lvl.text
        text = lvl.text
        for at in range(LEVELS - 1, -1, -1):
            marker = f"%{at + 1}"
            if marker not in text:
                continue
            found = self.numbering.level(num_id, at)
            fmt = found[1].fmt if found else "decimal"
            value = counts[at]
            text = text.replace(marker, formatted(value if value is not None else (found[1].start if found else 1),
                                                  "decimal" if lvl.legal else fmt))
        return text
