"""CD2xx: footnote calls — where they stand against punctuation and each other (§6.5, L12)."""

from __future__ import annotations

from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.check.walk import TextNode
from cddraft.conventions import english_name
from cddraft.model.document import Document
from cddraft.model.visible import Visible

#: Punctuation a call is placed after (English) or before (French, Spanish): conventions ``text.footnote_call``.
_PUNCT = ".,;:!?"
_BLANKS = " \u00a0\u202f\t"


def _calls(ctx: Context) -> Iterator[tuple[TextNode, Visible, int, int]]:
    """Each footnote call: its node, host text, index of the call in the host, and note number."""
    for node in ctx.texts():
        flat = node.visible
        for k, note in enumerate(flat.notes):
            yield node, flat, note.at, k


def _finding(node: TextNode, flat: Visible, k: int, message: str) -> Finding:
    return Finding(node.path, message, offset=flat.notes[k].raw, text=node.raw)


@rule("CD201", "footnote-call-before-punctuation", "error", "English: a footnote call stands before punctuation")
def footnote_call_before_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags, in English (conventions ``text.footnote_call: after_punctuation``), a footnote call written before
    a punctuation mark or closing quotation mark.

    Why: in English the call goes after the punctuation — at the end of the phrase or sentence,
    and after a quotation's closing mark.

    Example::

        - The Court gave its opinion^[I.C.J. Reports 1996, p. 226.].     # CD201
        - The Court gave its opinion.^[I.C.J. Reports 1996, p. 226.]     # right

    Manual: un-conventions.md §6.5 (Editorial Manual, footnotes, ch. 9); lint rule L12.
    """
    if ctx.conv.text.footnote_call != "after_punctuation":
        return
    language = english_name(ctx.lang)
    for node, flat, at, k in _calls(ctx):
        nxt = flat.text[at : at + 1]
        if nxt and nxt in _PUNCT + "”" and not flat.sup[at]:
            yield _finding(node, flat, k, f"in {language} the footnote call goes after the “{nxt}”: write “{nxt}^[…]”")


@rule("CD202", "footnote-call-after-punctuation", "error", "French/Spanish: a footnote call stands after punctuation")
def footnote_call_after_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags, in French and Spanish (conventions ``text.footnote_call: before_punctuation``), a footnote call
    written after a punctuation mark.

    Why: French and Spanish put the call before the punctuation (the reverse of English).

    Example::

        - … à La Haye.^[CIJ Recueil 1996, p. 226.]      # CD202
        - … à La Haye^[CIJ Recueil 1996, p. 226.].      # right

    Manual: un-conventions.md §6.5 (Editorial Manual, footnotes, ch. 9); lint rule L12.
    """
    if ctx.conv.text.footnote_call != "before_punctuation":
        return
    language = english_name(ctx.lang)
    for node, flat, at, k in _calls(ctx):
        prev = flat.text[at - 1 : at] if at else ""
        if prev and prev in _PUNCT and not flat.sup[at - 1]:
            yield _finding(node, flat, k,
                           f"in {language} the footnote call goes before the “{prev}”: write “^[…]{prev}”")


@rule("CD203", "space-before-footnote-call", "error", "A space separates a footnote call from the word before it")
def space_before_footnote_call(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a blank (space or no-break space) just before a footnote call.

    Why: the superscript call belongs to the word or punctuation it follows; after a space it
    can be carried to the next line on its own, and it reads as a stray figure.

    Example::

        - … nuclear disarmament. ^[See CD/2090.]      # CD203: remove the space

    Manual: un-conventions.md §6.5 (Editorial Manual, footnotes: indicators are superscript,
    placed at the end of the phrase or sentence).
    """
    for node, flat, at, k in _calls(ctx):
        if at and flat.text[at - 1] in _BLANKS:
            yield _finding(node, flat, k, "remove the blank before the footnote call; the call follows the word "
                                          "or punctuation directly")


@rule("CD204", "adjacent-footnote-calls", "error", "Two footnote calls stand together without a comma")
def adjacent_footnote_calls(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags two footnote calls written one directly after the other.

    Why: side by side, calls 1 and 2 read as footnote 12. Several indicators at one point are
    separated by commas; write the comma as superscript so it sits with the calls.

    Example::

        - … as agreed.^[CD/2090.]^[CD/2091.]          # CD204
        - … as agreed.^[CD/2090.]^{,}^[CD/2091.]      # right

    Manual: un-conventions.md §6.5 (Editorial Manual, footnotes, ch. 9).
    """
    for node, flat, at, k in _calls(ctx):
        if k and flat.notes[k - 1].at == at:
            yield _finding(node, flat, k, "two footnote calls stand together and would read as one number; "
                                          "separate them with a superscript comma: ^[…]^{,}^[…]")
