"""What a rule receives besides the document: the version's conventions and its text nodes; what a compare rule
receives (the two states of a document)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cddraft.check.registry import Finding
from cddraft.check.walk import TextNode, text_nodes
from cddraft.conventions import Conventions, load_conventions
from cddraft.model.document import Document
from cddraft.model.visible import Visible


@dataclass
class Context:
    """Shared, computed-once inputs of the rules of one outline."""

    doc: Document
    conv: Conventions = field(init=False)
    nodes: list[TextNode] = field(init=False)

    def __post_init__(self) -> None:
        self.conv = load_conventions(self.doc.language)
        self.nodes = list(text_nodes(self.doc))

    @property
    def lang(self) -> str:
        return self.doc.language

    def texts(self, *roles: str) -> Iterator[TextNode]:
        """Text nodes of the given roles (all when none is given)."""
        return (n for n in self.nodes if not roles or n.role in roles)

    def visible_texts(self, *roles: str) -> Iterator[tuple[TextNode, Visible]]:
        """Each node's visible text, then the text of each of its footnotes."""
        for node in self.texts(*roles):
            yield node, node.visible
            for note in node.visible.notes:
                yield node, note.visible

    @staticmethod
    def at(node: TextNode, flat: Visible, index: int, message: str) -> Finding:
        """A finding on visible character ``index`` of ``flat`` (the node's text or a footnote)."""
        return Finding(node.path, message, offset=flat.raw_offset(index), text=node.raw)


@dataclass(frozen=True)
class Compared:
    """What a ``compare`` rule receives: two states of one document, OLD and NEW (``cddraft diff``, ``cddraft
    corrigendum``), and the file OLD was read from (to name it). Its findings are in NEW's outline."""

    old: Document
    new: Document
    old_file: str
