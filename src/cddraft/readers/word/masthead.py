"""The masthead table and the first-page footer of a UNOG document → the outline's masthead keys.

Only what differs from what the symbol's body gives by default is written back (``distribution``, ``body``,
``united_nations``), so that an imported cddraft file has the keys its outline had.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from lxml import etree

from cddraft.conventions import Conventions, load_conventions
from cddraft.conventions.bodies import body_of
from cddraft.conventions.dates import parse_date, parse_stamp
from cddraft.languages import LANGUAGES
from cddraft.readers.word.forms import language_codes, match
from cddraft.readers.word.package import NS, Parts, w
from cddraft.readers.word.values import quoted, whole_number

#: The job line: a reissue's * after the number (11-37476* (E)), or after the letter as cddraft wrote it before.
_JOB = re.compile(r"^((?:GE\.)?\d{2}-\d{5})(\*?)\s*\((\w)\)(\*?)((?:\s+\d{6})*)\s*$")
_QR = re.compile(r"^QR code: (\S+)$")


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


#: A UN document symbol: series and components joined by slashes (CD/2101, A/78/123–S/2023/456,
#: ECE/TRANS/WP.29/GRVA/2025/1, a reissue's A/65/L.78*).
_ONE = r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.()\-]+)+"
_SYMBOL = re.compile(rf"^{_ONE}(?:[–-]{_ONE})?\*?$")
_DISTRIBUTION = re.compile(r"^distr\s*\.?\s*:?\s*(?P<kind>[^\W\d]*)$", re.I)
_KINDS = {"general": "general", "générale": "general", "generale": "general", "limited": "limited",
          "limitée": "limited", "limitee": "limited", "limitada": "limited", "restricted": "restricted",
          "restreinte": "restricted", "reservada": "restricted"}
_NAME_STYLES = {"xlargeg", "hmg", "smg", "slg", "ssg", "hm", "sm", "sl", "ss", "xlarge"}


def _key(line: str | None) -> str:
    line = line or ""
    return " ".join(line.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


def _lines(p: etree._Element) -> list[str]:
    """A masthead paragraph's lines (split at its line breaks), stripped, blank ones left out."""
    out = [""]
    for el in p.iter(w("t"), w("br"), w("cr")):
        if el.tag == w("t"):
            out[-1] += el.text or ""
        else:
            out.append("")
    return [line.strip() for line in out if line.strip()]


def _symbol(text: str) -> bool:
    return bool(_SYMBOL.match(text)) and len(text) <= 80


@cache
def _names() -> dict[str, tuple[str, ...]]:
    """What every language writes in a masthead: "United Nations", the version-language line."""
    out: dict[str, set[str]] = {"united": set(), "version": set()}
    for code in LANGUAGES:
        masthead = load_conventions(code).masthead
        out["united"].add(_key(masthead.united_nations))
        out["version"].add(_key(masthead.version_line))
    return {k: tuple(v) for k, v in out.items()}


def _distribution(line: str) -> str | None:
    m = _DISTRIBUTION.match(" ".join(line.replace("\u00a0", " ").split()))
    return _KINDS.get(m.group("kind").casefold(), "?") if m and m.group("kind") else ("?" if m else None)


def is_masthead(table: etree._Element, parts: Parts) -> bool:
    """A UN masthead: cddraft's (a cell with the body's name in XLargeG and a cell with a symbol), or a genuine UN
    document's (a symbol, and a "Distr." line, an "Original:" line or "United Nations" in one of the languages)."""
    paragraphs = list(table.iter(w("p")))
    texts = [_text(p).strip() for p in paragraphs]
    names = [parts.style_of(p) for p in paragraphs]
    if any(s is not None and s.name == "xlargeg" for s in names) and any(body_of(t) for t in texts):
        return True
    lines = [line for p in paragraphs for line in _lines(p)]
    if not any(_symbol(line) for line in lines):
        return False
    return any(_distribution(line) or _original(line) or _key(line) in _names()["united"] for line in lines)


def _original(line: str, first: str = "en") -> tuple[str, ...] | None:
    """The language(s) an "Original:" line names, in any of the six languages' forms (and in capitals): the version's
    language's first; ``("?",)`` for a line of that form naming a language none of them knows."""
    key = _key(line)
    formed = False
    for code in dict.fromkeys((first, *LANGUAGES)):
        masthead = load_conventions(code).masthead
        fields = match(_key(masthead.original), key)
        if fields is not None:
            formed = True
            codes = language_codes(fields["language"], masthead.language_names, masthead.and_)
            if codes:
                return codes
    return ("?",) if formed else None


def _date(line: str, conv: Conventions) -> dt.date | None:
    for code in dict.fromkeys((conv.masthead.date_language, conv.code, "en", "fr", "es")):
        found = parse_date(line, load_conventions(code))
        if found is not None:
            return found
    return None


