"""Dates in the UN forms of each language, from CLDR (babel) plus the conventions data.

CLDR gives month names and patterns; the conventions add what CLDR does not know: the French
``1er``, and the Arabic Levantine/Western month pairs (``أيلول/سبتمبر``) with Western digits.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _cldr_format

from cddraft.conventions import Conventions

_PAIR_MARK = "\ue000"  # private-use placeholder for a month name supplied by the conventions


def format_date(day: dt.date, conv: Conventions) -> str:
    """``14 September 2017``, ``1er septembre 2017``, ``2017年9月14日``, ``14 أيلول/سبتمبر 2017``…"""
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
    return text


def footer_stamp(day: dt.date) -> str:
    """The ``ddmmyy`` stamp printed after the job number (``150917``)."""
    return day.strftime("%d%m%y")
