"""Hand-typed paragraph and heading markers ("1.", "A.", "(a)"), shared by the structure rules."""

from __future__ import annotations

import re

#: A paragraph that starts with a typed number or letter: "1.", "2)", "3 -", "(4)", "(a)", "b)".
PARAGRAPH_NUMBER = re.compile(r"^\s*(\d{1,3}\s*[.)]|\d{1,3}\s+[-–]|\(\d{1,3}\)|\([a-z]{1,4}\)|[a-z]\))(?=\s)")

_HEADING_MARKER = re.compile(
    r"^\s*(?:(?P<roman>[IVX]{1,5})\.|(?P<upper>[A-Z])\.|(?P<num>\d{1,2})\.|\((?P<lower>[a-z]{1,5})\)"
    r"|(?P<lower2>[a-z]{1,5})\)|(?P<zh>[一二三四五六七八九十]+)[.、．])(?=\s|$)"
)
#: The level each kind of marker stands for (un-conventions §6.1): I. A. 1. (a) (i).
LEVEL_NAMES = {1: "I.", 2: "A.", 3: "1.", 4: "(a)", 5: "(i)"}


def heading_marker(text: str, parent_level: int | None = None) -> tuple[str, int] | None:
    """The typed marker of a heading and the level it denotes, or None.

    A lone ``(i)``/``(v)``/``(x)`` is a roman numeral under an ``(a)`` heading and a letter
    elsewhere; longer ``(ii)``, ``(iv)`` are always roman.
    """
    m = _HEADING_MARKER.match(text)
    if not m:
        return None
    marker = m.group(0).strip()
    if m.group("roman") or m.group("zh"):
        return marker, 1
    if m.group("upper"):
        return marker, 2
    if m.group("num"):
        return marker, 3
    lower = m.group("lower") or m.group("lower2") or ""
    is_roman = set(lower) <= set("ivx")
    if is_roman and (len(lower) > 1 or parent_level == 4):
        return marker, 5
    if len(lower) == 1:
        return marker, 4
    return None
