"""The body written into the package as drawn, not parsed and serialised again.

Parsing a large body's XML into lxml elements, moving them into the template's document and serialising them once
more cost more than drawing it (0.09 s of parsing alone for the 2.8 MB body of a report of 100 tables). The body
writer draws its XML exactly as lxml serialises it (text escaped as lxml escapes it, empty elements closed as it
closes them: tests/writers/docx/test_canonical.py holds it to that), so the body is written into the document
part's XML as it stands, when the package is saved. Only what the writer still edits as elements afterwards (the
masthead, which takes the emblem; the section breaks around a landscape table) is parsed.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.oxml import serialize_part_xml
from docx.parts.document import DocumentPart
from lxml import etree

from cddraft.writers.docx import ooxml as x

_MARK = "cddraft-body"
#: How lxml writes the mark: replaced by the body when the part is saved.
_WRITTEN = f"<?{_MARK} ?>".encode()


class SplicedDocumentPart(DocumentPart):
    """The main document part, its body's XML written in where the mark stands."""

    body_xml: bytes = b""

    @property
    def blob(self) -> bytes:
        data: bytes = serialize_part_xml(self._element)
        assert data.count(_WRITTEN) == 1, "the body's mark stands once in the document"
        return data.replace(_WRITTEN, self.body_xml, 1)


def splice_body(doc: DocxDocument, xml: str) -> None:
    """Write ``xml`` (body content, as drawn) at the end of the document's body, before its section properties,
    when the package is saved."""
    part = doc.part
    if type(part) is not DocumentPart:
        raise TypeError(f"a main document part was expected, not {type(part).__name__}")
    sect = doc.element.body.find(f"{{{x.W_NS}}}sectPr")
    assert sect is not None, "open_template refuses a template without section properties"
    sect.addprevious(etree.ProcessingInstruction(_MARK))
    part.__class__ = SplicedDocumentPart
    assert isinstance(part, SplicedDocumentPart)
    part.body_xml = xml.encode("utf-8")
