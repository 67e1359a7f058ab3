"""CD4xx: length against the Editorial Manual's word limits (§7, L1)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.model.charsets import CJK_LETTERS, char_class
from cddraft.model.document import Document

#: Documents not originating in the Secretariat (Member-State submissions): footnotes and headings included.
GENERAL_LIMIT = 10_700
#: Reports of the Secretariat.
SECRETARIAT_LIMIT = 8_500
#: Han characters per English word. Calibrated on the bundled example, whose English and Chinese
#: versions hold the same text: 2,314 English words against 3,573 Han characters plus 324
#: other tokens (figures, symbols): (2314 - 324) / 3573 ≈ 1 / 1.8.
HAN_PER_WORD = 1.8
_HAN = re.compile(char_class(CJK_LETTERS))
_TOKEN = re.compile(r"\S+")


def count_words(text: str) -> float:
    """Words as a word processor counts them, with Han (and kana, hangul) characters converted.

    Blank-separated tokens that hold a letter or a figure count one each (a lone dash does not);
    each CJK character counts 1/1.8 of a word, so that a Chinese version measures about as long
    as its English original and the same limits apply.
    """
    han = len(_HAN.findall(text))
    rest = _HAN.sub(" ", text)
    tokens = sum(1 for t in _TOKEN.findall(rest) if any(c.isalnum() for c in t))
    return tokens + han / HAN_PER_WORD


def document_words(ctx: Context) -> int:
    """The document's length: title, letter, headings, paragraphs, items, bullets, quotes and footnotes."""
    from cddraft.localise import circulation_request, letter_title

    doc = ctx.doc
    total = 0.0
    if doc.letter is not None:
        total += count_words(letter_title(doc, doc.letter, ctx.conv))
        if doc.letter.circulation_request is True:
            total += count_words(circulation_request(doc, ctx.conv))
    for _node, flat in ctx.visible_texts("letter", "title", "heading", "paragraph", "item", "bullet", "quote"):
        total += count_words(flat.text)
    return math.ceil(total)


@rule("CD401", "over-word-limit", "error", "The document is longer than 10,700 words")
def over_word_limit(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a document of more than 10,700 words, footnotes and headings included.

    Why: documents not originating in the Secretariat, such as Member States' communications and
    their annexes, are limited to 10,700 words; longer ones need a waiver. The count covers the
    title, letter, headings, paragraphs, subparagraphs, bullets, quotations and footnotes.
    Chinese, Japanese and Korean characters count 1/1.8 of a word each (the ratio of the bundled
    example's Chinese and English versions), so every language version measures about what its
    original does.

    Example: a letter transmitting a 12,000-word annexed report.

    Manual: un-conventions.md §7 (Editorial Manual, instructions for the preparation of
    documents); lint rule L1.
    """
    words = document_words(ctx)
    if words > GENERAL_LIMIT:
        yield Finding((), f"the document has about {words:,} words; the limit is {GENERAL_LIMIT:,} (footnotes and "
                          "headings included) — shorten it or seek a waiver")


@rule("CD402", "over-secretariat-word-limit", "warning", "A report is longer than the Secretariat's 8,500 words")
def over_secretariat_word_limit(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a report (``kind: report``) of more than 8,500 words (and at most 10,700; above, CD401).

    Why: reports prepared by the Secretariat are limited to 8,500 words. The outline does not
    say who prepared a report, so this is a warning: a report that does not originate in the
    Secretariat may run to 10,700 words.

    Example: a 9,000-word report of the Conference under its own symbol.

    Manual: un-conventions.md §7 (Editorial Manual, instructions); lint rule L1.
    """
    if doc.kind != "report":
        return
    words = document_words(ctx)
    if SECRETARIAT_LIMIT < words <= GENERAL_LIMIT:
        yield Finding((), f"the report has about {words:,} words; a Secretariat report is limited to "
                          f"{SECRETARIAT_LIMIT:,} (other reports to {GENERAL_LIMIT:,})")
