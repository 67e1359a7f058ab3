"""Nothing lost unsaid (issue 28): every word of a Word file's body, footnotes and endnotes — in tables, text boxes,
content controls (a cover page among them, and controls inside table cells), custom XML, equations and fields —
is in the imported outline or quoted in a warning at its paragraph; endnotes become notes; warnings print a
no-break space as a space. The words are read from the package with lxml, not with cddraft's reader."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import parse_xml
from lxml import etree

from tests.conftest import run_cli

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
M = ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math")
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NSW = f'xmlns:w="{W}"'
THIRD_PARTY = sorted((Path(__file__).parent / "thirdparty").glob("*.docx"))
_WORD = re.compile(r"[\u3400-\u9fff]|[^\W_]+")


def _text(root: etree._Element) -> str:
    """What a reader of the part sees: its texts, equations included, a line break or a tab a blank, a paragraph a
    line; deleted text, field codes, the separator notes and the second drawing of a text box left out."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        ns, _, name = tag[1:].partition("}")
        if (ns, name) == (MC, "Fallback") or name in ("delText", "instrText", "del", "moveFrom"):
            return
        if name in ("footnote", "endnote") and (el.get(f"{{{ns}}}type") or "normal") != "normal":
            return
        if name == "t" and (ns in (W, STRICT_W) or ns in M):
            out.append(el.text or "")
        elif name in ("tab", "br", "cr") and ns in (W, STRICT_W):
            out.append(" ")
        for child in el:
            walk(child)
        if name == "p":
            out.append("\n")

    walk(root)
    return "".join(out)


def source_words(path: Path) -> Counter[str]:
    """The words of the body, footnotes and endnotes, the main part found through ``_rels/.rels``."""
    with zipfile.ZipFile(path) as z:
        rels = etree.fromstring(z.read("_rels/.rels"))
        main = next(r.get("Target") for r in rels if r.get("Type", "").endswith("/officeDocument")).lstrip("/")
        folder = main.rpartition("/")[0]
        names = [main] + [f"{folder}/{n}" for n in ("footnotes.xml", "endnotes.xml")]
        text = "\n".join(_text(etree.fromstring(z.read(n))) for n in names if n in z.namelist())
    return Counter(w.casefold() for w in _WORD.findall(text))


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [] if value is None else [str(value)]


def _import(path: Path, tmp_path: Path, *args: str) -> tuple[dict, list[str]]:
    outline = tmp_path / "imported.yaml"
    result = run_cli("import", str(path), "-o", str(outline), *args)
    assert result.exit_code == 0, result.output
    built = run_cli("build", str(outline), "-o", str(tmp_path / "built"))
    assert built.exit_code == 0, built.output
    return (yaml.safe_load(outline.read_text(encoding="utf-8")),
            [line.split("warning: ", 1)[1] for line in result.output.splitlines() if "warning: " in line])


def _lost(path: Path, data: dict, warnings: list[str]) -> list[str]:
    kept = Counter(w.casefold() for w in _WORD.findall(" ".join([*_strings(data), *warnings])))
    return sorted(w for w, n in source_words(path).items() if kept[w] < n)


@pytest.mark.parametrize("path", THIRD_PARTY, ids=[p.stem for p in THIRD_PARTY])
def test_every_word_of_other_projects_files_is_in_the_outline_or_a_warning(tmp_path, path):
    data, warnings = _import(path, tmp_path, "--language", "en")
    assert source_words(path), "a file with text"
    assert _lost(path, data, warnings) == []


# -- a file with all of it, built here ---------------------------------------------------------------------------
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_V = "urn:schemas-microsoft-com:vml"


def _box(text: str) -> str:
    """A text box drawn two ways, as Word writes one: its DrawingML shape and a VML fallback, each with the text."""
    content = (f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>Second\u00a0line'
               "</w:t></w:r></w:p></w:txbxContent>")
    return (f'<w:r {NSW} xmlns:mc="{MC}" xmlns:wps="{_WPS}" xmlns:v="{_V}"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{content}</wps:txbx></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>'
            "</mc:AlternateContent></w:r>")


def _with_endnotes(source: Path, target: Path, notes: dict[int, str]) -> Path:
    """``source`` with an endnotes part holding ``notes`` (id → text), related and typed as Word does."""
    body = "".join(f'<w:endnote w:id="{i}"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> {t}'
                   "</w:t></w:r></w:p></w:endnote>" for i, t in notes.items())
    endnotes = (f'<w:endnotes {NSW}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                f"</w:endnote>{body}</w:endnotes>")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdEnd" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/endnotes" '
                                    b'Target="endnotes.xml"/></Relationships>')
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/endnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
            zout.writestr(item, data)
        zout.writestr("word/endnotes.xml", endnotes)
    return target


