"""The parts of a Word file the importer reads: the body, footnotes, styles, numbering, footers, properties.

The package is read through :func:`~cddraft.readers.docx_package.read_docx_bytes` (zip bombs, encrypted and
broken files refused before anything parses them) and each part with a parser that resolves no entity.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cddraft import namespaces as ns
from cddraft.model.inline import FORBIDDEN_CHARACTERS
from cddraft.readers.docx_package import read_docx_parts
from cddraft.readers.word.values import printable, whole_number

W, R = ns.W, ns.R
NS = ns.PREFIXES


#: The UNOG style set's ids: the contract (their names vary: "_ H _Ch_G" in the genuine template).
UNOG_STYLES = {"hchg", "h1g", "h23g", "h4g", "h56g", "singletxtg", "bullet1g", "bullet2g", "xlargeg"}


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` → ``{…main}p``."""
    return f"{{{W}}}{tag}"


def path(prefixed: str) -> str:
    """``w:pPr/w:pStyle`` in Clark notation, for ``find``: a path with no namespace map is compiled once and
    cached by lxml (the hot paths of the importer look up a few properties of every paragraph)."""
    return re.sub(r"\bw:", f"{{{W}}}", prefixed)


_PSTYLE, _OUTLINE = path("w:pPr/w:pStyle"), path("w:pPr/w:outlineLvl")
_PPR, _PSTYLE_TAG, _VAL = path("w:pPr"), path("w:pStyle"), path("w:val")
_P, _T, _DEL_TEXT, _INSTR_TEXT = path("w:p"), path("w:t"), path("w:delText"), path("w:instrText")


@dataclass
class WordStyle:
    """A style of the Word file being imported, as much as tells what a paragraph is: its name, heading level and
    parent (the styles cddraft writes are :class:`cddraft.layout.Style`)."""

    name: str  # lower case: a UNOG style's id ("hchg"), else the style's name ("heading 1", "quote")
    outline_level: int | None  # 0-8 when the style is a heading level
    based_on: str | None


@dataclass
class Parts:
    """The parsed parts: ``body`` is ``w:body``; the others are looked up by id."""

    body: etree._Element
    footnotes: dict[str, etree._Element] = field(default_factory=dict)
    styles: dict[str, WordStyle] = field(default_factory=dict)
    numbering: dict[tuple[str, int], str] = field(default_factory=dict)  # (numId, level) → numFmt
    footers: list[etree._Element] = field(default_factory=list)  # the first-page footer first, when set
    language: str | None = None  # dc:language or the default w:lang
    comments: dict[str, str] = field(default_factory=dict)  # comment id → its text (quoted where it is dropped)
    repaired: list[str] = field(default_factory=list)  # characters an outline cannot hold, and what became of them

    def style_of(self, p: etree._Element) -> WordStyle | None:
        ppr = p[0] if len(p) and p[0].tag == _PPR else None
        # w:pStyle comes first in w:pPr (the schema's order): looked at before searching
        sid = ppr[0] if ppr is not None and len(ppr) and ppr[0].tag == _PSTYLE_TAG else p.find(_PSTYLE)
        return self.styles.get(sid.get(_VAL)) if sid is not None else self.styles.get("")

    def outline_level(self, p: etree._Element) -> int | None:
        """The paragraph's heading level (0 = Heading 1): its own, else its style's, else the style it is
        based on."""
        own = p.find(_OUTLINE)
        if own is not None:
            return whole_number(own.get(w("val")))
        return self.style_level(self.style_of(p))

    def style_level(self, style: WordStyle | None) -> int | None:
        """The heading level a style gives (its own, or the style it is based on)."""
        seen = 0
        while style is not None and seen < 10:
            if style.outline_level is not None:
                return style.outline_level
            style, seen = self.styles.get(style.based_on or "\0"), seen + 1
        return None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True)


