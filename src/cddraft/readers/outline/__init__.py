"""The YAML outline reader: the file read within its limits and composed with positions (:mod:`.load`, the entry
point, with :mod:`.limits`, :mod:`.compose` and :mod:`.hints`), then validated into the model (:mod:`.validate`)
with every problem at its line and column (:mod:`.positions`)."""

from __future__ import annotations

from pathlib import Path

from cddraft.model.document import Document
from cddraft.readers.outline.load import load_outline, parse_outline_text
from cddraft.readers.outline.positions import Outline
from cddraft.readers.outline.validate import build_document


def read_outline(path: str | Path) -> tuple[Outline, Document]:
    """Read and validate an outline file; every problem in it is one :class:`~cddraft.errors.CddraftError`."""
    outline = load_outline(path)
    return outline, build_document(outline)


def read_outline_text(text: str, file: str) -> tuple[Outline, Document]:
    """Read and validate outline text made in memory (a generated corrigendum); ``file`` names it in messages."""
    outline = parse_outline_text(text, file)
    return outline, build_document(outline)
