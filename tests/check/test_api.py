"""``run_check`` reads its inputs as ``cddraft build`` does (files, folders, glob patterns), and
``explain`` prints a rule's docstring for a terminal (single backticks, the manual by its path)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from cddraft.check import RULES, explain, run_check
from tests.conftest import MINIMAL_LETTER

#: CD301 at line 3 (the masthead date before the letter's date).
EARLY = MINIMAL_LETTER.replace("date: 2017-09-15", "date: 2017-09-10") + "job_number: GE.17-16166\n"


def run(*files: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_check(list(files), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "outlines"
    where.mkdir()
    for name in ("a.yaml", "b.yml"):
        (where / name).write_text(EARLY, encoding="utf-8")
    (where / "readme.txt").write_text("not an outline", encoding="utf-8")
    return where


def test_a_folder_means_its_outlines(folder):
    status, out, err = run(folder)
    assert status == 1
    assert out.splitlines() == [f"{folder / name}:3:7: CD301 error: the masthead date 2017-09-10 is before the "
                                "letter's date 2017-09-14; a document is submitted after its letter is written"
                                for name in ("a.yaml", "b.yml")]
    assert "2 file(s) checked" in err and "is a directory" not in err


def test_a_pattern_the_shell_left_alone_is_expanded_and_each_file_checked_once(folder):
    status, out, err = run(str(folder / "*.yaml"), folder / "a.yaml")
    assert status == 1
    assert [ln.split(":")[0] for ln in out.splitlines()] == [str(folder / "a.yaml")]
    assert "1 file(s) checked" in err


def test_an_empty_folder_or_a_pattern_matching_nothing_is_unusable(tmp_path):
    status, _, err = run(tmp_path, str(tmp_path / "none-*.yaml"))
    assert status == 2
    assert f"{tmp_path}: no .yaml outlines in this folder" in err
    assert f"{tmp_path / 'none-*.yaml'}: no file matches this pattern" in err


@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_has_single_backticks_and_cites_the_manual_by_its_path(code):
    text = explain(code)
    assert "``" not in text
    assert not re.search(r"(?<![\w/])un-conventions\.md", text), "cited as docs/un-conventions.md"


def test_explain_of_cd301():
    text = explain("CD301")
    assert "Flags a masthead `date:` earlier than the letter's own `letter: date:`." in text
    assert "Manual: docs/un-conventions.md §1.1 (Editorial Manual, masthead;" in text
