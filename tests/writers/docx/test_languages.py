"""Six language versions read back from the .docx: masthead, title, signature, annex, scripts.

Expected strings come from the issue and un-conventions.md (§1.4, §5.4, §6.7, §8, §11), not from
cddraft's own data files.
"""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx2python import docx2python
from lxml import etree

from tests.conftest import OUTLINES, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NBSP = "\u00a0"

MASTHEAD = {
    "en": ["15\u00a0September\u00a02017", "Original: English"],
    "fr": ["15\u00a0septembre\u00a02017", "Français", f"Original{NBSP}: anglais"],
    "es": ["15\u00a0de\u00a0septiembre\u00a0de\u00a02017", "Español", "Original: inglés"],
    "ru": ["15\u00a0September\u00a02017", "Russian", "Original: English"],
    "zh": ["15\u00a0September\u00a02017", "Chinese", "Original: English"],
    "ar": ["15\u00a0September\u00a02017", "Arabic", "Original: English"],
}
BODY_NAME = {"en": "Conference on Disarmament", "fr": "Conférence du désarmement", "es": "Conferencia de Desarme",
             "ru": "Конференция по разоружению", "zh": "裁军谈判会议", "ar": "مؤتمر نزع السلاح"}
TITLE_START = {
    "en": "Letter dated 14\u00a0September\u00a02017 from ",
    "fr": "Lettre datée du 14\u00a0septembre\u00a02017, adressée au Secrétaire général de la Conférence par ",
    "es": "Carta de fecha 14\u00a0de\u00a0septiembre\u00a0de\u00a02017 dirigida al Secretario General de la "
          "Conferencia por ",
    "ru": "Письмо ",
    "zh": "2017年9月14日缅甸联邦共和国常驻代表致裁军谈判会议秘书长的信函，其中转交",
    "ar": "رسالة مؤرخة 14\u00a0أيلول/سبتمبر\u00a02017 موجهة إلى ",
}
ANNEX = {"en": "Annex", "fr": "Annexe", "es": "Anexo", "ru": "Приложение", "zh": "附件", "ar": "المرفق"}
SIGNED_FIRST = {"en": "(Signed) Htin Lynn", "es": "(Firmado) Htin Lynn", "ru": "(Подпись) Тин Линн",
                "ar": "(توقيع) هتين لين"}
SIGNED_LAST = {"fr": "(Signé) Htin Lynn", "zh": "廷林(签名)"}


def _doc(built, code):
    return docx.Document(str(built[f"cd-way-ahead-{code}"]))


def _masthead_lines(document) -> list[str]:
    table = document.tables[0]
    return [p.text for p in table.rows[1].cells[-1].paragraphs if p.text]


@pytest.mark.parametrize("code", MASTHEAD)
def test_masthead_lines(built, code):
    document = _doc(built, code)
    assert _masthead_lines(document) == MASTHEAD[code]
    assert BODY_NAME[code] in document.tables[0].rows[1].cells[1].text
    assert "CD/2101" in document.tables[0].rows[0].cells[-1].text.replace(" ", "")


@pytest.mark.parametrize(("code", "line"), [("fr", "Distr. générale"), ("es", "Distr. general"),
                                            ("en", "Distr.: General")])
