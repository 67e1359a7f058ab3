"""What LibreOffice needs to show a UNOG .docx as Word does; applied to the copy it converts, never to the .docx.

The .docx follows the UNOG template (§4.1a); three of its forms LibreOffice renders differently from Word:

* the footnote separator is a paragraph with an underlined tab: LibreOffice does not draw the content of a
  separator footnote, so the footnotes lose their rule; the copy gets Word's standard separator mark;
* a footnote starts with a tab so that its number sits right-aligned at the 1021 tab: LibreOffice moves the
  number to the margin and pushes the text far right; the copy drops that tab and clears the tab stop;
* Chinese is justified: LibreOffice drops a full-width comma that ends a justified CJK line (the PDF loses
  text); in the copy of a document whose language sets full-width punctuation (conventions
  ``text.full_width_punctuation``: Chinese) the justified paragraph styles are ranged left.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from lxml import etree

from cddraft.conventions import load_conventions
from cddraft.model.document import LANGUAGES
from cddraft.writers.docx.styles import FOOTNOTE_NUMBER_TAB

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_NS}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _separator(root: etree._Element) -> bool:
    """A separator drawn with content becomes ``w:separator``, which LibreOffice draws."""
    changed = False
    for note in root.iterfind(f"{_W}footnote[@{_W}type='separator']"):
        paragraphs = note.findall(f"{_W}p")
        if note.find(f".//{_W}separator") is not None or not paragraphs:
            continue
        for extra in paragraphs[1:]:
            note.remove(extra)
        for child in [c for c in paragraphs[0] if c.tag != f"{_W}pPr"]:
            paragraphs[0].remove(child)
        etree.SubElement(etree.SubElement(paragraphs[0], f"{_W}r"), f"{_W}separator")
        changed = True
    return changed


def _is_tab_run(run: etree._Element) -> bool:
    return run.tag == f"{_W}r" and [c.tag for c in run if c.tag != f"{_W}rPr"] == [f"{_W}tab"]


def _is_mark_run(run: etree._Element) -> bool:
    """The footnote's number (``w:footnoteRef``) or its custom mark (``*`` in the FootnoteReference style)."""
    style = run.find(f"{_W}rPr/{_W}rStyle")
    marked = style is not None and style.get(f"{_W}val") == "FootnoteReference"
    return run.find(f"{_W}footnoteRef") is not None or marked


def _number_at_margin(root: etree._Element) -> bool:
    """Footnotes of the form tab, number, tab, text become number, tab, text with the 1021 stop cleared."""
    changed = False
    for note in root.iterfind(f"{_W}footnote"):
        if note.get(f"{_W}type") not in (None, "normal"):
            continue
        para = note.find(f"{_W}p")
        if para is None:
            continue
        runs = [c for c in para if c.tag == f"{_W}r"]
        if len(runs) < 2 or not _is_tab_run(runs[0]) or not _is_mark_run(runs[1]):
            continue
        para.remove(runs[0])
        ppr = para.find(f"{_W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{_W}pPr")
            para.insert(0, ppr)
        tabs = ppr.find(f"{_W}tabs")
        if tabs is None:  # tabs follows pStyle (and keepNext … shd, which footnote paragraphs do not carry)
            tabs = etree.Element(f"{_W}tabs")
            style = ppr.find(f"{_W}pStyle")
            ppr.insert(0 if style is None else ppr.index(style) + 1, tabs)
        etree.SubElement(tabs, f"{_W}tab", {f"{_W}val": "clear", f"{_W}pos": str(FOOTNOTE_NUMBER_TAB)})
        changed = True
    return changed


def _ranged_left(root: etree._Element) -> bool:
    """Justified paragraph styles become ranged left (in a document with full-width punctuation: see the caller)."""
    changed = False
    for jc in root.iterfind(f"{_W}style[@{_W}type='paragraph']/{_W}pPr/{_W}jc[@{_W}val='both']"):
        jc.set(f"{_W}val", "left")
        changed = True
    return changed


def _rewrite(xml: bytes, *fixes: Callable[[etree._Element], bool]) -> bytes | None:
    root = etree.fromstring(xml, _PARSER)
    changed = [fix(root) for fix in fixes]  # every fix runs
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if any(changed) else None


def _full_width_punctuation(core: str) -> bool:
    """Whether the document's language (``dc:language`` in its properties) sets full-width punctuation."""
    m = re.search(r"<dc:language>\s*([A-Za-z]+)", core)
    code = m.group(1).lower() if m else ""
    return code in LANGUAGES and load_conventions(code).text.full_width_punctuation


def for_libreoffice(docx: bytes) -> bytes:
    """The bytes LibreOffice should convert: ``docx`` itself, or a copy it renders as Word renders the file."""
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        names = set(src.namelist())
        replaced: dict[str, bytes] = {}
        if "word/footnotes.xml" in names:
            fixed = _rewrite(src.read("word/footnotes.xml"), _separator, _number_at_margin)
            if fixed is not None:
                replaced["word/footnotes.xml"] = fixed
        core = src.read("docProps/core.xml").decode("utf-8", "replace") if "docProps/core.xml" in names else ""
        if _full_width_punctuation(core) and "word/styles.xml" in names:
            fixed = _rewrite(src.read("word/styles.xml"), _ranged_left)
            if fixed is not None:
                replaced["word/styles.xml"] = fixed
        if not replaced:
            return docx
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, replaced.get(item.filename) or src.read(item.filename))
    return out.getvalue()
