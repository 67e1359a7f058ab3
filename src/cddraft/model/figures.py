"""A figure as an outline writes it in a table's number column, read in one place: localise prints it in the
language's form (:mod:`cddraft.localise.table`), ``check`` and ``align`` read its value (issue 27).

The outline writes figures as a spreadsheet exports them: digits with a decimal point, groups of three set off by
commas or spaces, a sign or accounting brackets, a per cent sign (``1234.5``, ``62,287,400``, ``-12``, ``(12)``,
``12.5%``); a dash says there is nothing to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

_FIGURE = re.compile(r"^(?P<open>[-\u2212(])?(?P<int>\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
                     r"(?P<close>\))?\s?(?P<pct>%)?$")
#: What a cell with nothing to report may say.
NIL = frozenset({"-", "\u2013", "\u2014", "\u2212"})


@dataclass(frozen=True)
class Figure:
    """A figure's parts: its sign, its whole digits (no separators), the digits after its point, a per cent."""

    negative: bool
    digits: str
    fraction: str = ""
    percent: bool = False

    @property
    def value(self) -> Decimal:
        value = Decimal(self.digits + ("." + self.fraction if self.fraction else ""))
        return -value if self.negative else value


@lru_cache(maxsize=8192)  # a table repeats its figures: each text is read once
def figure(text: str) -> Figure | None:
    """The figure ``text`` writes, or None when it is not one."""
    if text.isdigit() and text.isascii():  # the usual figure: digits alone
        return Figure(False, text)
    found = _FIGURE.match(text.strip())
    if found is None or (found.group("open") == "(") != bool(found.group("close")):
        return None
    return Figure(bool(found.group("open")), re.sub(r"\D", "", found.group("int")), found.group("frac") or "",
                  bool(found.group("pct")))


def is_nil(text: str) -> bool:
    """Whether a cell says there is nothing to report."""
    return text.strip() in NIL
