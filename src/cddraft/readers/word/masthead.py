"""The masthead table and the first-page footer of a UNOG document → the outline's masthead keys.

Only what differs from what the symbol's body gives by default is written back (``distribution``, ``body``,
``united_nations``), so that an imported cddraft file has the keys its outline had.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from cddraft.conventions import Conventions, load_conventions
from cddraft.conventions.bodies import body_of
from cddraft.conventions.dates import parse_date, parse_stamp
from cddraft.languages import LANGUAGES
from cddraft.readers.word.forms import language_codes, match
from cddraft.readers.word.package import NS, Parts, w

#: The job line: a reissue's * after the number (11-37476* (E)), or after the letter as cddraft wrote it before.
_JOB = re.compile(r"^((?:GE\.)?\d{2}-\d{5})(\*?)\s*\((\w)\)(\*?)((?:\s+\d{6})*)\s*$")
_QR = re.compile(r"^QR code: (\S+)$")


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def is_masthead(table: etree._Element, parts: Parts) -> bool:
    """A UNOG masthead: a cell with the body's name (XLargeG) and a cell with a symbol."""
    names = [parts.style_of(p) for p in table.iter(w("p"))]
    has_name = any(s is not None and s.name == "xlargeg" for s in names)
    return has_name and any(body_of(_text(p).strip()) for p in table.iter(w("p")))


def read_masthead(table: etree._Element, parts: Parts, language: str) -> tuple[dict[str, Any], list[str]]:
    """The masthead keys (symbol, date, distribution, original_language, body, united_nations) and what could
    not be read from it."""
    conv = load_conventions(language)
    dates = load_conventions(conv.masthead.date_language)
    out: dict[str, Any] = {}
    problems: list[str] = []
    paragraphs = list(table.iter(w("p")))
    where = next((p for p in paragraphs if body_of(_text(p).strip())), None)
    symbol = _text(where).strip() if where is not None else None
    served = body_of(symbol) if symbol else None
    if where is None or symbol is None or served is None:
        return out, ["the masthead has no document symbol"]
    reissued = _reissue(where, parts, conv) if symbol.endswith("*") else None
    out["symbol"] = symbol.rstrip("*") if reissued else symbol
    if reissued:
        out["reissued"] = reissued
    names = [_text(p) for p in paragraphs if (s := parts.style_of(p)) is not None and s.name == "xlargeg"]
    lines = [_text(p).strip() for p in paragraphs
             if _text(p).strip() and _text(p).strip() != symbol and _text(p) not in names]
    has_un = conv.masthead.united_nations in lines
    lines = [t for t in lines if t != conv.masthead.united_nations]
    date = None
    originals = None
    distribution = "none"
    for line in lines:
        distributed = next((k for k, v in conv.masthead.distribution.items() if v == line), None)
        if distributed:
            distribution = distributed
        elif (found := parse_date(line, dates)) is not None:
            date = found
        elif (fields := match(conv.masthead.original, line)) is not None:
            originals = language_codes(fields["language"], conv.masthead.language_names, conv.masthead.and_)
        elif line != conv.masthead.version_line:
            problems.append(f"masthead line {line!r} not recognised")
    if date is None:
        problems.append("the masthead has no date in the form this language writes it")
    else:
        out["date"] = date
    if distribution != served.body.distribution:
        out["distribution"] = distribution
    name = "\n".join(names)
    if name and name != conv.bodies[served.code].name.format(**served.fields):
        out["body"] = name
    if has_un != served.body.united_nations:
        out["united_nations"] = has_un
    if originals and originals != (language,):
        out["original_language"] = list(originals) if len(originals) > 1 else originals[0]
    return out, problems


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


def detect_language(parts: Parts, forced: str | None, table: etree._Element | None) -> str | None:
    """The version's language: as asked, else the document's declared language, else the masthead's lines."""
    from cddraft.readers.word.forms import language_code

    if forced:
        return forced
    declared = language_code(parts.language)
    if declared:
        return declared
    if table is not None:
        text = " ".join(_text(p) for p in table.iter(w("p")))
        for code in LANGUAGES:
            conv: Conventions = load_conventions(code)
            if conv.bodies and any(b.name.split("\n")[0] in text for b in conv.bodies.values()):
                return code
    return None
