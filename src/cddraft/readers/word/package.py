"""The parts of a Word file the importer reads: the body, footnotes, styles, numbering, footers, properties.

The package is read through :func:`~cddraft.readers.docx_package.read_docx_bytes` (zip bombs, encrypted and
broken files refused before anything parses them) and each part with a parser that resolves no entity.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cddraft import namespaces as ns
from cddraft.model.inline import FORBIDDEN_CHARACTERS
from cddraft.readers.docx_package import main_part, read_docx_parts
from cddraft.readers.word.autonumber import Numbering, follow_links, read_numbering
from cddraft.readers.word.strict import is_strict, to_transitional
from cddraft.readers.word.styles import UNOG_STYLES, WordStyle, header_styles, read_styles
from cddraft.readers.word.values import printable, quoted, whole_number

__all__ = ["NS", "UNOG_STYLES", "Parts", "W", "WordStyle", "paragraphs_text", "path", "read_parts", "w"]

W, R = ns.W, ns.R
NS = ns.PREFIXES


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
_NUMID, _ILVL = path("w:numId"), path("w:ilvl")


@dataclass
class Parts:
    """The parsed parts: ``body`` is ``w:body``; the others are looked up by id."""

    body: etree._Element
    footnotes: dict[str, etree._Element] = field(default_factory=dict)
    endnotes: dict[str, etree._Element] = field(default_factory=dict)
    styles: dict[str, WordStyle] = field(default_factory=dict)
    numbering: Numbering = field(default_factory=Numbering)
    footers: list[etree._Element] = field(default_factory=list)  # the first-page footer first, when set
    language: str | None = None  # dc:language or the default w:lang
    script_languages: tuple[str, ...] = ()  # the default w:lang's complex-script and East Asian languages
    comments: dict[str, str] = field(default_factory=dict)  # comment id → its text (quoted where it is dropped)
    repaired: list[str] = field(default_factory=list)  # characters an outline cannot hold, and what became of them
    header_styles: frozenset[str] = frozenset()  # table styles that set their first row apart (a row of heads)
    strict: bool = False  # written in Strict Open XML (read through its Transitional names)

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

    def num_pr(self, numpr: etree._Element | None, style: WordStyle | None) -> tuple[str | None, int | None] | None:
        """A paragraph's numbering (numId, ilvl) from its own ``w:numPr`` (``numpr``), else its style's (or the
        style that one is based on); None when it has none. A numId of "0" switches numbering off."""
        if numpr is None:
            return style.num if style is not None else None
        num, lvl = numpr.find(_NUMID), numpr.find(_ILVL)
        level = whole_number(lvl.get(_VAL)) if lvl is not None else None
        if num is not None:
            return num.get(_VAL), level
        return (style.num[0] if style is not None and style.num else None), level

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


def _printable(root: etree._Element) -> list[str]:
    """Take out of the part's texts the characters an outline cannot hold (:func:`printable`): what was done,
    with the paragraph it was done in."""
    notes: list[str] = []
    for t in root.iter(_T, _DEL_TEXT, _INSTR_TEXT):
        if t.text and FORBIDDEN_CHARACTERS.search(t.text):
            t.text, done = printable(t.text)
            p = next(t.iterancestors(_P), None)
            where = " ".join("".join(x.text or "" for x in p.iter(_T)).split()) if p is not None else t.text
            notes += [f"{note} in {quoted(where, 60)}" for note in done]
    return notes


#: The relationship types of the main part's parts, by the last segment of their type (Transitional or Strict).
_PART_TYPES = ("styles", "numbering", "footnotes", "endnotes", "comments")


def _relationships(root: etree._Element | None) -> list[tuple[str, str, str]]:
    """(id, type's last segment, target) of each internal relationship in a ``.rels`` part."""
    if root is None:
        return []
    return [(r.get("Id") or "", (r.get("Type") or "").rsplit("/", 1)[-1], r.get("Target") or "")
            for r in root.iterfind("pr:Relationship", NS) if r.get("TargetMode") != "External"]


def read_parts(path: Path) -> Parts:
    """Parse the parts of the Word file at ``path`` (refused with an error when it is not a sound one). The main
    part is the one the package's relationships name (not necessarily ``word/document.xml``), and the parts it
    uses are found through its own relationships; a Strict Open XML file is read through its Transitional names."""
    raw, parsed = read_docx_parts(path)  # every XML part parsed once, by the safety check
    main = main_part(parsed.get("_rels/.rels"))
    folder = posixpath.dirname(main)
    strict = False
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        names = set(zf.namelist())

        def part(name: str | None) -> etree._Element | None:
            if name is None:
                return None
            if name in parsed:
                return parsed[name]
            return etree.fromstring(zf.read(name), _parser()) if name in names else None

        def target(relative: str) -> str:
            """A relationship's target as a part name (relative to the main part's folder, or absolute)."""
            relative = relative.replace("\\", "/")
            joined = relative.lstrip("/") if relative.startswith("/") else posixpath.join(folder, relative)
            return posixpath.normpath(joined)

        for name, root in parsed.items():
            if name.endswith(".xml") and is_strict(root):
                to_transitional(root)
                strict = True
        document = part(main)
        body = document.find("w:body", NS) if document is not None else None
        parts = Parts(body if body is not None else etree.Element(w("body")), strict=strict)
        for name in sorted(n for n in parsed if n.endswith(".xml")):
            parts.repaired += _printable(parsed[name])
        relationships = _relationships(part(f"{folder}/_rels/{posixpath.basename(main)}.rels".lstrip("/")))
        found = {kind: target(t) for _, kind, t in reversed(relationships) if kind in _PART_TYPES}

        def named(kind: str) -> etree._Element | None:
            return part(found.get(kind) or posixpath.join(folder, f"{kind}.xml"))

        notes = named("footnotes")
        if notes is not None:
            parts.footnotes = {n.get(w("id")): n for n in notes.iterfind("w:footnote", NS)}
        endnotes = named("endnotes")
        if endnotes is not None:
            parts.endnotes = {n.get(w("id")): n for n in endnotes.iterfind("w:endnote", NS)}
        styles = named("styles")
        parts.styles = read_styles(styles)
        parts.header_styles = header_styles(styles)
        parts.numbering = read_numbering(named("numbering"))
        if parts.numbering.links:
            follow_links(parts.numbering, {sid: s.num[0] or "" for sid, s in parts.styles.items() if s.num})
        targets = {rid: t for rid, kind, t in relationships if kind == "footer"}
        refs = list(body.iter(w("footerReference"))) if body is not None else []
        ids = [r.get(f"{{{R}}}id") for r in refs if r.get(w("type")) == "first"]
        ids += [r.get(f"{{{R}}}id") for r in refs]
        for rid in dict.fromkeys(ids):
            where = targets.get(rid or "")
            try:
                footer = part(target(where)) if where else None
            except etree.XMLSyntaxError:  # a footer relationship to a part that is not XML: no footer read
                footer = None
            if footer is not None and footer.tag == w("ftr"):
                parts.footers.append(footer)
        core = part("docProps/core.xml")
        lang = core.find("dc:language", NS) if core is not None else None
        default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS) if styles is not None else None
        parts.language = (lang.text if lang is not None and lang.text else
                          default.get(w("val")) if default is not None else None)
        if default is not None:
            parts.script_languages = tuple(v for k in ("bidi", "eastAsia") if (v := default.get(w(k))))
        comments = named("comments")
        if comments is not None:
            parts.comments = {c.get(w("id"), ""): paragraphs_text(c) for c in comments.iterfind("w:comment", NS)}
    return parts


_M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
_SPACES = (w("tab"), w("br"), w("cr"))


def paragraphs_text(el: etree._Element) -> str:
    """The text of ``el``'s paragraphs (a text box, a note, a comment): each paragraph's runs joined (a tab or a line
    break as a space, an equation as its text), the paragraphs joined by a space."""
    texts = []
    for p in el.iter(_P):
        texts.append("".join((t.text or "") if t.tag in (_T, _M_T) else " " for t in p.iter(_T, _M_T, *_SPACES)))
    return " ".join(" ".join(texts).split())
