"""The house template is generated from reviewable source; any template with the G styles works."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from cddraft.writers.docx.template import house_template
from tests.conftest import EXAMPLES, REPO, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _generator():
    spec = importlib.util.spec_from_file_location("make_house_template", REPO / "scripts" / "make_house_template.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_template_is_what_the_script_generates(tmp_path):
    fresh = tmp_path / "house.docx"
    _generator().write(fresh)
    committed = REPO / "templates" / "house.docx"
    assert fresh.read_bytes() == committed.read_bytes(), "run: python scripts/make_house_template.py"


def test_packaged_template_is_the_committed_one():
    assert house_template().read_bytes() == (REPO / "templates" / "house.docx").read_bytes()


def test_style_values_follow_the_unog_template():
    styles = docx.Document(str(REPO / "templates" / "house.docx")).styles
    hchg, single, fn = styles["_ H _Ch_G"], styles["_ Single Txt_G"], styles["footnote text"]
    assert hchg.style_id == "HChG" and hchg.font.bold and hchg.font.size.pt == 14
    assert hchg.paragraph_format.left_indent.twips == 1134 and hchg.paragraph_format.first_line_indent.twips == -1134
    assert single.paragraph_format.left_indent.twips == 1134 and single.paragraph_format.right_indent.twips == 1134
    assert fn.font.size.pt == 9


def _template_with(tmp_path, edit) -> str:
    src = REPO / "templates" / "house.docx"
    out = tmp_path / "custom.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, edit(item.filename, data))
    return str(out)


def _build_without_style(tmp_path, style: str):
    """Build the seed letter with a template in which ``style`` is renamed away."""
    tpl = _template_with(tmp_path, lambda n, d: d.replace(f'w:styleId="{style}"'.encode(), b'w:styleId="Other"')
                         if n == "word/styles.xml" else d)
    return run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path / "o"), "--template", tpl)


def test_template_missing_a_style_is_refused(tmp_path):
    result = _build_without_style(tmp_path, "H23G")
    assert result.exit_code == 2
    assert "lacks the style(s) H23G (\"_ H_2/3_G\" in Word)" in result.output, result.output
    assert not (tmp_path / "o").exists()


def test_a_template_without_an_unused_style_is_accepted(tmp_path):
    """H56G is a UNOG style the writers never set: a template need not define it."""
    result = _build_without_style(tmp_path, "H56G")
    assert result.exit_code == 0, result.output


def test_template_missing_the_footnote_reference_style_is_refused(tmp_path):
    result = _build_without_style(tmp_path, "FootnoteReference")
    assert result.exit_code == 2
    assert "lacks the style(s) FootnoteReference (\"footnote reference\" in Word)" in result.output, result.output


def test_a_template_with_the_g_styles_is_used(tmp_path):
    # a "genuine" template: same style ids, different values (HChG at 16 pt)
    tpl = _template_with(tmp_path, lambda n, d: d.replace(
        b'w:styleId="HChG"><w:name w:val="_ H _Ch_G"/>', b'w:styleId="HChG"><w:name w:val="Genuine HChG"/>')
        if n == "word/styles.xml" else d)
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path), "--template", tpl)
    assert result.exit_code == 0, result.output
    out = docx.Document(str(tmp_path / "cd-way-ahead-en.docx"))
    assert out.styles["Genuine HChG"].style_id == "HChG"
    assert any(p.style.name == "Genuine HChG" for p in out.paragraphs)


def _xlargeg(path) -> bytes | None:
    with zipfile.ZipFile(path) as zf:
        found = re.search(rb'<w:style [^>]*w:styleId="XLargeG">.*?</w:style>', zf.read("word/styles.xml"))
    return found.group(0) if found else None


def test_a_template_without_the_masthead_style_gets_it_from_the_layout_table(tmp_path):
    """A genuine template may predate cddraft's use of XLargeG: the build adds the house definition."""
    house = _xlargeg(REPO / "templates" / "house.docx")
    tpl = _template_with(tmp_path, lambda n, d: d.replace(house, b"") if n == "word/styles.xml" else d)
    assert _xlargeg(tpl) is None
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path), "--template", tpl)
    assert result.exit_code == 0, result.output
    built = tmp_path / "cd-way-ahead-en.docx"
    assert _xlargeg(built) == house
    with zipfile.ZipFile(built) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
    organ = [p for p in body.iter(f"{W}p") if "".join(p.itertext()) == "Conference on Disarmament"]
    assert [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in organ] == ["XLargeG"]


