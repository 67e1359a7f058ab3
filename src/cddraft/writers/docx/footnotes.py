"""The footnotes part: separators and notes, written through python-docx's part API.

python-docx has no class for ``word/footnotes.xml`` and loads it as an opaque :class:`~docx.opc.part.Part`
(bytes). Registering :class:`FootnotesPart` for its content type, as python-docx registers its own parts,
makes a template's footnotes part load as XML that the writer can replace through the element API.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from cddraft import layout
from cddraft.writers.docx import ooxml as x

_W = f"{{{x.W_NS}}}"
# {bidi}: in a right-to-left version the rule stands at the right, over the footnotes it separates.
_RULE = layout.FOOTNOTE_SEPARATOR
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:tabs>'
    f'<w:tab w:val="right" w:pos="{_RULE.rule_end}"/></w:tabs>{{bidi}}'
    f'<w:spacing w:after="{_RULE.after}" w:line="240" w:lineRule="auto"/><w:ind w:left="{_RULE.indent}"/></w:pPr>'
    '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:tab/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>{bidi}<w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


class FootnotesPart(XmlPart):
    """``word/footnotes.xml`` as an XML part."""


# A python-docx that comes to define its own footnotes part keeps it: the writer needs only an XmlPart.
PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, FootnotesPart)


def _footnotes_part(doc: DocxDocument) -> XmlPart | None:
    """The template's footnotes part; one that is not XML (a wrong content type) is dropped, to be replaced."""
    main = doc.part
    for rid, rel in list(main.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            if isinstance(rel.target_part, XmlPart):
                return rel.target_part
            main.drop_rel(rid)
    return None


def _add_footnote_settings(doc: DocxDocument) -> None:
    """``w:footnotePr`` naming the separators, in the settings (before endnotePr/compat/rsids, schema order)."""
    settings = doc.settings.element
    if settings.find(f"{_W}footnotePr") is not None:
        return
    pr = etree.fromstring(f'<w:footnotePr {x.NSDECL}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    anchor = next((c for c in settings if c.tag in (f"{_W}endnotePr", f"{_W}compat", f"{_W}rsids")), None)
    if anchor is not None:
        anchor.addprevious(pr)
    else:
        settings.append(pr)


def set_footnotes(doc: DocxDocument, notes: list[str], rtl: bool) -> None:
    """Make ``notes`` (``w:footnote`` elements as text) the document's footnotes, after the two separators.

    A template's footnotes part keeps its root (and its namespace declarations) and gets new content; a
    template without one gets a new part.
    """
    separators = _SEPARATORS.format(bidi="<w:bidi/>" if rtl else "")
    xml = f'<w:footnotes {x.NSDECL}>{separators}{"".join(notes)}</w:footnotes>'.encode()
    part = _footnotes_part(doc)
    if part is None:
        new = FootnotesPart.load(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml, doc.part.package)
        doc.part.relate_to(new, RT.FOOTNOTES)
    else:
        root = part.element
        for child in list(root):
            root.remove(child)
        for child in list(parse_xml(xml)):
            root.append(child)
    _add_footnote_settings(doc)
