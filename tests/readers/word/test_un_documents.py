"""Word files in the UN's own templates (issue 28): a French and an Arabic report in the genuine Geneva styles and
their language variants, with the masthead table of an issued document (not cddraft's), Word-numbered paragraphs,
a paragraph whose numbering is switched off, subparagraphs and a cross-reference to a numbered paragraph, import
with their symbol, language, masthead, headings and numbers — and the outline builds to a document that prints the
same numbers. A document in the New York template's names, and one whose Arabic text declares English, too."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from tests.conftest import run_cli
from tests.readers.word.unstyled import GENEVA, NEW_YORK, UnDocument, bookmark, reference, variant


def _import(path: Path, tmp_path: Path, *args: str) -> tuple[dict, list[str], Path]:
    outline = tmp_path / "imported.yaml"
    result = run_cli("import", str(path), "-o", str(outline), *args)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning:" in line]
    return yaml.safe_load(outline.read_text(encoding="utf-8")), warnings, outline


def _built_text(outline: Path, tmp_path: Path) -> list[str]:
    built = run_cli("build", str(outline), "-o", str(tmp_path / "built"))
    assert built.exit_code == 0, built.output
    return [p.text for p in docx.Document(str(tmp_path / "built" / f"{outline.stem}.docx")).paragraphs]


def _french(tmp_path: Path) -> Path:
    d = UnDocument(GENEVA, language="fr-FR")
    d.masthead(["Nations Unies"], ["Conférence du désarmement"],
               ["Distr. générale", "14 septembre 2017", "", "Français", "Original\u00a0: anglais"], "CD/2101")
    numbers = d.list_definition([("decimal", "%1."), ("lowerLetter", "%2)")], style="ParaNo")
    d.para("\t\tRapport du Groupe de travail sur la voie à suivre", "HCh")
    d.para("I.\tIntroduction", "HCh")
    first = d.para("Le Groupe de travail s’est réuni à Genève les 8 et 9 août 2017.", "ParaNo")
    bookmark(first, "_Ref498312")
    d.para("Il a tenu six séances.", "ParaNo")
    d.para("Le texte qui suit n’est pas numéroté.", "SingleTxt", numbered=False)
    d.para("II.\tTravaux", "HCh")
    d.para("A.\tOrganisation des travaux", "H1")
    cross = d.para("Comme indiqué au paragraphe ", "ParaNo")
    reference(cross, "_Ref498312", "1")
    cross.add_run(", les délégations ont examiné :")
    d.para("les mesures de vérification ;", "ParaNo", num=(numbers, 1))
    d.para("les garanties de sécurité.", "ParaNo", num=(numbers, 1))
    d.para("Les délégations ont remercié le Coordonnateur.", "ParaNo")
    return d.save(tmp_path / "fr.docx")


def test_a_french_report_in_the_geneva_styles_keeps_its_masthead_headings_and_numbers(tmp_path):
    data, warnings, outline = _import(_french(tmp_path), tmp_path)
    assert warnings == []
    assert (data["symbol"], data["language"], str(data["date"])) == ("CD/2101", "fr", "2017-09-14")
    assert data["distribution"] == "general" and data["united_nations"] is True
    assert data["original_language"] == "en"
    report = data["report"]
    assert report["title"] == "Rapport du Groupe de travail sur la voie à suivre"
    assert "numbered_paragraphs" not in report and "numbered_headings" not in report  # both numbered: the defaults
    introduction, work = report["content"]
    assert introduction["heading"] == "Introduction" and work["heading"] == "Travaux"
    assert introduction["content"] == [
        {"text": "Le Groupe de travail s’est réuni à Genève les 8 et 9 août 2017.", "id": "Ref498312"},
        "Il a tenu six séances.",
        {"text": "Le texte qui suit n’est pas numéroté.", "numbered": False}]
    section = work["content"][0]
    assert section["heading"] == "Organisation des travaux"
    assert section["content"] == [
        {"text": "Comme indiqué au paragraphe {ref:Ref498312}, les délégations ont examiné :",
         "items": ["les mesures de vérification ;", "les garanties de sécurité."]},
        "Les délégations ont remercié le Coordonnateur."]
    printed = _built_text(outline, tmp_path)
    assert "1.\tLe Groupe de travail s’est réuni à Genève les 8 et 9 août 2017." in printed
    assert "3.\tComme indiqué au paragraphe 1, les délégations ont examiné :" in printed
    assert "4.\tLes délégations ont remercié le Coordonnateur." in printed
    assert "Le texte qui suit n’est pas numéroté." in printed


def _arabic(tmp_path: Path, *, declared: str = "en-US") -> Path:
    """An Arabic report as the Arabic variants of the Geneva styles name them, its language declared as the
    template's (English), its paragraphs numbered by Word "1 -", "2 -"."""
    d = UnDocument(variant("A"), language=declared, bidi=True)
    d.masthead([], ["مؤتمر نزع السلاح"],
               ["Distr.: General", "14 September 2017", "", "Arabic", "Original: English"], "CD/2101")
    d.list_definition([("decimal", "%1 -")], style="ParaNo")
    d.para("\t\tتقرير الفريق العامل المعني بسبل المضي قدما", "HCh")
    d.para("أولا -\tمقدمة", "HCh")
    d.para("اجتمع الفريق العامل في جنيف يومي 8 و9 آب/أغسطس 2017.", "ParaNo")
    d.para("وعقد ست جلسات.", "ParaNo")
    d.para("ثانيا -\tالأعمال", "HCh")
    d.para("ألف -\tتنظيم الأعمال", "H1")
    d.para("ونظر الفريق في مسائل التحقق.", "ParaNo")
    return d.save(tmp_path / "ar.docx")


