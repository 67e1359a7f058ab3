"""CD190, CD290, CD390, CD590, CD591: rules on a built .docx (styles, footnotes, masthead, fonts, direction).

These read the WordprocessingML back, so they also check documents not made with cddraft.
A .docx has no lines: each finding names the first paragraph concerned and how many there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from cddraft.check.built import DocxContext, footnote_ids, q
from cddraft.check.registry import Finding, rule
from cddraft.conventions.bodies import body_of

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_OFF = {"0", "false", "off"}


def _style(ctx: DocxContext, style_id: str | None) -> etree._Element | None:
    styles = ctx.document.styles.element
    if style_id is None:
        found = styles.xpath('w:style[@w:type="paragraph"][@w:default="1"]')
    else:
        found = styles.xpath(f'w:style[@w:styleId="{style_id}"]') if re.fullmatch(r"[\w .-]+", style_id) else []
    return found[0] if found else None


def _style_chain(ctx: DocxContext, style_id: str | None) -> list[etree._Element]:
    """The paragraph style and the styles it is based on, nearest first."""
    chain: list[etree._Element] = []
    style = _style(ctx, style_id)
    while style is not None and style not in chain and len(chain) < 20:
        chain.append(style)
        based = style.find(q("w:basedOn"))
        style = _style(ctx, based.get(q("w:val"))) if based is not None else None
    return chain


def _style_id(p: etree._Element) -> str | None:
    ps = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    return ps.get(q("w:val")) if ps is not None else None


def _style_name(ctx: DocxContext, style_id: str | None) -> str:
    style = _style(ctx, style_id)
    name = style.find(q("w:name")) if style is not None else None
    return name.get(q("w:val")) if name is not None else (style_id or "Normal")


def _count(items: list, what: str) -> str:
    return f"{len(items)} {what}{'s' if len(items) != 1 else ''}"


@rule("CD190", "docx-non-g-style", "error", ".docx: body text in a style outside the UNOG G set", target="docx")
def docx_non_g_style(document: DocxDocument, ctx: DocxContext) -> Iterator[Finding]:
    """Flags body paragraphs whose paragraph style is not one of the UNOG "G" styles.

    Why: UNOG documents are typeset with the G styles (SingleTxtG for text, HChG, H1G, H23G,
    H4G, H56G for headings, Bullet1G/Bullet2G …), which carry the layout of §4 (indents,
    spacing, heading sizes); text in Normal, Heading 1 or List Paragraph has none of it and has
    to be restyled. Paragraphs inside tables (the masthead, a table's cells) and empty paragraphs are not
    checked, nor the lines under the masthead before the first G-styled paragraph (the session, the
    agenda item and its title, §12), which are set in the template's Normal style, nor the notes right
    under a table, which the UN sets in the footnote text style (§6.10).

    Example: a report typed in Word's default template, whose headings are "Heading 1".

    Manual: un-conventions.md §4.1, §4.1a (UNOG template).
    """
    groups: dict[str | None, list[etree._Element]] = {}
    under_masthead = True  # until the first G-styled text (the title)
    under_table = False  # the notes under a table are set in the footnote text style, as the UN sets them
    for p in ctx.paragraphs():
        sid = _style_id(p)
        previous = p.getprevious()
        under_table = (previous is not None and previous.tag == q("w:tbl")) or (under_table and sid == "FootnoteText")
        if not ctx.text(p).strip():
            continue
        if (sid or "").endswith("G"):
            under_masthead = False
        elif not (under_masthead and sid in (None, "Normal")) and not (under_table and sid == "FootnoteText"):
            groups.setdefault(sid, []).append(p)
    for sid, ps in groups.items():
        yield Finding((), f"{_count(ps, 'paragraph')} in style “{_style_name(ctx, sid)}”, first {ctx.where(ps[0])}; "
                          "use the UNOG G styles (SingleTxtG, HChG, H1G, H23G …)")


@rule("CD290", "docx-footnotes-missing", "error", ".docx: footnote calls without their footnote text", target="docx")
def docx_footnotes_missing(document: DocxDocument, ctx: DocxContext) -> Iterator[Finding]:
    """Flags footnote references in the body whose note is missing from the package.

    Why: a call (``w:footnoteReference``) needs its note in the footnotes part; without it Word
    repairs the file or drops the notes, and the citations are lost.

    Example: a document whose ``word/footnotes.xml`` was stripped by a converter.

    Manual: un-conventions.md §6.5 (footnotes are at the bottom of the page; no endnotes).
    """
    refs = [r.get(q("w:id")) for r in ctx.body.iter(q("w:footnoteReference"))]
    if not refs:
        return
    ids = footnote_ids(document)
    if ids is None:
        yield Finding((), f"the body has {_count(refs, 'footnote call')} but the package has no footnotes part")
        return
    missing = [r for r in refs if r not in ids]
    if missing:
        yield Finding((), f"{_count(missing, 'footnote call')} without a note in the footnotes part "
                          f"(ids {', '.join(missing[:5])})")


def _symbol_in(element: etree._Element, ctx: DocxContext) -> bool:
    for p in element.iter(q("w:p")):
        for token in ctx.text(p).split():
            if body_of(token) is not None:
                return True
    return False


def _first_page_header(document: DocxDocument) -> etree._Element | None:
    """The header printed on page 1 (the first-page header when the section has one)."""
    if not document.sections:
        return None
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    return None if header.is_linked_to_previous else header.part.element  # the w:hdr of a defined header


@rule("CD390", "docx-masthead-missing", "error", ".docx: no masthead table with a document symbol on page 1",
      target="docx")
def docx_masthead_missing(document: DocxDocument, ctx: DocxContext) -> Iterator[Finding]:
    """Flags a document whose first page has no masthead: a table at the top holding a document symbol.

    Why: page 1 of a UNOG document opens with the masthead — the body name and the symbol
    (CD/2101, CD/WP.599 …) at the top, the date and original language below — laid out as a
    table; it is what identifies the document (symbol, date, original language). A masthead
    table kept in the header of page 1 is accepted too (a running header with the symbol is not
    a masthead).

    Example: a letter typed from the title down, with no masthead.

    Manual: un-conventions.md §1, §4.1a.
    """
    first = next((c for c in ctx.body if c.tag in (q("w:p"), q("w:tbl")) and
                  (c.tag == q("w:tbl") or ctx.text(c).strip())), None)
    if first is not None and first.tag == q("w:tbl") and _symbol_in(first, ctx):
        return
    header = _first_page_header(document)
    if header is not None and any(_symbol_in(t, ctx) for t in header.iter(q("w:tbl"))):
        return
    detail = "the first table holds no CD symbol" if first is not None and first.tag == q("w:tbl") else \
        "the document does not start with a table"
    yield Finding((), f"no masthead: {detail}; page 1 starts with the masthead table (body name, symbol CD/…, date)")


def _fonts_of(rpr: etree._Element | None) -> list[tuple[str, str]]:
    """(attribute, font) pairs of an rPr's rFonts; a theme reference counts as a font."""
    if rpr is None:
        return []
    fonts = rpr.find(q("w:rFonts"))
    if fonts is None:
        return []
    out = []
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        value = fonts.get(q(f"w:{attr}"))
        theme = fonts.get(q(f"w:{attr}Theme"))
        if value:
            out.append((attr, value))
        elif theme:
            out.append((attr, f"theme font {theme}"))
    return out


@rule("CD590", "docx-unexpected-font", "error", ".docx: text set in a font the language's conventions do not use",
      target="docx")
def docx_unexpected_font(document: DocxDocument, ctx: DocxContext) -> Iterator[Finding]:
    """Flags fonts other than the version's conventions: Times New Roman for Latin and Cyrillic text,
    the East Asian font for Chinese (SimSun) and the complex-script font for Arabic.

    Why: UNOG documents are set in Times New Roman (and the script fonts of the Chinese and
    Arabic services); a document in Calibri, or on the Word theme fonts, does not look like
    one and has to be reset. Checked: the document defaults, the paragraph styles used in the body (with the
    styles they are based on) and fonts set directly on body runs.

    Quotation marks a language sets full-width (Chinese “…”, conventions ``text.full_width_punctuation``) may be
    set in the East Asian font in every slot: that is how they print full-width.

    Example: a document written in Word's default template (theme font minorHAnsi, Calibri).

    Manual: un-conventions.md §4.1, §4.1a; conventions data ``fonts:``.
    """
    fonts = ctx.conv.fonts
    expected = {"ascii": fonts.latin, "hAnsi": fonts.latin}
    if fonts.east_asian:  # set for the versions whose text is East Asian
        expected["eastAsia"] = fonts.east_asian
    if ctx.conv.rtl:
        expected["cs"] = fonts.complex
    seen: dict[tuple[str, str], list[str | etree._Element]] = {}

    def note(rpr: etree._Element | None, where: str | etree._Element) -> None:
        for attr, font in _fonts_of(rpr):
            if attr in expected and font != expected[attr]:
                seen.setdefault((attr, font), []).append(where)

    styles = document.styles.element
    note(styles.find(f"{q('w:docDefaults')}/{q('w:rPrDefault')}/{q('w:rPr')}"), "the document defaults")
    paragraphs = ctx.paragraphs(in_tables=True)
    for sid in sorted({_style_id(p) for p in paragraphs}, key=str):
        for style in _style_chain(ctx, sid):
            note(style.find(q("w:rPr")), f"style “{_style_name(ctx, style.get(q('w:styleId')))}”")
    # quotation marks set full-width, in the East Asian font (Chinese: “…”, which the text classes by neighbours)
    full_width = set(ctx.conv.quotes.primary + ctx.conv.quotes.secondary) if ctx.conv.text.full_width_punctuation \
        else set()
    for p in paragraphs:
        for r in p.iter(q("w:r")):
            text = "".join(t.text or "" for t in r.iter(q("w:t")))
            rpr = r.find(q("w:rPr"))
            if full_width and text and set(text) <= full_width and all(
                    font == fonts.east_asian for _attr, font in _fonts_of(rpr)):
                continue
            note(rpr, p)
    for (attr, font), places in seen.items():
        first = places[0] if isinstance(places[0], str) else ctx.where(places[0])
        others = f" and {len(places) - 1} other place(s)" if len(places) > 1 else ""
        yield Finding((), f"“{font}” for {attr} text in {first}{others}; {ctx.conv.code} documents use "
                          f"“{expected[attr]}”")


def _has_bidi(p: etree._Element, ctx: DocxContext) -> bool:
    own = p.find(f"{q('w:pPr')}/{q('w:bidi')}")
    if own is not None:
        return own.get(q("w:val"), "1") not in _OFF
    for style in _style_chain(ctx, _style_id(p)):
        bidi = style.find(f"{q('w:pPr')}/{q('w:bidi')}")
        if bidi is not None:
            return bidi.get(q("w:val"), "1") not in _OFF
    return False


@rule("CD591", "docx-missing-bidi", "error", ".docx: Arabic paragraphs not set right-to-left", target="docx")
def docx_missing_bidi(document: DocxDocument, ctx: DocxContext) -> Iterator[Finding]:
    """Flags, in an Arabic document, paragraphs with Arabic text that are not right-to-left (``w:bidi``).

    Why: Arabic paragraphs run right to left: without the paragraph's bidi property Word lays the
    line out left to right — alignment, indents, numbers and punctuation land on the wrong side.
    Checked when the document's language is Arabic (its properties, or mostly Arabic text).

    Example: Arabic text pasted into an English template.

    Manual: un-conventions.md §4 (fonts per script and right-to-left settings).
    """
    if not ctx.conv.rtl or not ctx.conv.text.script:
        return
    letters = re.compile(ctx.conv.text.script)  # the version's own letters (Arabic)
    missing = [p for p in ctx.paragraphs(in_tables=True) if letters.search(ctx.text(p)) and not _has_bidi(p, ctx)]
    if missing:
        yield Finding((), f"{_count(missing, 'paragraph')} with Arabic text not set right-to-left, first "
                          f"{ctx.where(missing[0])}; set the paragraphs' direction (w:bidi)")
