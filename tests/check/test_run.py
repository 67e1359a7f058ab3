"""The runner and the API for the command line: output formats, exit statuses, disabling rules,
positions inside multi-line values, ``list_rules`` and ``explain``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pydantic import Field

from cddraft.check import RULES, explain, list_rules, run_check
from cddraft.check.run import inline_disables, run_rules
from cddraft.errors import CddraftError
from cddraft.model.blocks import Model
from cddraft.model.document import Document
from cddraft.readers.outline.load import parse_outline_text
from tests.check.helpers import findings

HEAD = """\
kind: report
symbol: CD/2102
language: en
date: 2017-09-20
report:
  title: Report of the Coordinator
  content:
"""


def write(tmp_path: Path, body: str, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def run(*files: Path, **kwargs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_check(list(files), stdout=out, stderr=err, **kwargs)
    return status, out.getvalue(), err.getvalue()


def test_text_output_is_file_line_col_code_severity_message(tmp_path):
    path = write(tmp_path, "    - Stockpiles fell by 15 percent.\n")
    status, out, err = run(path)
    assert status == 1
    assert out == f"{path}:8:29: CD504 error: write “per cent”, not “percent”\n"
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
        (8, 11, "CD511", "error"), (8, 21, "CD512", "error")]
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


def test_inline_comment_disables_a_rule_on_its_line(tmp_path):
    path = write(tmp_path, (
        "    - Stockpiles fell by 15 percent.  # cddraft: disable=CD504\n"
        "    - Stockpiles fell by 15 percent.  # cddraft: disable=CD5,abbreviated-united-nations\n"
        "    - The UN stockpiles fell by 15 percent.  # cddraft: disable=CD511\n"
    ))
    assert [(d.pos.line, d.code) for d in findings(path)] == [(10, "CD504")]


def test_inline_comment_on_the_start_line_covers_a_folded_paragraph(tmp_path):
    path = write(tmp_path, (
        "    - >-  # cddraft: disable=CD504\n"
        "      The stockpiles fell\n"
        "      by 15 percent.\n"
    ))
    assert findings(path) == []


def test_inline_disables_reads_codes_prefixes_and_names():
    text = "a: 1  # cddraft: disable=CD201, CD50\nb: 2 # cddraft:disable=bold-for-emphasis\nc: '#x'\n"
    got = inline_disables(text)
    assert got[1] >= {"CD201", "CD504", "CD505"} and got[2] == {"CD505"} and 3 not in got


def test_positions_inside_folded_and_quoted_values(tmp_path):
    path = write(tmp_path, (
        "    - >-\n"                                   # 8
        "      The stockpiles\n"                       # 9
        "      fell by 15 percent, it was said.\n"     # 10
        "    - \"Stockpiles fell by\n"                 # 11
        "      15 percent.\"\n"                        # 12
        "    - 'The State''s stockpiles fell by 15 percent.'\n"  # 13
        "    - \"Escaped\\u00a0text fell by 15 percent.\"\n"   # 14
    ))
    got = [(d.pos.line, d.pos.column) for d in findings(path, only={"CD504"})]
    assert got == [(10, 18), (12, 10), (13, 43), (14, 7)], "an escape falls back to the value's start"


class _CheckSettings(Model):
    disable: list[str] = Field(default_factory=list)


class _DocumentWithCheck(Document):
    """The model change requested for per-outline disabling (``check: {disable: [...]}``)."""

    check: _CheckSettings = _CheckSettings()


def test_outline_disable_list_is_honoured_once_the_model_has_it():
    text = HEAD.replace("kind: report", "check:\n  disable: [CD504, CD9]\nkind: report") + (
        "    - Stockpiles fell by 15 percent in the UN.\n")
    outline = parse_outline_text(text, "doc.yaml")
    doc = _DocumentWithCheck.model_validate(outline.data)
    diags = run_rules(doc, file="doc.yaml", text=text, sources=outline.sources)
    assert [(d.pos.line, d.code) for d in diags] == [(2, ""), (10, "CD511")]
    assert "unknown rule 'CD9'" in diags[0].message


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