def _styles(root: etree._Element | None) -> dict[str, WordStyle]:
    out: dict[str, WordStyle] = {}
    if root is None:
        return out
    for s in root.iterfind("w:style", NS):
        name = s.find("w:name", NS)
        level = s.find("w:pPr/w:outlineLvl", NS)
        based = s.find("w:basedOn", NS)
        sid = s.get(w("styleId"), "")
        shown = (name.get(w("val")) if name is not None else sid).lower()
        style = WordStyle(sid.lower() if sid.lower() in UNOG_STYLES else shown,
                      whole_number(level.get(w("val"))) if level is not None else None,
                      based.get(w("val")) if based is not None else None)
        out[sid] = style
        if s.get(w("default")) in ("1", "true") and s.get(w("type")) == "paragraph":
            out[""] = style
    for sid, style in list(out.items()):  # Word's built-in headings carry their level by name
        m = re.fullmatch(r"heading (\d)", style.name)
        if m and style.outline_level is None:
            out[sid] = WordStyle(style.name, int(m.group(1)) - 1, style.based_on)
    return out


def _numbering(root: etree._Element | None) -> dict[tuple[str, int], str]:
    if root is None:
        return {}
    abstract = {}
    for a in root.iterfind("w:abstractNum", NS):
        abstract[a.get(w("abstractNumId"))] = {
            whole_number(lvl.get(w("ilvl"))) or 0: (lvl.find("w:numFmt", NS).get(w("val")) if lvl.find("w:numFmt", NS)
                                              is not None else "decimal") for lvl in a.iterfind("w:lvl", NS)}
    out = {}
    for num in root.iterfind("w:num", NS):
        ref = num.find("w:abstractNumId", NS)
        for level, fmt in abstract.get(ref.get(w("val")) if ref is not None else "", {}).items():
            out[(num.get(w("numId")), level)] = fmt
    return out


def _printable(root: etree._Element) -> list[str]:
    """Take out of the part's texts the characters an outline cannot hold (:func:`printable`): what was done,
    with the paragraph it was done in."""
    notes: list[str] = []
    for t in root.iter(_T, _DEL_TEXT, _INSTR_TEXT):
        if t.text and FORBIDDEN_CHARACTERS.search(t.text):
            t.text, done = printable(t.text)
            p = next(t.iterancestors(_P), None)
            where = " ".join("".join(x.text or "" for x in p.iter(_T)).split()) if p is not None else t.text
            notes += [f"{note} in {where[:60]!r}" for note in done]
    return notes


def read_parts(path: Path) -> Parts:
    """Parse the parts of the Word file at ``path`` (refused with an error when it is not a sound one)."""
    raw, parsed = read_docx_parts(path)  # every XML part parsed once, by the safety check
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        names = set(zf.namelist())

        def part(name: str) -> etree._Element | None:
            if name in parsed:
                return parsed[name]
            return etree.fromstring(zf.read(name), _parser()) if name in names else None

        document = part("word/document.xml")
        body = document.find("w:body", NS) if document is not None else None
        parts = Parts(body if body is not None else etree.Element(w("body")))
        for name in sorted(n for n in parsed if n.startswith("word/") and n.endswith(".xml")):
            parts.repaired += _printable(parsed[name])
        notes = part("word/footnotes.xml")
        if notes is not None:
            parts.footnotes = {n.get(w("id")): n for n in notes.iterfind("w:footnote", NS)}
        styles = part("word/styles.xml")
        parts.styles = _styles(styles)
        parts.numbering = _numbering(part("word/numbering.xml"))
        rels = part("word/_rels/document.xml.rels")
        targets = {r.get("Id"): r.get("Target") for r in rels.iterfind("pr:Relationship", NS)} if rels is not None \
            else {}
        refs = list(body.iter(w("footerReference"))) if body is not None else []
        ids = [r.get(f"{{{R}}}id") for r in refs if r.get(w("type")) == "first"]
        ids += [r.get(f"{{{R}}}id") for r in refs]
        for rid in dict.fromkeys(ids):
            target = targets.get(rid)
            try:
                footer = part("word/" + target.lstrip("/").removeprefix("word/")) if target else None
            except etree.XMLSyntaxError:  # a footer relationship to a part that is not XML: no footer read
                footer = None
            if footer is not None and footer.tag == w("ftr"):
                parts.footers.append(footer)
        core = part("docProps/core.xml")
        lang = core.find("dc:language", NS) if core is not None else None
        default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS) if styles is not None else None
        parts.language = (lang.text if lang is not None and lang.text else
                          default.get(w("val")) if default is not None else None)
        comments = part("word/comments.xml")
        if comments is not None:
            parts.comments = {c.get(w("id"), ""): " ".join("".join(c.itertext()).split())
                              for c in comments.iterfind("w:comment", NS)}
    return parts
