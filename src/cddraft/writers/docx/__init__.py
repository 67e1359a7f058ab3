"""Stage 4: :class:`Localised` + template → the bytes of a .docx package."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.document import Document as DocxDocument
from lxml import etree

from cddraft.localise.types import Localised
from cddraft.writers import WriterOptions
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx.body import BodyWriter
from cddraft.writers.docx.emblem import add_emblem
from cddraft.writers.docx.footnotes import set_footnotes
from cddraft.writers.docx.furniture import add_furniture
from cddraft.writers.docx.revisions import Revisions
from cddraft.writers.docx.splice import splice_body
from cddraft.writers.docx.table import add_bidi, finish_sections
from cddraft.writers.docx.template import open_template
from cddraft.writers.docx.timestamps import fix_timestamps

_W = f"{{{x.W_NS}}}"


def script_of(loc: Localised) -> x.ScriptProps:
    s = loc.script
    return x.ScriptProps(east_asian_font=s.east_asian_font, rtl=s.rtl, lang=s.tag,
                         full_width=s.full_width if s.east_asian_font else "")


#: An element with more children than this is moved into the document child by child: lxml's move of one
#: subtree from the parsed fragment to the document takes time growing with the square of the subtree's size
#: (a paragraph of 100,000 emphasised words took minutes), while small subtrees move in linear time.
_MOVE_WHOLE = 128
_TBL = f"{_W}tbl"


def _move(element: etree._Element, into: etree._Element, before: etree._Element | None) -> None:
    """Move ``element`` (from another document) into ``into``, before ``before`` or at the end."""
    if len(element) > _MOVE_WHOLE or element.tag == _TBL:  # a table: row by row (its rows are small)
        shell = etree.SubElement(into, element.tag, dict(element.attrib))  # made in the document itself
        if before is not None:
            before.addprevious(shell)
        for child in list(element):
            _move(child, shell, None)
    elif before is not None:
        before.addprevious(element)
    else:
        into.append(element)


def _set_body(doc: DocxDocument, xml: str) -> None:
    body = doc.element.body
    sect = body.find(f"{_W}sectPr")
    for child in list(body):
        if child is not sect:
            body.remove(child)
    root = etree.fromstring(f"<w:body {x.NSDECL}>{xml}</w:body>")
    for child in list(root):  # addprevious/append: inserting by index would be quadratic
        _move(child, body, sect)


def _section_right_to_left(doc: DocxDocument) -> None:
    """``w:bidi`` in the document's last section (the sections a landscape table opens take it from there)."""
    sect = doc.element.body.find(f"{_W}sectPr")
    if sect is not None:
        add_bidi(sect)


def _set_language(doc: DocxDocument, loc: Localised) -> None:
    """Proofing language and script fonts of the version, in docDefaults and in every style that sets its own.

    A genuine UNOG template gives Normal ``w:lang en-GB`` (§4.1a): left there, a French version would be
    spell-checked as English and Arabic text set in the Latin font. Only attributes a style already sets
    are changed, so its other choices stand.
    """
    s = loc.script
    lang_attrs = dict(zip(("val", "eastAsia", "bidi"), s.proofing, strict=True))
    font_attrs = {"cs": s.complex_font, **({"eastAsia": s.east_asian_font} if s.east_asian_font else {})}
    styles = doc.styles.element
    rpr = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if rpr is not None:
        lang = rpr.find(f"{_W}lang")
        if lang is None:
            lang = etree.SubElement(rpr, f"{_W}lang")
        for k, v in lang_attrs.items():
            lang.set(f"{_W}{k}", v)
        fonts = rpr.find(f"{_W}rFonts")
        for k, v in font_attrs.items() if fonts is not None else ():
            fonts.set(f"{_W}{k}", v)
    for lang in styles.iterfind(f"{_W}style/{_W}rPr/{_W}lang"):
        for k, v in lang_attrs.items():
            if lang.get(f"{_W}{k}") is not None:
                lang.set(f"{_W}{k}", v)
    for fonts in styles.iterfind(f"{_W}style/{_W}rPr/{_W}rFonts"):
        for k, v in font_attrs.items():
            if fonts.get(f"{_W}{k}") is not None:
                fonts.set(f"{_W}{k}", v)


def template_context(loc: Localised) -> dict[str, str]:
    """The only variables a user template may use (plain strings, escaped on output)."""
    return {"symbol": loc.masthead.symbol, "title": loc.title, "body": loc.masthead.body,
            "language": loc.script.language, "job_line": loc.footer.job_line or ""}


def _clip(text: str, limit: int) -> str:
    """Word's document properties hold ``limit`` characters: cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def render_docx(loc: Localised, template: Path | None = None, revisions: Revisions | None = None) -> bytes:
    """Draw the localised document into the template; return the .docx bytes. A revised document
    (:func:`cddraft.localise.revise.revise`) is drawn with Word's revision marks, by ``revisions``' author and
    date."""
    doc = open_template(template, template_context(loc))
    script = script_of(loc)
    writer = BodyWriter(script, revisions=revisions)
    head = writer.masthead(loc.masthead)  # first: a reissue's note is page 1's first (*)
    writer.document(loc)
    # Headers and footers first: python-docx looks for a preceding section break (an XPath over the whole
    # body) each time it creates one, 5 ms apiece in a 4,000-paragraph report once the body is in.
    add_furniture(doc, loc.masthead.symbol, loc.footer, script)
    rest = "".join(writer.parts) + writer.end_rule()
    if writer.sections:  # section breaks, which finish_sections completes as elements
        _set_body(doc, head + rest)
    else:  # the masthead as elements (the emblem goes into it), the rest written in as drawn
        _set_body(doc, head)
        splice_body(doc, rest)
    if loc.masthead.emblem:
        add_emblem(doc)
    set_footnotes(doc, writer.footnotes, script.rtl)
    if script.rtl:
        _section_right_to_left(doc)
    finish_sections(doc)  # a landscape table's section breaks take the document's own section properties
    _set_language(doc, loc)
    props = doc.core_properties
    props.title = _clip(loc.title, 255)
    props.identifier = loc.masthead.symbol
    props.language = loc.script.tag
    props.subject = _clip(loc.masthead.body.replace("\n", "; "), 255)
    props.last_modified_by = "cddraft"
    if loc.masthead.issued is not None:  # the masthead date, not the clock: the same outline gives the same file
        props.created = props.modified = dt.datetime.combine(loc.masthead.issued, dt.time())
    out = io.BytesIO()
    doc.save(out)
    return fix_timestamps(out.getvalue(), loc.masthead.issued or dt.date(1980, 1, 1))


def write_docx(loc: Localised, options: WriterOptions) -> bytes:
    """The writer of the ``docx`` format (:data:`cddraft.writers.WRITERS`)."""
    return render_docx(loc, options.template)
