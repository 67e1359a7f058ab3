"""Valid Word files in the forms the standard allows (issue 28): Strict Open XML (ISO/IEC 29500 Strict, its own
namespaces) is read as its Transitional twin; the main part is the one ``_rels/.rels`` names, wherever it is; a
package whose main part is another Office file's is refused with a message saying what it is."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import yaml

from tests.conftest import run_cli

THIRD_PARTY = Path(__file__).parent / "thirdparty"
#: The Transitional namespaces and their Strict counterparts (ISO/IEC 29500-1, Annex A).
STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/officeDocument/2006/math": b"http://purl.oclc.org/ooxml/officeDocument/math",
    b"http://schemas.openxmlformats.org/drawingml/2006/": b"http://purl.oclc.org/ooxml/drawingml/",
}


def _outline(path: Path, tmp_path: Path, *args: str) -> dict:
    outline = tmp_path / f"{path.stem}.yaml"
    result = run_cli("import", str(path), "-o", str(outline), *args)
    assert result.exit_code == 0, result.output
    assert run_cli("build", str(outline), "-o", str(tmp_path / "built")).exit_code == 0
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    data.pop("date")  # a placeholder: today
    return data


def _rewritten(source: Path, target: Path, change) -> Path:
    raw = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            name, data = change(item.filename, zin.read(item.filename))
            zout.writestr(name, data)
    target.write_bytes(raw.getvalue())
    return target


def _transitional(tmp_path: Path) -> Path:
    d = docx.Document()
    d.core_properties.language = "en-GB"
    d.add_heading("Report of the Working Group", level=0)
    d.add_heading("Introduction", level=1)
    d.add_paragraph("The Working Group met in Geneva on 8 August.")
    d.add_paragraph("Its members agreed on two points:")
    d.add_paragraph("the scope", style="List Bullet")
    d.add_paragraph("the verification", style="List Bullet 2")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(1, 0).text, table.cell(1, 1).text = "A", "1", "B", "2"
    path = tmp_path / "transitional.docx"
    d.save(str(path))
    return path


def _as_strict(name: str, data: bytes) -> tuple[str, bytes]:
    if name.endswith((".xml", ".rels")) and name != "[Content_Types].xml":
        for old, new in STRICT.items():
            data = data.replace(old, new)
        data = data.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)
    return name, data


def test_a_strict_open_xml_file_reads_as_its_transitional_twin(tmp_path):
    transitional = _transitional(tmp_path)
    strict = _rewritten(transitional, tmp_path / "strict.docx", _as_strict)
    with zipfile.ZipFile(strict) as z:
        assert b"purl.oclc.org/ooxml/wordprocessingml/main" in z.read("word/document.xml")
    assert _outline(strict, tmp_path) == _outline(transitional, tmp_path)


def test_other_projects_strict_files_are_read(tmp_path):
    data = _outline(THIRD_PARTY / "docx2python-strict.docx", tmp_path, "--language", "en")
    content = data["report"]["content"]
    assert content[:3] == [{"bullets": ["Bullet1", "Bullet2"]}, "Number1", "Number2"]
    assert content[3]["rows"] == [["Cellaa", "Cellab"], ["Cellba", "Cellbb"]]
    assert _outline(THIRD_PARTY / "mammoth-strict-format.docx", tmp_path, "--language", "en")["report"][
        "content"] == ["Test"]


def _main_renamed(name: str, data: bytes) -> tuple[str, bytes]:
    if name == "word/document.xml":
        return "content/main.xml", data
    if name == "word/_rels/document.xml.rels":
        return "content/_rels/main.xml.rels", data.replace(b'Target="', b'Target="../word/')
    if name == "_rels/.rels":
        return name, data.replace(b"word/document.xml", b"content/main.xml")
    if name == "[Content_Types].xml":
        return name, data.replace(b"/word/document.xml", b"/content/main.xml")
    return name, data


def test_the_main_part_is_the_one_the_package_relationships_name(tmp_path):
    transitional = _transitional(tmp_path)
    moved = _rewritten(transitional, tmp_path / "moved.docx", _main_renamed)
    assert "word/document.xml" not in zipfile.ZipFile(moved).namelist()
    assert _outline(moved, tmp_path) == _outline(transitional, tmp_path)
    renamed = _outline(THIRD_PARTY / "docx2python-renamed_document_xml.docx", tmp_path, "--language", "en")
    assert renamed["report"]["content"] == ["This is a link to my website."]


def test_a_package_whose_main_part_is_a_workbook_is_refused_as_one(tmp_path):
    parts = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                               b'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'}
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path = tmp_path / "figures.docx"
    path.write_bytes(raw.getvalue())
    result = run_cli("import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 2
    assert f"{path}: this is an Excel workbook, not a Word file" in result.output
    assert not (tmp_path / "out.yaml").exists()
