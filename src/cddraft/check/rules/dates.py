"""CD512, CD516: dates typed in running text (§6.7, L3)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.model.document import Document

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_EN_DATES = re.compile(
    "|".join(
        [
            # September 14, 2017 · Sept. 14 · September 14th
            rf"\b(?:{_MONTHS}|(?:{_ABBR})\.)\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{{4}})?",
            # 14th September · 1st of May
            rf"\b\d{{1,2}}(?:st|nd|rd|th)\s+(?:of\s+)?(?:{_MONTHS}|{_ABBR})\b",
            # 14 Sept. 2017 · 14 Sep 2017
            rf"\b\d{{1,2}}\s+(?:{_ABBR})(?:\.|\s+\d{{4}}\b)",
            # 14/09/2017 · 14.09.2017 · 2017-09-14 (not inside a document symbol)
            r"(?<![\w/.-])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?![\w/-])",
        ]
    )
)


@rule("CD512", "non-un-date-format", "error", "English: a date not written “14 September 2017”",
      languages=("en",))
def non_un_date_format(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags dates in English text written other than day, month in full, year.

    Why: UN English writes "14 September 2017" — no comma, no ordinal, no abbreviated month,
    no figures for the month. Flagged: "September 14, 2017", "September 14", "14th September",
    "14 Sept. 2017", "14/09/2017", "14.09.2017" and "2017-09-14" (document symbols such as
    "A/RES/71/258" are not dates and are left alone).

    Example::

        - … adopted on September 14, 2017 …       # CD512: on 14 September 2017

    Manual: un-conventions.md §6.7 (Editorial Manual, numbers and dates); lint rule L3.
    """
    for node, flat in ctx.visible_texts():
        for m in _EN_DATES.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), f"write dates as “14 September 2017” (day, month, year; no comma or "
                                                f"ordinal), not “{m.group()}”")


_FR_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_FR_FIRST = re.compile(rf"(?<![\d,.])1[ \u00a0\u202f]+(?:{_FR_MONTHS})\b")


@rule("CD516", "french-first-of-month", "error", "French: the first of a month written “1” instead of “1er”",
      languages=("fr",))
def french_first_of_month(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags "1 septembre" in French text: the first day of a month is written "1er".

    Why: French writes the first of the month as an ordinal, "1er septembre", "du 1er au
    4 septembre 2014" (other days are cardinal). In the outline write ``1^{er}``.

    Example::

        - … le 1 septembre 2017 …         # CD516: le 1^{er} septembre 2017

    Manual: un-conventions.md §6.7.
    """
    for node, flat in ctx.visible_texts():
        for m in _FR_FIRST.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), "le premier du mois s'écrit « 1er » : write 1^{er}")
