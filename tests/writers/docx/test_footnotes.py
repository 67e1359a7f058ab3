"""Native Word footnotes: one sequence per document, text with markup, read back from the .docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx2python import docx2python
from lxml import etree

from cddraft.writers.docx.footnotes import FootnotesPart
from tests.conftest import REPO, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REPORT = """\
kind: report
symbol: CD/2102
date: 2017-09-20
report:
  title: Report
  content:
    - heading: One
      content:
        - First.^[Note *one*.]
        - text: Second.^[Note two.]
          id: second
        - "See paragraph {ref:second}.^[Note three, about {ref:second}.]"
annexes:
  - content:
      - Annexed.^[Note four, in the annex.]
"""


def _build(tmp_path, text):
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    result = run_cli("build", str(p), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    return tmp_path / "r.docx"


def test_footnotes_are_native_and_numbered_in_one_sequence(tmp_path):
    path = _build(tmp_path, REPORT)
    with zipfile.ZipFile(path) as zf:
        doc = etree.fromstring(zf.read("word/document.xml"))
        notes = etree.fromstring(zf.read("word/footnotes.xml"))
        settings = zf.read("word/settings.xml").decode()
    refs = [int(r.get(f"{W}id")) for r in doc.iter(f"{W}footnoteReference")]
    assert refs == [1, 2, 3, 4]
    bodies = {int(n.get(f"{W}id")): "".join(n.itertext()) for n in notes.iter(f"{W}footnote")}
    assert bodies[1].strip() == "Note one." and bodies[4].strip() == "Note four, in the annex."
    assert "footnotePr" in settings
    italic = [r for r in notes.iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None]
    assert "".join(r.findtext(f"{W}t") or "" for r in italic) == "one"


def test_footnotes_read_back_by_docx2python(tmp_path):
    path = _build(tmp_path, REPORT)
    with docx2python(path) as d:
        notes = " ".join(str(x) for x in d.footnotes)
    assert "Note three, about 2." in notes


def test_cross_reference_follows_an_inserted_paragraph(tmp_path):
    first = _build(tmp_path, REPORT)
    with docx2python(first) as d:
        assert "See paragraph 2." in d.text
    shifted = REPORT.replace("        - First.^[Note *one*.]", "        - Inserted.\n        - First.^[Note *one*.]")
    second = _build(tmp_path, shifted)
    with docx2python(second) as d:
        assert "See paragraph 3." in d.text
        assert "4.\tSee paragraph 3." in d.text or "See paragraph 3." in d.text


def test_reference_to_a_missing_or_unnumbered_paragraph_is_an_error(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(REPORT.replace("{ref:second}.^[Note three", "{ref:secnd}.^[Note three"), encoding="utf-8")
    result = run_cli("build", str(p), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert ":12:26: {ref:secnd} names no paragraph or table with `id: secnd`; did you mean 'second'?" in result.output
    p.write_text(REPORT.replace("  title: Report", "  title: Report\n  numbered_paragraphs: false"),
                 encoding="utf-8")
    result = run_cli("build", str(p), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2 and "has no number" in result.output


def test_a_footnote_has_the_unog_form_tab_number_tab_text(tmp_path):
    """§4.1a (S): a tab, the mark in FootnoteReference (right-aligned at the style's 1021 tab), a tab, the text."""
    path = _build(tmp_path, REPORT)
    with zipfile.ZipFile(path) as zf:
        notes = etree.fromstring(zf.read("word/footnotes.xml"))
        styles = etree.fromstring(zf.read("word/styles.xml"))
    style = styles.find(f"{W}style[@{W}styleId='FootnoteText']")
    assert [(t.get(f"{W}val"), t.get(f"{W}pos")) for t in style.iter(f"{W}tab")] == [("right", "1021")]
    for note in notes.iterfind(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        para = note.find(f"{W}p")
        assert para.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "FootnoteText"
        assert para.find(f"{W}pPr/{W}tabs") is None, "no tab stop of its own: the style's 1021 tab places the mark"
        kinds = [[c.tag.split("}")[1] for c in r if c.tag != f"{W}rPr"] for r in para.iterfind(f"{W}r")][:3]
        assert kinds == [["tab"], ["footnoteRef"], ["tab"]]
        assert para.find(f"{W}r[2]/{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"


# -- the footnotes part through python-docx's part API ----------------------------------------------------

TEMPLATE_NOTES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    b'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    b'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">'
    b'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    b'<w:footnote w:id="1"><w:p><w:r><w:t>A note left in the template.</w:t></w:r></w:p></w:footnote>'
    b"</w:footnotes>"
)


def _template_with_footnotes(tmp_path: Path) -> Path:
    """The house template plus a footnotes part, as Word saves one."""
    out = tmp_path / "with-notes.docx"
    ct = b'<Override PartName="/word/footnotes.xml" ContentType="%s"/></Types>' % CT.WML_FOOTNOTES.encode()
    rel = (b'<Relationship Id="rId99" Type="%s" Target="footnotes.xml"/></Relationships>' % RT.FOOTNOTES.encode())
    with zipfile.ZipFile(REPO / "templates" / "house.docx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", ct)
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel)
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", TEMPLATE_NOTES)
    return out


def test_a_templates_footnotes_part_loads_as_xml_and_gets_the_documents_notes(tmp_path):
    template = _template_with_footnotes(tmp_path)
    assert isinstance(docx.Document(str(template)).part.part_related_by(RT.FOOTNOTES), FootnotesPart)
    outline = tmp_path / "r.yaml"
    outline.write_text(REPORT, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--template", str(template))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "out" / "r.docx") as zf:
        names = zf.namelist()
        notes = etree.fromstring(zf.read("word/footnotes.xml"))
    assert names.count("word/footnotes.xml") == 1
    assert notes.get("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable") == "w14"
    ids = [n.get(f"{W}id") for n in notes.iter(f"{W}footnote")]
    assert ids == ["-1", "0", "1", "2", "3", "4"]
    text = "".join(notes.itertext())
    assert "Note one." in text and "left in the template" not in text


def test_a_new_footnotes_part_is_an_xml_part(tmp_path):
    part = docx.Document(str(_build(tmp_path, REPORT))).part.part_related_by(RT.FOOTNOTES)
    assert isinstance(part, XmlPart) and part.partname == "/word/footnotes.xml"
    assert [n.get(f"{W}id") for n in part.element.iter(f"{W}footnote")] == ["-1", "0", "1", "2", "3", "4"]
