"""WordprocessingML fragments as strings: runs, paragraphs, fields.

Built as text (one parse per part) because that is several times faster than element-by-element
construction for long reports. Every piece of outline text passes through :func:`esc`; child
elements are emitted in the order the schema (ECMA-376) requires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from cddraft import namespaces as ns

W_NS, WP_NS, PIC_NS = ns.W, ns.WP, ns.PIC
#: The declarations of a fragment parsed on its own (a body, a header, the footnotes).
NSDECL = f'xmlns:w="{ns.W}" xmlns:r="{ns.R}" xmlns:wp="{ns.WP}" xmlns:a="{ns.A}" xmlns:pic="{ns.PIC}"'


def esc(text: str) -> str:
    """Escape text for an attribute value (``&`` first, then ``<`` ``>`` ``"``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def esc_text(text: str) -> str:
    """Escape text for element content (``&`` first, then ``<`` ``>``): as lxml writes it, so that the body's
    XML, written as drawn, is byte for byte what serialising it would give (:mod:`cddraft.writers.docx`)."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


@dataclass(frozen=True)
class ScriptProps:
    """Run and paragraph properties that depend on the version's script and direction, made from the version's
    :class:`cddraft.localise.types.Script`."""

    east_asian_font: str | None = None
    rtl: bool = False
    lang: str = "en-GB"
    #: Characters set in the East Asian font whatever their neighbours (Chinese quotation marks): Word takes
    #: them from ``w:hint``, but LibreOffice classes a “ after a digit as Latin and sets it half-width.
    full_width: str = ""

    def run_props(self, full_width: bool = False) -> str:
        """Leading rPr children (rFonts) for every run of this version (a ``full_width`` run: in every slot)."""
        if self.east_asian_font and full_width:
            font = esc(self.east_asian_font)
            return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:hint="eastAsia"/>'
        if self.east_asian_font:
            return f'<w:rFonts w:eastAsia="{esc(self.east_asian_font)}" w:hint="eastAsia"/>'
        return ""

    def run_tail(self) -> str:
        """Trailing rPr children (rtl, lang) for every run of this version."""
        if self.rtl:
            return f'<w:rtl/><w:lang w:bidi="{esc(self.lang)}"/>'
        return ""


@lru_cache(maxsize=512)  # a report asks for the same few property sets thousands of times
def rpr(
    script: ScriptProps,
    *,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    sup: bool = False,
    full_width: bool = False,
    change: str = "",
) -> str:
    """Run properties; ``change`` is a ``w:rPrChange`` (the properties before a tracked formatting change), which
    the schema puts last."""
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    parts.append(script.run_props(full_width))
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if size:
        half = round(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if sup:
        parts.append('<w:vertAlign w:val="superscript"/>')
    parts.append(script.run_tail())
    parts.append(change)
    inner = "".join(parts)
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def run(text: str, props: str = "", *, deleted: bool = False) -> str:
    """A run; tabs in ``text`` become ``w:tab`` elements. A ``deleted`` run (inside a ``w:del``) holds its text
    as ``w:delText``."""
    tag = "w:delText" if deleted else "w:t"
    if "\t" not in text:  # the usual run: one text
        if text:
            return f'<w:r>{props}<{tag} xml:space="preserve">{esc_text(text)}</{tag}></w:r>'
        return f"<w:r>{props}</w:r>" if props else "<w:r/>"
    pieces = text.split("\t")
    body = []
    for i, piece in enumerate(pieces):
        if i:
            body.append("<w:tab/>")
        if piece:
            body.append(f'<{tag} xml:space="preserve">{esc_text(piece)}</{tag}>')
    return f"<w:r>{props}{''.join(body)}</w:r>"


def runs(text: str, script: ScriptProps, *, deleted: bool = False, change: str = "", **props: bool) -> str:
    """``text`` as runs in ``script``: the characters it sets full-width (:attr:`ScriptProps.full_width`) in runs of
    their own, in the East Asian font."""
    chars = script.full_width
    if not chars or not any(c in text for c in chars):
        return run(text, rpr(script, change=change, **props), deleted=deleted)
    pieces = re.split(f"([{re.escape(chars)}]+)", text)
    return "".join(run(piece, rpr(script, full_width=i % 2 == 1, change=change, **props), deleted=deleted)
                   for i, piece in enumerate(pieces) if piece)


def ppr(
    style: str,
    *,
    bidi: bool = False,
    cjk: bool = False,
    keep_next: bool = False,
    page_break: bool = False,
    tabs: tuple[tuple[str, int] | tuple[str, int, str], ...] = (),
    ind: Mapping[str, int] | None = None,
    jc: str | None = None,
    spacing: Mapping[str, int | str] | None = None,
    outline: int | None = None,
    mark: str = "",
    change: str = "",
) -> str:
    """Paragraph properties; ``mark`` is a tracked insertion or deletion of the paragraph mark (``w:ins``,
    ``w:del``), ``change`` a ``w:pPrChange`` (the properties before a tracked change): the schema puts them last."""
    parts = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if tabs:  # (alignment, position) or (alignment, position, leader)
        parts.append("<w:tabs>" + "".join(
            f'<w:tab w:val="{t[0]}"' + (f' w:leader="{t[2]}"' if len(t) > 2 else "") + f' w:pos="{t[1]}"/>'
            for t in tabs) + "</w:tabs>")
    if cjk:
        # No hanging punctuation: LibreOffice drops a full-width comma hung past the margin.
        parts.append('<w:overflowPunct w:val="0"/>')
    if bidi:
        parts.append("<w:bidi/>")
    if spacing:
        parts.append("<w:spacing " + " ".join(f'w:{k}="{v}"' for k, v in spacing.items()) + "/>")
    if ind:
        parts.append("<w:ind " + " ".join(f'w:{k}="{v}"' for k, v in ind.items()) + "/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:  # the paragraph's own level: right whatever the template's style says
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    if mark:
        parts.append(f"<w:rPr>{mark}</w:rPr>")
    parts.append(change)
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def paragraph(props: str, runs: str) -> str:
    return f"<w:p>{props}{runs}</w:p>"


def field(instruction: str, placeholder: str, props: str = "", *, deleted: bool = False) -> str:
    """A complex field (PAGE, NUMPAGES …) with a cached result so every reader shows something; a ``deleted`` one
    holds its instruction and result as deleted text."""
    instr = "w:delInstrText" if deleted else "w:instrText"
    return (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<{instr} xml:space="preserve"> {esc_text(instruction)} </{instr}></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(placeholder, props, deleted=deleted)}"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
