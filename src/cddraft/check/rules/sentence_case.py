"""CD108: sentence case in English headings (un-conventions §6.1, L9) — a heuristic, hence a warning.

Kept apart from the structure rules because it carries word lists: small words that title case
capitalizes, common heading words that are never proper nouns, and proper names that keep their
capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.check.rules.markers import heading_marker
from cddraft.model.document import Document

_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "over",
    "per", "the", "to", "towards", "under", "upon", "via", "with", "within", "without",
})
#: Words that are common nouns/adjectives in headings; capitalized mid-heading they mean title case.
_COMMON_WORDS = frozenset({
    "adoption", "agenda", "ahead", "analysis", "annex", "approach", "approaches", "arms", "arrangements",
    "aspects", "assessment", "assurances", "background", "binding", "challenges", "chapter", "comments",
    "comprehensive", "conclusion", "conclusions", "consideration", "cooperation", "decision", "decisions",
    "destruction", "developments", "discussion", "discussions", "disarmament", "documentation", "effective",
    "element", "elements", "exchange", "framework", "further", "future", "general", "guidance",
    "implementation", "information", "instrument", "introduction", "issues", "item", "items", "legal",
    "legally", "material", "measures", "meeting", "meetings", "negative", "nuclear", "observations",
    "organization", "other", "outer", "outcome", "overview", "part", "participation", "positive",
    "possible", "prevention", "proceedings", "programme", "progress", "proposals", "race", "recommendation",
    "recommendations", "related", "report", "reports", "review", "security", "session", "space", "status",
    "steps", "substantive", "summary", "transparency", "types", "verification", "views", "way", "weapons",
    "work",
})
#: Proper names that legitimately carry capitals inside an English heading.
_PROPER = re.compile(
    r"(?:[A-Z][\w-]*\s+)*(?:Treaty|Convention|Protocol)(?:\s+(?:on|for|of|to|between|in)\s+"
    r"(?:(?:the|of|and|in|on|for|a|an)\s+|[A-Z][\w-]*\s*)+)?"
    r"|Conference on Disarmament|United Nations(?: [A-Z][\w-]*)*|General Assembly|Security Council"
    r"|Secretary-General|International Court of Justice|Review Conference|Final Document|Member States?"
)


def _title_cased(heading: str) -> tuple[str, int] | None:
    """The first word (and its index) that shows title case in an English heading, or None."""
    masked = _PROPER.sub(lambda m: " " * len(m.group()), heading)
    words = list(re.finditer(r"[^\W\d_][\w’'-]*", heading))
    if not words:
        return None
    first = words[0].start()
    common = []
    for m in re.finditer(r"[^\W\d_][\w’'-]*", masked):
        w = m.group()
        if m.start() == first or w.isupper() or not w[0].isupper():
            continue
        if w.lower() in _SMALL_WORDS:
            return w, m.start()
        if w.lower() in _COMMON_WORDS:
            common.append((w, m.start()))
    return common[0] if len(common) >= 2 else None


@rule("CD108", "heading-not-sentence-case", "warning", "An English heading is in title case, not sentence case",
      languages=("en",))
def heading_not_sentence_case(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags English headings written in title case ("General Exchange of Views").

    Why: UN headings take sentence case — a capital on the first word and on proper names only.

    How: a heading is flagged when, outside proper names (treaties, conventions, United Nations
    bodies), a small word is capitalized ("Of", "And") or at least two common heading words are
    ("Exchange", "Views"). It is a heuristic, hence a warning; country names and other proper
    nouns are not on the common-word list and are never flagged.

    Example::

        - heading: General Exchange of Views     # CD108: "General exchange of views"

    Manual: un-conventions.md §6.1 (Editorial Manual, instructions); lint rule L9.
    """
    for node in ctx.texts("heading"):
        typed = heading_marker(node.visible.text)
        skip = node.visible.text.find(typed[0]) + len(typed[0]) if typed else 0
        found = _title_cased(node.visible.text[skip:])
        if found:
            word, at = found
            at += skip
            yield ctx.at(node, node.visible, at,
                         f"headings are in sentence case: write “{word.lower()}” (capitals only on the first word "
                         "and on proper names)")
