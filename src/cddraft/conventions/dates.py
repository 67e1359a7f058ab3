"""Dates in the UN forms of each language, from CLDR (babel) plus the conventions data.

CLDR gives month names and patterns; the conventions add what CLDR does not know: the French
``1er``, and the Arabic Levantine/Western month pairs (``أيلول/سبتمبر``) with Western digits.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel.dates import format_date as _cldr_format

from cddraft.conventions import Conventions

_PAIR_MARK = "\ue000"  # private-use placeholder for a month name supplied by the conventions


#: Joins the words of a generated date: a date is never broken across lines ("7 / февраля 2024" is not read as
#: one date), as UN typesetting keeps it (docs/un-conventions.md §6.7).
NO_BREAK = "\u00a0"


def format_date(day: dt.date, conv: Conventions) -> str:
    """``14 September 2017``, ``1er septembre 2017``, ``2017年9月14日``, ``14 أيلول/سبتمبر 2017``… with no-break
    spaces between its words."""
    pattern = conv.dates.pattern
    if conv.dates.months is not None:
        pattern = pattern.replace("MMMM", f"'{_PAIR_MARK}'")
    if conv.dates.first_of_month and day.day == 1:
        pattern = pattern.replace("d", f"'{conv.dates.first_of_month}'", 1)
    # Western digits everywhere: format with a Latin-digit locale when the conventions supply months.
    locale = "en" if conv.dates.months is not None else conv.locale
    text = _cldr_format(day, pattern, locale=locale)
    if conv.dates.months is not None:
        text = text.replace(_PAIR_MARK, conv.dates.months[day.month - 1])
    return text.replace(" ", NO_BREAK)


def format_range(start: dt.date, end: dt.date, conv: Conventions) -> str:
    """Two dates as a range: ``23 April–4 May 2018``, ``2–12 May 2017``, ``2017年5月2日至12日``; one date when they
    are the same day. The date that drops what both share is written with a shorter pattern of the conventions."""
    if start == end:
        return format_date(start, conv)
    if start.year != end.year:
        short = None
    elif start.month != end.month:
        short = conv.dates.range_same_year
    else:
        short = conv.dates.range_same_month
    shortened = end if conv.dates.range_shortens == "end" else start
    parts = {}
    for name, day in (("start", start), ("end", end)):
        if short is not None and day is shortened:
            parts[name] = format_date(day, conv.model_copy(update={"dates": conv.dates.model_copy(
                update={"pattern": short})}))
        else:
            parts[name] = format_date(day, conv)
    return conv.dates.range.format(**parts)


def parse_range(text: str, conv: Conventions) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a range written as :func:`format_range` writes it (one date: both), or None."""
    single = parse_date(text, conv)
    if single is not None:
        return single, single
    pattern = "".join(f"(?P<{p[1:-1]}>.+)" if p in ("{start}", "{end}") else re.escape(p)
                      for p in re.split(r"(\{start\}|\{end\})", conv.dates.range))
    m = re.fullmatch(pattern, " ".join(text.split()))
    if m is None:
        return None
    full, short = (m["end"], m["start"]) if conv.dates.range_shortens == "start" else (m["start"], m["end"])
    known = parse_date(full, conv)
    if known is None:
        return None
    step = -1 if conv.dates.range_shortens == "start" else 1
    for pattern_key in ("range_same_month", "range_same_year"):
        short_conv = conv.model_copy(update={"dates": conv.dates.model_copy(
            update={"pattern": getattr(conv.dates, pattern_key)})})
        for days in range(1, 366):
            other = known + dt.timedelta(days=step * days)
            if " ".join(format_date(other, short_conv).split()) == " ".join(short.split()):
                return (other, known) if step < 0 else (known, other)
    other_date = parse_date(short, conv)  # a range over two years writes both dates whole
    if other_date is None:
        return None
    return (other_date, known) if step < 0 else (known, other_date)


def footer_stamp(day: dt.date) -> str:
    """The ``ddmmyy`` stamp printed after the job number (``150917``)."""
    return day.strftime("%d%m%y")


@cache
def _written(code: str, year: int) -> dict[str, dt.date]:
    from cddraft.conventions import load_conventions

    conv = load_conventions(code)
    days = (dt.date(year, 1, 1) + dt.timedelta(days=n) for n in range(366))
    return {" ".join(format_date(d, conv).split()): d for d in days if d.year == year}


def parse_date(text: str, conv: Conventions) -> dt.date | None:
    """The date ``text`` writes in this language's form (the inverse of :func:`format_date`): found by writing
    every day of the years it names, so that it reads exactly what a build writes and nothing else."""
    text = " ".join(text.split())  # a date typed with ordinary spaces reads as one written with no-break ones
    for year in dict.fromkeys(int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)", text)):
        found = _written(conv.code, year).get(text)
        if found is not None:
            return found
    return None


def parse_stamp(text: str) -> dt.date | None:
    """A footer's ``ddmmyy`` stamp (``150917``) as a date; None when it is not one."""
    try:
        return dt.datetime.strptime(text, "%d%m%y").date()
    except ValueError:
        return None


def date_pattern(conv: Conventions) -> str:
    """A regular expression for a date written in this language's form (to find one inside a title)."""
    out = []
    for token in re.findall(r"'[^']*'|MMMM|M+|d+|y+|[^'Mdy]+", conv.dates.pattern):
        if token.startswith("'"):
            out.append(re.escape(token[1:-1]))
        elif token == "MMMM":
            out.append(r"[^\W\d]+(?:/[^\W\d]+)?")
        elif token[0] in "Md":
            first = re.escape(conv.dates.first_of_month) + "|" if token[0] == "d" and conv.dates.first_of_month else ""
            out.append(rf"(?:{first}\d{{1,2}})")
        elif token[0] == "y":
            out.append(r"\d{4}")
        else:
            out.append(re.escape(token).replace(r"\ ", r"\s").replace(" ", r"\s"))
    return "".join(out)
