"""CD505, CD506, CD510, CD513-CD515: emphasis, bullets, Chinese spacing and punctuation, citations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.check.walk import RUNNING
from cddraft.model.charsets import CHINESE, IDEOGRAPHS, char_class
from cddraft.model.document import Document


def _allows_bold(sections: tuple[str, ...], words: list[str]) -> bool:
    return any(w in heading.casefold() for heading in sections for w in words)


@rule("CD505", "bold-for-emphasis", "error", "Bold in running text outside conclusions and recommendations")
def bold_for_emphasis(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags bold (``**…**``) in paragraphs, subparagraphs, bullets, quotations and footnotes.

    Why: bold is not used for emphasis in UN documents. In running text it is kept for
    conclusions and recommendations, so it is allowed under a heading that says so
    ("Conclusions and recommendations", "Recommandations", "结论和建议" …: the conventions'
    ``editorial.bold_allowed_under`` words). Headings are bold by their style, without markup.

    Example::

        - Delegations **strongly** supported the proposal.     # CD505

    Manual: un-conventions.md §6.9 (Editorial Manual, italics and bold); lint rule L2.
    """
    for node, flat in ctx.visible_texts(*RUNNING):
        if _allows_bold(node.sections, ctx.conv.editorial.bold_allowed_under):
            continue
        for start, end in flat.runs(flat.bold):
            words = flat.text[start:end].strip()
            if words:
                yield ctx.at(node, flat, start, f"bold is not used for emphasis (“{words[:30]}”); it is kept for "
                                                "conclusions and recommendations")


def _looks_like_title(text: str) -> bool:
    """A title of a publication, case or ship: starts with a capital, content words capitalized."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 3]
    if not text[:1].isupper():
        return False
    return not words or sum(w[0].isupper() for w in words) * 2 >= len(words)


@rule("CD506", "italic-for-emphasis", "warning", "Italic in running text that does not look like a title")
def italic_for_emphasis(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags italic (``*…*``) in running text unless it looks like the title of a publication or case.

    Why: italics mark titles of publications, names of court cases and ships, species and
    non-English words — never emphasis. Whether an italic phrase is a title cannot be known for
    sure, hence a warning: italics starting in lower case, or in sentence case, are flagged;
    title-cased ones ("*Legality of the Threat or Use of Nuclear Weapons*") are not. Footnotes,
    where citations stand, are not checked.

    Example::

        - Delegations *must* reach agreement.        # CD506

    Manual: un-conventions.md §6.9 (Editorial Manual, italics); lint rule L2.
    """
    for node in ctx.texts(*RUNNING):
        flat = node.visible
        for start, end in flat.runs(flat.italic):
            words = flat.text[start:end].strip()
            if words and not _looks_like_title(words):
                yield ctx.at(node, flat, start, f"italics are not used for emphasis (“{words[:30]}”); keep them for "
                                                "titles and non-English words")


_TRAILING_SEMICOLON = re.compile(r";\s*(?:and|or|et|ou|y|o|и|или)?\s*$")


@rule("CD510", "bullet-ends-with-semicolon", "error", "A bullet item ends with a semicolon")
def bullet_ends_with_semicolon(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a bullet item that ends with ";" (or "; and", "; or").

    Why: short bullet items take no final punctuation, and full sentences may end with a full
    stop; bullets never end with semicolons. (Lettered subparagraphs, ``items:``, keep their
    semicolons: this rule is about ``bullets:`` only.)

    Example::

        - bullets:
            - existing security assurances;      # CD510

    Manual: un-conventions.md §6.4 (Editorial Manual, paragraphs and subparagraphs); lint rule L10.
    """
    for node in ctx.texts("bullet"):
        m = _TRAILING_SEMICOLON.search(node.visible.text)
        if m:
            yield ctx.at(node, node.visible, m.start(), "bullet items do not end with a semicolon; drop it (a full "
                                                     "sentence may end with a full stop)")


_HAN = char_class(CHINESE)
_CJK_GAP = re.compile(rf"(?<={_HAN})[ \t]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[ \t]+(?={_HAN})")
# A full stop only after a Chinese character that is not a numeral: "谢谢主席先生." is flagged; "37.5",
# "CD/2090." and the chapter number "一." are not.
_HALF_PUNCT = re.compile(rf"(?<={char_class(IDEOGRAPHS)})(?:[,;:!?]|(?<![一二三四五六七八九十])\.)|[,;:!?]"
                         rf"(?={char_class(IDEOGRAPHS)})")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}


@rule("CD513", "space-between-cjk-and-latin", "warning", "Chinese: a typed space between Chinese and figures or Latin")
def space_between_cjk_and_latin(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags, in Chinese, a space typed between a Chinese character and a figure or Latin letter.

    Why: Word spaces Chinese from figures and Latin letters itself (East Asian/Latin
    auto-spacing); typed spaces double it ("2017 年 9 月"). cddraft removes them when it builds,
    hence a warning: the outline differs from what is printed.

    Example::

        - 会议于 2017 年 8 月举行。     # CD513: 会议于2017年8月举行。

    Runs where the conventions drop those spaces (``text.spaces_next_to_cjk: drop``).

    Manual: un-conventions.md §5.4 (seed-zh.txt); lint rule L19.
    """
    if ctx.conv.text.spaces_next_to_cjk != "drop":
        return
    for node, flat in ctx.visible_texts():
        for m in _CJK_GAP.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), "do not type spaces between Chinese and figures or Latin letters; "
                                                "Word spaces them")


@rule("CD514", "halfwidth-punctuation-in-chinese", "error", "Chinese: half-width , ; : ! ? . next to Chinese text")
def halfwidth_punctuation_in_chinese(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags half-width commas, semicolons, colons, exclamation and question marks next to Chinese characters.

    Why: Chinese text takes full-width punctuation (，；：！？。). Parentheses stay half-width in UN
    Chinese documents and are not flagged; nor is a full stop after a Chinese numeral, which
    marks a chapter number (一.).

    Example::

        - 各代表团强调,政治意愿是必要的。     # CD514: 强调，

    Runs where the conventions say ``text.full_width_punctuation: true``.

    Manual: un-conventions.md §5.4 (seed-zh.txt).
    """
    if not ctx.conv.text.full_width_punctuation:
        return
    for node, flat in ctx.visible_texts():
        for m in _HALF_PUNCT.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), f"use the full-width “{_FULL[m.group()]}” in Chinese text, not "
                                                f"“{m.group()}”")


#: A UN document symbol (A/72/53, S/1995/261, CD/2090, NPT/CONF.2010/50) followed by a page reference.
_PAGE_CITATION = re.compile(
    r"(?<![\w/.])(?:A|S|E|CD|ST|TD|DP|NPT|CCW|BWC|UNEP|ECE|HRC)/[\w./-]*\w(?:\s*\([^)]*\))?,?\s+pp?\.\s*\d"
)


@rule("CD515", "page-citation-of-un-document", "warning", "English: a UN document is cited by page, not paragraph",
      languages=("en",))
def page_citation_of_un_document(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a UN document symbol followed by a page reference ("A/72/53, p. 12").

    Why: UN documents are cited by paragraph ("A/72/53, para. 12"): paragraph numbers are the
    same in every language version and every printing, page numbers are not.

    Example::

        - ^[See NPT/CONF.2010/50 (Vol. I), p. 19.]     # CD515: para. …

    Manual: un-conventions.md §6.6 (Editorial Manual, quotations); lint rule L18.
    """
    for node, flat in ctx.visible_texts():
        for m in _PAGE_CITATION.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), "cite UN documents by paragraph (“para. 12”), not by page")
