"""What a build reports on an outline: the findings of the quick editorial rules (CD1xx structure, CD3xx masthead
and letter, a missing job number among them: CD320) — the file is still built — and none of the text-scanning
rules, which only ``cddraft check`` runs; a comparison (``diff``, ``corrigendum``) adds the compare rules (CD631).
Every finding has its code and is switched off as in ``cddraft check``."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from cddraft.batch.runner import build_outline
from cddraft.commands.check import run_check
from cddraft.pipeline import build, compare, corrigendum
from tests.conftest import MINIMAL_LETTER, MINIMAL_REPORT

#: The minimal letter with a job number (no CD320 warning) and the masthead date (line 3)
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


def test_a_missing_job_number_is_cd320_at_the_symbol_in_the_bodys_form(tmp_path):
    """The build's warning about the job number is a rule (CD320): same message and place, now with its code."""
    geneva = build_outline(write(tmp_path, MINIMAL_LETTER))
    [warning] = geneva.warnings
    assert (warning.code, warning.severity, warning.pos.line, warning.pos.column) == ("CD320", "warning", 2, 9)
    assert warning.message == ("no job_number: page 1 has no job number or barcode; add the one the secretariat "
                               "gives (GE.yy-nnnnn)")
    assert warning.format().startswith(f"{tmp_path / 'o.yaml'}:2:9: CD320 warning: no job_number")
    new_york = write(tmp_path, MINIMAL_LETTER.replace("CD/2101", "S/2017/790"), "s.yaml")
    assert [d.message.rsplit(" ", 1)[1] for d in build_outline(new_york).warnings] == ["(yy-nnnnn)"]


def test_cd320_is_switched_off_like_any_rule(tmp_path):
    listed = write(tmp_path, MINIMAL_LETTER + "check:\n  disable: [job-number-missing]\n", "listed.yaml")
    assert build_outline(listed).warnings == []
    commented = write(tmp_path, MINIMAL_LETTER.replace("symbol: CD/2101", "symbol: CD/2101  # cddraft: disable=CD320"),
                      "commented.yaml")
    assert build_outline(commented).warnings == []
    out = io.StringIO()
    assert run_check([write(tmp_path, MINIMAL_LETTER)], disable={"CD320"}, stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue() == ""


def test_the_pipeline_build_reports_the_quick_rules_once_or_leaves_them_to_the_caller(tmp_path):
    outline = write(tmp_path, EARLY)
    assert [d.code for d in build(outline).warnings] == ["CD301"]
    assert build(outline, findings=False).warnings == []


def _revision(tmp_path, old_symbol: str, new_symbol: str, extra: str = "") -> tuple[Path, Path]:
    old = write(tmp_path, MINIMAL_REPORT.replace("CD/2102", old_symbol), "old.yaml")
    new = write(tmp_path, MINIMAL_REPORT.replace("CD/2102", new_symbol).replace("first", "revised") + extra,
                "new.yaml")
    return old, new


def test_a_revision_compared_with_another_document_is_cd631_at_news_symbol(tmp_path):
    old, new = _revision(tmp_path, "CD/2103", "CD/2102/Rev.1")
    [warning] = compare(old, new, author="T", date=dt.date(2017, 9, 21)).warnings
    assert (warning.code, warning.severity, warning.file, warning.pos.line) == ("CD631", "warning", str(new), 2)
    assert warning.message == (f"symbol CD/2102/Rev.1 revises CD/2102, but the outline it is compared with ({old}) "
                               "is CD/2103: compare with CD/2102 or one of its revisions")
    old, new = _revision(tmp_path, "CD/2102", "CD/2102/Rev.1")
    assert compare(old, new, author="T", date=dt.date(2017, 9, 21)).warnings == []


def test_cd631_is_switched_off_in_news_outline(tmp_path):
    old, new = _revision(tmp_path, "CD/2103", "CD/2102/Rev.1", "check:\n  disable: [CD631]\n")
    assert compare(old, new, author="T", date=dt.date(2017, 9, 21)).warnings == []
    old, new = _revision(tmp_path, "CD/2103", "CD/2102/Rev.1")
    new.write_text(new.read_text(encoding="utf-8").replace("Rev.1\n", "Rev.1  # cddraft: disable=CD631\n"),
                   encoding="utf-8")
    assert compare(old, new, author="T", date=dt.date(2017, 9, 21)).warnings == []


def test_a_corrigendum_reports_the_build_and_compare_findings(tmp_path):
    """The corrigendum's own outline has no job number yet (CD320, at its symbol); NEW is compared with OLD."""
    old, new = _revision(tmp_path, "CD/2102", "CD/2102")
    drafted = corrigendum(old, new, number=1, date=dt.date(2017, 10, 2), outline_file=str(tmp_path / "corr.yaml"))
    assert [(d.code, d.file) for d in drafted.built.warnings] == [("CD320", str(tmp_path / "corr.yaml"))]
