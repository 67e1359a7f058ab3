"""One language version as the sequence every version must share: its blocks (paragraphs, headings by level,
subparagraphs, bullets, quotations, annexes, signatories, the letter's title parts) and its footnotes, each
with its facts and the outline path it was written at."""

from __future__ import annotations

from dataclasses import dataclass, field

from cddraft.check.align.facts import Fact, facts
from cddraft.check.walk import TextNode, text_nodes
from cddraft.errors import Path_
from cddraft.model.document import Document
from cddraft.model.inline import Ref
from cddraft.model.visible import Visible
from cddraft.model.walk import iter_ids


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


def units(doc: Document) -> tuple[list[Unit], list[Note]]:
    """The blocks of ``doc`` in reading order (an ``annex`` block where each annex starts) and its footnotes."""
    out: list[Unit] = []
    notes: list[Note] = []
    ids = {path[:-1]: ident for ident, path, _ in iter_ids(doc)}  # the block's path → its id
    body = None
    for node in text_nodes(doc):
        if node.role == "signature" and node.path[-2] == "titles":
            continue  # a signatory's titles are read with the name: their wording is the version's
        if node.path[:2] == ("letter", "phrases"):
            continue  # the title's grammar, which only some languages need to be told
        if node.body != body and node.body is not None and node.body[0] == "annexes":
            out.append(Unit("annex", node.body, None))
        body = node.body
        visible = node.visible
        refs = tuple(s.target for s in node.markup.spans if isinstance(s, Ref))
        unit = Unit(_kind(node), node.path, node, facts(visible.text, doc.language), refs, ids.get(node.path[:-1]))
        out.append(unit)
        for call in visible.notes:
            notes.append(Note(len(out) - 1, call.visible, facts(call.visible.text, doc.language), call.raw))
    return out, notes
