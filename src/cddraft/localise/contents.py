"""A contents table (``contents: true``): the chapters of a body, and their sections to the depth asked, with the
range of paragraphs under each and the page, which the writer gives as a PAGEREF field to the heading's bookmark
(Word and LibreOffice fill in the page)."""

from __future__ import annotations

from dataclasses import replace

from cddraft.conventions import Conventions
from cddraft.localise.compare import unrevised
from cddraft.localise.types import Block, ContentsEntry, ContentsTable, Heading, Para
from cddraft.model.blocks import Contents
from cddraft.model.inline import plain_text


def _range(numbers: list[str]) -> str:
    if not numbers:
        return ""
    return numbers[0] if numbers[0] == numbers[-1] else f"{numbers[0]}\u2013{numbers[-1]}"


def contents_table(blocks: list[Block], asked: bool | Contents, conv: Conventions, prefix: str) -> ContentsTable:
    """The table of ``blocks`` (one body's, numbered); the headings it lists get their bookmarks in ``blocks``."""
    depth = asked.depth if isinstance(asked, Contents) else 1
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    top = min(levels) if levels else 1
    entries: list[ContentsEntry] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, Heading) or block.level - top >= depth:
            continue
        numbers = []
        for later in blocks[i + 1:]:
            if isinstance(later, Heading) and later.level <= block.level:
                break
            if isinstance(later, Para) and later.role == "body" and later.number:
                numbers.append(later.number.strip().rstrip(". -"))
        bookmark = f"_Toc_{prefix}{len(entries) + 1}"
        blocks[i] = replace(block, toc=bookmark)
        text = plain_text(unrevised(block.spans))
        entries.append(ContentsEntry(block.level - top + 1, block.number, text, _range(numbers), bookmark))
    strings = conv.contents
    return ContentsTable(strings.heading, strings.paragraphs, strings.page, entries)