def test_a_template_with_its_own_masthead_style_keeps_it(tmp_path):
    own = b'<w:style w:type="paragraph" w:styleId="XLargeG"><w:name w:val="Own XLarge"/></w:style>'
    house = _xlargeg(REPO / "templates" / "house.docx")
    tpl = _template_with(tmp_path, lambda n, d: d.replace(house, own) if n == "word/styles.xml" else d)
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path), "--template", tpl)
    assert result.exit_code == 0, result.output
    assert _xlargeg(tmp_path / "cd-way-ahead-en.docx") == own


def test_jinja_in_a_template_is_sandboxed(tmp_path):
    evil = b"{{ ''.__class__.__mro__[1].__subclasses__() }}"
    tpl = _template_with(tmp_path, lambda n, d: d.replace(b"<w:p/>", b"<w:p><w:r><w:t>" + evil + b"</w:t></w:r></w:p>")
                         if n == "word/document.xml" else d)
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path / "o"), "--template", tpl)
    assert result.exit_code == 2
    assert "template error" in result.output
    assert not (tmp_path / "o").exists()


def test_template_variables_are_escaped_data(tmp_path):
    tpl = _template_with(tmp_path, lambda n, d: d.replace(b"<w:p/>", b"<w:p><w:r><w:t>{{ title }}</w:t></w:r></w:p>")
                         if n == "word/document.xml" else d)
    outline = tmp_path / "t.yaml"
    outline.write_text(
        "kind: report\nsymbol: CD/2102\ndate: 2017-09-20\nreport:\n  title: \"A & B <c> {{ 7\\\\*7 }}\"\n"
        "  content: [x]\n", encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path), "--template", tpl)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "t.docx")).paragraphs)
    assert "A & B <c> {{ 7*7 }}" in text and "49" not in text


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x03\x04broken"])
def test_corrupt_template_is_refused(tmp_path, content):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path / "o"), "--template", str(bad))
    assert result.exit_code == 2 and "not a Word file" in result.output


def test_dotx_template_is_accepted(tmp_path):
    def to_dotx(name, data):
        if name == "[Content_Types].xml":
            return data.replace(b"document.main+xml", b"template.main+xml")
        return data
    tpl = tmp_path / "g.dotx"
    tpl.write_bytes(Path(_template_with(tmp_path, to_dotx)).read_bytes())
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path), "--template", str(tpl))
    assert result.exit_code == 0, result.output
    assert docx.Document(io.BytesIO((tmp_path / "cd-way-ahead-en.docx").read_bytes())).paragraphs


@pytest.mark.parametrize(("code", "lang", "font"), [("fr", "fr-FR", None), ("ar", "ar-SA", "Simplified Arabic")])
def test_a_template_whose_normal_sets_english_takes_the_versions_language(tmp_path, code, lang, font):
    """The genuine UNOG Normal carries w:lang en-GB (§4.1a) and a complex-script font: a French version must
    not be proofed as English, nor Arabic text set in the Latin font."""
    normal = b'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>' \
             b'<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>' \
             b'</w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1">'
    tpl = _template_with(tmp_path, lambda n, d: d.replace(
        b'<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" '
        b'w:styleId="Heading1">', normal, 1) if n == "word/styles.xml" else d)
    assert b'w:cs="Times New Roman"/><w:sz' in zipfile.ZipFile(tpl).read("word/styles.xml")
    result = run_cli("build", str(EXAMPLES[f"cd-way-ahead-{code}"]), "-o", str(tmp_path), "--template", tpl)
    assert result.exit_code == 0, result.output
    style = docx.Document(str(tmp_path / f"cd-way-ahead-{code}.docx")).styles["Normal"].element
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert style.find(f"{w}rPr/{w}lang").get(f"{w}val") == lang
    if code == "ar":
        assert style.find(f"{w}rPr/{w}lang").get(f"{w}bidi") == "ar-SA"
        assert style.find(f"{w}rPr/{w}rFonts").get(f"{w}cs") == font
    assert style.find(f"{w}rPr/{w}lang").get(f"{w}eastAsia") == "zh-CN"


def test_the_house_template_itself_is_valid(tmp_path):
    """Users copy it to make their templates: Word must open it without offering a repair."""
    from tests.conftest import audit_errors

    assert audit_errors(REPO / "templates" / "house.docx") == []
