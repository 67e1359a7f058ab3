"""Ordinal numbers in words, as the session lines print them ("Seventy-first session", "Soixante et onzième
session", "第七十一届会议", "الدورة الحادية والسبعون").

The words come from CLDR's rule-based number formats through unicode-rbnf (CLDR's spellout rules in pure
Python, MIT; chosen over num2words, whose French and Arabic ordinals are wrong for these forms, and over PyICU,
which needs ICU compiled); the conventions add the rule set agreeing with each noun and the UN's spelling where
it differs from CLDR's (``session.respell``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from cddraft.conventions import Conventions

#: Roman numerals as symbols write them (NPT/CONF.2020/PC.II: the second session).
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@cache
def _engine(language: str) -> Any:
    from unicode_rbnf import RbnfEngine  # imported when a document needs an ordinal: not on every build

    return RbnfEngine.for_language(language)


def ordinal(n: int, conv: Conventions, noun: str) -> str:
    """``n`` as an ordinal in words agreeing with ``noun`` (``session``, ``year``), lower case."""
    from unicode_rbnf import FormatPurpose

    ruleset = getattr(conv.session.ordinals, noun)
    result = _engine(conv.code).format_number(n, FormatPurpose.ORDINAL)
    words = " ".join(result.text_by_ruleset[ruleset].split())  # CLDR's Arabic joins with two spaces
    for cldr, un in conv.session.respell:
        words = words.replace(cldr, un)
    return words


def ordinal_line(template: str, n: int, conv: Conventions, noun: str) -> str:
    """A form with ``{ordinal}`` or ``{Ordinal}`` (capitalised, where the script has capitals) filled in."""
    words = ordinal(n, conv, noun)
    return template.format(ordinal=words, Ordinal=words[:1].upper() + words[1:])


def roman(numeral: str) -> int:
    """The value of a Roman numeral (``II`` → 2, ``IV`` → 4)."""
    values = [_ROMAN[ch] for ch in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
