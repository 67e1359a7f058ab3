"""What a build reports on an outline: besides what the file lacks (a job number), the findings of the
quick editorial rules (CD1xx structure, CD3xx masthead and letter) — the file is still built — and none of
the text-scanning rules, which only ``cddraft check`` runs."""

from __future__ import annotations

import io
from pathlib import Path

from cddraft.batch.runner import build_outline
from cddraft.commands.check import run_check
from tests.conftest import MINIMAL_LETTER

#: The minimal letter with a job number (no "no job_number" warning) and the masthead date (line 3)
#: four days before the letter's date: CD301.
EARLY = MINIMAL_LETTER.replace("date: 2017-09-15", "date: 2017-09-10") + "job_number: GE.17-16166\n"

REPORT = """\
kind: report
symbol: CD/2102
date: 2017-09-20
job_number: GE.17-16166
report:
  title: Report of the Coordinator
  content:
    - 1. Stockpiles fell by 15 percent in the U.N. regions.
"""


def write(tmp_path: Path, text: str, name: str = "o.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_masthead_date_before_the_letter_date_is_a_build_warning(tmp_path):
    outline = write(tmp_path, EARLY)
    built = build_outline(outline)
    assert built.data.startswith(b"PK"), "the file is still built"
    assert [(d.code, d.severity, d.pos.line, d.pos.column) for d in built.warnings] == [("CD301", "error", 3, 7)]
    assert built.warnings[0].format().startswith(f"{outline}:3:7: CD301 error: the masthead date 2017-09-10")
    assert build_outline(write(tmp_path, MINIMAL_LETTER + "job_number: GE.17-16166\n", "clean.yaml")).warnings == []


def test_structure_rules_run_and_text_rules_do_not(tmp_path):
    """CD101 (a typed paragraph number) is reported; CD502/CD504/CD511 ("U.N.", "percent") are left to check."""
    outline = write(tmp_path, REPORT)
    assert [d.code for d in build_outline(outline).warnings] == ["CD101"]
    out = io.StringIO()
    run_check([outline], stdout=out, stderr=io.StringIO())
    assert {"CD101", "CD502", "CD504"} <= {line.split()[1] for line in out.getvalue().splitlines()}


def test_the_outline_disable_list_and_line_comments_apply(tmp_path):
    assert [d.code for d in build_outline(write(tmp_path, EARLY)).warnings] == ["CD301"]
    listed = write(tmp_path, EARLY + "check:\n  disable: [CD3]\n", "listed.yaml")
    assert build_outline(listed).warnings == []
    commented = write(tmp_path, EARLY.replace("date: 2017-09-10", "date: 2017-09-10  # cddraft: disable=CD301"),
                      "commented.yaml")
    assert build_outline(commented).warnings == []


def test_an_unknown_rule_in_the_disable_list_is_a_warning_of_the_build_outline(tmp_path):
    outline = write(tmp_path, MINIMAL_LETTER + "job_number: GE.17-16166\ncheck:\n  disable: [CD999]\n")
    [warning] = build_outline(outline).warnings
    assert warning.severity == "warning" and "unknown rule 'CD999'" in warning.message
    assert (warning.pos.line, warning.pos.column) == (12, 13)


def test_the_builds_rule_modules_hold_every_rule_of_the_builds_families():
    """A build imports only rules.BUILD_MODULES: each CD1xx/CD3xx rule must live in one of them."""
    from cddraft.check import RULES, rules
    from cddraft.check.run import BUILD_RULES

    modules = {r.check.__module__.rsplit(".", 1)[-1] for code, r in RULES.items()
               if code.startswith(BUILD_RULES) and r.target == "outline"}  # .docx rules do not run on outlines
    assert modules and modules <= set(rules.BUILD_MODULES)
