"""What LibreOffice needs to show a UNOG .docx as Word does; applied to the copy it converts, never to the .docx.

The UNOG footnote separator is a paragraph with an underlined tab (§4.1a): Word draws it as a short rule, but
LibreOffice does not draw the content of a separator footnote at all, and a page of footnotes then has no rule
above them. The copy LibreOffice reads gets Word's standard separator mark instead, which LibreOffice draws.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = "word/footnotes.xml"


def _standard_separator(xml: bytes) -> bytes | None:
    """``footnotes.xml`` with a drawn-content separator replaced by ``w:separator``; None if nothing to do."""
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    changed = False
    for note in root.iterfind(f"{{{_W}}}footnote[@{{{_W}}}type='separator']"):
        if note.find(f".//{{{_W}}}separator") is not None:
            continue
        paragraphs = note.findall(f"{{{_W}}}p")
        if not paragraphs:
            continue
        first = paragraphs[0]
        for extra in paragraphs[1:]:
            note.remove(extra)
        for child in [c for c in first if c.tag != f"{{{_W}}}pPr"]:
            first.remove(child)
        etree.SubElement(etree.SubElement(first, f"{{{_W}}}r"), f"{{{_W}}}separator")
        changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if changed else None


def for_libreoffice(docx: bytes) -> bytes:
    """The bytes LibreOffice should convert: ``docx`` itself, or a copy with a separator it can draw."""
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        if _FOOTNOTES not in src.namelist():
            return docx
        replaced = _standard_separator(src.read(_FOOTNOTES))
        if replaced is None:
            return docx
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, replaced if item.filename == _FOOTNOTES else src.read(item.filename))
    return out.getvalue()
