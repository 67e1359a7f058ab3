"""The version's language (issue 28): told by the masthead's words and the text's script or short words when the
file declares another language or none — Word declares its template's proofing language, often English for an
Arabic or French text; the declaration stands against weak evidence (a few foreign words, names); ``--language``
decides, and is asked for only when nothing tells."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from tests.conftest import run_cli

FRENCH = ("Le Groupe de travail s’est réuni à Genève les 8 et 9 août 2017. Il a examiné les propositions des "
          "délégations et les mesures de vérification qui sont prévues par le traité, dans le respect de la "
          "pratique établie par la Conférence.")
SPANISH = ("El Grupo de Trabajo se reunió en Ginebra los días 8 y 9 de agosto de 2017. Examinó las propuestas de las "
           "delegaciones y las medidas de verificación para el tratado, con el apoyo de la secretaría.")
TEXTS = {"ru": "Рабочая группа провела заседания в Женеве 8 и 9 августа 2017 года и рассмотрела предложения.",
         "zh": "工作组于2017年8月8日和9日在日内瓦举行会议，审议了各代表团提出的建议。",
         "ar": "اجتمع الفريق العامل في جنيف يومي 8 و9 آب/أغسطس 2017 ونظر في مقترحات الوفود.",
         "fr": FRENCH, "es": SPANISH}


def _file(tmp_path: Path, text: str, declared: str | None) -> Path:
    d = docx.Document()
    d.core_properties.language = declared or ""
    styles = d.styles.element
    for lang in styles.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang"):
        lang.getparent().remove(lang)  # python-docx's template declares en-US in its defaults: only ours stands
    d.add_heading("Report", level=0)
    d.add_paragraph(text)
    path = tmp_path / "text.docx"
    d.save(str(path))
    return path


def _run(path: Path, tmp_path: Path, *args: str):
    return run_cli("import", str(path), "-o", str(tmp_path / "out.yaml"), *args)


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_text_tells_the_language_the_file_does_not_declare(tmp_path, code):
    result = _run(_file(tmp_path, TEXTS[code], None), tmp_path)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))["language"] == code
    assert "warning" not in result.output


@pytest.mark.parametrize(("code", "declared"), [("fr", "en-US"), ("ar", "en-US"), ("ru", "fr-FR"), ("zh", "en-GB")])
def test_the_text_overrides_a_declared_language_it_plainly_is_not_in(tmp_path, code, declared):
    result = _run(_file(tmp_path, TEXTS[code], declared), tmp_path)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))["language"] == code
    assert f"warning: language: the file declares its language as {declared}" in result.output
    assert f"imported as {code} (--language to choose another)" in result.output


def test_a_declared_language_stands_against_a_few_foreign_words(tmp_path):
    text = "The delegation of Egypt (مصر) and the delegation of France (la France) spoke on the treaty."
    result = _run(_file(tmp_path, text, "en-GB"), tmp_path)
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    assert yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))["language"] == "en"


def test_the_option_decides(tmp_path):
    result = _run(_file(tmp_path, FRENCH, "en-US"), tmp_path, "--language", "es")
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    assert yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))["language"] == "es"


@pytest.mark.parametrize(("text", "declared", "says"), [
    ("Dziękujemy za uwagę i zapraszamy ponownie.", "pl-PL", "declares its language as pl-PL, not one of the six"),
    ("Annex 3", None, "declares no language")])
def test_only_when_nothing_tells_is_the_option_asked_for(tmp_path, text, declared, says):
    result = _run(_file(tmp_path, text, declared), tmp_path)
    assert result.exit_code == 2
    assert says in result.output and "give it with --language (ar, zh, en, fr, ru, es)" in result.output
    assert not (tmp_path / "out.yaml").exists()
