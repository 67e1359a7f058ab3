"""A Word file checked as it is (made by cddraft, edited in Word, or made otherwise): opened, its language told,
and the .docx rules (:mod:`cddraft.check.rules.wordfile`) run on it by :func:`check_docx`.

The file is read with :func:`cddraft.readers.docx_package.read_docx_bytes`, which refuses what is not a Word
package, zip bombs and oversized parts, then opened with python-docx. The version's language is taken from the
document's properties, or else guessed from the script of its text, to pick the fonts and direction its
conventions expect. A .docx has no lines: findings name a paragraph (:meth:`DocxContext.where`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from cddraft import namespaces as ns
from cddraft.check.registry import rules_for
from cddraft.conventions import Conventions, load_conventions
from cddraft.errors import CddraftError, Diagnostic
from cddraft.languages import LANGUAGES
from cddraft.readers.docx_package import read_docx_bytes

if TYPE_CHECKING:  # python-docx is imported where a .docx is opened: `cddraft check` of outlines loads these rules
    from docx.document import Document as DocxDocument

W = ns.W
NS = {"w": W}
def _scripts() -> list[tuple[str, re.Pattern[str]]]:
    """The languages recognisable by their script, with its letters (conventions ``text.script``)."""
    return [(code, re.compile(conv.text.script)) for code in LANGUAGES
            if (conv := load_conventions(code)).text.script]


def q(tag: str) -> str:
    """``w:pStyle`` → Clark notation."""
    prefix, _, local = tag.partition(":")
    return f"{{{W}}}{local}" if prefix == "w" else tag


@dataclass
class DocxContext:
    """An opened .docx, its language and conventions, and its body paragraphs in order."""

    path: str
    document: DocxDocument
    lang: str = field(init=False)
    conv: Conventions = field(init=False)

    def __post_init__(self) -> None:
        self.lang = guess_language(self.document)
        self.conv = load_conventions(self.lang)

    @property
    def body(self) -> etree._Element:
        return self.document.element.body

    def paragraphs(self, *, in_tables: bool = False) -> list[etree._Element]:
        """Body paragraphs in document order (top level only unless ``in_tables``)."""
        if in_tables:
            return list(self.body.iter(q("w:p")))
        return [p for p in self.body if p.tag == q("w:p")]

    @staticmethod
    def text(p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(q("w:t")))

    def where(self, p: etree._Element) -> str:
        """"paragraph 12 (“Introduction…”)": how a finding names a place in a .docx."""
        n = self.paragraphs(in_tables=True).index(p) + 1
        text = self.text(p).strip()
        return f"paragraph {n} (“{text[:30]}{'…' if len(text) > 30 else ''}”)"


def guess_language(document: DocxDocument) -> str:
    """The version language: the core properties' language, else the dominant script, else English."""
    tag = (document.core_properties.language or "").split("-")[0].lower()
    if tag in LANGUAGES:
        return tag
    text = "".join(t.text or "" for t in document.element.body.iter(q("w:t")))
    counts = {lang: len(rx.findall(text)) for lang, rx in _scripts()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > len(text) // 4 else "en"


def open_docx(path: Path) -> DocxDocument:
    """Open a .docx safely; every failure is a :class:`CddraftError` (exit 2)."""
    if not path.exists():
        raise CddraftError([Diagnostic("no such file", file=str(path))])
    import docx

    raw = read_docx_bytes(path)
    try:
        return docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise CddraftError([Diagnostic(f"cannot open the Word file: {exc}", file=str(path))]) from None


def footnote_ids(document: DocxDocument) -> set[str] | None:
    """Ids of the notes in the footnotes part, or None when the package has no such part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            return {n.get(q("w:id")) for n in root.iter(q("w:footnote"))}
    return None


def check_docx(path: Path, *, disable: AbstractSet[str] = frozenset()) -> list[Diagnostic]:
    """Run the enabled .docx rules; findings name a paragraph, as a .docx has no lines."""
    ctx = DocxContext(str(path), open_docx(path))
    out: list[Diagnostic] = []
    for r in rules_for("docx", disabled=disable):
        for finding in r.check(ctx.document, ctx):
            out.append(Diagnostic(finding.message, severity=r.severity, code=r.code, file=str(path)))
    return out
