"""Heading, paragraph and subparagraph markers from the conventions' templates.

A template such as ``({a})`` or ``{ar_ordinal} -`` names a counter: ``I`` ``A`` ``1`` ``a`` ``i``
are built in; any other name is a list under ``sequences:`` in the language's data file.
"""

from __future__ import annotations

import re

from cddraft.conventions import Conventions

_FIELD = re.compile(r"\{(\w+)\}")
_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """A, B, … Z, AA, BB … (the UN repeats the letter after Z)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def counter(name: str, n: int, conv: Conventions) -> str:
    if name == "I":
        return roman(n)
    if name == "i":
        return roman(n).lower()
    if name == "A":
        return letters(n)
    if name == "a":
        return letters(n).lower()
    if name == "1":
        return str(n)
    seq = conv.sequences.get(name)
    if seq is None:
        raise KeyError(f"numbering counter {{{name}}} is not defined for {conv.code}")
    return seq[n - 1] if n <= len(seq) else str(n)


def marker(template: str, n: int, conv: Conventions) -> str:
    """``marker("({a})", 2, en)`` → ``(b)``."""
    return _FIELD.sub(lambda m: counter(m.group(1), n, conv), template)
