"""The document tree compared as a reader of the document sees it: texts by their parsed spans, defaults
resolved, and the keys that print nothing left aside (they cannot come back from a Word file)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cddraft.model.document import Document
from cddraft.model.markup import Markup
from cddraft.model.table import Table

#: Keys that print nothing: a signatory's country (used to sort when asked), the editorial rules switched off,
#: the order asked for the signatures (the file has them in the order printed).
UNPRINTED = {"country", "check", "signatory_order"}


def _tree(value: Any) -> Any:
    if isinstance(value, Table):  # rows read from a CSV file, totals counted from the end: as a Word file shows them
        rows = [row.model_copy(update={"total": value.is_total(i)}) for i, row in enumerate(value.rows)]
        value = value.model_copy(update={"rows": rows, "totals": 0, "rows_from": None})
    if isinstance(value, BaseModel):
        return {k: _tree(getattr(value, k)) for k in type(value).model_fields if k not in UNPRINTED}
    if isinstance(value, Markup):
        return tuple(value.spans)
    if isinstance(value, list | tuple):
        return [_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _tree(v) for k, v in value.items()}
    return value


def _has(blocks: list[Any], key: str) -> bool:
    """Whether a body has sections (``heading``) or paragraphs (``text``), at any depth."""
    for b in blocks:
        if key in b or (key == "text" and "quote" not in b and "bullets" not in b and "heading" not in b):
            return True
        if "content" in b and _has(b["content"], key):
            return True
    return False


def _flags(body: dict[str, Any]) -> None:
    """A numbering switch with nothing to number prints nothing: left aside."""
    if not _has(body["content"], "heading"):
        body.pop("numbered_headings")
    if not _has(body["content"], "text"):
        body.pop("numbered_paragraphs")


def effective(doc: Document) -> dict[str, Any]:
    """The tree with what the outline leaves to defaults resolved (``original_language``, ``distribution``, an
    annex's original language) and numbering switches with nothing to number left aside."""
    out = _tree(doc)
    out["original_language"] = list(doc.originals)
    out["distribution"] = doc.distribution or doc.served_by.body.distribution
    for annex, model in zip(out["annexes"], doc.annexes, strict=True):
        annex["original_language"] = list(model.original_language or doc.originals)
        _flags(annex)
    if out.get("report"):
        _flags(out["report"])
    return out
