"""CD507-CD509, CD517: quotation marks and the apostrophe of the version's language (§6.6, L11, L16)."""

from __future__ import annotations

from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.conventions import Conventions
from cddraft.model.document import Document

#: Double quotation marks of any language (single ones double as apostrophes and are left alone).
_QUOTES = "«»“”„‟‹›"
_NBSP = "\u00a0\u202f"


def _pair(conv: Conventions) -> str:
    return "…".join(q.strip() for q in conv.quotes.primary)


def _allowed(conv: Conventions) -> set[str]:
    return {c for q in (*conv.quotes.primary, *conv.quotes.secondary) for c in q if c in _QUOTES}


@rule("CD507", "straight-double-quote", "error", "A straight quotation mark (\") instead of the language's marks")
def straight_double_quote(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags the typewriter quotation mark ``"`` in any text.

    Why: UN documents use typographic quotation marks: “…” in English, Spanish and Chinese,
    « … » in French, «…» in Russian, ”…“ in Arabic. A straight mark is not one of them.

    Example::

        - The item "Prevention of nuclear war" …      # CD507: “Prevention of nuclear war”

    Manual: un-conventions.md §6.6 (Editorial Manual, quotations); lint rule L11.
    """
    pair = _pair(ctx.conv)
    for node, flat in ctx.visible_texts():
        for i, ch in enumerate(flat.text):
            if ch == '"':
                yield ctx.at(node, flat, i, f"use the {ctx.conv.code} quotation marks {pair}, not straight \"")


@rule("CD508", "foreign-quotation-marks", "error", "Quotation marks of another language (« » in an English text)")
def foreign_quotation_marks(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags double quotation marks that the version's language does not use.

    Why: each language has its own marks — English, Spanish and Chinese “…” (nested ‘…’),
    French « … » (nested “…”), Russian «…» (nested „…“), Arabic ”…“. Marks of another language
    usually come from pasted text. The allowed marks are the conventions data of the language.

    Example::

        language: en
        …
        - The item «Prevention of nuclear war» …       # CD508

    Manual: un-conventions.md §6.6; lint rules L11, L16.
    """
    allowed = _allowed(ctx.conv)
    pair = _pair(ctx.conv)
    for node, flat in ctx.visible_texts():
        for i, ch in enumerate(flat.text):
            if ch in _QUOTES and ch not in allowed:
                yield ctx.at(node, flat, i, f"“{ch}” is not a quotation mark of {ctx.conv.code} texts; use {pair}")


@rule("CD509", "guillemet-spacing", "error", "French « » without no-break spaces inside (or Russian «» with spaces)")
def guillemet_spacing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags guillemets spaced against the language's rule.

    Why: French puts a no-break space inside « and » (``«~texte~»`` in the outline), so that a
    mark never ends or starts a line alone; an ordinary space can break there and no space is
    wrong. Russian writes «текст» with no space at all. The rule follows each language's
    conventions data (the primary quotation marks).

    Example::

        language: fr
        …
        - le point intitulé « Prévention de la guerre nucléaire » …   # CD509: «~…~»

    Manual: un-conventions.md §6.6; lint rule L16.
    """
    opening = ctx.conv.quotes.primary[0]
    if "«" not in opening:
        return
    spaced = opening.endswith(tuple(_NBSP))
    for node, flat in ctx.visible_texts():
        t = flat.text
        for i, ch in enumerate(t):
            if ch not in "«»":
                continue
            neighbour = t[i + 1 : i + 2] if ch == "«" else t[i - 1 : i] if i else ""
            if spaced and neighbour not in _NBSP:
                yield ctx.at(node, flat, i, f"put a no-break space inside “{ch}” (write «~ … ~» in the outline)")
            elif not spaced and neighbour.isspace():
                yield ctx.at(node, flat, i, f"no space inside “{ch}” in {ctx.conv.code} texts: «…»")


@rule("CD517", "french-straight-apostrophe", "warning", "French: the typewriter apostrophe (') instead of ’",
      languages=("fr",))
def french_straight_apostrophe(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags the typewriter apostrophe ``'`` between two letters of a French text (``l'honneur``).

    Why: UN French documents print the typographic apostrophe: « En l’absence du Président »,
    « L’Assemblée générale », « Point 2 de l’ordre du jour » (issued documents of 2011-2021). cddraft's own
    French wording (the title formula, the request for circulation, the lines under the masthead) uses it;
    a text typed or pasted with ``'`` mixes the two in one document.

    Example::

        language: fr
        - J'ai l'honneur de vous faire tenir …      # CD517: J’ai l’honneur

    Manual: un-conventions.md §6.6 (French typography).
    """
    for node, flat in ctx.visible_texts():
        text = flat.text
        for i, ch in enumerate(text):
            if ch == "'" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                yield ctx.at(node, flat, i, "write the typographic apostrophe ’, as UN French texts do")
