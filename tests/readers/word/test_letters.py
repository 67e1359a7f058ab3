"""Letters from Word files cddraft did not make (issue 28): a signature is known by its UN form — "(Signed)",
"(Signé)", "(Firmado)", "(Подпись)", "(签名)", "(توقيع)" — in whatever alignment, with the titles beside it; a letter
without one imports with a placeholder signatory and a warning, never a refusal; an "Annex" heading starts the
annex whether or not a page break comes before it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.conftest import require_pandoc, run_cli

LETTER = """\
---
title: Letter dated 14 September 2017 from the Permanent Representative of Myanmar addressed to the
  Secretary-General of the Conference
lang: en-GB
---

I have the honour to transmit herewith the report on the informal meetings on agenda items 1 and 2.

I would be grateful if the present letter could be circulated as an official document of the Conference on Disarmament.

(Signed) Htin Lynn\\
Ambassador\\
Permanent Representative of Myanmar
"""


def _import(path: Path, tmp_path: Path) -> tuple[dict, list[str], str]:
    outline = tmp_path / "imported.yaml"
    result = run_cli("import", str(path), "-o", str(outline))
    assert result.exit_code == 0, result.output
    built = run_cli("build", str(outline), "-o", str(tmp_path / "built"))
    assert built.exit_code == 0, built.output
    return (yaml.safe_load(outline.read_text(encoding="utf-8")),
            [line for line in result.output.splitlines() if "warning:" in line], outline.read_text(encoding="utf-8"))


def test_a_pandoc_letter_with_a_signed_line_is_a_letter_with_its_signatory(tmp_path):
    require_pandoc("to make a letter as a colleague would, from Markdown")
    (tmp_path / "letter.md").write_text(LETTER, encoding="utf-8")
    subprocess.run(["pandoc", str(tmp_path / "letter.md"), "-o", str(tmp_path / "letter.docx")], check=True,
                   timeout=60)
    data, warnings, _ = _import(tmp_path / "letter.docx", tmp_path)
    assert warnings == []
    assert data["kind"] == "letter" and data["language"] == "en"
    letter = data["letter"]
    assert (str(letter["date"]), letter["sender"]) == ("2017-09-14", "the Permanent Representative of Myanmar")
    assert letter["signatories"] == [{"name": "Htin Lynn", "titles": ["Ambassador",
                                                                     "Permanent Representative of Myanmar"]}]
    assert letter["paragraphs"] == [
        "I have the honour to transmit herewith the report on the informal meetings on agenda items 1 and 2."]
    assert "circulation_request" not in letter  # the standard request, in the placeholder symbol's body's words


def _word_letter(tmp_path: Path, lines: list[tuple[str, WD_ALIGN_PARAGRAPH | None]], *, language: str = "en-GB",
                 title: str = "Letter dated 14 September 2017 from the Permanent Representative of Myanmar "
                              "addressed to the Secretary-General of the Conference") -> Path:
    d = docx.Document()
    d.core_properties.language = language
    d.add_heading(title, level=0)
    for text, alignment in lines:
        paragraph = d.add_paragraph(text)
        paragraph.alignment = alignment
    path = tmp_path / "letter.docx"
    d.save(str(path))
    return path


@pytest.mark.parametrize("alignment", [None, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT],
                         ids=["left", "centred", "right"])
def test_signature_blocks_are_read_in_any_alignment(tmp_path, alignment):
    path = _word_letter(tmp_path, [
        ("I have the honour to transmit herewith the report of the meetings held in Geneva in August.", None),
        ("(Signed) Htin Lynn", alignment), ("Ambassador", alignment),
        ("(Signed): Tamara Kharashun", alignment), ("Permanent Representative of Belarus", alignment)])
    data, _, _ = _import(path, tmp_path)
    assert data["letter"]["signatories"] == [{"name": "Htin Lynn", "titles": ["Ambassador"]},
                                             {"name": "Tamara Kharashun",
                                              "titles": ["Permanent Representative of Belarus"]}]
    assert data["letter"]["paragraphs"] == [
        "I have the honour to transmit herewith the report of the meetings held in Geneva in August."]


def test_a_french_signature_gives_its_titles_first(tmp_path):
    path = _word_letter(tmp_path, [
        ("J’ai l’honneur de vous faire tenir ci-joint le rapport des réunions tenues à Genève en août.", None),
        ("L’Ambassadeur,", None), ("Représentant permanent du Myanmar", None), ("(Signé) Htin Lynn", None)],
        language="fr-FR", title="Lettre datée du 14 septembre 2017, adressée au Secrétaire général de la "
                                "Conférence par le Représentant permanent du Myanmar")
    data, _, _ = _import(path, tmp_path)
    assert data["language"] == "fr" and data["kind"] == "letter"
    assert data["letter"]["signatories"] == [{"name": "Htin Lynn",
                                              "titles": ["L’Ambassadeur,", "Représentant permanent du Myanmar"]}]


def test_a_letter_without_a_signature_imports_with_a_placeholder_signatory(tmp_path):
    path = _word_letter(tmp_path, [
        ("I have the honour to transmit herewith the report of the meetings held in Geneva in August.", None)])
    data, warnings, text = _import(path, tmp_path)
    assert data["letter"]["signatories"] == [{"name": "Name of the signatory"}]
    assert any("no signature block was found; a placeholder signatory was put in the outline" in w for w in warnings)
    assert "signatories:  # placeholder" in text


def test_an_annex_heading_without_a_page_break_starts_the_annex(tmp_path):
    d = docx.Document()
    d.core_properties.language = "en-GB"
    d.add_heading("Letter dated 14 September 2017 from the Permanent Representative of Myanmar addressed to the "
                  "Secretary-General of the Conference", level=0)
    d.add_paragraph("I have the honour to transmit herewith the report of the informal meetings (see annex).")
    d.add_paragraph("(Signed) Htin Lynn")
    d.add_heading("Annex", level=1)
    d.add_heading("Report of the informal meetings", level=1)
    d.add_paragraph("The meetings were held in Geneva.")
    d.add_heading("Annex III", level=1)
    d.add_paragraph("A second annex, numbered III in the Word file.")
    path = tmp_path / "annexed.docx"
    d.save(str(path))
    data, warnings, _ = _import(path, tmp_path)
    assert data["kind"] == "letter" and data["letter"]["signatories"] == [{"name": "Htin Lynn"}]
    first, second = data["annexes"]
    assert first == {"title": "Report of the informal meetings", "content": ["The meetings were held in Geneva."]}
    assert second == {"content": ["A second annex, numbered III in the Word file."]}
    assert any("the annex headed 'Annex' is headed 'Annex I' by cddraft" in w for w in warnings)
    assert any("the annex headed 'Annex III' is headed 'Annex II' by cddraft" in w for w in warnings)
