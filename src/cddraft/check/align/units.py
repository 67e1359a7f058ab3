"""One language version as the sequence every version must share: its blocks (paragraphs, headings by level,
subparagraphs, bullets, quotations, tables with their unit line, source and note, annexes, signatories, the
letter's title parts) and its footnotes, each with its facts and the outline path it was written at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cddraft.check.align.facts import Fact, facts
from cddraft.check.walk import TextNode, text_nodes
from cddraft.errors import Path_
from cddraft.model.blocks import Section
from cddraft.model.document import Document
from cddraft.model.inline import Ref
from cddraft.model.table import Table
from cddraft.model.visible import Visible
from cddraft.model.walk import bodies, iter_ids, iter_tables


@dataclass
class Note:
    """A footnote: the block that calls it (its index), its text and facts."""

    host: int
    visible: Visible
    facts: list[Fact]
    raw: int  # the written offset of its ``^`` in the host's string


@dataclass
class Unit:
    """One block of a version: what it is (``paragraph``, ``heading 2``, ``item 1`` …), its text and facts."""

    kind: str
    path: Path_
    node: TextNode | None
    facts: list[Fact] = field(default_factory=list)
    refs: tuple[str, ...] = ()
    ident: str | None = None
    table: Table | None = None  # a ``table`` block's table (its ``path`` is the table's, or its title's)
    table_path: Path_ = ()

    @property
    def signature(self) -> tuple:
        """Its facts by kind and value, in any order: two blocks stating the same facts have one signature."""
        seen = self.__dict__.get("_signature")
        if seen is None:
            seen = self.__dict__["_signature"] = tuple(sorted((f.kind, f.value) for f in self.facts))
        return seen

    @property
    def text(self) -> str:
        return self.node.visible.text if self.node is not None else ""

    @property
    def raw(self) -> str | None:
        return self.node.raw if self.node is not None else None


def _kind(node: TextNode) -> str:
    after = node.path[len(node.body or ()):]
    if node.role == "heading":
        return f"heading {after.count('content')}"
    if node.role == "item":
        return f"subparagraph {after.count('items')}"
    if node.role == "bullet":
        return f"bullet {after.count('bullets')}"
    if node.role in ("letter", "paragraph"):
        return "paragraph"
    if node.role == "signature":
        return "signatory" if node.path[-1] == "name" else "signature title"
    if node.role == "letter-title":
        return f"title: {node.path[-1]}"
    return node.role


@dataclass
class _TableAt:
    """A table in the reading order: the table, its path and the body it stands in."""

    table: Table
    path: Path_
    body: Path_


def _block_order(doc: Document) -> dict[Path_, tuple[int, int]]:
    """Each block's place in reading order: (its body, its rank in a walk of the body's blocks)."""
    order: dict[Path_, tuple[int, int]] = {}

    def walk(content: list, path: Path_, b: int) -> None:
        for i, block in enumerate(content):
            order[(*path, i)] = (b, len(order))
            if isinstance(block, Section):
                walk(block.content, (*path, i, "content"), b)

    for b, (body, bpath) in enumerate(bodies(doc)):
        order[bpath] = (b, -1)  # the body's title and note come before its blocks
        walk(body.content, (*bpath, "content"), b)
    return order


def _reading_order(doc: Document) -> Iterator[TextNode | _TableAt]:
    """The text nodes, each table in their stead: where the text walk reads the table's texts, or (a walk that
    does not read tables) before the first text that follows it."""
    tables = list(iter_tables(doc))
    if not tables:
        yield from text_nodes(doc)
        return
    order = _block_order(doc)
    scopes = [bpath for _, bpath in bodies(doc)]
    waiting = [_TableAt(table, path, next((b for b in scopes if path[:len(b)] == b), path[:1]))
               for table, path in tables]
    at = {t.path: k for k, t in enumerate(waiting)}
    k = 0  # the next table to yield (they come in reading order)
    for node in text_nodes(doc):
        inside = next((at[node.path[:n]] for n in range(1, len(node.path)) if node.path[:n] in at), None)
        if inside is not None:  # a text of a table: the table, once
            while k <= inside:
                yield waiting[k]
                k += 1
            continue
        place = next((order[node.path[:n]] for n in range(len(node.path), 0, -1) if node.path[:n] in order),
                     (-1, -1))  # a letter's or a corrigendum's text: before every body
        while k < len(waiting) and waiting[k].path in order and order[waiting[k].path] < place:
            yield waiting[k]
            k += 1
        yield node
    yield from waiting[k:]


def _table_units(at: _TableAt, doc: Document, ident: str | None) -> list[Unit]:
    """A table's blocks: the table (read with its title, when it has one), its unit line, source and note."""
    table, path = at.table, at.path
    out: list[Unit] = []
    for key in ("table", "unit", "source", "note"):
        text = getattr(table, key)
        if key != "table" and text is None:
            continue
        kind = "table" if key == "table" else f"table {key}"
        node = TextNode(text, (*path, key), "paragraph", body=at.body) if text is not None else None
        unit = Unit(kind, node.path if node else path, node, facts(node.visible.text, doc.language) if node else [],
                    tuple(s.target for s in text.spans if isinstance(s, Ref)) if text is not None else (),
                    ident if key == "table" else None, table if key == "table" else None, path)
        out.append(unit)
    return out


def units(doc: Document) -> tuple[list[Unit], list[Note]]:
    """The blocks of ``doc`` in reading order (an ``annex`` block where each annex starts) and its footnotes."""
    out: list[Unit] = []
    notes: list[Note] = []
    ids = {path[:-1]: ident for ident, path, _ in iter_ids(doc)}  # the block's path → its id
    body = None
    for entry in _reading_order(doc):
        if isinstance(entry, TextNode):
            if entry.role == "signature" and entry.path[-2] == "titles":
                continue  # a signatory's titles are read with the name: their wording is the version's
            if entry.path[:2] == ("letter", "phrases"):
                continue  # the title's grammar, which only some languages need to be told
        if entry.body != body and entry.body is not None and entry.body[0] == "annexes":
            out.append(Unit("annex", entry.body, None))
        body = entry.body
        if isinstance(entry, _TableAt):
            made = _table_units(entry, doc, ids.get(entry.path))
        else:
            refs = tuple(s.target for s in entry.markup.spans if isinstance(s, Ref))
            made = [Unit(_kind(entry), entry.path, entry, facts(entry.visible.text, doc.language), refs,
                         ids.get(entry.path[:-1]))]
        for unit in made:
            out.append(unit)
            if unit.node is None:
                continue
            for call in unit.node.visible.notes:  # a table's cells call the table's own notes: not read here
                notes.append(Note(len(out) - 1, call.visible, facts(call.visible.text, doc.language), call.raw))
    return out, notes
