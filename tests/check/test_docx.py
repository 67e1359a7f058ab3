"""``check`` on a built .docx: the examples pass, each planted fault is found by its rule, and
files that are not Word packages are refused (exit 2)."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import docx
import docx.shared
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from cddraft.check import RULES
from cddraft.check.built import check_docx, q
from cddraft.commands.check import run_check
from cddraft.pipeline import build
from tests.check.helpers import EXAMPLES

DOCX_RULES = sorted(c for c, r in RULES.items() if r.target == "docx")


def _codes(path: Path) -> set[str]:
    return {d.code for d in check_docx(path)}


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docx")
    paths = {}
    for stem, outline in EXAMPLES.items():
        paths[stem] = out / f"{stem}.docx"
        paths[stem].write_bytes(build(outline).docx)
    return paths


def _planted(examples, tmp_path, stem: str, plant) -> Path:
    document = docx.Document(str(examples[stem]))
    plant(document)
    path = tmp_path / f"{stem}-faulty.docx"
    document.save(str(path))
    return path


def test_built_examples_pass_every_docx_rule(examples):
    out, err = io.StringIO(), io.StringIO()
    assert run_check(list(examples.values()), stdout=out, stderr=err) == 0, out.getvalue()
    assert out.getvalue() == ""


def _restyle_first_body_paragraph(document):
    p = next(p for p in document.paragraphs if p.style.style_id == "SingleTxtG" and p.text.strip())
    p.style = document.styles["Normal"]


def _drop_footnotes_part(document):
    rid = next(r for r, rel in document.part.rels.items() if rel.reltype == RT.FOOTNOTES)
    document.part.drop_rel(rid)


def _drop_masthead(document):
    table = document.element.body.find(q("w:tbl"))
    table.getparent().remove(table)


def _calibri_run(document):
    run = next(p for p in document.paragraphs if p.text.strip()).runs[-1]
    run.font.name = "Calibri"


def _unbidi(document):
    p = next(p for p in document.paragraphs if p.style.style_id == "SingleTxtG" and p.text.strip())
    bidi = p._p.pPr.find(q("w:bidi"))
    bidi.getparent().remove(bidi)


@pytest.mark.parametrize(
    ("code", "stem", "plant"),
    [
        ("CD190", "cd-way-ahead-en", _restyle_first_body_paragraph),
        ("CD290", "cd-report-en", _drop_footnotes_part),
        ("CD390", "cd-way-ahead-en", _drop_masthead),
        ("CD590", "cd-way-ahead-fr", _calibri_run),
        ("CD591", "cd-way-ahead-ar", _unbidi),
    ],
)
def test_each_docx_rule_finds_its_planted_fault(examples, tmp_path, code, stem, plant):
    assert _codes(_planted(examples, tmp_path, stem, plant)) == {code}


def test_a_masthead_kept_in_the_first_page_header_is_accepted(examples, tmp_path):
    """CD390 looks in the first-page header too: some templates keep the masthead table there."""
    def move_masthead_to_header(document):
        table = document.element.body.find(q("w:tbl"))
        table.getparent().remove(table)
        header = document.sections[0].first_page_header
        header.is_linked_to_previous = False
        header.add_table(1, 1, docx.shared.Cm(10)).cell(0, 0).text = "CD/2101"

    assert _codes(_planted(examples, tmp_path, "cd-way-ahead-en", move_masthead_to_header)) == set()


def test_every_docx_rule_has_a_planted_fault():
    planted = {"CD190", "CD290", "CD390", "CD590", "CD591"}
    assert set(DOCX_RULES) == planted


def test_a_footnote_call_without_its_note_is_found(examples, tmp_path):
    def orphan(document):
        ref = next(document.element.body.iter(q("w:footnoteReference")))
        extra = copy.deepcopy(ref.getparent())
        extra.find(q("w:footnoteReference")).set(q("w:id"), "99")
        ref.getparent().addnext(extra)

    found = check_docx(_planted(examples, tmp_path, "cd-report-en", orphan))
    assert [d.code for d in found] == ["CD290"] and "99" in found[0].message


def test_a_document_from_another_template_is_judged(tmp_path):
    document = docx.Document()
    document.add_heading("Introduction", 1)
    document.add_paragraph("Text in the Normal style of Word's default template.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    out, err = io.StringIO(), io.StringIO()
    assert run_check([path], stdout=out, stderr=err) == 1
    lines = out.getvalue().splitlines()
    assert {line.split(": ")[1].split()[0] for line in lines} == {"CD190", "CD390", "CD590"}
    assert all(line.startswith(f"{path}: CD") for line in lines), "a .docx has no lines: FILE: CODE …"


def test_disable_applies_to_docx_rules(examples, tmp_path):
    path = _planted(examples, tmp_path, "cd-way-ahead-en", _drop_masthead)
    out, err = io.StringIO(), io.StringIO()
    assert run_check([path], disable={"CD390"}, stdout=out, stderr=err) == 0


def _status(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_check([path], stdout=out, stderr=err)
    return status, err.getvalue()


def test_a_file_that_is_not_a_word_package_is_unusable(tmp_path):
    fake = tmp_path / "letter.docx"
    fake.write_text("not a zip", encoding="utf-8")
    status, err = _status(fake)
    assert status == 2 and "not a Word file" in err


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (51 * 2**20))
    status, err = _status(bomb)
    assert status == 2 and "more than the limit" in err


def test_a_missing_docx_is_unusable(tmp_path):
    status, err = _status(tmp_path / "absent.docx")
    assert status == 2 and "no such file" in err


@pytest.mark.parametrize("garbage", [b"not XML", "<?xml version='1.0' encoding='utf-16'?><!DOCTYPE x [<!ENTITY a 'a'>]>"
                                     "<x>&a;</x>".encode("utf-16")], ids=["not-xml", "utf-16-entities"])
def test_a_docx_whose_footnotes_part_is_not_xml_is_unusable_and_the_part_named(examples, tmp_path, garbage):
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(examples["cd-report-en"]) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, garbage if item.filename == "word/footnotes.xml" else src.read(item.filename))
    out, err = io.StringIO(), io.StringIO()
    assert run_check([broken], stdout=out, stderr=err) == 2
    assert f"{broken}: part word/footnotes.xml " in err.getvalue()
