"""``cddraft check`` as a function: output formats, exit statuses, disabling rules for a run, inputs read
as ``cddraft build`` reads them (files, folders, glob patterns); ``list_rules``, and ``explain`` printing a
rule's docstring for a terminal (single backticks, the manual by its path)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from cddraft.check import RULES
from cddraft.commands.check import explain, list_rules, run_check
from cddraft.errors import CddraftError
from tests.check.test_run import HEAD, write
from tests.conftest import MINIMAL_LETTER

#: CD301 at line 3 (the masthead date before the letter's date).
EARLY = MINIMAL_LETTER.replace("date: 2017-09-15", "date: 2017-09-10") + "job_number: GE.17-16166\n"


def run(*files: str | Path, **kwargs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_check(list(files), stdout=out, stderr=err, **kwargs)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "outlines"
    where.mkdir()
    for name in ("a.yaml", "b.yml"):
        (where / name).write_text(EARLY, encoding="utf-8")
    (where / "readme.txt").write_text("not an outline", encoding="utf-8")
    return where


def test_text_output_is_file_line_col_code_severity_message(tmp_path):
    path = write(tmp_path, "    - Stockpiles fell by 15 percent.\n")
    status, out, err = run(path)
    assert status == 1
    assert out == f"{path}:9:29: CD504 error: write “per cent”, not “percent”\n"
    assert "1 error(s), 0 warning(s)" in err


def test_warnings_alone_exit_zero(tmp_path):
    path = write(tmp_path, "    - Delegations *must* agree.\n")
    status, out, _ = run(path)
    assert status == 0 and " CD506 warning: " in out


def test_clean_outline_exits_zero_and_prints_no_finding(tmp_path):
    status, out, err = run(write(tmp_path, "    - Delegations agreed.\n"))
    assert (status, out) == (0, "") and "0 error(s)" in err


def test_json_output_lists_every_finding_with_its_fields(tmp_path):
    path = write(tmp_path, "    - The UN met on September 14, 2017.\n")
    status, out, _ = run(path, fmt="json")
    assert status == 1
    data = json.loads(out)
    assert [(d["line"], d["column"], d["code"], d["severity"]) for d in data] == [
        (9, 11, "CD511", "error"), (9, 21, "CD512", "error")]
    assert set(data[0]) == {"file", "line", "column", "code", "severity", "message"}
    assert data[0]["file"] == str(path)


def test_schema_errors_make_the_file_unusable_and_are_reported_as_before(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD.replace("2017-09-20", "2017-02-30") + "    - Text.\n", encoding="utf-8")
    good = write(tmp_path, "    - Stockpiles fell by 15 percent.\n", "good.yaml")
    status, out, err = run(bad, good)
    assert status == 2, "unusable input wins over findings"
    assert f"{bad}:4:7: date:" in err and "not a valid date" in err
    assert " CD504 " in out, "the other files are still checked"
    status, out, _ = run(bad, fmt="json")
    assert status == 2 and json.loads(out)[0]["code"] is None


def test_missing_outline_is_unusable(tmp_path):
    status, _, err = run(tmp_path / "absent.yaml")
    assert status == 2 and "no such file" in err


@pytest.mark.parametrize("selector", ["CD504", "cd504", "CD5", "percent-not-per-cent"])
def test_disable_by_code_prefix_or_name(tmp_path, selector):
    path = write(tmp_path, "    - Stockpiles fell by 15 percent.\n")
    assert run(path, disable={selector})[:2] == (0, "")


def test_an_unknown_rule_to_disable_is_a_usage_error(tmp_path):
    status, _, err = run(write(tmp_path, "    - Text.\n"), disable={"CD999"})
    assert status == 2 and "CD999" in err


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


def test_list_rules_gives_code_name_severity_and_summary_of_each():
    lines = list_rules().splitlines()
    assert len(lines) == len(RULES) >= 15
    for line, code in zip(lines, sorted(RULES), strict=True):
        r = RULES[code]
        assert line.startswith(code) and r.name in line and r.severity in line and line.endswith(r.summary)


def test_explain_gives_the_docstring_by_code_or_name():
    text = explain("CD107")
    assert text.startswith("CD107 lone-subsection (error)") and "if there is an A there must be a B" in text
    assert explain("lone-subsection") == text
    with pytest.raises(CddraftError):
        explain("CD999")


def test_explain_names_the_languages_a_rule_checks():
    first = explain("CD502").splitlines()[0]
    assert first == "CD502 acronym-with-full-stops (error) — checks English, French, Spanish versions"
    assert "checks" not in explain("CD107").splitlines()[0], "a rule of every language says nothing"


@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_has_single_backticks_and_cites_the_manual_by_its_path(code):
    text = explain(code)
    assert "``" not in text
    assert not re.search(r"(?<![\w/])un-conventions\.md", text), "cited as docs/un-conventions.md"


def test_explain_of_cd301():
    text = explain("CD301")
    assert "Flags a masthead `date:` earlier than the letter's own `letter: date:`." in text
    assert "Manual: docs/un-conventions.md §1.1 (Editorial Manual, masthead;" in text