def read_masthead(table: etree._Element, parts: Parts, language: str) -> tuple[dict[str, Any], list[str]]:
    """The masthead keys (symbol, date, distribution, original_language, body, united_nations) and what could
    not be read from it. A symbol of a body cddraft does not serve is said, and left out."""
    conv = load_conventions(language)
    out: dict[str, Any] = {}
    problems: list[str] = []
    paragraphs = list(table.iter(w("p")))
    where = next((p for p in paragraphs if body_of(_text(p).strip())), None)
    if where is None:
        foreign = next((line for p in paragraphs for line in _lines(p) if _symbol(line)), None)
        return out, [f"the masthead's symbol {quoted(foreign)} is not one of a body cddraft knows (docs/outline.md, "
                     "symbol): the outline has a placeholder" if foreign else "the masthead has no document symbol"]
    symbol = _text(where).strip()
    served = body_of(symbol)
    assert served is not None
    reissued = _reissue(where, parts, conv) if symbol.endswith("*") else None
    out["symbol"] = symbol.rstrip("*") if reissued else symbol
    if reissued:
        out["reissued"] = reissued
    names: list[str] = []
    lines: list[tuple[str, bool]] = []  # (line, set as the body's name: its style or its size)
    for p in paragraphs:
        if p is where:
            continue
        style = parts.style_of(p)
        if style is not None and style.name == "xlargeg":
            names.append(_text(p))
            continue
        named = (style is not None and style.name in _NAME_STYLES) or _large(p)
        lines += [(line, named) for line in _lines(p)]
    has_un = False
    date = None
    originals = None
    distribution = "none"
    body = conv.bodies[served.code].name.format(**served.fields)
    waiting = False  # "Distr." on a line of its own, its kind on the next
    genuine = False  # the body's name read from a genuine masthead (not cddraft's XLargeG)
    for line, named in lines:
        key = _key(line)
        kind = _distribution(line)
        if waiting and key in _KINDS:
            distribution, waiting = _KINDS[key], False
        elif kind is not None:
            distribution = kind if kind != "?" else distribution
            waiting = kind == "?"
        elif key in _names()["united"]:
            has_un = True
        elif (found := _date(line, conv)) is not None:
            date = found
        elif (codes := _original(line, language)) is not None:
            originals = codes if "?" not in codes else originals
            if "?" in codes:
                problems.append(f"the masthead's line {quoted(line)} names a language cddraft does not know")
        elif key in _names()["version"]:
            continue
        elif key == _key(body) or named:
            names.append(line)
            genuine = True
        else:
            problems.append(f"masthead line {quoted(line)} not recognised")
    if date is None:
        problems.append("the masthead has no date in the form this language writes it")
    else:
        out["date"] = date
    if distribution != served.distribution(symbol):
        out["distribution"] = distribution
    name = "\n".join(names)
    if name and name != body and not (genuine and _key(name) == _key(body)):
        out["body"] = name
    if has_un != served.body.united_nations:
        out["united_nations"] = has_un
    if originals and originals != (language,):
        out["original_language"] = list(originals) if len(originals) > 1 else originals[0]
    return out, problems


def _large(p: etree._Element) -> bool:
    """Whether the paragraph is set as a masthead's body name is: bold, or 14 points and more."""
    sizes = [whole_number(s.get(w("val"))) or 0 for s in p.iter(w("sz"))]
    bold = [b.get(w("val"), "true").lower() not in ("0", "false", "off") for b in p.iter(w("b"))]
    return bool(sizes and min(sizes) >= 28) or bool(bold and all(bold))


def _reissue(symbol: etree._Element, parts: Parts, conv: Conventions) -> Any:
    """The date of a reissue's note ("Reissued for technical reasons on …"), called by the symbol's *; None."""
    for ref in symbol.iter(w("footnoteReference")):
        note = parts.footnotes.get(ref.get(w("id")))
        text = re.sub(r"^[\s*]+", "", "".join(t.text or "" for t in note.iter(w("t")))) if note is not None else ""
        fields = match(conv.reissued, " ".join(text.split()))
        if fields is not None:
            return parse_date(fields["date"], conv)
    return None


def read_footer(parts: Parts) -> dict[str, Any]:
    """The first-page footer: the job number and its date stamps, and the QR code's address."""
    out: dict[str, Any] = {}
    for footer in parts.footers[:1]:
        for p in footer.iter(w("p")):
            m = _JOB.match(_text(p).strip())
            if m:
                out["job_number"] = m.group(1) + ("*" if m.group(2) or m.group(4) else "")
                stamps = [parse_stamp(s) for s in m.group(5).split()]
                if stamps and all(stamps):
                    out["footer_stamps"] = [s for s in stamps if s]
        for pr in footer.iter(f"{{{NS['wp']}}}docPr"):
            qr = _QR.match(pr.get("descr") or "")
            if qr:
                out["qr"] = qr.group(1)
    return out


def masthead_lines(table: etree._Element) -> list[str]:
    """The lines of the masthead's text (for the language its words are in)."""
    return [line for p in table.iter(w("p")) for line in _lines(p)]
