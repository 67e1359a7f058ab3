"""Walk the text-bearing nodes of a :class:`Document` with their outline paths."""

from __future__ import annotations

from collections.abc import Iterator

from cddraft.errors import Path_
from cddraft.model.blocks import Body, BulletItem, Bullets, Item, Paragraph, Quote, Section
from cddraft.model.document import Document
from cddraft.model.inline import Footnote, Ref, parse


def bodies(doc: Document) -> Iterator[tuple[Body, Path_]]:
    """The report (if any) and each annex, with their paths."""
    if doc.report is not None:
        yield doc.report, ("report",)
    for i, annex in enumerate(doc.annexes):
        yield annex, ("annexes", i)


def _items(items: list[Item], path: Path_) -> Iterator[tuple[str, Path_]]:
    for i, item in enumerate(items):
        yield item.text, (*path, i, "text")
        yield from _items(item.items, (*path, i, "items"))


def _bullets(items: list[BulletItem], path: Path_) -> Iterator[tuple[str, Path_]]:
    for i, item in enumerate(items):
        yield item.text, (*path, i, "text")
        yield from _bullets(item.bullets, (*path, i, "bullets"))


def block_texts(blocks: list, path: Path_) -> Iterator[tuple[str, Path_]]:
    """Every markup string in a block list (headings, paragraphs, items, bullets, quotes)."""
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


def texts(doc: Document) -> Iterator[tuple[str, Path_]]:
    """Every markup string of the document, in reading order."""
    if doc.letter is not None:
        for i, text in enumerate(doc.letter.paragraphs):
            yield text, ("letter", "paragraphs", i)
        if isinstance(doc.letter.circulation_request, str):
            yield doc.letter.circulation_request, ("letter", "circulation_request")
        if doc.letter.closing:
            yield doc.letter.closing, ("letter", "closing")
    for body, path in bodies(doc):
        if body.title:
            yield body.title, (*path, "title")
        yield from block_texts(body.content, (*path, "content"))


def _ids(blocks: list, path: Path_) -> Iterator[tuple[str, Path_]]:
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph | Section) and block.id:
            yield block.id, (*path, i, "id")
        if isinstance(block, Section):
            yield from _ids(block.content, (*path, i, "content"))


def iter_ids(doc: Document) -> Iterator[tuple[str, Path_]]:
    for body, path in bodies(doc):
        yield from _ids(body.content, (*path, "content"))


def iter_refs(doc: Document) -> Iterator[tuple[str, Path_]]:
    for text, path in texts(doc):
        if "{ref:" not in text:
            continue
        for span in parse(text):
            if isinstance(span, Ref):
                yield span.target, path
            elif isinstance(span, Footnote):
                for inner in span.content:
                    if isinstance(inner, Ref):
                        yield inner.target, path
