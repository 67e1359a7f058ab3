"""Numbers in a table's cells read back into the outline's neutral form: ``1 234,5`` (French) → ``1234.5``,
``(12)`` → ``-12``, ``12 %`` → ``12%``, the nil sign ``–`` → ``-``.

The form a number is printed in is the conventions' (``tables:`` in conventions/data/<lang>.yaml), as the table
localiser writes it (:mod:`cddraft.localise.table`, a later stage this reader may not import: a test holds the two
to the same forms). A text is read as a number only when printing the number read gives that very text back, so
that what the build prints is what the Word file showed.
"""

from __future__ import annotations

import re
from functools import cache

from cddraft.conventions import Conventions

#: What a cell with nothing to report may say in the outline (the localiser prints the language's nil sign).
NIL = frozenset({"-", "\u2013", "\u2014", "\u2212"})
#: A number as the outline may write it, the localiser's test of a number cell (a column is a number column by
#: default when its cells all pass it).
_OUTLINE_NUMBER = re.compile(r"^(?P<open>[-\u2212(])?(?P<int>\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
                             r"(?P<close>\))?\s?(?P<pct>%)?$")
_NEUTRAL = re.compile(r"^(?P<neg>-)?(?P<int>\d+)(?:\.(?P<frac>\d+))?(?P<pct>%)?$")


def is_number(text: str) -> bool:
    """Whether the build takes ``text`` (an outline cell's visible text) for a number or nil."""
    t = text.strip()
    if t in NIL:
        return True
    found = _OUTLINE_NUMBER.match(t)
    return found is not None and (found.group("open") == "(") == bool(found.group("close"))


def printed(neutral: str, conv: Conventions) -> str:
    """How a number in the neutral form (``-1234.5``, ``12%``, ``-``) is printed in the language's tables."""
    if neutral in NIL:
        return conv.tables.nil
    found = _NEUTRAL.match(neutral)
    if found is None:
        return neutral
    digits = found.group("int")
    if len(digits) >= 4:
        head = len(digits) % 3 or 3
        digits = conv.tables.group.join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])
    written = digits + (conv.tables.decimal + found.group("frac") if found.group("frac") else "")
    if found.group("neg"):
        written = conv.tables.negative.format(n=written)
    return conv.tables.percent.format(n=written) if found.group("pct") else written


@cache
def _template(template: str) -> re.Pattern[str]:
    """``({n})`` → a pattern whose group ``n`` is what stands for ``{n}``."""
    before, _, after = template.partition("{n}")
    return re.compile(f"^{re.escape(before)}(?P<n>.+?){re.escape(after)}$")


@cache
def _digits(group: str, decimal: str) -> re.Pattern[str]:
    return re.compile(rf"^(?P<int>\d{{1,3}}(?:{re.escape(group)}\d{{3}})+|\d+)(?:{re.escape(decimal)}(?P<frac>\d+))?$")


def neutral(text: str, conv: Conventions) -> str | None:
    """The neutral form of a number printed in the language's form (None when ``text`` is not one, or not printed
    exactly as the build would print it)."""
    t = text.strip()
    if not t:
        return None
    if t == conv.tables.nil:
        return "-"
    strings = conv.tables
    pct = _template(strings.percent).match(t)
    core = pct.group("n") if pct else t
    negative = _template(strings.negative).match(core)
    core = negative.group("n") if negative else core
    found = _digits(strings.group, strings.decimal).match(core)
    if found is None:
        return None
    out = ("-" if negative else "") + re.sub(r"\D", "", found.group("int"))
    out += f".{found.group('frac')}" if found.group("frac") else ""
    out += "%" if pct else ""
    return out if printed(out, conv) == t else None
