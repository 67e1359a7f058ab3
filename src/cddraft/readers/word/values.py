"""Attribute values of WordprocessingML read as the standard allows them, never trusted to be well formed: a
measure in twips or in a universal measure ("12pt", "1.5cm"), a whole number, a character code. A value that
is none of them reads as None, and the reader goes on without it (ECMA-376 §22.9.2.15, §17.18.85)."""

from __future__ import annotations

import re

from cddraft.model.inline import FORBIDDEN_CHARACTERS

#: Twips in one unit of a universal measure (ST_UniversalMeasure: mm, cm, in, pt, pc, pi).
_TWIPS = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440, "pt": 20, "pc": 240, "pi": 240}
_MEASURE = re.compile(r"^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_NUMBER = re.compile(r"^\s*-?[0-9]{1,9}\s*$")


def measure(value: str | None) -> int | None:
    """Twips: ``"567"``, or a universal measure (``"12pt"`` = 240); None for anything else (``"--5"``)."""
    m = _MEASURE.match(value or "")
    if m is None:
        return None
    number, unit = float(m.group(1)), m.group(2)
    return round(number * _TWIPS[unit]) if unit else round(number)


def whole_number(value: str | None) -> int | None:
    """A whole number (an outline level, a list level); None when the value is not one (``"x"``)."""
    return int(value) if value is not None and _NUMBER.match(value) else None


def character(code: str | None) -> str | None:
    """The character a ``w:sym``'s hexadecimal code names; None for a code that names none text can hold (not
    hexadecimal, beyond U+10FFFF, a surrogate, a control character)."""
    try:
        n = int(code or "", 16)
    except ValueError:
        return None
    if not 0x20 <= n <= 0x10FFFF or 0xD800 <= n <= 0xDFFF or 0x7F <= n <= 0x9F or n in (0xFFFE, 0xFFFF):
        return None
    return chr(n)


def printable(text: str) -> tuple[str, list[str]]:
    """``text`` with the characters XML cannot carry taken out, and what was done to each. A C1 control
    (U+0080–U+009F) is nearly always a Windows-1252 byte pasted as Latin-1 by older software: U+0092 is the
    apostrophe ’, U+0085 the ellipsis …, so it is read as that character; any other control is dropped."""
    notes: list[str] = []

    def fixed(m: re.Match[str]) -> str:
        code = ord(m.group())
        if 0x80 <= code <= 0x9F:
            try:
                meant = bytes([code]).decode("cp1252")
            except UnicodeDecodeError:
                meant = ""
            if meant:
                notes.append(f"the control character U+{code:04X} was read as {meant!r} (Windows-1252)")
                return meant
        notes.append(f"the control character U+{code:04X} was dropped")
        return ""

    return FORBIDDEN_CHARACTERS.sub(fixed, text), notes


#: Blanks a warning prints as one space: spaces of every width (no-break, narrow, ideographic), tabs, line breaks.
_BLANKS = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def quoted(text: str, limit: int | None = None) -> str:
    """``text`` as a warning quotes it: in quotes, as a reader sees it — a no-break space or a tab printed as a
    space, a backslash as one backslash (not ``\\xa0``, ``\\\\``), a character that prints nothing as its code — and
    cut after ``limit`` characters (with …) when one is given."""
    text = _BLANKS.sub(" ", text)
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "…"
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    mark = '"' if "'" in text and '"' not in text else "'"
    return f"{mark}{text}{mark}"


def table_quoted(rows: list[list[str]], limit: int | None = None) -> str:
    """A table's text as a warning quotes it, its rows kept apart: ``[a | b] [c | d]``."""
    return quoted(" ".join("[" + " | ".join(" ".join(c.split()) for c in row) + "]" for row in rows if row), limit)
