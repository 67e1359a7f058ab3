"""The facts of a text that every language version must state alike: numbers, dates, document symbols, URLs
and e-mail addresses, each normalised so that versions compare by value.

Numbers are read in the version's own digit grouping and decimal mark (CLDR, through babel) and in
Arabic-Indic digits; a date's day, month and year are the date's (``8 August 2017``, ``2017年8月8日``,
``8 آب/أغسطس 2017``, ``8 августа``) — a month is known by its name in the language (CLDR and the conventions'
Arabic pairs) or, in Chinese and Japanese, by 月.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol

from cddraft.conventions import load_conventions

Kind = Literal["number", "date", "symbol", "url", "email"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_URL = re.compile(r"https?://[^\s<>\"”“»)]+[^\s<>\"”“».,;:)]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A UN document symbol: a series in capitals, then parts after slashes (CD/2090, S/RES/984 (1995) reads
#: S/RES/984, A/C.1/78/L.5, NPT/CONF.2026/PC.I/WP.1), also where a Chinese character touches it (CD/2090号).
_SYMBOL = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+")


@dataclass(frozen=True)
class Fact:
    """One fact: its kind, its value (normalised) and where it stands in the visible text."""

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


def facts(text: str, code: str) -> list[Fact]:
    """The facts of ``text`` (visible text of the language ``code``), in order of appearance."""
    ascii_text = text.translate(_DIGITS)
    out: list[Fact] = []
    taken = [False] * len(text)

    def add(kind: Kind, value: str, start: int, end: int) -> None:
        out.append(Fact(kind, value, start, end, text[start:end]))
        for i in range(start, end):
            taken[i] = True

    for pattern, kind in ((_URL, "url"), (_EMAIL, "email"), (_SYMBOL, "symbol")):
        for m in pattern.finditer(ascii_text):
            if not any(taken[m.start():m.end()]):
                add(kind, m.group().rstrip(".").upper() if kind != "url" else m.group(), m.start(), m.end())
    for m in _month_pattern(code).finditer(ascii_text):
        if any(taken[m.start():m.end()]):
            continue
        month = _months(code)[m.group(1)] if m.group(1) else int(m.group(2))
        add("date", f"month {month}", m.start(), m.end())
    for m in _number_pattern(code).finditer(ascii_text):
        if any(taken[m.start():m.end()]):
            continue
        locale = Locale.parse(load_conventions(code).locale)
        decimal = get_decimal_symbol(locale)
        digits = re.sub(r"[^\d" + re.escape(decimal) + "]", "", m.group()).replace(decimal, ".")
        add("number", digits.lstrip("0") or "0", m.start(), m.end())
    return sorted(out, key=lambda f: f.start)
