"""Word files as the UN's own templates make them, built here with python-docx: the UN paragraph styles under their
genuine names (Geneva "_ H _Ch_G" with id HChG, and the language and New York variants), a masthead table as an
issued document has it (not cddraft's), Word's automatic numbering and its cross-references to numbered paragraphs.
Nothing here comes from cddraft: the importer meets these files as it would meet a file from the UN's archive."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSW = f'xmlns:w="{W}"'

#: The Geneva template's styles (docs/un-conventions.md §4.1a): id → display name.
GENEVA = {"HChG": "_ H _Ch_G", "H1G": "_ H_1_G", "H23G": "_ H_2/3_G", "SingleTxtG": "_ Single Txt_G",
          "ParaNoG": "_ ParaNo._G", "Bullet1G": "_Bullet 1_G", "Bullet2G": "_Bullet 2_G"}


def variant(suffix: str, prefix: str = "") -> dict[str, str]:
    """The Geneva styles under a language variant's names: ``variant("A")`` → HChGA "_ H _Ch_GA" …"""
    return {prefix + sid + suffix: prefix + name + suffix for sid, name in GENEVA.items()}


#: The New York template's names: the same families without the "G".
NEW_YORK = {"HCh": "_ H _Ch", "H1": "_ H_1", "H23": "_ H_2/3", "SingleTxt": "__Single Txt", "ParaNo": "_ ParaNo.",
            "Bullet1": "_Bullet 1", "Bullet2": "_Bullet 2"}


class UnDocument:
    """A python-docx document with the UN styles ``names`` (id → display name) and helpers to fill it."""

    def __init__(self, names: dict[str, str], *, language: str = "en-US", bidi: bool = False) -> None:
        self.doc = docx.Document()
        self.names = names
        self.ids = {self._family(sid): sid for sid in names}
        self.next_num = 90
        self.bidi = bidi
        for sid, name in names.items():
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.style_id = sid
            style.font.size = Pt(10)
        rpr = self.doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
        lang = rpr.find(qn("w:lang")) if rpr is not None else None
        if lang is not None:
            lang.set(qn("w:val"), language)
        self.doc.core_properties.language = language

    @staticmethod
    def _family(sid: str) -> str:
        for family in ("HCh", "H1", "H23", "SingleTxt", "ParaNo", "Bullet1", "Bullet2"):
            if sid.removeprefix("Reg_").startswith(family):
                return family
        return sid

    def style(self, family: str) -> str:
        """A UN family's style name in this document; any other name (Word's "Normal") as it is."""
        return self.names[self.ids[family]] if family in self.ids else family

    def para(self, text: str, family: str = "SingleTxt", **options: object):
        p = self.doc.add_paragraph(text, style=self.style(family))
        if self.bidi:
            p._p.get_or_add_pPr().insert(0, parse_xml(f"<w:bidi {NSW}/>"))
        if options.get("numbered") is False:  # Word's numbering switched off on this paragraph
            p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {NSW}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
        if "num" in options:
            num, level = options["num"]  # type: ignore[misc]
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {NSW}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
        return p

    def list_definition(self, levels: list[tuple[str, str]], *, style: str | None = None) -> int:
        """A Word list (``w:abstractNum`` and its ``w:num``): each level's format and text ("decimal", "%1.");
        ``style``: the paragraph style (family) whose paragraphs it numbers. The list's numId."""
        numbering = self.doc.part.numbering_part.element
        ident = self.next_num
        self.next_num += 1
        lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
                       for i, (fmt, text) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum {NSW} w:abstractNumId="{ident}">{lvls}</w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {NSW} w:numId="{ident}"><w:abstractNumId w:val="{ident}"/></w:num>'))
        if style is not None:
            sid = self.ids[style]
            element = next(s for s in self.doc.styles.element.iter(qn("w:style")) if s.get(qn("w:styleId")) == sid)
            ppr = element.find(qn("w:pPr"))
            if ppr is None:
                ppr = parse_xml(f"<w:pPr {NSW}/>")
                element.append(ppr)
            ppr.append(parse_xml(f'<w:numPr {NSW}><w:numId w:val="{ident}"/></w:numPr>'))
        return ident

    def masthead(self, left: list[str], middle: list[str], right: list[str], symbol: str) -> None:
        """A genuine masthead: row 1 "United Nations" and the symbol, row 2 the body's name (bold, 20 pt) and the
        distribution, date, version-language and "Original:" lines, each a paragraph of its cell."""
        table = self.doc.add_table(rows=2, cols=3)
        cells = table.rows[0].cells
        cells[1].text = left[0] if left else ""
        cells[2].text = symbol
        cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        name = table.rows[1].cells[1].paragraphs[0]
        for i, line in enumerate(middle):
            paragraph = name if i == 0 else table.rows[1].cells[1].add_paragraph()
            run = paragraph.add_run(line)
            run.bold = True
            run.font.size = Pt(20)
        lines = table.rows[1].cells[2]
        lines.paragraphs[0].text = right[0]
        for line in right[1:]:
            lines.add_paragraph(line)
        body = self.doc.element.body
        body.insert(0, table._tbl)  # the masthead is the first thing in the body

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def bookmark(paragraph, name: str) -> None:
    """A bookmark around the paragraph's text, as Word's "Insert cross-reference" sets one (``_Ref123456``)."""
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    at = list(p).index(ppr) + 1 if ppr is not None else 0
    p.insert(at, parse_xml(f'<w:bookmarkStart {NSW} w:id="7" w:name="{name}"/>'))
    p.append(parse_xml(f'<w:bookmarkEnd {NSW} w:id="7"/>'))


def reference(paragraph, name: str, shown: str, switches: str = "\\r \\h") -> None:
    """A REF field to a bookmarked paragraph's number, as Word writes one, its result ``shown``."""
    p = paragraph._p
    for xml in (f'<w:r {NSW}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {NSW}><w:instrText xml:space="preserve"> REF {name} {switches} </w:instrText></w:r>',
                f'<w:r {NSW}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {NSW}><w:t>{shown}</w:t></w:r>',
                f'<w:r {NSW}><w:fldChar w:fldCharType="end"/></w:r>'):
        p.append(parse_xml(xml))
