"""Batch builds: many outlines in one command, one LibreOffice start for all the PDFs, files written in
argument order, and a failure that costs only the outline that failed."""

from __future__ import annotations

import re
import shutil
from importlib.util import find_spec
from pathlib import Path

from cddraft.batch import runner
from cddraft.export import page_count
from tests.batch.helpers import BAD, SIX, counting_soffice, document_xml, table_rows
from tests.conftest import EXAMPLES, require_libreoffice, run_cli
from tests.test_export import fake_soffice, starts


def test_six_languages_with_pdf_start_libreoffice_once(tmp_path, monkeypatch):
    require_libreoffice()
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(counting_soffice(tmp_path, counter)))
    out = tmp_path / "out"
    result = run_cli("build", *SIX, "--pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert starts(counter) == 1
    rows = table_rows(result.output)
    for outline in SIX:
        stem = Path(outline).stem
        assert (out / f"{stem}.docx").exists()
        pdf = out / f"{stem}.pdf"
        assert f"wrote {pdf}" in result.output
        language, pages, warnings, output = rows[outline]
        assert language == stem[-2:] and output == f"{stem}.docx" and warnings == "0"
        assert pages == str(page_count(pdf)) and int(pages) >= 2
    assert "6 built, 0 failed" in result.output


def test_a_failing_outline_costs_only_itself(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", SIX[0], str(bad), str(tmp_path / "missing.yaml"), *SIX[1:], "-o", str(out))
    assert result.exit_code == 2
    assert re.search(rf"^{re.escape(str(bad))}:\d+:\d+: ", result.output, re.M), "FILE:LINE:COL message"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{Path(s).stem}.docx" for s in SIX)
    rows = table_rows(result.output)
    assert rows[str(bad)] == ["?", "–", "0", "FAILED"]
    assert rows[SIX[0]][1] == "–", "no --pdf: no page count"
    assert "6 built, 2 failed" in result.output


def test_a_failing_outline_does_not_stop_the_pdfs_of_the_others(tmp_path, monkeypatch):
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(bad), *SIX[:2], "--pdf", "-o", str(out))
    assert result.exit_code == 2
    assert starts(counter) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{Path(s).stem}{x}" for s in SIX[:2]
                                                           for x in (".docx", ".pdf"))


def test_two_outlines_for_one_file_the_second_is_refused(tmp_path):
    copy = tmp_path / "copy" / "cd-way-ahead-en.yaml"
    copy.parent.mkdir()
    shutil.copy(EXAMPLES["cd-way-ahead-en"], copy)
    out = tmp_path / "out"
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), str(copy), "-o", str(out))
    assert result.exit_code == 2
    assert (f"{copy}: {EXAMPLES['cd-way-ahead-en']} in this run also writes {out / 'cd-way-ahead-en.docx'}"
            in result.output)
    first = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(tmp_path / "alone"))
    assert first.exit_code == 0
    assert document_xml(out / "cd-way-ahead-en.docx") == document_xml(tmp_path / "alone" / "cd-way-ahead-en.docx")
    # one symbol and language, two outlines (e.g. a letter and its unrevised copy) under --name
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), str(copy), "-o", str(tmp_path / "un"),
                     "--name", "{symbol}-{letter}")
    assert result.exit_code == 2
    assert "also writes" in result.output and "CD-2101-E.docx" in result.output


def test_worker_processes_build_the_same_documents(tmp_path):
    serial = run_cli("build", *SIX, "-o", str(tmp_path / "serial"), "--jobs", "1")
    pooled = run_cli("build", *SIX, "-o", str(tmp_path / "pooled"), "--jobs", "2")
    assert serial.exit_code == pooled.exit_code == 0, pooled.output
    for outline in SIX:
        name = f"{Path(outline).stem}.docx"
        assert document_xml(tmp_path / "serial" / name) == document_xml(tmp_path / "pooled" / name)
    assert table_rows(serial.output) == table_rows(pooled.output), "the summary keeps the argument order"


def test_the_pool_preloads_modules_that_exist():
    """A misspelt preload fails only inside the fork server, where nobody sees it."""
    assert [m for m in runner._PRELOAD if find_spec(m) is None] == []


def test_a_pdf_open_in_a_viewer_fails_only_its_outline(tmp_path, monkeypatch):
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    out = tmp_path / "out"
    out.mkdir()
    first, second = (Path(s).stem for s in SIX[:2])
    (out / f"{first}.pdf").write_text("open")
    (out / f".~lock.{first}.pdf#").write_text("")
    result = run_cli("build", *SIX[:2], "--pdf", "-o", str(out))
    assert result.exit_code == 2
    assert starts(counter) == 1
    assert (out / f"{first}.pdf").read_text() == "open" and (out / f"{second}.pdf").exists()
    rows = table_rows(result.output)
    assert rows[SIX[0]][-3:] == [f"{first}.docx", "(no", "PDF)"]
    assert rows[SIX[1]][-1] == f"{second}.docx"
