"""Word's automatic numbering read back (issue 28): paragraphs Word numbers 1., 2., 3. through the headings are the
outline's numbered paragraphs and keep their numbers, so that "paragraph 5 above" still points right, and a
cross-reference to one stays a {ref:}; a paragraph whose numbering is switched off (numId 0) is not numbered; a
list after a paragraph leading into it is that paragraph's subparagraphs; lists keep their levels; numbers cddraft
cannot keep (Word restarting them in each chapter) are said."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml

from tests.conftest import run_cli
from tests.readers.word.unstyled import UnDocument, bookmark, reference


def _import(path: Path, tmp_path: Path) -> tuple[dict, list[str], Path]:
    outline = tmp_path / "imported.yaml"
    result = run_cli("import", str(path), "-o", str(outline))
    assert result.exit_code == 0, result.output
    return (yaml.safe_load(outline.read_text(encoding="utf-8")),
            [line for line in result.output.splitlines() if "warning:" in line], outline)


def _printed(outline: Path, tmp_path: Path) -> list[str]:
    result = run_cli("build", str(outline), "-o", str(tmp_path / "built"))
    assert result.exit_code == 0, result.output
    return [p.text for p in docx.Document(str(tmp_path / "built" / f"{outline.stem}.docx")).paragraphs]


def _word_report(tmp_path: Path, *, restart: bool = False) -> Path:
    """An ordinary Word report (Heading 1, Normal paragraphs) numbered by one Word list through its chapters; with
    ``restart``, each chapter's paragraphs numbered by a list of their own (1., 2. again)."""
    d = UnDocument({}, language="en-GB")
    numbers = d.list_definition([("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])
    doc = d.doc
    doc.add_heading("Report of the Group of Experts", level=0)
    doc.add_heading("Introduction", level=1)
    first = d.para("The Group met three times in 2024.", "Normal", num=(numbers, 0))
    bookmark(first, "_Ref150331")
    d.para("Its members served in their personal capacity.", "Normal", num=(numbers, 0))
    d.para("The secretariat assisted the Group (this paragraph is not numbered).", "Normal", numbered=False)
    doc.add_heading("Discussion", level=1)
    again = d.list_definition([("decimal", "%1.")]) if restart else numbers
    cross = d.para("As recalled in paragraph ", "Normal", num=(again, 0))
    reference(cross, "_Ref150331", "1")
    cross.add_run(", the Group considered:")
    d.para("the scope of a treaty;", "Normal", num=(numbers, 1))
    d.para("verification, in particular:", "Normal", num=(numbers, 1))
    d.para("national means;", "Normal", num=(numbers, 2))
    d.para("international means.", "Normal", num=(numbers, 2))
    d.para("The Group adopted its report by consensus.", "Normal", num=(again, 0))
    return d.save(tmp_path / "word.docx")


def test_a_word_numbered_report_keeps_its_numbers_and_its_cross_reference(tmp_path):
    data, warnings, outline = _import(_word_report(tmp_path), tmp_path)
    assert warnings == []
    introduction, discussion = data["report"]["content"]
    assert introduction["content"] == [
        {"text": "The Group met three times in 2024.", "id": "Ref150331"},
        "Its members served in their personal capacity.",
        {"text": "The secretariat assisted the Group (this paragraph is not numbered).", "numbered": False}]
    assert discussion["content"] == [
        {"text": "As recalled in paragraph {ref:Ref150331}, the Group considered:",
         "items": ["the scope of a treaty;",
                   {"text": "verification, in particular:", "items": ["national means;", "international means."]}]},
        "The Group adopted its report by consensus."]
    printed = _printed(outline, tmp_path)
    assert "1.\tThe Group met three times in 2024." in printed
    assert "2.\tIts members served in their personal capacity." in printed
    assert "3.\tAs recalled in paragraph 1, the Group considered:" in printed
    assert "4.\tThe Group adopted its report by consensus." in printed


def test_numbers_word_restarts_in_each_chapter_are_said_with_the_ones_cddraft_prints(tmp_path):
    data, warnings, _ = _import(_word_report(tmp_path, restart=True), tmp_path)
    assert [w.split("warning: ")[1] for w in warnings] == [
        "paragraph 7: numbered '1.' in the Word file, it is numbered 3 by cddraft, which numbers the paragraphs of "
        "the report 1, 2, 3 … in order (1 more paragraph(s) change number): check the paragraph numbers typed in "
        "the text (\"paragraph 5 above\")"]
    assert data["report"]["content"][1]["content"][0]["text"].startswith("As recalled in paragraph {ref:Ref150331}")


def test_a_numbered_list_after_a_lead_in_is_its_subparagraphs_and_bullets_keep_their_levels(tmp_path):
    d = UnDocument({}, language="en-GB")
    steps = d.list_definition([("decimal", "%1."), ("decimal", "%1.%2.")])
    dots = d.list_definition([("bullet", "•"), ("bullet", "–"), ("bullet", "◦")])
    doc = d.doc
    doc.add_heading("Note by the secretariat", level=0)
    doc.add_paragraph("The secretariat proposes the following steps:")
    d.para("consult the delegations;", "Normal", num=(steps, 0))
    d.para("draft a text;", "Normal", num=(steps, 0))
    d.para("in English first.", "Normal", num=(steps, 1))
    doc.add_paragraph("The views expressed were these.")
    d.para("one view", "Normal", num=(dots, 0))
    d.para("a view inside it", "Normal", num=(dots, 1))
    d.para("a view inside that", "Normal", num=(dots, 2))
    d.para("another view", "Normal", num=(dots, 0))
    data, warnings, outline = _import(d.save(tmp_path / "lists.docx"), tmp_path)
    assert warnings == []
    assert data["report"]["content"] == [
        {"text": "The secretariat proposes the following steps:",
         "items": ["consult the delegations;", {"text": "draft a text;", "items": ["in English first."]}]},
        "The views expressed were these.",
        {"bullets": [{"text": "one view", "bullets": [{"text": "a view inside it", "bullets": ["a view inside that"]}]},
                     "another view"]}]
    _printed(outline, tmp_path)
