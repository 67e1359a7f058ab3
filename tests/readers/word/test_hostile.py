"""Word files an audit built to break the importer (issue 26, E2–E5, E15, E18), each built here as described:
the import ends in exit 0 with every text kept (what an outline cannot hold named in a warning), or in exit 2
with a message naming the Word file or a place in the outline it wrote — never a traceback, never a position
in a file that was not written."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from cddraft.readers.outline import read_outline
from cddraft.readers.outline.limits import MAX_BYTES
from tests.conftest import run_cli

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSW = f'xmlns:w="{W}"'


def _with(tmp_path: Path, *paragraphs: str, name: str = "hostile.docx") -> Path:
    """A Word file with a heading, then each of ``paragraphs`` (the XML of a ``w:p``), then a closing line."""
    d = docx.Document()
    d.add_heading("Report on the visit", level=1)
    body = d.element.body
    for xml in paragraphs:
        body.insert(len(body) - 1, parse_xml(xml))
    d.add_paragraph("The last paragraph.")
    path = tmp_path / name
    d.save(str(path))
    return path


def _rewrite(source: Path, target: Path, part: str, change: Callable[[str], str]) -> Path:
    """``source`` with the XML of ``part`` passed through ``change``, saved as ``target``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, change(data.decode("utf-8")).encode("utf-8") if item.filename == part else data)
    return target


def _import(path: Path, tmp_path: Path, *args: str):
    outline = tmp_path / "imported.yaml"
    result = run_cli("import", str(path), "-o", str(outline), *args)
    return result, outline


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if "warning:" in line]


def _p(inner: str, ppr: str = "") -> str:
    return f"<w:p {NSW}>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# E2: attribute values the standard allows (universal measures) or that are simply broken
