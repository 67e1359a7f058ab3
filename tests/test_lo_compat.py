"""The copy LibreOffice converts draws what Word draws; the .docx itself keeps the UNOG form."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

from lxml import etree
from PIL import Image

from cddraft.lo_compat import for_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _separator(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/footnotes.xml"))
    return root.find(f"{W}footnote[@{W}type='separator']")


def test_the_docx_keeps_the_unog_separator_and_the_copy_gets_a_drawn_one(built):
    original = built["cd-report-en"].read_bytes()
    sep = _separator(original)
    assert sep.find(f".//{W}separator") is None and sep.find(f".//{W}u") is not None, "UNOG: an underlined tab"
    copy = for_libreoffice(original)
    assert _separator(copy).find(f".//{W}separator") is not None
    with zipfile.ZipFile(io.BytesIO(original)) as a, zipfile.ZipFile(io.BytesIO(copy)) as b:
        assert a.namelist() == b.namelist()
        # the footnotes, and the section's note numbering (continuous in the copy: see the next test)
        assert [n for n in a.namelist() if a.read(n) != b.read(n)] == ["word/document.xml", "word/footnotes.xml"]


def test_the_docx_restarts_notes_per_section_and_the_copy_numbers_them_on(built):
    """§4.1a: Word restarts per section; LibreOffice would restart at each chapter, so its copy runs on."""
    original = built["cd-report-en"].read_bytes()

    def restarts(docx: bytes) -> list[str]:
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        return [el.get(f"{W}val") for el in root.iter(f"{W}numRestart")]

    assert restarts(original) == ["eachSect"]
    assert restarts(for_libreoffice(original)) == []


def test_a_document_without_footnotes_is_converted_as_it_is(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert for_libreoffice(buf.getvalue()) == buf.getvalue()


def test_the_pdf_has_a_rule_above_the_footnotes(pdfs, tmp_path):
    """A dark horizontal line at least 2 cm long in the gap between the body and the first footnote."""
    pdf = pdfs["cd-report-en"]
    words = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', words).group(1))
    # footnote 1 reads "The informal meetings were not recorded…": its "informal" is the lowest on page 1
    notes = [float(y) for y, text in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', words)
             if text == "informal" and float(y) > height / 2]
    assert notes, "the footnote text is on page 1"
    notes.sort(reverse=True)
    dpi = 100
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                    str(tmp_path / "p")], check=True)
    page = Image.open(tmp_path / "p.png").convert("L")
    top, bottom = round((notes[0] - 24) * dpi / 72), round(notes[0] * dpi / 72)
    need = round(2 / 2.54 * dpi)
    longest = 0
    for y in range(top, bottom):
        run = 0
        for x in range(page.width):
            run = run + 1 if page.getpixel((x, y)) < 128 else 0
            longest = max(longest, run)
    assert longest >= need, f"no rule above the footnote (longest dark run {longest} px, need {need})"


def _part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read(name))


def test_the_copy_puts_the_footnote_number_at_the_margin(built):
    """LibreOffice would push the text far right after the UNOG leading tab: the copy drops it."""
    copy = _part(for_libreoffice(built["cd-report-en"].read_bytes()), "word/footnotes.xml")
    notes = [n for n in copy.iterfind(f"{W}footnote") if n.get(f"{W}type") is None]
    assert notes
    for note in notes:
        para = note.find(f"{W}p")
        first = para.find(f"{W}r")
        assert first.find(f"{W}footnoteRef") is not None
        assert [(t.get(f"{W}val"), t.get(f"{W}pos")) for t in para.iterfind(f"{W}pPr/{W}tabs/{W}tab")] == [
            ("clear", "1021")]


def _justified_styles(root: etree._Element) -> set[str]:
    return {s.get(f"{W}styleId") for s in root.iterfind(f"{W}style")
            if s.find(f"{W}pPr/{W}jc[@{W}val='both']") is not None}


def test_chinese_is_justified_in_the_docx_and_ranged_left_only_in_the_copy(built):
    docx = built["cd-way-ahead-zh"].read_bytes()
    assert "SingleTxtG" in _justified_styles(_part(docx, "word/styles.xml"))
    body = _part(docx, "word/document.xml")
    ns = {"w": W[1:-1]}
    text = body.xpath(".//w:pPr[w:pStyle/@w:val='SingleTxtG']", namespaces=ns)
    aligned = [p for p in text if p.find(f"{W}jc") is not None]  # the closing 此致/敬礼 and the signature
    assert len(text) - len(aligned) > 30 and len(aligned) <= 6, "running text takes the style's justification"
    assert _justified_styles(_part(for_libreoffice(docx), "word/styles.xml")) == set()
    english = built["cd-way-ahead-en"].read_bytes()
    assert _justified_styles(_part(for_libreoffice(english), "word/styles.xml")) == _justified_styles(
        _part(english, "word/styles.xml"))
