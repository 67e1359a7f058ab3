"""Batch builds: many outlines (files, folders, patterns) in one command, one LibreOffice start for
all the PDFs, a summary, and a failure that costs only the outline that failed."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from cddraft.batch import Options, Reporter, run
from cddraft.export import find_soffice, page_count
from tests.conftest import EXAMPLES, MINIMAL_LETTER, OUTLINES, require_libreoffice, run_cli
from tests.test_export import fake_soffice, starts

SIX = sorted(str(p) for p in OUTLINES.glob("cd-way-ahead-*.yaml"))
BAD = "kind: letter\nsymbol: CD/2101\ndate: 2017-09-15\nletter: [\n"


def counting_soffice(tmp_path: Path, counter: Path) -> Path:
    """The real LibreOffice behind a wrapper that counts its starts."""
    real = find_soffice()
    wrapper = tmp_path / "soffice-counting"
    wrapper.write_text(f'#!/bin/sh\necho start >> "{counter}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    return wrapper


def table_rows(output: str) -> dict[str, list[str]]:
    """The plain summary table, by file."""
    lines = output.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.split()[:5] == ["file", "language", "pages", "warnings",
                                                                      "output"])
    rows = {}
    for ln in lines[head + 1:]:
        if re.match(r"\d+ built, \d+ failed", ln):
            break
        cells = ln.split()
        rows[cells[0]] = cells[1:]
    return rows


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


def test_a_folder_and_a_pattern_the_shell_left_alone(tmp_path):
    result = run_cli("build", str(OUTLINES), "-o", str(tmp_path / "all"))
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "all").glob("*.docx"))) == len(EXAMPLES)
    result = run_cli("build", str(OUTLINES / "cd-way-ahead-*.yaml"), SIX[0], "-o", str(tmp_path / "six"))
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (tmp_path / "six").iterdir()) == [Path(s).stem for s in SIX], "each once"
    result = run_cli("build", str(tmp_path / "nothing-*.yaml"), "-o", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nothing-*.yaml'}: no file matches this pattern" in result.output


def test_un_style_names(tmp_path):
    result = run_cli("build", *SIX, "-o", str(tmp_path), "--name", "{symbol}-{letter}")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"CD-2101-{x}.docx" for x in "ACEFRS"]


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
    assert _document_xml(out / "cd-way-ahead-en.docx") == _document_xml(tmp_path / "alone" / "cd-way-ahead-en.docx")
    # one symbol and language, two outlines (e.g. a letter and its unrevised copy) under --name
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), str(copy), "-o", str(tmp_path / "un"),
                     "--name", "{symbol}-{letter}")
    assert result.exit_code == 2
    assert "also writes" in result.output and "CD-2101-E.docx" in result.output


@pytest.mark.parametrize("pattern", ["{bogus}", "{stem", "{}"])
def test_a_bad_name_pattern_is_refused_before_building(tmp_path, pattern):
    result = run_cli("build", SIX[0], "-o", str(tmp_path / "out"), "--name", pattern)
    assert result.exit_code == 2
    assert "--name" in result.output and "{stem} {symbol} {letter} {lang}" in result.output
    assert not (tmp_path / "out").exists()


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


def test_worker_processes_build_the_same_documents(tmp_path):
    serial = run_cli("build", *SIX, "-o", str(tmp_path / "serial"), "--jobs", "1")
    pooled = run_cli("build", *SIX, "-o", str(tmp_path / "pooled"), "--jobs", "2")
    assert serial.exit_code == pooled.exit_code == 0, pooled.output
    for outline in SIX:
        name = f"{Path(outline).stem}.docx"
        assert _document_xml(tmp_path / "serial" / name) == _document_xml(tmp_path / "pooled" / name)
    assert table_rows(serial.output) == table_rows(pooled.output), "the summary keeps the argument order"


def test_the_terminal_display_shows_progress_and_a_table(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    paths = [Path(SIX[0]), bad]
    with Reporter(True, list_writes=False, out=out, err=err) as report:
        items = run(paths, Options(tmp_path / "out"), report)
    report.summary(items, pdf=False, out_dir=tmp_path / "out")
    assert "Building" in err.getvalue(), "the progress bar"
    assert f"{bad}:" in err.getvalue(), "problems are still FILE:LINE:COL lines"
    table = out.getvalue()
    assert "language" in table and "cd-way-ahead-ar.docx" in table and "FAILED" in table
    assert "1 built, 1 failed" in table
    assert "wrote" not in table, "the table lists the outputs"


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


def test_the_summary_counts_editorial_findings_as_warnings(tmp_path):
    early = tmp_path / "early.yaml"
    early.write_text(MINIMAL_LETTER.replace("date: 2017-09-15", "date: 2017-09-10")
                     + "job_number: GE.17-16166\n", encoding="utf-8")
    result = run_cli("build", str(early), SIX[0], "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"{early}:3:7: CD301 error:" in result.output
    rows = table_rows(result.output)
    assert rows[str(early)] == ["en", "–", "1", "early.docx"]
    assert rows[SIX[0]][2] == "0"
    assert "2 built, 0 failed" in result.output
    assert [ln for ln in result.output.splitlines() if ln.startswith("hint:")] == [
        f"hint: a build runs only the structure and masthead/letter rules (CD1xx, CD3xx); `cddraft check {early}` "
        "runs all rules"]