@pytest.mark.parametrize("paragraph", [
    _p(_r("Spaced in points."), '<w:spacing w:before="12pt" w:after="0.5in"/>'),
    _p(_r("Indented by nonsense."), '<w:ind w:firstLine="--5" w:left="x"/>'),
    _p(_r("Outline level x."), '<w:outlineLvl w:val="x"/>'),
    _p(_r("Listed at level x."), '<w:numPr><w:ilvl w:val="x"/><w:numId w:val="y"/></w:numPr>'),
], ids=["universal-measures", "broken-indent", "outline-level", "list-level"])
def test_odd_attribute_values_are_read_or_passed_over(tmp_path, paragraph):
    text = re.search(r"<w:t[^>]*>([^<]*)<", paragraph).group(1)
    result, outline = _import(_with(tmp_path, paragraph), tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    assert text in outline.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", ["ZZZZ", "FFFFFFF", "D800", "0007"])
def test_a_symbol_with_an_impossible_code_is_named_and_the_text_kept(tmp_path, code):
    paragraph = _p(_r("Before the symbol ") + f'<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r>' + _r("after."))
    result, outline = _import(_with(tmp_path, paragraph), tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    assert "Before the symbol after." in outline.read_text(encoding="utf-8")
    assert any(f"impossible code '{code}'" in w for w in _warnings(result.output)), result.output


def test_a_symbol_with_a_real_code_is_its_character(tmp_path):
    paragraph = _p(_r("An arrow ") + '<w:r><w:sym w:font="Symbol" w:char="2192"/></w:r>' + _r(" here."))
    result, outline = _import(_with(tmp_path, paragraph), tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    assert "An arrow \u2192 here." in outline.read_text(encoding="utf-8")


def test_a_footer_relationship_to_a_picture_is_passed_over(tmp_path):
    d = docx.Document()
    d.add_paragraph("A paragraph.")
    png = tmp_path / "dot.png"
    from cddraft.writers.docx.furniture import qr_png

    png.write_bytes(qr_png("https://undocs.org/CD/2101"))
    d.add_picture(str(png))
    rid = next(k for k, r in d.part.rels.items() if r.reltype.endswith("/image"))
    d.sections[0]._sectPr.insert(0, parse_xml(
        f'<w:footerReference {NSW} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'w:type="default" r:id="{rid}"/>'))
    path = tmp_path / "footer.docx"
    d.save(str(path))
    result, outline = _import(path, tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    assert "A paragraph." in outline.read_text(encoding="utf-8")


# E3: footnotes that call themselves, or each other
@pytest.fixture(scope="module")
def report(built) -> Path:
    return built["cd-report-en"]


@pytest.mark.parametrize("loop", ["itself", "each-other"])
def test_footnotes_that_call_themselves_are_read_once(report, tmp_path, loop):
    with zipfile.ZipFile(report) as z:
        ids = re.findall(r'<w:footnote w:id="(\d+)"(?: [^>]*)?>', z.read("word/footnotes.xml").decode())
    first, second = [i for i in ids if int(i) > 0][:2]
    calls = {first: first} if loop == "itself" else {first: second, second: first}

    def call(xml: str) -> str:
        for note, called in calls.items():
            xml = re.sub(rf'(<w:footnote w:id="{note}"(?: [^>]*)?>.*?)(</w:p>)',
                         rf'\1<w:r><w:footnoteReference w:id="{called}"/></w:r>\2', xml, count=1, flags=re.S)
        return xml

    result, outline = _import(_rewrite(report, tmp_path / "loop.docx", "word/footnotes.xml", call), tmp_path)
    assert result.exit_code == 0, result.output
    said = "calls itself" if loop == "itself" else "a footnote inside a footnote was dropped"
    assert any(said in w for w in _warnings(result.output)), result.output
    read_outline(outline)


# E4: a text box inside a run (as Word and LibreOffice write it) and a comment with no range (LibreOffice)
BOXED_RUN = (
    '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Box"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>Words in a box</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
    "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect "
    'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Words in a box</w:t>'
    "</w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def test_a_text_box_inside_a_run_is_named_once_with_its_words(tmp_path):
    result, outline = _import(_with(tmp_path, _p(_r("Beside a box.") + BOXED_RUN)), tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    boxes = [w for w in _warnings(result.output) if "Words in a box" in w]
    assert len(boxes) == 1 and "text box" in boxes[0], result.output
    assert "Beside a box." in outline.read_text(encoding="utf-8")


def test_a_comment_without_a_range_is_named_with_its_text(tmp_path):
    d = docx.Document()
    commented = d.add_paragraph("A paragraph commented on.")
    d.add_comment(commented.runs, text="Please check the figure", author="Editor")
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for el in d.element.body.iter(qn(tag)):
            el.getparent().remove(el)
    path = tmp_path / "comment.docx"
    d.save(str(path))
    result, _ = _import(path, tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    assert any("comment" in w and "Please check the figure" in w for w in _warnings(result.output)), result.output


# E5: files that must be kept, with the gaps filled in where the user sees them
@pytest.fixture(scope="module")
def letter(built) -> Path:
    return built["cd-way-ahead-en"]


def test_a_cross_reference_to_a_deleted_paragraph_is_kept_as_its_text(report, tmp_path):
    with zipfile.ZipFile(report) as z:
        name = re.search(r'<w:bookmarkStart w:id="\d+" w:name="(_Ref_[^"]+)"', z.read("word/document.xml").decode())
    assert name, "the example report has a cross-reference"
    cut = _rewrite(report, tmp_path / "cut.docx", "word/document.xml",
                   lambda x: re.sub(rf'<w:bookmark(?:Start|End) w:id="(\d+)" w:name="{name.group(1)}"/>', "", x))
    result, outline = _import(cut, tmp_path)
    assert result.exit_code == 0, result.output
    assert any("cross-reference" in w and "not in the document" in w for w in _warnings(result.output))
    assert "{ref:" + name.group(1).removeprefix("_Ref_") + "}" not in outline.read_text(encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0


def test_pasted_control_characters_are_read_as_windows_1252_or_dropped(tmp_path):
    paragraph = _p(_r("The Conference\u0092s work \u0085 ended\u007f here."))
    result, outline = _import(_with(tmp_path, paragraph), tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    assert "The Conference\u2019s work \u2026 ended here." in outline.read_text(encoding="utf-8")
    warnings = _warnings(result.output)
    assert any("U+0092" in w and "\u2019" in w for w in warnings) and any("U+007F" in w for w in warnings)


def _drop_paragraphs(doc: docx.Document, *starts: str) -> None:
    for p in list(doc.paragraphs):
        if p.text.startswith(starts):
            p._p.getparent().remove(p._p)


def test_a_letter_without_a_signature_gets_a_placeholder_signatory(letter, tmp_path):
    d = docx.Document(str(letter))
    _drop_paragraphs(d, "(Signed)", "Permanent Representative", "Ambassador")
    d.save(str(tmp_path / "unsigned.docx"))
    result, outline = _import(tmp_path / "unsigned.docx", tmp_path)
    assert result.exit_code == 0, result.output
    assert any("signature" in w for w in _warnings(result.output)), result.output
    text = outline.read_text(encoding="utf-8")
    assert re.search(r"signatories:\s+# placeholder", text), text
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0


def test_an_impossible_masthead_date_gets_a_placeholder(letter, tmp_path):
    impossible = _rewrite(letter, tmp_path / "date.docx", "word/document.xml",
                          lambda x: re.sub(r"15(\s)September(\s)2017", r"31\1September\g<2>2017", x, count=1))
    result, outline = _import(impossible, tmp_path)
    assert result.exit_code == 0, result.output
    assert any("31\\xa0September" in w or "31 September" in w for w in _warnings(result.output)), result.output
    assert re.search(r"^date: \S+ +# placeholder", outline.read_text(encoding="utf-8"), re.M)
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0


def test_a_qr_address_too_long_for_a_qr_code_is_left_to_the_default(letter, tmp_path):
    with zipfile.ZipFile(letter) as z:
        footer = next(n for n in z.namelist() if n.startswith("word/footer")
                      and "QR code: " in z.read(n).decode())
    long = _rewrite(letter, tmp_path / "qr.docx", footer,
                    lambda x: re.sub(r'descr="QR code: [^"]*"', f'descr="QR code: https://undocs.org/{"x" * 2100}"', x))
    result, outline = _import(long, tmp_path)
    assert result.exit_code == 0, result.output
    assert any("QR code" in w and "2,000" in w for w in _warnings(result.output)), result.output
    assert "qr:" not in outline.read_text(encoding="utf-8")


def test_what_cannot_be_repaired_is_reported_in_the_outline_written(letter, tmp_path):
    longer = "Conference on Disarmament" + " and more" * 40
    named = _rewrite(letter, tmp_path / "body.docx", "word/document.xml",
                     lambda x: x.replace("Conference on Disarmament", longer, 1))
    result, outline = _import(named, tmp_path)
    assert result.exit_code == 2
    assert outline.exists()
    problem = re.search(rf"^{re.escape(str(outline))}:(\d+):(\d+): body: ", result.output, re.M)
    assert problem, result.output
    line = outline.read_text(encoding="utf-8").splitlines()[int(problem.group(1)) - 1]
    assert line.startswith("body: Conference on Disarmament and more")


# E15: import and build accept the same documents
def test_a_document_whose_outline_build_would_refuse_is_refused_by_the_import(tmp_path):
    d = docx.Document()
    sentence = "The working group considered the matter at length and reached no conclusion. " * 14
    for _ in range(MAX_BYTES // len(sentence) + 50):
        d.add_paragraph(sentence)
    path = tmp_path / "long.docx"
    d.save(str(path))
    result, outline = _import(path, tmp_path, "--language", "en")
    assert result.exit_code == 2
    assert result.output.startswith(f"{path}: ") and f"{MAX_BYTES:,}" in result.output
    assert not outline.exists()


# E18: a field inside another (IF holding DATE) keeps the printed result, with a warning
def test_a_nested_field_keeps_its_printed_result_with_a_warning(tmp_path):
    def fld(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    def instr(text: str) -> str:
        return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'

    nested = (_r("Issued ") + fld("begin") + instr(" IF ") + fld("begin") + instr(" DATE \\@ yyyy ")
              + fld("separate") + _r("1999") + fld("end") + instr(' = 1999 "this year" "another year" ')
              + fld("separate") + _r("this year") + fld("end") + _r("."))
    result, outline = _import(_with(tmp_path, _p(nested)), tmp_path, "--language", "en")
    assert result.exit_code == 0, result.output
    text = outline.read_text(encoding="utf-8")
    assert "Issued this year." in text and "1999" not in text.replace("Issued this year.", "")
    assert any("field IF kept as its text" in w for w in _warnings(result.output)), result.output
