"""The outline's text, each parsed string with its path and the context a rule needs.

Rules need to know *what* a string is (a heading, a bullet, a letter paragraph…), whether it gets a
generated number, and under which headings it stands (bold is allowed under "Conclusions and
recommendations"). The text itself is the model's :class:`~cddraft.model.markup.Markup`: parsed once,
when the outline was validated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, TypedDict

from cddraft.errors import Path_
from cddraft.model.blocks import Block, BulletItem, Bullets, Paragraph, Quote, Section, Subparagraph, TextBody
from cddraft.model.document import Document
from cddraft.model.figures import figure, is_nil
from cddraft.model.markup import Markup
from cddraft.model.resolution import Resolution
from cddraft.model.table import Table
from cddraft.model.visible import Visible
from cddraft.model.walk import bodies, table_texts

Role = Literal["letter", "letter-title", "signature", "title", "heading", "paragraph", "item", "bullet", "quote",
               "cell", "table-note", "organ", "preamble", "operative", "sponsor"]
#: Roles of running text (where emphasis rules apply); titles, headings, signatures and table cells are not, nor a
#: resolution's paragraphs, whose opening words are emphasised by rule (§13).
RUNNING = frozenset({"letter", "paragraph", "item", "bullet", "quote", "table-note"})


@dataclass
class TextNode:
    """One outline string: its parsed text, path, role and context (the headings above it, visibly)."""

    markup: Markup
    path: Path_
    role: Role
    sections: tuple[str, ...] = ()
    body: Path_ | None = None
    numbered: bool = False

    @property
    def raw(self) -> str:
        """The string as written: findings count their offsets in it."""
        return self.markup.raw

    @property
    def visible(self) -> Visible:
        """What a reader sees of it."""
        return self.markup.visible


@dataclass
class SectionNode:
    """A section with its path, nesting depth (1 = top of its body) and enclosing body."""

    section: Section
    path: Path_
    depth: int
    body: TextBody
    body_path: Path_
    parent: SectionNode | None


def sections(doc: Document) -> Iterator[SectionNode]:
    """Every section of every body, outermost first (document order)."""

    def walk(content: list[Block], path: Path_, depth: int, body: TextBody, bpath: Path_,
             parent: SectionNode | None) -> Iterator[SectionNode]:
        for i, block in enumerate(content):
            if isinstance(block, Section):
                node = SectionNode(block, (*path, i), depth, body, bpath, parent)
                yield node
                yield from walk(block.content, (*path, i, "content"), depth + 1, body, bpath, node)

    for body, bpath in bodies(doc):
        yield from walk(body.content, (*bpath, "content"), 1, body, bpath, None)


def paragraphs(body: TextBody, bpath: Path_) -> Iterator[tuple[Paragraph, Path_]]:
    """The paragraphs of one body in reading order, across sections."""

    def walk(content: list[Block], path: Path_) -> Iterator[tuple[Paragraph, Path_]]:
        for i, block in enumerate(content):
            if isinstance(block, Paragraph):
                yield block, (*path, i)
            elif isinstance(block, Section):
                yield from walk(block.content, (*path, i, "content"))

    yield from walk(body.content, (*bpath, "content"))


class _Context(TypedDict):
    """What a text node under a paragraph or in a list knows of where it stands."""

    sections: tuple[str, ...]
    body: Path_


def _items(items: list[Subparagraph], path: Path_, ctx: _Context) -> Iterator[TextNode]:
    for i, item in enumerate(items):
        yield TextNode(item.text, (*path, i, "text"), "item", **ctx)
        yield from _items(item.items, (*path, i, "items"), ctx)


def _bullets(items: list[BulletItem], path: Path_, ctx: _Context) -> Iterator[TextNode]:
    for i, item in enumerate(items):
        yield TextNode(item.text, (*path, i, "text"), "bullet", **ctx)
        yield from _bullets(item.bullets, (*path, i, "bullets"), ctx)


def _blocks(content: list[Block], path: Path_, body: TextBody, bpath: Path_, heads: tuple[str, ...]
            ) -> Iterator[TextNode]:
    ctx: _Context = {"sections": heads, "body": bpath}
    for i, block in enumerate(content):
        p = (*path, i)
        if isinstance(block, Paragraph):
            numbered = body.numbered_paragraphs and block.numbered
            yield TextNode(block.text, (*p, "text"), "paragraph", heads, bpath, numbered)
            yield from _items(block.items, (*p, "items"), ctx)
        elif isinstance(block, Section):
            yield TextNode(block.heading, (*p, "heading"), "heading", heads, bpath)
            yield from _blocks(block.content, (*p, "content"), body, bpath, (*heads, block.heading.visible.text))
        elif isinstance(block, Bullets):
            yield from _bullets(block.bullets, (*p, "bullets"), ctx)
        elif isinstance(block, Quote):
            for j, text in enumerate(block.quote):
                yield TextNode(text, (*p, "quote", j), "quote", **ctx)
        elif isinstance(block, Table):
            yield from _table(block, p, ctx)


def _table(table: Table, path: Path_, ctx: _Context) -> Iterator[TextNode]:
    """A table's texts: its title and unit line as titles, its cells, its source and note as running text. A cell
    that only gives a figure (or a dash) has no words for the text rules: the table rules read it (CD5xx)."""
    roles: dict[str, Role] = {"table": "title", "unit": "title", "source": "table-note", "note": "table-note"}
    for text, p in table_texts(table, path):
        role = roles.get(str(p[len(path)]), "cell")
        if role == "cell" and (not text.raw or figure(text.raw) is not None or is_nil(text.raw)):
            continue
        yield TextNode(text, p, role, **ctx)


def _resolution(res: Resolution) -> Iterator[TextNode]:
    """A resolution's texts: sponsors, title, organ, preambular and operative paragraphs with their items."""
    path: Path_ = ("resolution",)
    ctx: _Context = {"sections": (), "body": path}
    for i, sponsor in enumerate(res.sponsors):
        yield TextNode(sponsor, (*path, "sponsors", i), "sponsor")
    for key in ("submitted_by", "title", "organ"):
        value = getattr(res, key)
        if value is not None:
            yield TextNode(value, (*path, key), "organ" if key == "organ" else "title")
    for i, pre in enumerate(res.preamble):
        yield TextNode(pre.text, (*path, "preamble", i, "text"), "preamble", (), path)
        yield from _items(pre.items, (*path, "preamble", i, "items"), ctx)
    for i, op in enumerate(res.operative):
        yield TextNode(op.text, (*path, "operative", i, "text"), "operative", (), path, True)
        yield from _items(op.items, (*path, "operative", i, "items"), ctx)


