"""The built .docx reopened by independent readers (python-docx, docx2python, openxml-audit)."""

from __future__ import annotations

import io
import itertools
import re
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docx2python import docx2python

from tests.conftest import EXAMPLES, audit_errors, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
G_STYLES = {"HChG", "H1G", "H23G", "H4G", "H56G", "SingleTxtG", "Bullet1G", "Bullet2G"}


@pytest.fixture(scope="module")
def letter(built):
    return docx.Document(str(built["cd-way-ahead-en"]))


def test_page_setup_is_a4_with_first_and_odd_even_pages(letter):
    sect = letter.sections[0]
    assert abs(sect.page_width - Mm(210)) < Mm(1) and abs(sect.page_height - Mm(297)) < Mm(1)
    assert sect.different_first_page_header_footer
    assert letter.settings.odd_and_even_pages_header_footer


def test_running_headers_per_header_type(letter):
    sect = letter.sections[0]
    assert all(not p.text for p in sect.first_page_header.paragraphs), "page 1 has no running header"
    odd = [p for p in sect.header.paragraphs if p.text]
    even = [p for p in sect.even_page_header.paragraphs if p.text]
    assert [p.text for p in odd] == ["CD/2101"] and odd[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert [p.text for p in even] == ["CD/2101"] and even[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (sect.footer, sect.even_page_footer):
        assert "PAGE" in footer._element.xml and "fldChar" in footer._element.xml


def test_first_page_footer_has_job_number_barcode_qr_and_recycle(letter):
    footer = letter.sections[0].first_page_footer
    text = "\n".join(c.text for t in footer.tables for row in t.rows for c in row.cells)
    assert "GE.17-16166 (E) 190917 190917" in text
    assert "*1716166*" in text
    assert "Please recycle" in text
    pictures = footer._element.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/picture}pic")
    assert len(pictures) == 2
    blobs = {rel.target_part.content_type for rel in footer.part.rels.values() if "image" in rel.reltype}
    assert blobs == {"image/png"}


def test_masthead_reads_as_a_un_masthead(built):
    with docx2python(built["cd-way-ahead-en"]) as d:
        text = d.text
    head = text[: text.index("Letter dated")]
    for expected in ("CD", "/2101", "Conference on Disarmament", "15\u00a0September\u00a02017", "Original: English"):
        assert expected in head
    assert "Distr." not in head, "CD documents carry no distribution line by default"


def test_paragraphs_use_the_g_styles(letter):
    used = {p.style.style_id for p in letter.paragraphs if p.text.strip()}
    assert used <= G_STYLES | {"Normal"}
    assert {"HChG", "SingleTxtG"} <= used


def test_letter_title_is_the_un_formula(letter):
    titles = [p.text.strip() for p in letter.paragraphs if p.style.style_id == "HChG"]
    assert titles[0] == (
        "Letter dated 14\u00a0September\u00a02017 from the Permanent Representative of the Republic of the Union of "
        "Myanmar addressed to the Secretary-General of the Conference transmitting the report on the informal "
        "meetings on agenda items 1 and 2 focusing broadly on nuclear disarmament"
    )
    assert titles[1] == "Annex"


def test_signature_block_is_right_aligned_signed_first(letter):
    paras = [p for p in letter.paragraphs if p.alignment == WD_ALIGN_PARAGRAPH.RIGHT and p.text]
    assert [p.text for p in paras[:3]] == [
        "(Signed) Htin Lynn", "Permanent Representative of the Republic of the Union of Myanmar", "Ambassador"]


def test_annex_starts_on_a_new_page(letter):
    annex = next(p for p in letter.paragraphs if p.text.strip() == "Annex")
    assert annex._p.find(f"{W}pPr/{W}pageBreakBefore") is not None


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_every_example_passes_openxml_audit(built, stem):
    assert audit_errors(built[stem]) == []


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_no_template_tags_are_left(built, stem):
    with zipfile.ZipFile(built[stem]) as zf:
        for name in zf.namelist():
            if name.endswith(".xml"):
                data = zf.read(name).decode("utf-8")
                assert "{{" not in data and "{%" not in data, name


def test_special_characters_come_out_literally(tmp_path):
    nasty = "A & B < C > D {{ x }} {% if y %} {# z #}"
    outline = tmp_path / "n.yaml"
    outline.write_text(
        f"""kind: report
symbol: CD/2102
date: 2017-09-20
report:
  title: "Title {nasty}"
  content:
    - heading: "Heading {nasty}"
      content:
        - "Para {nasty}^[Note {nasty}]"
""",
        encoding="utf-8",
    )
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0
    with docx2python(tmp_path / "n.docx") as d:
        body, notes = d.text, "".join(str(x) for x in d.footnotes)
    for label in ("Title", "Heading", "Para"):
        assert f"{label} {nasty}" in body
    assert f"Note {nasty}" in notes
    assert audit_errors(tmp_path / "n.docx") == []


def _build_text(tmp_path, text, name="x"):
    p = tmp_path / f"{name}.yaml"
    p.write_text(text, encoding="utf-8")
    result = run_cli("build", str(p), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    return docx.Document(str(tmp_path / f"{name}.docx"))


@pytest.mark.parametrize(("order", "first"), [("as_given", "Sven S"), ("by_country", "Anna A")])
def test_several_signatories_side_by_side_in_the_senders_or_in_country_order(tmp_path, order, first):
    """A joint letter signs in the senders' order (the outline's); asked, by the English names of the countries."""
    document = _build_text(tmp_path, f"""\
symbol: CD/2101
date: 2017-09-15
letter:
  date: 2017-09-14
  sender: the Permanent Representatives of Sweden and Austria
  paragraphs: [Joint text.]
  side_by_side: true
  signatory_order: {order}
  signatories:
    - {{name: Sven S, country: Sweden, titles: [Ambassador of Sweden]}}
    - {{name: Anna A, country: Austria, titles: [Ambassador of Austria]}}
""")
    table = document.tables[-1]
    cells = [c.text.splitlines() for c in table.rows[0].cells]
    sven, anna = ["(Signed) Sven S", "Ambassador of Sweden"], ["(Signed) Anna A", "Ambassador of Austria"]
    assert cells == ([sven, anna] if first == "Sven S" else [anna, sven])
    request = next(p.text for p in document.paragraphs if "grateful" in p.text)
    assert request.startswith("We would be grateful"), "a joint letter asks in the plural"
    spaced = [c.paragraphs[0].paragraph_format.space_before for c in table.rows[0].cells]
    assert spaced == [docx.shared.Pt(24)] * 2, "the blocks stand apart from the last paragraph, as one alone does"


def test_note_verbale_is_unsigned_with_its_own_title(tmp_path):
    document = _build_text(tmp_path, """\
kind: note-verbale
symbol: CD/2102
date: 2017-09-15
letter:
  date: 2017-09-14
  sender: the Permanent Mission of Chile to the Conference on Disarmament
  paragraphs: [The Permanent Mission of Chile presents its compliments.]
""")
    texts = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    assert texts[0] == ("Note verbale dated 14\u00a0September\u00a02017 from the Permanent Mission of Chile to the "
                        "Conference on Disarmament addressed to the Secretary-General of the Conference")
    assert not any(t.startswith("(Signed)") for t in texts)
    assert any("present note verbale" in t for t in texts)


def test_a_lead_in_keeps_with_its_first_item_and_lists_still_break(built):
    """"… the Conference:" must not end a page with its (a), (b) on the next (Word's keep-with-next)."""
    paragraphs = docx.Document(str(built["cd-report-en"])).paragraphs
    lead_ins = [(p, nxt) for p, nxt in itertools.pairwise(paragraphs) if nxt.text.startswith("(a)\t")]
    assert len(lead_ins) >= 2
    for lead_in, _ in lead_ins:
        assert lead_in.text.endswith(":") and lead_in.paragraph_format.keep_with_next, lead_in.text
    items = [p for p in paragraphs if re.match(r"\((?:[a-h]|i{1,3})\)\t", p.text)]
    assert any(not p.paragraph_format.keep_with_next for p in items), "a long list may still break between items"


def test_a_long_title_is_cut_at_a_word_in_the_document_properties(letter):
    """Word's title property holds 255 characters; the seed's title is longer."""
    title = letter.core_properties.title
    assert len(title) <= 255 and title.endswith("…")
    full = next(p.text.strip() for p in letter.paragraphs if p.style.style_id == "HChG")
    assert len(full) > 255 and full.startswith(title[:-1]) and full[len(title) - 1] == " "


def test_letter_paragraphs_and_items_take_their_margins_from_the_style(built):
    """Only the first-line indent is the paragraph's own, so a template's SingleTxtG margins apply."""
    letter = docx.Document(str(built["cd-way-ahead-en"]))
    body = [p for p in letter.paragraphs if p.text.startswith(("I have the honour", "I would be grateful"))]
    report = docx.Document(str(built["cd-report-en"]))
    items = [p for p in report.paragraphs if re.match(r"\((?:[a-h]|i{1,3})\)\t", p.text)]
    assert len(body) == 2 and items
    for p in body + items:
        fmt = p.paragraph_format
        assert p.style.style_id == "SingleTxtG"
        assert fmt.left_indent is None and fmt.right_indent is None, p.text[:40]
    assert all(p.paragraph_format.first_line_indent for p in body)


def test_footnote_numbers_restart_in_each_section_as_in_the_unog_template(built):
    """§4.1a (S): ``footnotePr/numRestart eachSect`` in the section; the document stays one sequence."""
    with zipfile.ZipFile(built["cd-report-en"]) as z:
        xml = z.read("word/document.xml").decode()
    assert '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>' in xml
    assert xml.count("<w:sectPr") == 1


def test_document_properties_name_the_document(letter):
    """Word's File > Info: the symbol, the language, the masthead date as creation date, not the build's clock."""
    props = letter.core_properties
    assert props.identifier == "CD/2101" and props.language == "en-GB"
    assert props.created.date().isoformat() == "2017-09-15" == props.modified.date().isoformat()
    assert props.last_modified_by == "cddraft"


def test_a_paragraph_too_big_to_move_whole_is_moved_child_by_child_to_the_same_xml(monkeypatch):
    """A huge paragraph is moved into the document run by run (moving it whole takes quadratic time in lxml);
    the document is the same either way."""
    from cddraft.localise import localise
    from cddraft.model.document import Document
    from cddraft.writers import docx as writer

    doc = Document.model_validate({"kind": "report", "symbol": "CD/2102", "date": "2017-09-20", "report": {
        "title": "Report", "content": [" ".join(["*a* b **c**"] * 400), "A short one.^[A note.]"]}})
    by_run, limit = writer.render_docx(localise(doc)), writer._MOVE_WHOLE
    monkeypatch.setattr(writer, "_MOVE_WHOLE", 10**9)
    whole = writer.render_docx(localise(doc))
    with zipfile.ZipFile(io.BytesIO(by_run)) as a, zipfile.ZipFile(io.BytesIO(whole)) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
        assert a.read("word/document.xml").count(b"<w:r>") > 2 * limit, "the paragraph is over the limit"
