"""``cddraft diff``: for every bundled example, scripted edits (a word changed, a word put in bold, a date, a
paragraph, a heading, a footnote and an annex paragraph inserted, a paragraph deleted) are tracked so that
LibreOffice — an engine that is not ours — shows NEW's text and emphasis after accepting every change and OLD's
after rejecting them, paragraph by paragraph and footnote by footnote. Generated paragraph numbers are NEW's in
the tracked file (they are not changes), so the comparison with OLD leaves them aside."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from cddraft.export import find_soffice
from tests.conftest import EXAMPLES, require_libreoffice, run_cli

SCRIPT = Path(__file__).with_name("lo_revisions.py")
SYSTEM_PYTHON = "/usr/bin/python3"
_NUMBER = re.compile(r"^\t?(?:[^\t ]{1,6}|[^\t ]{1,4} -)\t")


def require_uno() -> None:
    require_libreoffice()
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import uno"],
                                                          capture_output=True).returncode:
        reason = "LibreOffice's UNO bridge (Debian: python3-uno) is needed to accept and reject changes"
        if os.environ.get("CDDRAFT_REQUIRE_LIBREOFFICE"):
            pytest.fail(reason + " (CDDRAFT_REQUIRE_LIBREOFFICE is set)")
        pytest.skip(reason)


def shown_by_libreoffice(out: Path, files: list[Path]) -> dict:
    """What LibreOffice shows of each file, every change accepted and every change rejected (lo_revisions.py, run
    with the system Python that has LibreOffice's UNO bridge), by file name."""
    subprocess.run([SYSTEM_PYTHON, str(SCRIPT), find_soffice() or shutil.which("soffice"), str(out),
                    *map(str, files)], check=True, timeout=600)
    return {Path(k).name: v for k, v in json.loads(out.read_text(encoding="utf-8")).items()}


def tracked_pair(tmp_path: Path, old: dict, new: dict) -> dict:
    """OLD and NEW written as outlines and built, NEW tracked against OLD (``tracked.docx``, openxml-audit clean),
    and what LibreOffice shows of the three files, every change accepted and rejected."""
    from tests.conftest import audit_errors

    paths = [tmp_path / "old.yaml", tmp_path / "new.yaml"]
    for path, content in zip(paths, (old, new), strict=True):
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run_cli("build", *map(str, paths), "-o", str(tmp_path)).exit_code == 0
    result = run_cli("diff", *map(str, paths), "-o", str(tmp_path / "tracked.docx"))
    assert result.exit_code == 0, result.output
    assert audit_errors(tmp_path / "tracked.docx") == []
    return shown_by_libreoffice(tmp_path / "shown.json",
                                [tmp_path / n for n in ("tracked.docx", "old.docx", "new.docx")])


def _blocks(data: dict) -> list:
    """The block list edits go into: the report's content, or the last annex's."""
    if data.get("annexes"):
        return data["annexes"][-1]["content"]
    return data["report"]["content"]


def edited(data: dict) -> dict:
    """NEW: OLD with a word and a date changed, a footnote added, paragraphs and a heading inserted at the end
    of the last body, and the paragraph before them deleted."""
    new = copy.deepcopy(data)
    new["symbol"] = new["symbol"].rstrip("*") + "/Rev.1"  # a revision: new symbol, new masthead date
    new["date"] = "2024-05-02"
    if new["kind"] == "corrigendum":  # a correction changed, one deleted, one added
        corrections = new["corrigendum"]["corrections"]
        corrections[0] = {**corrections[0], "where": corrections[0]["where"] + ", first line"}
        del corrections[-1]
        corrections.append({"where": "Paragraph 20", "delete": "the word “informal”"})
        return new
    if new["kind"] in ("resolution", "decision"):  # a preambular paragraph added; an operative one reworded,
        res = new["resolution"]                      # the last deleted, one added with a note
        res.setdefault("preamble", []).append("*Noting* a paragraph added in revision,")
        operative = res["operative"]
        if isinstance(operative[0], str):
            operative[0] = re.sub(r"(\w{5,})", r"\1 revised", operative[0], count=1)
        if len(operative) > 1:
            del operative[-1]
        operative.append("*Decides* to remain seized of the matter.^[A note added in revision.]")
        return new
    paragraphs = new["letter"]["paragraphs"] if "letter" in new else None
    first = paragraphs if paragraphs else None
    if first:
        first[0] = re.sub(r"\b(20[0-9]{2})\b", "2031", first[0], count=1) + "^[A note added in revision.]"
    blocks = _blocks(new)
    plain = [i for i, b in enumerate(blocks) if isinstance(b, str)]
    if len(plain) > 2 and not re.search(r"[*^{\\]", blocks[plain[1]]):  # a word put in bold: formatting only
        blocks[plain[1]] = re.sub(r"(\w{5,})", r"**\1**", blocks[plain[1]], count=1)
    if len(plain) > 1:
        blocks[plain[0]] = re.sub(r"(\w{5,})", r"\1 revised", blocks[plain[0]], count=1)
        del blocks[plain[-1]]
    blocks.append("A paragraph added in revision, with a note.^[Its note.]")
    blocks.append({"heading": "Added in revision", "content": ["The text under it."]})
    return new


@pytest.fixture(scope="module")
def shown(tmp_path_factory) -> dict:
    require_uno()
    work = tmp_path_factory.mktemp("diff")
    for rows in EXAMPLES["ccw-tables-en"].parent.glob("*.csv"):  # the rows some examples read
        shutil.copy(rows, work)
    files = []
    for stem, path in EXAMPLES.items():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        old, new = work / f"{stem}-old.yaml", work / f"{stem}-new.yaml"
        old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        new.write_text(yaml.safe_dump(edited(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert run_cli("build", str(old), str(new), "-o", str(work)).exit_code == 0
        result = run_cli("diff", str(old), str(new), "-o", str(work / f"{stem}-tracked.docx"), "--author",
                         "Reviser", "--date", "2024-05-02")
        assert result.exit_code == 0, result.output
        files += [work / f"{stem}-tracked.docx", work / f"{stem}-old.docx", work / f"{stem}-new.docx"]
    out = work / "shown.json"
    return shown_by_libreoffice(out, files)


def _text(view: dict, *, numbers: bool = True) -> dict:
    paragraphs = [p for p in view["paragraphs"] if p.strip()]
    return {"paragraphs": paragraphs if numbers else [_NUMBER.sub("", p) for p in paragraphs],
            "emphasis": [[_NUMBER.sub("", text) if not numbers else text, *rest] for text, *rest in view["emphasis"]],
            "footnotes": view["footnotes"], "tables": sorted(map(tuple, view["tables"]))}


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_accepting_every_change_gives_new_and_rejecting_them_old(shown, stem):
    tracked, old, new = (shown[f"{stem}-{k}.docx"] for k in ("tracked", "old", "new"))
    assert _text(tracked["accept"]) == _text(new["accept"])
    assert _text(tracked["reject"], numbers=False) == _text(old["accept"], numbers=False)
    assert _text(tracked["reject"]) != _text(tracked["accept"]), "the edits are tracked, not merged"


@pytest.mark.parametrize("stem", ["cd-report-en", "cd-way-ahead-zh", "cd-way-ahead-ar", "cd-joint-letter-en"])
def test_a_tracked_file_passes_openxml_audit_and_names_its_reviser(tmp_path, stem):
    from tests.conftest import audit_errors

    data = yaml.safe_load(EXAMPLES[stem].read_text(encoding="utf-8"))
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    new.write_text(yaml.safe_dump(edited(data), allow_unicode=True), encoding="utf-8")
    out = tmp_path / "tracked.docx"
    assert run_cli("diff", str(old), str(new), "-o", str(out), "--author", "Reviser", "--date",
                   "2024-05-02").exit_code == 0
    assert audit_errors(out) == []
    import zipfile

    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    marks = re.findall(r"<w:(?:ins|del) [^>]*>", body)
    assert marks and all(re.search(r' w:author="Reviser" w:date="2024-05-02T00:\d\d:00Z"', m) for m in marks)


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="LibreOffice defect: rejecting a note reference inserted right after a paragraph's last "
                   "note reference also removes that paragraph's mark (the file marks it in Word's own form)")
def test_a_note_added_after_a_paragraphs_last_note_is_rejected_whole_by_libreoffice(tmp_path):
    require_uno()
    data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    blocks = _blocks(data)
    blocks[:] = ["The Coordinator thanked the delegations.^[See CD/2090.]", {"heading": "Next", "content": ["Text."]}]
    new = copy.deepcopy(data)
    _blocks(new)[0] += "^[A second note.]"
    old_path, new_path = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    new_path.write_text(yaml.safe_dump(new, allow_unicode=True), encoding="utf-8")
    assert run_cli("build", str(old_path), "-o", str(tmp_path)).exit_code == 0
    assert run_cli("diff", str(old_path), str(new_path), "-o", str(tmp_path / "tracked.docx")).exit_code == 0
    out = tmp_path / "shown.json"
    shown = shown_by_libreoffice(out, [tmp_path / "tracked.docx", tmp_path / "old.docx"])
    assert _text(shown["tracked.docx"]["reject"], numbers=False) == _text(shown["old.docx"]["accept"], numbers=False)


def test_a_heading_moved_up_a_level_takes_its_old_style_back_when_rejected(tmp_path):
    """``w:pPrChange`` (valid for openxml-audit): LibreOffice shows NEW's paragraph styles after accepting and
    OLD's after rejecting."""
    require_uno()
    data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    data["report"]["content"] = [{"heading": "Work", "content": [
        {"heading": "Meetings", "content": ["The meetings were held in Geneva."]},
        {"heading": "Papers", "content": ["The Coordinator thanked the delegations."]}]}]
    new = copy.deepcopy(data)
    work = new["report"]["content"][0]
    new["report"]["content"].append(work["content"].pop())  # "Papers": from section B. to chapter II.
    shown = tracked_pair(tmp_path, data, new)
    assert shown["old.docx"]["accept"]["styles"] != shown["new.docx"]["accept"]["styles"]
    assert shown["tracked.docx"]["accept"]["styles"] == shown["new.docx"]["accept"]["styles"]
    assert shown["tracked.docx"]["reject"]["styles"] == shown["old.docx"]["accept"]["styles"]


def test_a_changed_body_name_and_united_nations_are_revisions_too(tmp_path):
    """E10: ``body:`` and ``united_nations:`` changed between the versions: rejecting every change gives OLD's
    masthead (LibreOffice reads the table cells), accepting gives NEW's."""
    require_uno()
    data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    new = copy.deepcopy(data)
    new["body"] = "Conference on Disarmament\nWorking Group on the Way Ahead"
    new["united_nations"] = True
    shown = tracked_pair(tmp_path, data, new)
    assert shown["old.docx"]["accept"]["tables"] != shown["new.docx"]["accept"]["tables"]
    assert shown["tracked.docx"]["accept"]["tables"] == shown["new.docx"]["accept"]["tables"]
    assert shown["tracked.docx"]["reject"]["tables"] == shown["old.docx"]["accept"]["tables"]


def test_a_table_edited_cell_by_cell_and_row_by_row_is_accepted_as_new_and_rejected_as_old(tmp_path):
    """Issue 27: a figure changed, a row added and a row removed in a kept table are tracked inside it (cells'
    words, rows inserted and deleted): LibreOffice shows NEW's cells after accepting every change and OLD's after
    rejecting them."""
    require_uno()
    data = yaml.safe_load(EXAMPLES["ccw-tables-en"].read_text(encoding="utf-8"))
    data["report"]["content"][1]["content"][1]["rows_from"] = str(EXAMPLES["ccw-tables-en"].parent
                                                                  / "ccw-tables-contributions-en.csv")
    new = copy.deepcopy(data)
    table = new["report"]["content"][0]["content"][1]
    table["rows"][0] = ["High Contracting Parties", "92", "97"]  # a figure
    del table["rows"][1]  # a row removed
    table["rows"].insert(3, ["Specialized agencies", "3", "4"])  # a row added
    shown = tracked_pair(tmp_path, data, new)
    assert shown["old.docx"]["accept"]["tables"] != shown["new.docx"]["accept"]["tables"]
    assert shown["tracked.docx"]["accept"]["tables"] == shown["new.docx"]["accept"]["tables"]
    assert shown["tracked.docx"]["reject"]["tables"] == shown["old.docx"]["accept"]["tables"]
