"""CD306-CD310: signatories, notes verbales and annexes of communications (§5)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cddraft.cache import read_json, write_json
from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.conventions import conventions_digest, load_conventions
from cddraft.languages import LANGUAGES
from cddraft.localise import country_key  # the order the renderer prints is the order checked
from cddraft.model.document import Document


@rule("CD306", "signatory-without-country", "error", "Signatories to order by country, one without a country")
def signatory_without_country(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a signatory without ``country:`` in a letter whose signatories are ordered by country.

    Why: with ``signatory_order: by_country`` the signature blocks are printed in the English alphabetical
    order of the signatories' countries (the Editorial Manual's rule for joint letters), in every language
    version; without the country the order cannot be established (cddraft would put the signatory first).
    By default the blocks keep the outline's order, and no country is needed.

    Example::

        signatory_order: by_country
        signatories:
          - name: Htin Lynn
            country: Myanmar
          - name: Jane Doe               # CD306: add country: (English short name)

    Manual: un-conventions.md §5.1 (Editorial Manual, communications); lint rule L20.
    """
    if doc.letter is None or len(doc.letter.signatories) < 2 or doc.letter.signatory_order != "by_country":
        return
    for i, sig in enumerate(doc.letter.signatories):
        if not sig.country:
            yield Finding(("letter", "signatories", i),
                          "signatories are ordered by country: each needs `country:` (English short name)")


def _places(sender: str, countries: list[str]) -> list[int]:
    """Where the sender text names each country (accents and case ignored), as a word; -1 where it does not.

    A name inside another country's (Guinea in Papua New Guinea, Sudan in South Sudan) does not count for it.
    """
    text = country_key(sender)
    spans = {c: [m.span() for m in re.finditer(rf"(?<!\w){re.escape(country_key(c))}(?!\w)", text)]
             for c in countries}
    out = []
    for c in countries:
        inside_other = [span for span in spans[c] if not any(
            o != c and s <= span[0] and span[1] <= e and (e - s) > (span[1] - span[0])
            for o in countries for s, e in spans[o])]
        out.append(inside_other[0][0] if inside_other else -1)
    return out


@rule("CD307", "signatories-out-of-order", "warning", "The signatures are not in the order the title names the senders")
def signatories_out_of_order(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a signature block out of the order in which the title's sender names the signatories' countries.

    Why: a joint letter keeps the senders' order: the order of the title ("the Permanent Representatives of
    Chile and Peru") is the order of the signature blocks, as the issued letters show. cddraft prints the
    blocks in the outline's order (unless ``signatory_order: by_country`` sorts them), so an outline listing
    them otherwise signs in another order than it names. Checked where every signatory has ``country:`` and
    the sender names each country as written there (the English short name: English versions, or a sender
    that uses the same names).

    Example::

        sender: the Permanent Representatives of Chile and Peru
        signatories:
          - {name: A, country: Peru}
          - {name: B, country: Chile}   # CD307: Chile comes first in the title

    Manual: un-conventions.md §5.1, §12 (issued joint letters).
    """
    if doc.letter is None or doc.letter.signatory_order != "as_given":
        return
    sigs = doc.letter.signatories
    if len(sigs) < 2 or any(not s.country for s in sigs):
        return
    places = _places(doc.letter.sender.visible.text, [s.country or "" for s in sigs])
    if min(places) < 0:
        return
    for i in range(1, len(sigs)):
        if places[i] < places[i - 1]:
            yield Finding(("letter", "signatories", i, "country"),
                          f"the title names {sigs[i].country} before {sigs[i - 1].country}: sign in the senders' "
                          "order (or set `signatory_order: by_country`)")


@cache
def _signature_markers() -> list[str]:
    """"(Signed)", "(Signé)", "(签名)" … from the six languages' conventions; kept in the user's cache with them
    (every build asks, and reading six languages' conventions for six words takes 5 ms)."""
    name = f"signature-markers-{conventions_digest()}.json"
    kept = read_json(name)
    if isinstance(kept, list) and all(isinstance(m, str) for m in kept):
        return kept
    out = []
    for code in LANGUAGES:
        marker = load_conventions(code).letter.signed.replace("{name}", "").strip()
        if marker:
            out.append(marker)
    write_json(name, out, replacing="signature-markers-*.json")
    return out


@rule("CD308", "typed-signature", "error", "A letter paragraph contains a typed signature line")
def typed_signature(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags "(Signed)", "(Signé)", "(Firmado)", "(签名)" … typed into the text of a letter or note verbale.

    Why: a letter's signature block is generated from ``signatories:`` (right-aligned, in the
    version's form and order); a typed one is printed as an ordinary paragraph. A note verbale
    is sent by the mission and is unsigned: it has no signature at all.

    Example::

        paragraphs:
          - I have the honour …
          - (Signed) Htin Lynn           # CD308

    Manual: un-conventions.md §5.1 (Editorial Manual, communications); lint rule L14.
    """
    markers = _signature_markers()
    for node in ctx.texts("letter"):
        for marker in markers:
            at = node.visible.text.find(marker)
            if at < 0:
                continue
            if doc.kind == "note-verbale":
                msg = f"a note verbale is unsigned; remove “{marker}”"
            else:
                msg = f"the signature block is generated from `signatories:`; remove the typed “{marker}”"
            yield ctx.at(node, node.visible, at, msg)
            break


@rule("CD309", "note-verbale-in-first-person", "warning", "A note verbale is written in the first person")
def note_verbale_in_first_person(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags the first-person formulas of a letter ("I have the honour …") in a note verbale.

    Why: a note verbale is an unsigned communication of the mission, in the third person: "The
    Permanent Mission of … presents its compliments … and has the honour to …". A first-person
    text is a letter: change ``kind:`` or rephrase.

    Example::

        kind: note-verbale
        letter:
          paragraphs:
            - I have the honour to transmit …     # CD309

    The formulas are the conventions' ``editorial.first_person`` of each language.

    Manual: un-conventions.md §5.1, §5.3.
    """
    pattern = ctx.conv.editorial.first_person
    if doc.kind != "note-verbale" or pattern is None:
        return
    for node in ctx.texts("letter"):
        m = re.search(pattern, node.visible.text)
        if m:
            yield ctx.at(node, node.visible, m.start(),
                         "a note verbale speaks in the third person (“The Permanent Mission … has the honour”); "
                         "rephrase, or make this a letter")


@rule("CD310", "annex-original-language-unstated", "warning",
      "A translated version's annex does not state its original language")
def annex_original_language_unstated(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags an annex without ``original_language:`` in a version that is a translation.

    Why: "Original:" in the masthead covers the main document only; an annex submitted in
    another language carries its own note, "[Original: French]", under its heading. When the
    version is a translation, cddraft assumes each annex has the letter's original language
    unless told otherwise, and then prints no note (as the seed document shows); stating it
    keeps an annex submitted in another language from going out without its note.

    Example::

        language: fr
        original_language: en
        annexes:
          - title: …                      # CD310: add original_language: en (or the annex's own)

    Manual: un-conventions.md §1.1, §5.5 (Editorial Manual, masthead).
    """
    if doc.language in doc.originals:
        return
    for i, annex in enumerate(doc.annexes):
        if annex.original_language is None:
            yield Finding(("annexes", i), f"this version is a translation; state the annex's `original_language:` "
                                          f"(else “{' and '.join(doc.originals)}” is assumed for its note)")
