"""The document tree compared as a reader of the document sees it: texts by their parsed spans, defaults
resolved, and the keys that print nothing left aside (they cannot come back from a Word file)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cddraft.model.document import Document
from cddraft.model.markup import Markup

#: Keys that print nothing: a signatory's country (used to sort when asked), the editorial rules switched off,
#: the order asked for the signatures (the file has them in the order printed).
UNPRINTED = {"country", "check", "signatory_order"}


def _tree(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {k: _tree(getattr(value, k)) for k in type(value).model_fields if k not in UNPRINTED}
    if isinstance(value, Markup):
        return tuple(value.spans)
    if isinstance(value, list | tuple):
        return [_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _tree(v) for k, v in value.items()}
    return value


def effective(doc: Document) -> dict[str, Any]:
    """The tree with what the outline leaves to defaults resolved (``original_language``, ``distribution``, an
    annex's original language)."""
    out = _tree(doc)
    out["original_language"] = list(doc.originals)
    out["distribution"] = doc.distribution or doc.served_by.body.distribution
    for annex, model in zip(out["annexes"], doc.annexes, strict=True):
        annex["original_language"] = list(model.original_language or doc.originals)
    return out
