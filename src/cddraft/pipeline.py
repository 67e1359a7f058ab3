"""The one-way pipeline: source file → document tree (a reader) → localised → output bytes (a writer).

Each stage is its own module and none reaches back; this module only chains them. Readers and
writers are found by format name in their tables (:mod:`cddraft.readers`, :mod:`cddraft.writers`).
Writing the file (:mod:`cddraft.write`) and the editorial rules (:mod:`cddraft.check`) are the
commands' business, not the pipeline's.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cddraft.errors import Diagnostic
from cddraft.model.document import Document
from cddraft.readers.outline.positions import Outline


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
        form = "GE.yy-nnnnn" if document.served_by.body.job_number == "geneva" else "yy-nnnnn"
        out.append(Diagnostic("no job_number: page 1 has no job number or barcode; add the one the secretariat "
                              f"gives ({form})", path=("symbol",), severity="warning"))
    for d in out:
        d.file, d.pos = outline.file, outline.position(d.path)
    return out


def compare_warnings(old: Document, new: Document, outline: Outline, old_file: str) -> list[Diagnostic]:
    """A revision (``…/Rev.1``) or corrigendum compared with an outline that is not its base document."""
    from cddraft.conventions.bodies import revised_document, same_document

    base = revised_document(new.symbol)
    if base is None or same_document(old.symbol, base):
        return []
    d = Diagnostic(f"symbol {new.symbol} revises {base}, but the outline it is compared with ({old_file}) is "
                   f"{old.symbol}: compare with {base} or one of its revisions", path=("symbol",),
                   severity="warning")
    d.file, d.pos = outline.file, outline.position(d.path)
    return [d]


def read(path: str | Path) -> tuple[Outline, Document]:
    """Read and validate a source file into the document tree; every problem in it is one error."""
    from cddraft.readers import SUFFIXES, reader

    return reader(SUFFIXES.get(Path(path).suffix.lower(), "outline"))(path)


def check_outline(path: str | Path) -> tuple[Outline, Document]:
    """Load and validate an outline: validation finds every error (localise cannot fail after it)."""
    return read(path)


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


def build(path: str | Path, template: Path | None = None, to: str = "docx") -> Built:
    """Read, localise and write (format ``to``) in memory; nothing is written to disk here."""
    from cddraft.localise import localise
    from cddraft.writers import WriterOptions, writer

    with _gc_paused():
        outline, document = read(path)
        output = writer(to)(localise(document), WriterOptions(template))
        return Built(document, output, outline, build_warnings(document, outline))


def render(document: Document, to: str, template: Path | None = None) -> bytes:
    """A document already read, written in another format (``akn``) beside its .docx."""
    from cddraft.localise import localise
    from cddraft.writers import WriterOptions, writer

    return writer(to)(localise(document), WriterOptions(template))


def compare(old_path: str | Path, new_path: str | Path, *, author: str, date: dt.date,
            template: Path | None = None) -> Built:
    """NEW built as usual, with Word's tracked changes against OLD (both read and localised as for a build)."""
    from cddraft.localise import localise
    from cddraft.writers.docx import render_docx
    from cddraft.writers.docx.tracked import tracked_writer

    with _gc_paused():
        _, old_document = read(old_path)
        outline, document = read(new_path)
        output = render_docx(localise(document), template, tracked_writer(localise(old_document), author, date))
        warnings = compare_warnings(old_document, document, outline, str(old_path))
        return Built(document, output, outline, build_warnings(document, outline) + warnings)


@dataclass
class Drafted:
    """A corrigendum drafted from two outlines: its outline text and the document built from it."""

    outline_text: str
    built: Built
    corrections: int


def corrigendum(old_path: str | Path, new_path: str | Path, *, number: int, date: dt.date, outline_file: str,
                template: Path | None = None) -> Drafted:
    """Corrigendum ``number`` to OLD listing the changes that make it NEW: the outline, built in memory."""
    from cddraft.conventions import english_name, load_conventions
    from cddraft.errors import fail
    from cddraft.localise import localise
    from cddraft.localise.corrections import corrections
    from cddraft.readers.outline import read_outline_text
    from cddraft.writers import WriterOptions, writer
    from cddraft.writers.outline import corrigendum_outline

    with _gc_paused():
        _, old = read(old_path)
        new_outline, new = read(new_path)
        if new.language != old.language:
            raise fail(f"this is the {english_name(new.language)} version and {old_path} the "
                       f"{english_name(old.language)} one: a corrigendum compares two states of one version",
                       file=new_outline.file, pos=new_outline.position(("language",)))
        old_loc = localise(old)
        found = corrections(old_loc, localise(new), load_conventions(old.language))
        if not found:
            raise fail(f"it prints the same text as {old_path}: there is nothing to correct", file=str(new_path))
        text = corrigendum_outline(old, old_loc.title, found, number=number, date=date,
                                   sources=(Path(old_path).name, Path(new_path).name))
        outline, document = read_outline_text(text, outline_file)
        docx = writer("docx")(localise(document), WriterOptions(template))
        warnings = build_warnings(document, outline) + compare_warnings(old, new, new_outline, str(old_path))
        return Drafted(text, Built(document, docx, outline, warnings), len(found))


@dataclass
class ImportedOutline:
    """A Word file read back as an outline: its text (to write), the tree it loads to, and what was not kept."""

    outline_text: str
    document: Document
    warnings: list[Diagnostic]


def import_word(path: str | Path, *, outline_file: str, language: str | None = None,
                revisions: str = "refuse") -> ImportedOutline:
    """The outline of the Word file at ``path``, checked by loading it as ``outline_file`` would be loaded."""
    from cddraft.readers.word import read_word
    from cddraft.writers.outline import outline_text

    with _gc_paused():
        imported = read_word(Path(path), language=language, revisions=revisions)
        header = [f"Imported from {Path(path).name} by `cddraft import`. Check it against the Word file, then build",
                  "it with `cddraft build`; keys: docs/outline.md."]
        if imported.warnings:
            header.append(f"{len(imported.warnings)} thing(s) in the Word file could not be kept: see the warnings "
                          "printed by the import.")
        comments = {key: f"placeholder: {why}" for key, why in imported.placeholders.items()}
        text = outline_text(imported.data, header, comments)
        return ImportedOutline(text, _validated(imported.data, text, outline_file), imported.warnings)


def _validated(data: dict, text: str, outline_file: str) -> Document:
    """The tree of the imported outline: validated from its data (the outline text says the same, as the
    tests read back); where that fails, read from the text, so that every problem has its line and column."""
    from pydantic import ValidationError

    from cddraft.model.checks import semantic_problems
    from cddraft.readers.outline import read_outline_text

    try:
        document = Document.model_validate(data)
        if not semantic_problems(document):
            return document
    except ValidationError:
        pass
    return read_outline_text(text, outline_file)[1]
