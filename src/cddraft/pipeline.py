"""The one-way pipeline: outline file → model → localised → .docx bytes.

Each stage is its own module and none reaches back; this module only chains them and turns
model paths in diagnostics into ``FILE:LINE:COL`` positions.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic
from cddraft.model.document import Document
from cddraft.readers.outline.load import Outline, load_outline


@dataclass
class Built:
    document: Document
    docx: bytes
    outline: Outline
    warnings: list[Diagnostic]


def build_warnings(document: Document, outline: Outline) -> list[Diagnostic]:
    """What the built file lacks that an editor will ask for (the file is still written)."""
    out = []
    if document.job_number is None:
        out.append(Diagnostic("no job_number: page 1 has no job number or barcode; add the one the secretariat "
                              "gives (GE.yy-nnnnn)", path=("symbol",), severity="warning"))
    for d in out:
        d.file, d.pos = outline.file, outline.sources.locate(d.path)
    return out


def _positioned(exc: CddraftError, outline: Outline) -> CddraftError:
    for d in exc.diagnostics:
        d.file = d.file or outline.file
        if d.pos is None:
            d.pos = outline.sources.locate(d.path)
    return exc


def check_outline(path: str | Path) -> tuple[Outline, Document]:
    """Load and validate an outline (stages 1-2) and localise it to catch late errors."""
    from cddraft.localise import localise
    from cddraft.readers.outline.validate import build_document

    outline = load_outline(path)
    document = build_document(outline)
    try:
        localise(document)
    except CddraftError as exc:
        raise _positioned(exc, outline) from None
    return outline, document


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one build.

    A build allocates many small objects (model nodes, spans, XML elements) and frees them together
    at the end; collecting repeatedly while they grow made time(8k)/time(4k) about 3 (bench/).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(path: str | Path, template: Path | None = None) -> Built:
    """Run every stage in memory; nothing is written here."""
    from cddraft.localise import localise
    from cddraft.readers.outline.validate import build_document
    from cddraft.writers.docx import render_docx

    with _gc_paused():
        outline = load_outline(path)
        document = build_document(outline)
        try:
            localised = localise(document)
        except CddraftError as exc:
            raise _positioned(exc, outline) from None
        return Built(document, render_docx(localised, template), outline, build_warnings(document, outline))
