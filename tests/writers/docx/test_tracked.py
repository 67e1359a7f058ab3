"""The revisions ``cddraft diff`` writes, read back from the file with lxml: word-level marks inside a changed
paragraph (character-level in Chinese), neighbouring runs under one mark, whole paragraphs with their marks."""

from __future__ import annotations

import copy
import zipfile

import yaml
from lxml import etree

from tests.conftest import run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BASE = {"kind": "report", "symbol": "CD/2102", "language": "en", "date": "2017-09-20", "job_number": "GE.17-16400",
        "report": {"title": "Report of the Coordinator", "content": [
            "The meetings were held in Geneva.", "The Coordinator thanked the delegations.^[See CD/2090.]"]}}


def _tracked(tmp_path, new: dict, old: dict = BASE) -> etree._Element:
    paths = []
    for name, data in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "tracked.docx"
    assert run_cli("diff", *paths, "-o", str(out), "--date", "2024-05-02").exit_code == 0
    return etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))


def _paragraph(body: etree._Element, words: str) -> etree._Element:
    return next(p for p in body.iter(f"{W}p") if words in "".join(p.itertext()))


def _marked(p: etree._Element, kind: str) -> list[str]:
    return ["".join(m.itertext()) for m in p.iter(f"{W}{kind}") if m.getparent().tag != f"{W}rPr"]


def test_a_changed_word_is_one_deletion_and_one_insertion_in_the_paragraph(tmp_path):
    new = copy.deepcopy(BASE)
    new["report"]["content"][0] = "The meetings were convened in Geneva."
    p = _paragraph(_tracked(tmp_path, new), "meetings were")
    assert _marked(p, "del") == ["held "] and _marked(p, "ins") == ["convened "]
    assert "The meetings were " in "".join(t.text for t in p.iter(f"{W}t") if t.getparent().getparent() is p)


def test_chinese_is_compared_character_by_character(tmp_path):
    old = {**BASE, "language": "zh", "report": {"title": "协调员的报告", "content": ["会议在日内瓦举行。"]}}
    new = copy.deepcopy(old)
    new["report"]["content"][0] = "会议在纽约举行。"
    p = _paragraph(_tracked(tmp_path, new, old), "举行")  # not 会议: the body's name has it
    assert _marked(p, "del") == ["日内瓦"] and _marked(p, "ins") == ["纽约"]


def test_neighbouring_inserted_note_references_share_one_revision_mark(tmp_path):
    new = copy.deepcopy(BASE)
    new["report"]["content"][0] += "^[A first note.]^[A second note.]"
    p = _paragraph(_tracked(tmp_path, new), "meetings were")
    inserted = [m for m in p.iter(f"{W}ins") if m.getparent() is p]
    assert len(inserted) == 1 and len(inserted[0].findall(f".//{W}footnoteReference")) == 2


def test_an_inserted_paragraph_has_its_mark_inserted_and_is_stamped_apart_from_word_changes(tmp_path):
    new = copy.deepcopy(BASE)
    new["report"]["content"][0] = "The meetings were convened in Geneva."
    new["report"]["content"].insert(1, "A paragraph added in revision.")
    body = _tracked(tmp_path, new)
    added = _paragraph(body, "added in revision")
    mark = added.find(f"{W}pPr/{W}rPr/{W}ins")
    assert mark is not None
    word = _paragraph(body, "meetings were").find(f".//{W}ins")
    assert mark.get(f"{W}date").startswith("2024-05-02") and word.get(f"{W}date").startswith("2024-05-02")
    assert mark.get(f"{W}date") != word.get(f"{W}date")  # LibreOffice would join them across the paragraph end


def test_a_word_put_in_italics_is_a_formatting_change_not_a_rewrite(tmp_path):
    new = copy.deepcopy(BASE)
    new["report"]["content"][0] = "The meetings were *held* in Geneva."
    p = _paragraph(_tracked(tmp_path, new), "meetings were")
    assert _marked(p, "del") == [] and _marked(p, "ins") == []
    changed = [r for r in p.iter(f"{W}r") if r.find(f"{W}rPr/{W}rPrChange") is not None]
    assert ["".join(r.itertext()) for r in changed] == ["held"]
    now, was = changed[0].find(f"{W}rPr"), changed[0].find(f"{W}rPr/{W}rPrChange/{W}rPr")
    assert now.find(f"{W}i") is not None and was.find(f"{W}i") is None
    assert list(now)[-1].tag == f"{W}rPrChange"  # the schema's place: last in the run's properties


def _style(p: etree._Element) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def test_a_paragraph_become_a_quotation_keeps_its_words_and_marks_its_old_properties(tmp_path):
    new = copy.deepcopy(BASE)
    new["report"]["content"][0] = {"quote": BASE["report"]["content"][0]}
    p = _paragraph(_tracked(tmp_path, new), "meetings were")
    assert _marked(p, "del") == [] and _marked(p, "ins") == []
    change = p.find(f"{W}pPr/{W}pPrChange")
    assert change is not None and change.get(f"{W}author") == "cddraft"
    assert list(p.find(f"{W}pPr"))[-1] is change  # the schema's place: last in the paragraph's properties
    was = change.find(f"{W}pPr")
    assert etree.tostring(was) != etree.tostring(p.find(f"{W}pPr")), "the old properties differ from the new"
    assert was.find(f"{W}rPr") is None and was.find(f"{W}pPrChange") is None


def test_a_heading_moved_down_a_level_is_a_property_change(tmp_path):
    old = copy.deepcopy(BASE)
    old["report"]["content"] = [{"heading": "Work", "content": [{"heading": "Meetings", "content": ["More."]}]}]
    new = copy.deepcopy(old)
    new["report"]["content"] = [{"heading": "Work"}, {"heading": "Meetings", "content": ["More."]}]
    body = _tracked(tmp_path, new, old)
    meetings = _paragraph(body, "Meetings")
    change = meetings.find(f"{W}pPr/{W}pPrChange")
    assert change is not None
    assert _style(meetings) == "HChG" and change.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "H1G"