@pytest.fixture(scope="module")
def everything(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("everything")
    d = docx.Document()
    d.core_properties.language = "en-GB"
    body = d.element.body
    cover = parse_xml(  # a cover page: a content control of Word's "Cover Pages" gallery, its title in a text box
        f'<w:sdt {NSW}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/><w:docPartUnique/>'
        '</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Prepared by the secretariat</w:t></w:r></w:p>'
        f'<w:p>{_box("Annual review of verification")}</w:p></w:sdtContent></w:sdt>')
    body.insert(0, cover)
    d.add_heading("Report on verification", level=1)
    noted = d.add_paragraph("The Group met twice.")
    noted._p.append(parse_xml(f'<w:r {NSW}><w:endnoteReference w:id="1"/></w:r>'))
    equation = d.add_paragraph("The rate is ")
    equation._p.append(parse_xml(
        f'<m:oMath xmlns:m="{M[0]}" {NSW}><m:r><m:t>growth=</m:t></m:r><m:sSup><m:e><m:r><m:t>rate</m:t></m:r>'
        "</m:e><m:sup><m:r><m:t>years</m:t></m:r></m:sup></m:sSup></m:oMath>"))
    wrapped = parse_xml(f'<w:customXml {NSW} w:element="clause"><w:p><w:r><w:t>A clause in custom markup.</w:t>'
                        "</w:r></w:p></w:customXml>")
    body.insert(len(body) - 1, wrapped)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Meeting", "Attendance"
    table.cell(1, 0).text = "First"
    cell = table.cell(1, 1)._tc
    cell.remove(cell.find(f"{{{W}}}p"))
    cell.append(parse_xml(f'<w:sdt {NSW}><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Forty-two '
                          "delegations</w:t></w:r></w:p></w:sdtContent></w:sdt>"))
    row = parse_xml(f'<w:sdt {NSW}><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>Second</w:t></w:r></w:p></w:tc>'
                    "<w:tc><w:p><w:r><w:t>Thirty-nine</w:t></w:r></w:p></w:tc></w:tr></w:sdtContent></w:sdt>")
    table._tbl.append(row)
    boxed = d.add_paragraph("A drawing follows.")
    boxed._p.append(parse_xml(_box("Boxed\u00a0remark")))
    commented = d.add_paragraph("A paragraph with a comment.")
    d.add_comment(commented.runs, text="First thought.\nSecond thought.", author="Editor")
    plain = work / "plain.docx"
    d.save(str(plain))
    return _with_endnotes(plain, work / "everything.docx", {1: "Both meetings were held in Geneva."})


def test_every_word_of_a_file_with_everything_is_kept_or_said(everything, tmp_path):
    data, warnings = _import(everything, tmp_path)
    assert _lost(everything, data, warnings) == []


def _section(data: dict) -> list:
    """The report's content: the cover page's line, then the one heading and what stands under it."""
    first, section = data["report"]["content"]
    assert first == "Prepared by the secretariat" and section["heading"] == "Report on verification"
    return section["content"]


def test_an_endnote_becomes_a_note_and_an_equation_its_text(everything, tmp_path):
    data, warnings = _import(everything, tmp_path)
    content = _section(data)
    texts = [b if isinstance(b, str) else b.get("text") for b in content]
    assert "The Group met twice.^[Both meetings were held in Geneva.]" in texts
    assert "The rate is growth=rateyears" in texts
    assert any("an endnote became a footnote" in w for w in warnings)
    assert any("an equation was kept as its plain text: 'growth=rateyears'" in w for w in warnings)


def test_content_controls_custom_markup_and_controls_in_cells_are_read(everything, tmp_path):
    data, warnings = _import(everything, tmp_path)
    content = _section(data)
    assert "A clause in custom markup." in content
    table = next(b for b in content if isinstance(b, dict) and "rows" in b)
    assert table["rows"] == [["Meeting", "Attendance"], ["First", "Forty-two delegations"], ["Second", "Thirty-nine"]]
    assert any("a text box was dropped: 'Annual review of verification Second line'" in w for w in warnings)


def test_warnings_print_a_no_break_space_as_a_space(everything, tmp_path):
    _, warnings = _import(everything, tmp_path)
    assert any("a text box was dropped: 'Boxed remark Second line'" in w for w in warnings)
    assert any("a comment was dropped: 'First thought. Second thought.'" in w for w in warnings)
    assert not any("\\xa0" in w or "\u00a0" in w for w in warnings)


def test_the_words_are_read_from_the_main_part_the_package_names(tmp_path):
    """The check above reads what the package's relationships name: a file whose main part is elsewhere is
    counted from there (and a copy with the part missing has no words)."""
    path = Path(__file__).parent / "thirdparty" / "docx2python-renamed_document_xml.docx"
    assert source_words(path)["website"] == 1
    raw = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(raw, "w") as zout:
        for item in zin.infolist():
            if not item.filename.endswith("blah_blah.xml"):
                zout.writestr(item, zin.read(item.filename))
    (tmp_path / "gone.docx").write_bytes(raw.getvalue())
    assert source_words(tmp_path / "gone.docx") == Counter()