def test_an_arabic_report_in_the_arabic_variants_of_the_styles_is_arabic_with_its_headings(tmp_path):
    data, warnings, outline = _import(_arabic(tmp_path), tmp_path)
    assert data["language"] == "ar" and data["symbol"] == "CD/2101" and str(data["date"]) == "2017-09-14"
    assert data["original_language"] == "en" and data["distribution"] == "general"
    assert any("declares its language as en-US (English), but its masthead names Arabic" in w for w in warnings)
    report = data["report"]
    assert report["title"] == "تقرير الفريق العامل المعني بسبل المضي قدما"
    introduction, work = report["content"]
    assert introduction["heading"] == "مقدمة" and work["heading"] == "الأعمال"
    assert introduction["content"] == ["اجتمع الفريق العامل في جنيف يومي 8 و9 آب/أغسطس 2017.", "وعقد ست جلسات."]
    assert work["content"][0] == {"heading": "تنظيم الأعمال", "content": ["ونظر الفريق في مسائل التحقق."]}
    printed = _built_text(outline, tmp_path)
    assert "1 -\tاجتمع الفريق العامل في جنيف يومي 8 و9 آب/أغسطس 2017." in printed
    assert "3 -\tونظر الفريق في مسائل التحقق." in printed


def test_without_a_masthead_the_arabic_script_of_the_text_tells_the_language(tmp_path):
    d = UnDocument(variant("A"), language="fr-FR", bidi=True)
    d.para("\t\tتقرير الفريق العامل", "HCh")
    d.para("اجتمع الفريق العامل في جنيف يومي 8 و9 آب/أغسطس 2017 وعقد ست جلسات ونظر في مسائل التحقق.")
    data, warnings, _ = _import(d.save(tmp_path / "ar.docx"), tmp_path)
    assert data["language"] == "ar"
    assert any("declares its language as fr-FR (French), but its text is in Arabic" in w for w in warnings)


@pytest.mark.parametrize("names", [NEW_YORK, variant("R"), variant("", prefix="Reg_")],
                         ids=["new-york", "russian-variant", "reg-prefix"])
def test_the_other_templates_names_of_the_styles_are_read_as_their_families(tmp_path, names):
    d = UnDocument(names, language="en-GB")
    d.list_definition([("decimal", "%1.")], style="ParaNo")
    d.para("\t\tReport of the Working Group", "HCh")
    d.para("I.\tIntroduction", "HCh")
    d.para("A.\tOrganization of work", "H1")
    d.para("The Working Group met in Geneva.", "ParaNo")
    d.para("It held six meetings.", "ParaNo")
    d.para("Delegations stressed the following points:", "SingleTxt", numbered=False)
    d.para("verification is essential", "Bullet1")
    data, _, _ = _import(d.save(tmp_path / "en.docx"), tmp_path)
    report = data["report"]
    assert report["title"] == "Report of the Working Group"
    (chapter,) = report["content"]
    assert chapter["heading"] == "Introduction"
    (section,) = chapter["content"]
    assert section["heading"] == "Organization of work"
    assert section["content"] == ["The Working Group met in Geneva.", "It held six meetings.",
                                  {"text": "Delegations stressed the following points:", "numbered": False},
                                  {"bullets": ["verification is essential"]}]


def test_a_masthead_of_a_body_cddraft_does_not_serve_is_read_and_its_symbol_said(tmp_path):
    d = UnDocument(GENEVA, language="en-GB")
    d.masthead(["United Nations"], ["Economic and Social Council"],
               ["Distr.: General", "3 March 2025", "", "Original: English"], "ECE/TRANS/WP.29/2025/1")
    d.para("\t\tProposal for a new regulation", "HCh")
    d.para("The text reproduced below was prepared by the experts of the working party.")
    data, warnings, outline = _import(d.save(tmp_path / "ece.docx"), tmp_path)
    assert data["symbol"] == "CD/0000"
    assert any("the masthead's symbol 'ECE/TRANS/WP.29/2025/1' is not one of a body cddraft knows" in w
               for w in warnings)
    assert "# placeholder" in outline.read_text(encoding="utf-8").split("symbol:")[1].splitlines()[0]
    assert data["report"]["title"] == "Proposal for a new regulation"
