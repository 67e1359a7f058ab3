"""The one-way pipeline: source file → document tree (a reader) → localised → output bytes (a writer).

Each stage is its own module and none reaches back; this module only chains them. Readers and
writers are found by format name in their tables (:mod:`cddraft.readers`, :mod:`cddraft.writers`).
Writing the file (:mod:`cddraft.write`) is the commands' business, not the pipeline's. What a build
reports besides the file (``Built.warnings``) are the findings of registered editorial rules
(:mod:`cddraft.check.run`): the quick ones of every build (a missing job number is CD320) and, when two
outlines are compared, the ``compare`` rules (CD631) — each with its code, switched off as in ``cddraft check``.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic, fail
from cddraft.model.document import Document
from cddraft.readers.outline.positions import Outline


@dataclass
class Built:
    document: Document
    docx: bytes
    outline: Outline
    #: The editorial rules' findings on the outline (the file is still written), in the one order.
    warnings: list[Diagnostic]


def _findings(document: Document, outline: Outline, compared: tuple[Document, Document, Outline, str] | None = None,
              ) -> list[Diagnostic]:
    """The build's findings (:func:`cddraft.check.run.build_findings`) and, for ``compared`` (OLD, NEW, NEW's
    outline, OLD's file), those of the compare rules, in the one order."""
    from cddraft.check.diagnostics import ordered
    from cddraft.check.run import build_findings, compare_findings

    found = build_findings(document, outline)
    if compared is not None:
        found += compare_findings(*compared)
    return ordered(found)


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


def build(path: str | Path, template: Path | None = None, to: str = "docx", *, findings: bool = True) -> Built:
    """Read, localise and write (format ``to``) in memory; nothing is written to disk here.

    ``findings=False`` leaves the editorial rules to the caller (``cddraft serve`` runs all of them, as ``cddraft
    check`` does): ``warnings`` is then empty."""
    from cddraft.localise import localise
    from cddraft.writers import WriterOptions, writer

    with _gc_paused():
        outline, document = read(path)
        output = writer(to)(localise(document), WriterOptions(template))
        return Built(document, output, outline, _findings(document, outline) if findings else [])


def render(document: Document, to: str, template: Path | None = None) -> bytes:
    """A document already read, written in another format (``akn``) beside its .docx."""
    from cddraft.localise import localise
    from cddraft.writers import WriterOptions, writer

    return writer(to)(localise(document), WriterOptions(template))


def compare(old_path: str | Path, new_path: str | Path, *, author: str, date: dt.date,
            template: Path | None = None) -> Built:
    """NEW built as usual, with Word's tracked changes against OLD (both read and localised as for a build)."""
    from cddraft.localise import localise
    from cddraft.localise.revise import revise
    from cddraft.writers.docx import render_docx
    from cddraft.writers.docx.revisions import Revisions

    with _gc_paused():
        _, old_document = read(old_path)
        outline, document = read(new_path)
        revised = revise(localise(old_document), localise(document))
        output = render_docx(revised, template, Revisions(author, date))
        warnings = _findings(document, outline, (old_document, document, outline, str(old_path)))
        return Built(document, output, outline, warnings)


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
        warnings = _findings(document, outline, (old, new, new_outline, str(old_path)))
        return Drafted(text, Built(document, docx, outline, warnings), len(found))


@dataclass
class ImportedOutline:
    """A Word file read back as an outline: its text (to write), the tree it loads to, what was not kept, and
    what still keeps it from building (each at its line and column in the outline text; the tree is then None)."""

    outline_text: str
    document: Document | None
    warnings: list[Diagnostic]
    problems: list[Diagnostic]


def import_word(path: str | Path, *, outline_file: str, language: str | None = None,
                revisions: str = "refuse") -> ImportedOutline:
    """The outline of the Word file at ``path``, checked by loading it as ``outline_file`` would be loaded."""
    from cddraft.readers.outline.limits import MAX_BYTES
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
        size = len(text.encode("utf-8"))
        if size > MAX_BYTES:  # build would refuse the outline: import and build accept the same documents
            raise fail(f"its outline would be {size:,} bytes, and `cddraft build` reads outlines of at most "
                       f"{MAX_BYTES:,}: split the Word file (annexes can be documents of their own) and import "
                       "each part", file=str(path))
        try:
            return ImportedOutline(text, _validated(imported.data, text, outline_file), imported.warnings, [])
        except CddraftError as e:  # what the importer could not repair: to be fixed in the written outline
            return ImportedOutline(text, None, imported.warnings, e.diagnostics)


def _validated(data: dict, text: str, outline_file: str) -> Document:
    """The tree of the imported outline: validated from its data (the outline text says the same, as the
    tests read back); where that fails, read from the text, so that every problem has its line and column."""
    from pydantic import ValidationError

    from cddraft.model.coherence import semantic_problems
    from cddraft.readers.outline import read_outline_text

    try:
        document = Document.model_validate(data)
        if not semantic_problems(document):
            return document
    except ValidationError:
        pass
    return read_outline_text(text, outline_file)[1]
