"""The runner: rules disabled by a line comment or by the outline's own list, and positions inside
multi-line values. What ``cddraft check`` prints and returns is tested in tests/commands/test_check.py."""

from __future__ import annotations

from pathlib import Path

from cddraft.check.run import inline_disables, run_rules
from cddraft.model.document import Document
from cddraft.readers.outline.load import parse_outline_text
from tests.check.helpers import findings

#: A report with its job number (no CD320); its content begins at line 9.
HEAD = """\
kind: report
symbol: CD/2102
language: en
date: 2017-09-20
job_number: GE.17-16400
report:
  title: Report of the Coordinator
  content:
"""


def write(tmp_path: Path, body: str, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def test_inline_comment_disables_a_rule_on_its_line(tmp_path):
    path = write(tmp_path, (
        "    - Stockpiles fell by 15 percent.  # cddraft: disable=CD504\n"
        "    - Stockpiles fell by 15 percent.  # cddraft: disable=CD5,abbreviated-united-nations\n"
        "    - The UN stockpiles fell by 15 percent.  # cddraft: disable=CD511\n"
    ))
    assert [(d.pos.line, d.code) for d in findings(path)] == [(11, "CD504")]


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
        "    - >-\n"                                   # 9
        "      The stockpiles\n"                       # 10
        "      fell by 15 percent, it was said.\n"     # 11
        "    - \"Stockpiles fell by\n"                 # 12
        "      15 percent.\"\n"                        # 13
        "    - 'The State''s stockpiles fell by 15 percent.'\n"  # 14
        "    - \"Escaped\\u00a0text fell by 15 percent.\"\n"   # 15
    ))
    got = [(d.pos.line, d.pos.column) for d in findings(path, only={"CD504"})]
    assert got == [(11, 18), (13, 10), (14, 43), (15, 7)], "an escape falls back to the value's start"


def test_the_outlines_disable_list_is_honoured():
    text = HEAD.replace("kind: report", "check:\n  disable: [CD504, CD9]\nkind: report") + (
        "    - Stockpiles fell by 15 percent in the UN.\n")
    outline = parse_outline_text(text, "doc.yaml")
    doc = Document.model_validate(outline.data)
    diags = run_rules(doc, outline)
    assert [(d.pos.line, d.code) for d in diags] == [(2, ""), (11, "CD511")]
    assert "unknown rule 'CD9'" in diags[0].message


def test_a_rule_runs_only_on_the_versions_of_the_languages_it_names(tmp_path):
    """English spelling (CD501) and "per cent" (CD504) are English rules: a French version is not flagged."""
    body = "    - The organisation fell by 15 percent.\n"
    english = {d.code for d in findings(write(tmp_path, body))}
    assert {"CD501", "CD504"} <= english
    path = tmp_path / "fr.yaml"
    path.write_text((HEAD + body).replace("language: en", "language: fr"), encoding="utf-8")
    french = {d.code for d in findings(path)}
    assert not french & {"CD501", "CD504"}
