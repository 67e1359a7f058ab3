"""CD631: two states of one document compared (``cddraft diff``, ``cddraft corrigendum``): a revision or
corrigendum is compared with its own base document.

These rules read NEW against OLD (a :class:`~cddraft.check.context.Compared`) and report in NEW's outline; they
run only where two outlines are compared, never in ``cddraft check``, which reads one outline at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

from cddraft.check.context import Compared
from cddraft.check.registry import Finding, rule
from cddraft.conventions.bodies import revised_document, same_document


@rule("CD631", "compared-with-another-document", "warning",
      "A revision or corrigendum is compared with an outline that is not its base document", target="compare")
def compared_with_another_document(compared: Compared) -> Iterator[Finding]:
    """Flags NEW's symbol when NEW is a revision or corrigendum (``CD/2101/Rev.1``, ``CD/2101/Corr.1``) and OLD,
    the outline it is compared with, is neither its base document (``CD/2101``) nor one of its revisions.

    Why: a revision replaces, and a corrigendum corrects, the document its symbol names; the tracked changes (or
    the corrections) against another document describe no change anyone made. Either OLD is the wrong file or
    NEW's symbol is mistyped. The file is still written.

    Example::

        # cddraft diff cd-2102.yaml rev1.yaml, where rev1.yaml has
        symbol: CD/2101/Rev.1        # CD631: compare with CD/2101 or one of its revisions

    Manual: un-conventions.md §1.3 (document symbols: /Rev.n, /Corr.n).
    """
    old, new = compared.old, compared.new
    base = revised_document(new.symbol)
    if base is not None and not same_document(old.symbol, base):
        yield Finding(("symbol",), f"symbol {new.symbol} revises {base}, but the outline it is compared with "
                                   f"({compared.old_file}) is {old.symbol}: compare with {base} or one of its "
                                   "revisions")
