"""Walk the text of a :class:`Document`: every :class:`Markup` with its outline path, in reading order."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from cddraft.errors import Path_
from cddraft.model.blocks import BulletItem, Bullets, Paragraph, Quote, Section, Subparagraph, TextBody
from cddraft.model.document import Document
from cddraft.model.inline import Ref
from cddraft.model.markup import Markup
from cddraft.model.table import Table


def bodies(doc: Document) -> Iterator[tuple[TextBody, Path_]]:
    """The report (if any) and each annex, with their paths."""
    if doc.report is not None:
        yield doc.report, ("report",)
    for i, annex in enumerate(doc.annexes):
        yield annex, ("annexes", i)


def _items(items: list[Subparagraph], path: Path_) -> Iterator[tuple[Markup, Path_]]:
    for i, item in enumerate(items):
        yield item.text, (*path, i, "text")
        yield from _items(item.items, (*path, i, "items"))


def _bullets(items: list[BulletItem], path: Path_) -> Iterator[tuple[Markup, Path_]]:
    for i, item in enumerate(items):
        yield item.text, (*path, i, "text")
        yield from _bullets(item.bullets, (*path, i, "bullets"))


def block_texts(blocks: list, path: Path_) -> Iterator[tuple[Markup, Path_]]:
    """Every text of a block list (headings, paragraphs, items, bullets, quotes)."""
    for i, block in enumerate(blocks):
        p = (*path, i)
        if isinstance(block, Paragraph):
            yield block.text, (*p, "text")
            yield from _items(block.items, (*p, "items"))
        elif isinstance(block, Section):
            yield block.heading, (*p, "heading")
            yield from block_texts(block.content, (*p, "content"))
        elif isinstance(block, Bullets):
            yield from _bullets(block.bullets, (*p, "bullets"))
        elif isinstance(block, Quote):
            for j, text in enumerate(block.quote):
                yield text, (*p, "quote", j)
        elif isinstance(block, Table):
            yield from table_texts(block, p)


def table_texts(table: Table, path: Path_) -> Iterator[tuple[Markup, Path_]]:
    """Every text of a table, in reading order: title, unit, column heads, cells, source, note."""
    if table.table is not None:
        yield table.table, (*path, "table")
    if table.unit is not None:
        yield table.unit, (*path, "unit")
    for part in ("head", "rows"):
        for r, row in enumerate(getattr(table, part)):
            for c, cell in enumerate(row.cells):
                yield cell.text, (*path, part, r, "cells", c, "text")
    for key in ("source", "note"):
        if getattr(table, key) is not None:
            yield getattr(table, key), (*path, key)


def texts(doc: Document) -> Iterator[tuple[Markup, Path_]]:
    """Every text that may hold footnotes and references, in reading order."""
    if doc.letter is not None:
        for i, block in enumerate(doc.letter.paragraphs):
            if isinstance(block, Table):
                yield from table_texts(block, ("letter", "paragraphs", i))
            else:
                yield block, ("letter", "paragraphs", i)
        if isinstance(doc.letter.circulation_request, Markup):
            yield doc.letter.circulation_request, ("letter", "circulation_request")
        if doc.letter.closing:
            yield doc.letter.closing, ("letter", "closing")
    if doc.corrigendum is not None:
        for i, c in enumerate(doc.corrigendum.corrections):
            for key in ("for", "read", "delete", "insert", "after"):
                text = getattr(c, "for_" if key == "for" else key)
                if text is not None:
                    yield text, ("corrigendum", "corrections", i, key)
    if doc.resolution is not None:
        for i, pre in enumerate(doc.resolution.preamble):
            yield pre.text, ("resolution", "preamble", i, "text")
            yield from _items(pre.items, ("resolution", "preamble", i, "items"))
        yield from block_texts(doc.resolution.operative, ("resolution", "operative"))
    for body, path in bodies(doc):
        if body.title:
            yield body.title, (*path, "title")
        yield from block_texts(body.content, (*path, "content"))


def markups(value: object, path: Path_ = ()) -> Iterator[tuple[Markup, Path_]]:
    """Every :class:`Markup` anywhere in a model (one-line fields, phrases and notes too), with its path."""
    if isinstance(value, Markup):
        yield value, path
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from markups(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from markups(item, (*path, key))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from markups(getattr(value, name), (*path, name))


def _ids(blocks: list, path: Path_, numbered: tuple[bool, bool]) -> Iterator[tuple[str, Path_, bool]]:
    paragraphs, headings = numbered
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.id:
            yield block.id, (*path, i, "id"), paragraphs and block.numbered
        if isinstance(block, Table) and block.id:
            yield block.id, (*path, i, "id"), block.numbered
        if isinstance(block, Section):
            if block.id:
                yield block.id, (*path, i, "id"), headings and block.numbered
            yield from _ids(block.content, (*path, i, "content"), numbered)


def iter_ids(doc: Document) -> Iterator[tuple[str, Path_, bool]]:
    """Each ``id`` with its path and whether its block gets a number (which a ``{ref:id}`` prints)."""
    if doc.letter is not None:
        yield from ((t.id, (*path, "id"), t.numbered) for t, path in iter_tables(doc) if t.id and path[0] == "letter")
    if doc.resolution is not None:  # the operative paragraphs are numbered
        yield from _ids(doc.resolution.operative, ("resolution", "operative"), (True, True))
    for body, path in bodies(doc):
        yield from _ids(body.content, (*path, "content"), (body.numbered_paragraphs, body.numbered_headings))


def _tables(blocks: list, path: Path_) -> Iterator[tuple[Table, Path_]]:
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            yield block, (*path, i)
        elif isinstance(block, Section):
            yield from _tables(block.content, (*path, i, "content"))


def iter_tables(doc: Document) -> Iterator[tuple[Table, Path_]]:
    """Each table with its path, in reading order (the letter's, the report's, then each annex's)."""
    if doc.letter is not None:
        for i, block in enumerate(doc.letter.paragraphs):
            if isinstance(block, Table):
                yield block, ("letter", "paragraphs", i)
    for body, path in bodies(doc):
        yield from _tables(body.content, (*path, "content"))


def iter_refs(doc: Document) -> Iterator[tuple[Ref, Markup, Path_]]:
    """Each ``{ref:…}`` (in text, footnotes and superscripts) with the text that holds it and its path."""
    for text, path in texts(doc):
        for ref in text.refs():
            yield ref, text, path
