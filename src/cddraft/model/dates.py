"""Outline dates: written ``YYYY-MM-DD`` only; any other form is refused with advice that works (the date to
write when the form leaves no doubt, both readings when day and month could be swapped, why there is no such
date)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator

_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_YMD = re.compile(r"^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _impossible(year: int, month: int, day: int) -> str | None:
    """Why year-month-day is no date (``None`` when it is one), for a message."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if not 1 <= day <= _days_in(year, month):
        return f"there is no day {day}" if day < 1 else f"{_MONTHS[month - 1]} {year} has {_days_in(year, month)} days"
    return None


def _no_date(value: str, why: str) -> ValueError:
    return ValueError(f"{value!r} is not a date: {why}; write the intended date as YYYY-MM-DD")


def _existing(value: str, year: int, month: int, day: int) -> str:
    """``YYYY-MM-DD`` of a date written another way; an error saying why when there is no such date."""
    why = _impossible(year, month, day)
    if why:
        raise _no_date(value, why)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _day_month_hint(value: str, a: int, b: int, year: int) -> str:
    """The advice for ``a/b/year``: the one date it can be, or both readings when day and month could be
    swapped; an error saying why when it can be no date."""
    readings = [(month, day) for day, month in dict.fromkeys([(a, b), (b, a)]) if 1 <= month <= 12]
    if not readings:
        raise _no_date(value, f"{a} is not a month (1-12)" if a == b else f"neither {a} nor {b} is a month (1-12)")
    possible = [r for r in readings if _impossible(year, *r) is None]
    if not possible:
        raise _no_date(value, _impossible(year, *readings[0]) or "")
    if len(possible) == 1:
        return f"write {_existing(value, year, *possible[0])}"
    return (f"it is ambiguous: write {year:04d}-{b:02d}-{a:02d} if the day comes first, "
            f"{year:04d}-{a:02d}-{b:02d} if the month does")


def iso_date(value: object) -> object:
    """Dates are written ``YYYY-MM-DD`` only: ``14/09/2017``, ``20170915`` or a timestamp are refused.

    The message gives the date to write when the form leaves no doubt (``2017-9-5`` → 2017-09-05),
    both readings when day and month could be swapped, and says so when there is no such date
    (``31/02/2017``: February 2017 has 28 days) rather than suggest one.
    """
    if not isinstance(value, str) or re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
        return value.strip() if isinstance(value, str) else value
    v = value.strip()
    if m := _DMY.match(v):
        hint = _day_month_hint(v, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD; {hint}")
    if m := _YMD.match(v):
        iso = _existing(v, int(m.group(1)), int(m.group(3)), int(m.group(4)))
        raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD; write {iso}")
    if m := re.match(r"^(\d{4})(\d{2})(\d{2})$", v):
        iso = _existing(v, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD; write it as {iso}")
    raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD; write it as YYYY-MM-DD, e.g. 2017-09-14")


#: A date of the outline.
Date = Annotated[dt.date, BeforeValidator(iso_date)]
