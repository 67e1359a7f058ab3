"""Word files not made by cddraft: a Markdown document with headings, lists, a quotation, emphasis and a footnote,
converted to .docx by pandoc (Heading 1–3, numbered and bulleted lists, Block Text, footnotes), and the copy
LibreOffice saves of it — imported and rebuilt, their body text is the same, character by character
(whitespace-normalised), and so are their footnotes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
import yaml
from docx2python import docx2python

from cddraft.export import find_soffice
from tests.conftest import require_libreoffice, require_pandoc, run_cli

MARKDOWN = """\
---
title: Report of the Working Group on Verification
---

# Introduction

The Working Group met in Geneva from 8 to 10 August 2017.[^1] It held *six* meetings and **two** consultations.

The agenda reads as follows:

> Verification of nuclear disarmament, including all related matters.

# Discussion

## General views

Delegations expressed the following views:

- verification is essential;
- it must be effective;
    - and non-discriminatory.

The Group recommended:

1. that work continue;
2. that a report be submitted.

### Proposals

Several proposals were made, on 1 < 2 & {{ braces }} and *asterisks\\**.

[^1]: See CD/2090 and CD/2091.
"""


def _body(path: Path) -> list[str]:
    """Every non-empty paragraph's text after the title, whitespace-normalised, list markers taken off."""
    texts = [re.sub(r"\s+", " ", p.text).strip() for p in docx.Document(str(path)).paragraphs]
    texts = [re.sub(r"^\([a-z]+\) ", "", t) for t in texts if t]
    start = texts.index("Introduction")
    return texts[start:]


def _notes(path: Path) -> list[str]:
    with docx2python(path) as doc:
        runs = [" ".join("".join(r) for r in p) for part in doc.footnotes_runs for row in part for cell in row
                for p in cell]
    return [re.sub(r"\s+", " ", re.sub(r"footnote\d+\)", "", t)).strip() for t in runs if t.strip()]


@pytest.fixture(scope="module")
def pandoc_docx(tmp_path_factory) -> Path:
    require_pandoc("to make a Word file that cddraft did not make")
    work = tmp_path_factory.mktemp("pandoc")
    (work / "doc.md").write_text(MARKDOWN, encoding="utf-8")
    subprocess.run(["pandoc", str(work / "doc.md"), "-o", str(work / "doc.docx")], check=True, timeout=60)
    return work / "doc.docx"


def _rebuilt(source: Path, tmp_path: Path) -> tuple[dict, Path, str]:
    outline = tmp_path / "imported.yaml"
    result = run_cli("import", str(source), "-o", str(outline))
    assert result.exit_code == 0, result.output
    built = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    return yaml.safe_load(outline.read_text(encoding="utf-8")), tmp_path / "out" / "imported.docx", result.output


def test_a_pandoc_document_keeps_its_structure(pandoc_docx, tmp_path):
    data, _, _ = _rebuilt(pandoc_docx, tmp_path)
    report = data["report"]
    assert report["title"] == "Report of the Working Group on Verification"
    introduction, discussion = report["content"]
    assert introduction["heading"] == "Introduction" and discussion["heading"] == "Discussion"
    assert introduction["content"][0].startswith("The Working Group met") and "^[See CD/2090" in (
        introduction["content"][0]) and "*six*" in introduction["content"][0]
    assert introduction["content"][2] == {"quote": ["Verification of nuclear disarmament, including all related "
                                                    "matters."]}
    views = discussion["content"][0]
    assert views["heading"] == "General views"
    assert views["content"][1]["bullets"][1] == {"text": "it must be effective;",
                                                  "bullets": ["and non-discriminatory."]}
    assert views["content"][2]["items"] == ["that work continue;", "that a report be submitted."]
    assert views["content"][3]["heading"] == "Proposals"


def test_the_masthead_it_cannot_know_is_left_as_placeholders(pandoc_docx, tmp_path):
    outline = tmp_path / "imported.yaml"
    assert run_cli("import", str(pandoc_docx), "-o", str(outline)).exit_code == 0
    text = outline.read_text(encoding="utf-8")
    assert re.search(r"(?m)^symbol: .*# placeholder", text) and re.search(r"(?m)^date: .*# placeholder", text)
    checked = run_cli("check", str(outline))
    assert checked.exit_code == 1 and "placeholder" in checked.output


def test_a_pandoc_document_rebuilds_with_the_same_body_text_and_notes(pandoc_docx, tmp_path):
    _, rebuilt, _ = _rebuilt(pandoc_docx, tmp_path)
    assert _body(rebuilt) == _body(pandoc_docx)
    assert _notes(rebuilt) == _notes(pandoc_docx) == ["See CD/2090 and CD/2091."]


def test_the_copy_libreoffice_saves_rebuilds_with_the_same_body_text(pandoc_docx, tmp_path):
    require_libreoffice()
    soffice = find_soffice()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(tmp_path / "lo"), str(pandoc_docx)], check=True, timeout=180,
                   capture_output=True)
    saved = tmp_path / "lo" / "doc.docx"
    _, rebuilt, _ = _rebuilt(saved, tmp_path)
    assert _body(rebuilt) == _body(pandoc_docx)
    assert _notes(rebuilt) == _notes(pandoc_docx)
