"""CD312, CD313: grammar traps of a letter's title formula in French, Spanish and Russian; CD314: a corrigendum's
symbol (§12)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.localise import addressee
from cddraft.model.document import Document


@rule("CD312", "addressee-without-preposition", "warning",
      "French/Spanish: the addressee does not begin as the title formula needs (au, à; al, a)")
def addressee_without_preposition(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags, in French and Spanish, an addressee that does not begin with the preposition the title needs.

    Why: the French title reads "Lettre datée du …, adressée {addressee} par …" and the Spanish "Carta de
    fecha … dirigida {addressee} por …": the addressee carries its preposition ("au Président du Conseil de
    sécurité", "al Presidente del Consejo de Seguridad"). An addressee typed with its bare article ("le
    Président …", "el Presidente …") is contracted by cddraft; anything else ("Son Excellence …") would read
    "adressée Son Excellence", so it is flagged. The prepositions are the conventions'
    ``letter.addressee_prepositions``.

    Example::

        language: fr
        letter:
          addressee: Monsieur le Président du Conseil de sécurité   # CD312: au Président du Conseil de sécurité

    Manual: un-conventions.md §11 (issued French and Spanish titles), §12.
    """
    letter, prepositions = doc.letter, ctx.conv.letter.addressee_prepositions
    if letter is None or letter.addressee is None or letter.title or not prepositions:
        return
    text = addressee(letter, ctx.conv)
    if not text.lower().startswith(tuple(prepositions)):
        yield Finding(("letter", "addressee"), f"the title reads “… {text[:40]}”: begin the addressee with "
                                               f"{' / '.join(p.strip() for p in prepositions)} (e.g. "
                                               f"“{prepositions[0]}Président …”)")


@rule("CD313", "sender-clause-not-closed", "warning",
      "Russian: a clause in the sender runs into the date of the title (close it with a comma)")
def sender_clause_not_closed(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags, in Russian, a sender holding a participial clause that the title's "от {date}" would follow
    without a comma.

    Why: the Russian title reads "Письмо {sender} от {date} на имя …". A sender such as "Председателя
    Комитета, созданного резолюцией 1540 (2004)" opens a clause, which issued titles close with a comma before
    "от": "…1540 (2004), от 14 марта 2024 года". End the sender with that comma. What opens a clause is the
    conventions' ``editorial.open_clause`` (a comma, then a participle).

    Example::

        language: ru
        letter:
          sender: Председателя Комитета, созданного резолюцией 1540 (2004)     # CD313: … (2004),

    Manual: un-conventions.md §11, §12.
    """
    letter, pattern = doc.letter, ctx.conv.editorial.open_clause
    if letter is None or letter.title or pattern is None:
        return
    sender = letter.sender.visible.text
    m = re.search(pattern, sender)
    if m and not sender.rstrip().endswith(","):
        yield Finding(("letter", "sender"), f"“{m.group().strip(', ')} …” opens a clause that the title's “от "
                                            "<date>” would run into: end the sender with a comma",
                      offset=letter.sender.visible.raw_offset(m.start()), text=letter.sender.raw)


@rule("CD314", "corrigendum-symbol-without-corr", "warning", "A corrigendum's symbol does not end in /Corr.n")
def corrigendum_symbol_without_corr(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a corrigendum (``kind: corrigendum``) whose symbol is not the corrected document's with ``/Corr.n``.

    Why: a corrigendum is issued under the symbol of the document it corrects followed by ``/Corr.1``,
    ``/Corr.2`` … (a revision takes ``/Rev.n`` and is a whole new document, not a corrigendum).

    Example::

        kind: corrigendum
        symbol: CD/2101          # CD314: CD/2101/Corr.1

    Manual: un-conventions.md §1.3 (final components of symbols), §12.
    """
    if doc.kind == "corrigendum" and not re.search(r"/Corr\.[0-9]{1,2}\*?$", doc.symbol):
        yield Finding(("symbol",), f"a corrigendum is issued as the corrected document's symbol with /Corr.n: "
                                   f"write {doc.symbol.rstrip('*')}/Corr.1")
