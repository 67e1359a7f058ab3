"""The facts of a text that every language version must state alike: numbers, dates, document symbols, URLs
and e-mail addresses, each normalised so that versions compare by value.

Numbers are read in the version's own digit grouping and decimal mark (CLDR, through babel) and in
Arabic-Indic digits; a date's day, month and year are the date's (``8 August 2017``, ``2017年8月8日``,
``8 آب/أغسطس 2017``, ``8 августа``) — a month is known by its name in the language (CLDR and the conventions'
Arabic pairs) or, in Chinese and Japanese, by 月.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol

from cddraft.conventions import load_conventions

Kind = Literal["number", "date", "symbol", "url", "email"]

#: Arabic-Indic and Persian digits as ASCII, with the Arabic decimal and thousands marks (٫ ٬) as CLDR's Arabic
#: locale writes them with Western digits (. ,).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_URL = re.compile(r"https?://[^\s<>\"”“»)]+[^\s<>\"”“».,;:)]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A UN document symbol: a series in capitals, then parts after slashes (CD/2090, S/RES/984 (1995) reads
#: S/RES/984, A/C.1/78/L.5, NPT/CONF.2026/PC.I/WP.1), also where a Chinese character touches it (CD/2090号).
_SYMBOL = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+")


class Fact(NamedTuple):
    """One fact: its kind, its value (normalised) and where it stands in the visible text (a named tuple: some
    30,000 are made for six versions of a long report)."""

    kind: Kind
    value: str
    start: int
    end: int
    shown: str  # as written in this version


@cache
def _number_pattern(code: str) -> re.Pattern[str]:
    locale = Locale.parse(load_conventions(code).locale)
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    groups = {group, "\u00a0", "\u202f", " "} if group.strip() == "" or group in "\u00a0\u202f" else {group}
    g = "|".join(re.escape(x) for x in sorted(groups))
    # not inside a Latin word or another number (a Chinese 月/日 or an Arabic و may touch a number)
    return re.compile(rf"(?<![0-9A-Za-z_.,])\d{{1,3}}(?:(?:{g})\d{{3}})+(?:{re.escape(decimal)}\d+)?(?!\d)"
                      rf"|(?<![0-9A-Za-z_])\d+(?:{re.escape(decimal)}\d+)?(?!\d)")


@cache
def _months(code: str) -> dict[str, int]:
    """Month name → month number, in the language's forms (format and stand-alone, Arabic pairs)."""
    conv = load_conventions(code)
    out: dict[str, int] = {}
    locale = Locale.parse(conv.locale)
    for context in ("format", "stand-alone"):
        for n, name in locale.months[context]["wide"].items():
            out[name] = n
    for n, name in enumerate(conv.dates.months or [], 1):
        out[name] = n
        for part in name.split("/"):
            out[part] = n
    return out


@cache
def _month_pattern(code: str) -> re.Pattern[str]:
    names = sorted(_months(code), key=len, reverse=True)
    # as CLDR writes them: "May" is a month in English, "may" a verb
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)|(\d{1,2})\s*月")


#: A day just before a month's name ("4 May", "1er juillet", "7 de julio"), a day or year just after it ("May 4",
#: "May 2024", "julio de 2017").
_DAY_BEFORE = re.compile(r"\d(?:er|re|st|nd|rd|th)?[\s\u00a0]+(?:de[\s\u00a0]+)?$")
_DIGIT_AFTER = re.compile(r"[\s\u00a0,]*(?:de[\s\u00a0]+)?\d")


#: How far from a figure a month's name may stand and still be read (the longest names, Arabic pairs such as
#: "كانون الأول/ديسمبر", with "de" and blanks between).
_REACH = 32
_FIGURES = re.compile(r"\d+")


def _near_digits(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` within reach of a figure, merged: where a date's month can be."""
    spans: list[tuple[int, int]] = []
    for m in _FIGURES.finditer(text):
        lo, hi = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


@cache
def _decimal(code: str) -> str:
    return get_decimal_symbol(Locale.parse(load_conventions(code).locale))


def facts(text: str, code: str) -> list[Fact]:
    """The facts of ``text`` (visible text of the language ``code``), in order of appearance."""
    ascii_text = text.translate(_DIGITS)
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []  # the stretches already read as a fact (a symbol's digits are not a number)

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(kind: Kind, value: str, start: int, end: int) -> None:
        out.append(Fact(kind, value, start, end, text[start:end]))
        taken.append((start, end))

    if "/" in ascii_text or "@" in ascii_text:
        kinds: tuple[tuple[re.Pattern[str], Kind], ...] = ((_URL, "url"), (_EMAIL, "email"), (_SYMBOL, "symbol"))
        for pattern, kind in kinds:
            for m in pattern.finditer(ascii_text):
                if free(m.start(), m.end()):
                    add(kind, m.group().rstrip(".").upper() if kind != "url" else m.group(), m.start(), m.end())
    months, pattern = _months(code), _month_pattern(code)
    for lo, hi in _near_digits(ascii_text):  # a month is a date's only beside a figure: only there is it looked for
        for m in pattern.finditer(ascii_text, lo, hi):
            # a month's name is a date's only beside its day or year ("4 May", "May 2024"), not in "Which May Be"
            dated = (m.group(2) or _DAY_BEFORE.search(ascii_text, max(0, m.start() - 12), m.start())
                     or _DIGIT_AFTER.match(ascii_text, m.end()))
            if dated and free(m.start(), m.end()):
                add("date", f"month {months[m.group(1)] if m.group(1) else int(m.group(2))}", m.start(), m.end())
    decimal = _decimal(code)
    for m in _number_pattern(code).finditer(ascii_text):
        if free(m.start(), m.end()):
            digits = "".join(c for c in m.group() if c.isdigit() or c == decimal).replace(decimal, ".")
            add("number", digits.lstrip("0") or "0", m.start(), m.end())
    return sorted(out, key=lambda f: f.start)
