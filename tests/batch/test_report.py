"""What a batch shows: a progress bar and a table on a terminal, problems still as FILE:LINE:COL lines, and
editorial findings counted as warnings with a hint that ``cddraft check`` runs every rule."""

from __future__ import annotations

import io
from pathlib import Path

from cddraft.batch.report import Reporter
from cddraft.batch.runner import Options, run
from tests.batch.helpers import BAD, SIX, table_rows
from tests.conftest import MINIMAL_LETTER, run_cli


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
