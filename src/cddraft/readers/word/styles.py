"""The styles of the Word file being imported: what each paragraph style tells of a paragraph — a UN style of the
Geneva or New York template in any of its language variants, a heading level, a list it numbers.

The UN templates name their styles by family: the Geneva ("G") set ``_ H _Ch_G`` (id ``HChG``), ``_ H_1_G``,
``_ H_2/3_G``, ``_ H_4_G``, ``_ H_5/6_G``, ``_ Single Txt_G``, ``_ ParaNo._G``, ``_Bullet 1_G``; the New York set the
same without the ``G`` (``_ H _Ch``, ``__Single Txt``, id ``HCh``, ``SingleTxt``); and the language versions of the
templates add a letter (``HChGR``, ``SingleTxtGA``) or a prefix (``Reg_H__Ch_G``, ``Anno_ Single Txt_G``). Each is read
as its family's Geneva id (``hchg``, ``singletxtg`` …), so that the rest of the reader knows one name a family
(docs/un-conventions.md §4.1d).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from cddraft import namespaces as ns
from cddraft.readers.word.values import whole_number

NS = ns.PREFIXES
_W = ns.W


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


#: cddraft's own style ids beyond the UN families (its table styles), kept as they are.
OWN_STYLES = {"xlargeg", "tablenog", "tabletitleg", "tableunitg", "tabletextg"}
#: The UN style families: the compacted name (lower case, letters and digits) → the Geneva id it is read as.
_FAMILIES = {"hch": "hchg", "h1": "h1g", "h23": "h23g", "h4": "h4g", "h56": "h56g", "singletxt": "singletxtg",
             "parano": "paranog", "bullet1": "bullet1g", "bullet2": "bullet2g", "dash1": "bullet2g",
             "dash2": "bullet2g", "xlarge": "xlargeg"}
#: Template prefix (Reg_, Anno_), family, template letter (G: Geneva; none: New York), language letter(s), and a
#: digit some variants add (``Reg_Single Txt_G2``).
_FAMILY = re.compile(r"^(?:reg|anno)?(" + "|".join(sorted(_FAMILIES, key=len, reverse=True))
                     + r")(g)?(a|c|e|f|r|s|ar|zh|ch|en|fr|ru|es|sp)?[0-9]?$")
UNOG_STYLES = set(_FAMILIES.values()) | OWN_STYLES


def un_family(*names: str | None) -> str | None:
    """The Geneva id of the UN style family one of ``names`` (a style's id, its display name) belongs to."""
    for name in names:
        if not name:
            continue
        compact = re.sub(r"[^a-z0-9]", "", name.lower())
        if compact in OWN_STYLES:
            return compact
        found = _FAMILY.match(compact)
        # a bare "H1" or "H4" is as likely HTML's heading: New York's is known by its display name, "_ H_1"
        if found and (found.group(2) or found.group(3) or "_" in name or found.group(1) not in ("h1", "h4")):
            return _FAMILIES[found.group(1)]
    return None


@dataclass
class WordStyle:
    """A style of the Word file being imported, as much as tells what a paragraph is: its name, heading level,
    parent and the list it numbers (the styles cddraft writes are :class:`cddraft.layout.Style`)."""

    name: str  # lower case: a UN family's Geneva id ("hchg"), else the style's name ("heading 1", "quote")
    outline_level: int | None  # 0-8 when the style is a heading level
    based_on: str | None
    num: tuple[str | None, int | None] | None = None  # its w:numPr, or the one of the style it is based on


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None] | None:
    numpr = ppr.find("w:numPr", NS) if ppr is not None else None
    if numpr is None:
        return None
    num, lvl = numpr.find("w:numId", NS), numpr.find("w:ilvl", NS)
    return (num.get(_w("val")) if num is not None else None,
            whole_number(lvl.get(_w("val"))) if lvl is not None else None)


def read_styles(root: etree._Element | None) -> dict[str, WordStyle]:
    """Paragraph and character styles by id; the default paragraph style also under ``""``."""
    out: dict[str, WordStyle] = {}
    if root is None:
        return out
    for s in root.iterfind("w:style", NS):
        name = s.find("w:name", NS)
        ppr = s.find("w:pPr", NS)
        level = ppr.find("w:outlineLvl", NS) if ppr is not None else None
        based = s.find("w:basedOn", NS)
        sid = s.get(_w("styleId"), "")
        shown = (name.get(_w("val")) if name is not None else sid) or ""
        family = un_family(sid, shown) if s.get(_w("type"), "paragraph") == "paragraph" else None
        heading = re.fullmatch(r"heading ([1-9])", shown.lower())
        outline = whole_number(level.get(_w("val"))) if level is not None else None
        if outline is None and heading:  # Word's built-in headings carry their level by name
            outline = int(heading.group(1)) - 1
        style = WordStyle(family or shown.lower(), outline, based.get(_w("val")) if based is not None else None,
                          _num_pr(ppr))
        out[sid] = style
        if s.get(_w("default")) in ("1", "true") and s.get(_w("type")) == "paragraph":
            out[""] = style
    for style in out.values():  # a style numbers its paragraphs as the style it is based on does, unless it says
        at: WordStyle | None = style
        seen = 0
        while style.num is None and at is not None and seen < 10:
            style.num = at.num
            at, seen = out.get(at.based_on or "\0"), seen + 1
    return out


def header_styles(root: etree._Element | None) -> frozenset[str]:
    """The ids of the table styles with a look of their own for the first row (``w:tblStylePr type=firstRow``),
    themselves or through the style they are based on."""
    if root is None:
        return frozenset()
    based: dict[str, str | None] = {}
    own: set[str] = set()
    for s in root.iterfind("w:style", NS):
        if s.get(_w("type")) != "table":
            continue
        sid = s.get(_w("styleId"), "")
        parent = s.find("w:basedOn", NS)
        based[sid] = parent.get(_w("val")) if parent is not None else None
        if any(c.get(_w("type")) == "firstRow" for c in s.iterfind("w:tblStylePr", NS)):
            own.add(sid)
    out = set()
    for sid in based:
        at: str | None = sid
        for _ in range(10):  # a chain of styles based on each other, however long or looped, is followed 10 deep
            if at is None or at in own:
                break
            at = based.get(at)
        if at in own:
            out.add(sid)
    return frozenset(out)
