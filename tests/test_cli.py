"""The command line as an officer uses it: exit statuses, FILE:LINE:COL messages, nothing written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.conftest import EXAMPLES, MINIMAL_LETTER, run_cli

LETTER = MINIMAL_LETTER


def write(tmp_path: Path, text: str, name: str = "o.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_build_writes_one_docx(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-en"]), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["cd-way-ahead-en.docx"]


def test_yaml_syntax_error_gives_position_and_exit_2(tmp_path):
    bad = write(tmp_path, LETTER.replace("  date: 2017-09-14", "  date: [2017-09-14"))
    out = tmp_path / "out"
    result = run_cli("build", str(bad), "-o", str(out))
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: YAML syntax error", result.output)
    assert not out.exists()


def test_unknown_key_and_impossible_date_each_get_a_message(tmp_path):
    bad = write(tmp_path, LETTER.replace("date: 2017-09-15", "date: 2017-02-30\nsymbl: CD/1"))
    out = tmp_path / "out"
    result = run_cli("build", str(bad), "-o", str(out))
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.startswith(str(bad))]
    assert len(lines) == 2, result.output
    assert f"{bad}:3:7: date:" in lines[0] and "not a valid date" in lines[0]
    assert f"{bad}:4:1: unknown key 'symbl'; did you mean 'symbol'?" == lines[1]
    assert not out.exists()


def test_check_reports_every_problem_at_once(tmp_path):
    bad = write(tmp_path, LETTER.replace("CD/2101", "CD-2101").replace("2017-09-15", "14/09/2017")
                + "job_number: GE17-1\n")
    result = run_cli("check", str(bad))
    assert result.exit_code == 2
    msgs = result.output.splitlines()
    assert any(":2:9: symbol:" in m and "not a CD document symbol" in m for m in msgs)
    assert any(":3:7: date:" in m for m in msgs)
    assert any("not a UNOG job number" in m for m in msgs)


def test_check_accepts_every_example():
    result = run_cli("check", *map(str, EXAMPLES.values()))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "zh", "ar"])
@pytest.mark.parametrize("kind", ["letter", "note-verbale", "report"])
def test_new_scaffold_builds_as_is(tmp_path, kind, language):
    outline = tmp_path / f"{kind}.yaml"
    assert run_cli("new", kind, "-o", str(outline), "--language", language).exit_code == 0
    assert "#" in outline.read_text(encoding="utf-8"), "the scaffold explains itself in comments"
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert docx.Document(str(tmp_path / f"{kind}.docx")).paragraphs


def test_existing_output_is_untouched_when_the_outline_is_bad(tmp_path):
    good = write(tmp_path, LETTER, "doc.yaml")
    assert run_cli("build", str(good), "-o", str(tmp_path)).exit_code == 0
    before = (tmp_path / "doc.docx").read_bytes()
    good.write_text(LETTER + "bogus: 1\n", encoding="utf-8")
    assert run_cli("build", str(good), "-o", str(tmp_path)).exit_code == 2
    assert (tmp_path / "doc.docx").read_bytes() == before


def test_name_pattern_follows_un_practice(tmp_path):
    result = run_cli("build", str(EXAMPLES["cd-way-ahead-fr"]), "-o", str(tmp_path), "--name", "{symbol}-{letter}")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "CD-2101-F.docx").exists()


def test_console_script_runs_from_another_directory(tmp_path):
    """The installed entry point works outside the repository (templates ship in the package)."""
    exe = Path(sys.executable).with_name("cddraft")
    if not exe.exists():
        pytest.skip("the cddraft console script is not installed in this environment (pip install .)")
    outline = write(tmp_path, LETTER)
    proc = subprocess.run([str(exe), "build", str(outline), "-o", "built"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "built" / "o.docx").exists()


def test_missing_job_number_is_a_warning_not_an_error(tmp_path):
    outline = write(tmp_path, LETTER)
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert f"{outline}:2:9: warning: no job_number" in result.output
    assert (tmp_path / "o.docx").exists()