def test_distribution_line_when_asked_for(tmp_path, code, line):
    """CD documents omit "Distr." (§1.2); an outline that asks for it gets the language's form (§1.4)."""
    source = (OUTLINES / f"cd-way-ahead-{code}.yaml").read_text(encoding="utf-8")
    assert "\ndistribution: none\n" in source
    outline = tmp_path / f"{code}.yaml"
    outline.write_text(source.replace("\ndistribution: none\n", "\ndistribution: general\n"), encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0
    lines = _masthead_lines(docx.Document(str(tmp_path / f"{code}.docx")))
    assert lines[0] == line and lines[1:] == MASTHEAD[code]


@pytest.mark.parametrize("code", TITLE_START)
def test_title_formula(built, code):
    title = next(p.text.strip() for p in _doc(built, code).paragraphs if p.style.style_id == "HChG")
    assert title.startswith(TITLE_START[code]), title


def test_russian_title_from_the_outline_phrases(built):
    title = next(p.text.strip() for p in _doc(built, "ru").paragraphs if p.style.style_id == "HChG")
    assert title.startswith("Письмо Постоянного представителя")
    assert " от 14\u00a0сентября\u00a02017\u00a0года на имя Генерального секретаря Конференции" in title


def test_chinese_title_is_the_seed_title(built):
    title = next(p.text.strip() for p in _doc(built, "zh").paragraphs if p.style.style_id == "HChG")
    assert title == ("2017年9月14日缅甸联邦共和国常驻代表致裁军谈判会议秘书长的信函，其中转交关于大体上侧重于核裁军的"
                     "议程项目1和项目2的非正式会议报告")


@pytest.mark.parametrize("code", [*SIGNED_FIRST, *SIGNED_LAST])
def test_signature_block_order(built, code):
    texts = [p.text.strip() for p in _doc(built, code).paragraphs]
    if code in SIGNED_FIRST:
        i = texts.index(SIGNED_FIRST[code])
        assert texts[i + 1] and texts[i + 2], "title lines follow the signed name"
    else:
        i = texts.index(SIGNED_LAST[code])
        assert texts[i - 1] and texts[i - 2], "title lines precede the signed name"
    if code == "zh":
        assert texts[i - 2: i + 1] == ["缅甸联邦共和国常驻代表", "大使", "廷林(签名)"]
        closing = texts.index("此致")
        assert texts[closing + 1] == "敬礼" and closing < i


@pytest.mark.parametrize("code", ANNEX)
def test_annex_heading(built, code):
    texts = [p.text.strip() for p in _doc(built, code).paragraphs]
    assert ANNEX[code] in texts


def _document_xml(path):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/document.xml")), etree.fromstring(zf.read("word/styles.xml"))


@pytest.mark.parametrize(("code", "val", "east_asia", "bidi"), [
    ("en", "en-GB", None, None), ("fr", "fr-FR", None, None), ("es", "es-ES", None, None),
    ("ru", "ru-RU", None, None), ("zh", "zh-CN", "zh-CN", None), ("ar", "ar-SA", None, "ar-SA"),
])
def test_proofing_language(built, code, val, east_asia, bidi):
    _, styles = _document_xml(built[f"cd-way-ahead-{code}"])
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    if val:
        assert lang.get(f"{W}val") == val
    if east_asia:
        assert lang.get(f"{W}eastAsia") == east_asia
    if bidi:
        assert lang.get(f"{W}bidi") == bidi


def test_chinese_runs_carry_an_east_asian_font(built):
    doc, _ = _document_xml(built["cd-way-ahead-zh"])
    runs = [r for r in doc.iter(f"{W}r") if (r.findtext(f"{W}t") or "").strip()]
    body_runs = [r for r in runs if any("\u4e00" <= ch <= "\u9fff" for ch in r.findtext(f"{W}t"))]
    assert body_runs
    for r in body_runs:
        fonts = r.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}eastAsia")


def test_chinese_text_has_no_spaces_next_to_cjk(built):
    with docx2python(built["cd-way-ahead-zh"]) as d:
        text = d.text
    import re
    assert not re.search(r"[\u4e00-\u9fff] [0-9A-Za-z]|[0-9A-Za-z] [\u4e00-\u9fff]", text)


def test_arabic_paragraphs_are_right_to_left(built):
    doc, _ = _document_xml(built["cd-way-ahead-ar"])
    body = doc.find(f"{W}body")
    paragraphs = [p for p in body.findall(f"{W}p") if "".join(p.itertext()).strip()]
    assert paragraphs
    for p in paragraphs:
        assert p.find(f"{W}pPr/{W}bidi") is not None, "".join(p.itertext())[:40]
    arabic_runs = [r for p in paragraphs for r in p.findall(f"{W}r")
                   if any("\u0600" <= ch <= "\u06ff" for ch in "".join(r.itertext()))]
    assert arabic_runs and all(r.find(f"{W}rPr/{W}rtl") is not None for r in arabic_runs)
    assert doc.find(f".//{W}tblPr/{W}bidiVisual") is not None, "the masthead is mirrored"


def test_arabic_masthead_date_english_body_dates_arabic(built):
    document = _doc(built, "ar")
    assert f"15{NBSP}September{NBSP}2017" in _masthead_lines(document)
    title = next(p.text for p in document.paragraphs if p.style.style_id == "HChG")
    assert f"14{NBSP}أيلول/سبتمبر{NBSP}2017" in title


def test_complex_script_sizes_for_arabic_headings(built):
    _, styles = _document_xml(built["cd-way-ahead-ar"])
    hchg = styles.find(f"{W}style[@{W}styleId='HChG']")
    assert hchg.find(f"{W}rPr/{W}szCs") is not None and hchg.find(f"{W}rPr/{W}bCs") is not None


def test_arabic_title_keeps_the_space_before_the_transmitting_clause(built):
    """§8.2: "… من الممثل الدائم لـ{state} يحيل بها {obj}" — the phrase's leading space is kept."""
    title = next(p.text.strip() for p in _doc(built, "ar").paragraphs if p.style.style_id == "HChG")
    assert "ميانمار يحيل بها تقرير" in title


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_arabic_section_and_footnote_rule_run_right_to_left(built, code):
    """Word draws the footnote rule from the right in a right-to-left section (w:bidi in sectPr)."""
    with zipfile.ZipFile(built[f"cd-way-ahead-{code}"]) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    rtl = code == "ar"
    assert (body.find(f"{W}body/{W}sectPr/{W}bidi") is not None) is rtl
    separator = notes.find(f"{W}footnote[@{W}type='separator']/{W}p/{W}pPr")
    assert (separator.find(f"{W}bidi") is not None) is rtl