def text_nodes(doc: Document) -> Iterator[TextNode]:
    """Every string of the document that is printed, in reading order."""
    letter = doc.letter
    if letter is not None:
        for key in ("title", "sender", "addressee", "transmits"):
            value = getattr(letter, key)
            if value:
                yield TextNode(value, ("letter", key), "letter-title")
        for key, value in letter.phrases.items():
            yield TextNode(value, ("letter", "phrases", key), "letter-title")
        if letter.title_note:  # a footnote's text, checked as running text
            yield TextNode(letter.title_note, ("letter", "title_note"), "letter")
        for i, block in enumerate(letter.paragraphs):
            if isinstance(block, Table):
                yield from _table(block, ("letter", "paragraphs", i), {"sections": (), "body": ("letter",)})
            else:
                yield TextNode(block, ("letter", "paragraphs", i), "letter")
        if isinstance(letter.circulation_request, Markup):
            yield TextNode(letter.circulation_request, ("letter", "circulation_request"), "letter")
        if letter.closing:
            yield TextNode(letter.closing, ("letter", "closing"), "letter")
        for i, sig in enumerate(letter.signatories):
            yield TextNode(sig.name, ("letter", "signatories", i, "name"), "signature")
            for j, title in enumerate(sig.titles):
                yield TextNode(title, ("letter", "signatories", i, "titles", j), "signature")
    if doc.corrigendum is not None:
        yield TextNode(doc.corrigendum.corrects, ("corrigendum", "corrects"), "title")
        for i, c in enumerate(doc.corrigendum.corrections):
            path = ("corrigendum", "corrections", i)
            yield TextNode(c.where, (*path, "where"), "heading")
            for key in ("for", "read", "delete", "insert", "after"):
                text = getattr(c, "for_" if key == "for" else key)
                if text is not None:
                    yield TextNode(text, (*path, key), "quote")
    if doc.resolution is not None:
        yield from _resolution(doc.resolution)
    for body, bpath in bodies(doc):
        if body.title:
            yield TextNode(body.title, (*bpath, "title"), "title", (), bpath)
        title_note = getattr(body, "title_note", None)  # a report's; an annex has none
        if title_note:
            yield TextNode(title_note, (*bpath, "title_note"), "letter", (), bpath)
        yield from _blocks(body.content, (*bpath, "content"), body, bpath, ())
