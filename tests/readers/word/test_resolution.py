"""A draft resolution made in Word, not by cddraft (issue 29): a sponsors' line in bold, the title as a heading,
the organ's formula and the opening words in italic, operative paragraphs numbered by hand ("1.<tab>") with their
subparagraphs "(a)", imports as ``kind: resolution`` with its sponsors, title, preamble and operative part — and
builds. The words are read back from the outline, not from cddraft's objects."""

from __future__ import annotations

import docx
import yaml

from tests.conftest import run_cli


def _draft(path, *, sponsors: str = "Argentina, Austria and Brazil: draft resolution") -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run(sponsors).bold = True
    d.add_heading("Convention on Certain Conventional Weapons", level=1)
    p = d.add_paragraph()
    p.add_run("The General Assembly").italic = True
    p.add_run(",")
    for opener, rest in (("Recalling", " its resolution 78/64 of 4 December 2023,"),
                         ("Welcoming", " the results of the Sixth Review Conference,")):
        p = d.add_paragraph()
        p.add_run(opener).italic = True
        p.add_run(rest)
    paragraphs = (("Calls upon", " all States to become parties;"), ("Recalls", " the following decisions:"),
                  ("Decides", " to include the item in the provisional agenda of its eightieth session."))
    for n, (opener, rest) in enumerate(paragraphs, 1):
        p = d.add_paragraph()
        p.add_run(f"{n}.\t")
        p.add_run(opener).italic = True
        p.add_run(rest)
        if n == 2:
            d.add_paragraph("(a)\tTo continue the work;")
            d.add_paragraph("(b)\tTo continue the Sponsorship Programme;")
    d.save(str(path))


def _import(tmp_path, source) -> dict:
    out = tmp_path / "draft.yaml"
    result = run_cli("import", str(source), "-o", str(out), "--language", "en")
    assert result.exit_code == 0, result.output
    assert run_cli("build", str(out), "-o", str(tmp_path / "built")).exit_code == 0
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def test_a_draft_resolution_made_in_word_imports_as_one(tmp_path):
    _draft(tmp_path / "draft.docx")
    data = _import(tmp_path, tmp_path / "draft.docx")
    res = data["resolution"]
    assert data["kind"] == "resolution"
    assert res["sponsors"] == ["Argentina", "Austria", "Brazil"]
    assert res["title"] == "Convention on Certain Conventional Weapons"
    assert res["preamble"] == ["*Recalling* its resolution 78/64 of 4 December 2023,",
                               "*Welcoming* the results of the Sixth Review Conference,"]
    assert res["operative"][0] == "*Calls upon* all States to become parties;"
    assert res["operative"][1] == {"text": "*Recalls* the following decisions:",
                                   "items": ["To continue the work;", "To continue the Sponsorship Programme;"]}
    assert len(res["operative"]) == 3


def test_a_revised_draft_decision_says_so(tmp_path):
    _draft(tmp_path / "draft.docx", sponsors="Argentina and Austria: revised draft decision")
    data = _import(tmp_path, tmp_path / "draft.docx")
    assert data["kind"] == "decision"
    assert data["resolution"]["sponsors"] == ["Argentina", "Austria"]
    assert data["resolution"]["revised"] is True  # the placeholder symbol is not a /Rev.


def test_cddrafts_own_chinese_draft_reads_back_its_openers_as_the_outline_marks_them(tmp_path):
    outline = {"kind": "resolution", "symbol": "A/C.1/79/L.23", "language": "zh", "original_language": "en",
               "date": "2024-10-09", "resolution": {"sponsors": ["阿根廷", "奥地利"], "title": "标题",
                                                    "preamble": ["*回顾*其决议，"], "operative": ["*决定*继续审议。"]}}
    source = tmp_path / "zh.yaml"
    source.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    assert run_cli("build", str(source), "-o", str(tmp_path)).exit_code == 0
    out = tmp_path / "back.yaml"
    assert run_cli("import", str(tmp_path / "zh.docx"), "-o", str(out)).exit_code == 0
    res = yaml.safe_load(out.read_text(encoding="utf-8"))["resolution"]
    assert res["preamble"] == ["*回顾*其决议，"] and res["operative"] == ["*决定*继续审议。"]
    assert res["sponsors"] == ["阿根廷", "奥地利"]
