"""The command line as an officer uses it: exit statuses, FILE:LINE:COL messages, nothing written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx2python import docx2python

from cddraft.cli import main
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
    assert any(":2:9: symbol:" in m and "not a document symbol of a body cddraft knows" in m for m in msgs)
    assert any(":3:7: date:" in m for m in msgs)
    assert any("is not a job number" in m for m in msgs)


def test_check_accepts_every_example():
    result = run_cli("check", *map(str, EXAMPLES.values()))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "zh", "ar"])
@pytest.mark.parametrize("kind", ["letter", "note-verbale", "report", "corrigendum", "resolution", "decision"])
def test_new_scaffold_builds_as_is(tmp_path, kind, language):
    outline = tmp_path / f"{kind}.yaml"
    assert run_cli("new", kind, "-o", str(outline), "--language", language).exit_code == 0
    assert "#" in outline.read_text(encoding="utf-8"), "the scaffold explains itself in comments"
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert docx.Document(str(tmp_path / f"{kind}.docx")).paragraphs


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "zh", "ar"])
@pytest.mark.parametrize("kind", ["letter", "note-verbale", "report"])
def test_new_scaffold_checks_with_a_warning_on_each_starter_text(tmp_path, kind, language):
    outline = tmp_path / f"{kind}.yaml"
    assert run_cli("new", kind, "-o", str(outline), "--language", language).exit_code == 0
    result = run_cli("check", str(outline))
    assert result.exit_code == 0, result.output  # warnings only: the starter still builds and checks
    found = [ln for ln in result.output.splitlines() if ln.startswith(f"{outline}:") and " CD312 " not in ln]
    assert found and all(" CD311 warning: " in ln and "`cddraft new` starter" in ln for ln in found), result.output
    # CD312 may join in on a French or Spanish version: the English starter addressee lacks "au"/"al"
    lines = outline.read_text(encoding="utf-8").splitlines()
    flagged = {int(ln.split(":")[1]) for ln in found}
    texts = {n for n, line in enumerate(lines, 1)
             if re.match(r"\s+(- )?(sender|addressee|transmits|title|heading|name|titles):", line)}
    assert texts and texts <= flagged, result.output
    placeholders = {n for n, line in enumerate(lines, 1) if re.match(r"(symbol|date|job_number|  date):", line)}
    assert placeholders and placeholders <= flagged, "the starter's symbol, job number and dates are placeholders"


@pytest.mark.parametrize("body", ["S", "A", "A+S", "A/C.1", "BWC", "CCW", "APLC", "CCM", "NPT", "NPT/PC", "ATT"])
@pytest.mark.parametrize("kind", ["letter", "note-verbale", "report"])
def test_new_for_another_body_builds_and_checks_with_only_starter_warnings(tmp_path, kind, body):
    outline = tmp_path / f"{kind}.yaml"
    assert run_cli("new", kind, "-o", str(outline), "--body", body, "--language", "fr").exit_code == 0
    text = outline.read_text(encoding="utf-8")
    from cddraft.scaffolds import starter_values

    assert f"symbol: {starter_values()[body]['symbol']}" in text
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    # it reads as that body's document: nothing of the Conference on Disarmament's starter is left in it
    with docx2python(tmp_path / f"{kind}.docx") as read:
        shown = read.text
    assert "Conference on Disarmament" not in shown and "Conférence du désarmement" not in shown, shown[:2000]
    assert "CD/" not in text and "Myanmar" not in text
    result = run_cli("check", str(outline))
    assert result.exit_code == 0, result.output
    found = [ln for ln in result.output.splitlines() if ln.startswith(f"{outline}:")]
    assert all(" CD311 warning: " in ln or " CD312 warning: " in ln for ln in found), result.output


@pytest.mark.parametrize("body", ["CD", "S", "A", "A/C.1", "BWC", "CCW", "APLC", "CCM", "NPT", "ATT"])
@pytest.mark.parametrize("kind", ["resolution", "decision"])
def test_new_resolution_and_decision_build_and_check_with_only_starter_warnings(tmp_path, kind, body):
    """A draft of each body: an L. symbol where the body issues them ("Distr.: Limited"), the body's organ in its
    formula (or an `organ:` line the starter gives), every text a starter text (CD311) and nothing else."""
    outline = tmp_path / f"{kind}.yaml"
    assert run_cli("new", kind, "-o", str(outline), "--body", body).exit_code == 0
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    with docx2python(tmp_path / f"{kind}.docx") as read:
        shown = read.text
    if kind == "resolution" and body in ("A", "A/C.1"):
        assert "/L." in outline.read_text(encoding="utf-8") and "Distr.: Limited" in shown
        assert "The General Assembly," in shown and ": draft resolution" in shown
    if kind == "decision" and body == "CD":
        assert "The Conference on Disarmament," in shown and "Draft decision submitted by the President" in shown
    result = run_cli("check", str(outline))
    assert result.exit_code == 0, result.output
    found = [ln for ln in result.output.splitlines() if ln.startswith(f"{outline}:")]
    assert found and all(" CD311 warning: " in ln for ln in found), result.output


def test_new_refuses_a_body_it_does_not_know(tmp_path):
    result = CliRunner().invoke(main, ["new", "letter", "--body", "UNSC"])
    assert result.exit_code == 2 and "'UNSC' is not a body cddraft knows; use one of CD, S, A" in result.output


def _replace_texts(outline: Path, edit) -> None:
    import yaml

    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    # the placeholders a user replaces with the secretariat's: the symbol, the dates, the job number
    data.update(symbol="CD/2105", date="2017-09-28", job_number="GE.17-17001")
    data.pop("footer_stamps", None)
    if "letter" in data:
        data["letter"]["date"] = "2017-09-26"
    edit(data)
    outline.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _own_letter(d: dict) -> None:  # the short texts "Ambassador" and "General exchange of views" are kept
    d["letter"].update(sender="the Permanent Representative of Chile", transmits="the national statement of Chile",
                       paragraphs=["I have the honour to transmit herewith the national statement of Chile (see "
                                   "annex)."])
    d["letter"]["signatories"][0].update(name="Juan Pérez", titles=["Ambassador", "Permanent Representative of "
                                                                    "Chile"], country="Chile")
    annex = d["annexes"][0]
    annex["title"] = "National statement of Chile"
    annex["content"][0] = "Chile made the following statement."
    annex["content"][1]["content"] = ["Chile reaffirmed its commitment to nuclear disarmament."]


def _own_note_verbale(d: dict) -> None:
    d["letter"].update(
        sender="la Mission permanente du Chili auprès de la Conférence du désarmement",
        addressee="le secrétariat de la Conférence",
        paragraphs=["La Mission permanente du Chili auprès de la Conférence du désarmement présente ses compliments "
                    "au secrétariat de la Conférence et a l’honneur de lui faire tenir ci-joint la déclaration "
                    "nationale prononcée le 14 septembre 2017 (voir annexe)."],
        closing="La Mission permanente du Chili saisit cette occasion pour renouveler au secrétariat de la "
                "Conférence les assurances de sa très haute considération.")
    d["annexes"][0]["content"] = ["Texte de la déclaration nationale du Chili."]


def _own_report(d: dict) -> None:  # the headings and the two items are kept
    report = d["report"]
    report["title"] = "Report of the Coordinator on agenda item 2"
    report["content"][0]["content"][0]["text"] = "The Coordinator held two informal meetings.^[See CD/2095.]"
    report["content"][1]["content"][1] = "As stated in paragraph {ref:meetings}, both meetings were open-ended."


@pytest.mark.parametrize(("kind", "language", "edit"), [
    ("letter", "en", _own_letter), ("note-verbale", "fr", _own_note_verbale), ("report", "en", _own_report)])
def test_new_scaffold_checks_clean_once_its_texts_are_replaced(tmp_path, kind, language, edit):
    outline = tmp_path / f"{kind}.yaml"
    assert run_cli("new", kind, "-o", str(outline), "--language", language).exit_code == 0
    assert "CD311" in run_cli("check", str(outline)).output
    _replace_texts(outline, edit)
    result = run_cli("check", str(outline))
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output, result.output


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
    assert f"{outline}:2:9: CD320 warning: no job_number" in result.output
    assert (tmp_path / "o.docx").exists()


#: The minimal letter with a job number, its masthead date (line 3) before the letter's date: CD301.
EARLY = LETTER.replace("date: 2017-09-15", "date: 2017-09-10") + "job_number: GE.17-16166\n"


def test_build_reports_an_editorial_error_and_still_writes_the_file(tmp_path):
    outline = write(tmp_path, EARLY)
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "o.docx").exists()
    lines = result.output.splitlines()
    assert f"{outline}:3:7: CD301 error: the masthead date 2017-09-10 is before the letter's date 2017-09-14" in (
        result.output)
    [hint] = [ln for ln in lines if ln.startswith("hint:")]
    assert f"`cddraft check {outline}` runs all rules" in hint


@pytest.mark.parametrize("switch", [
    "check:\n  disable: [CD301]\n",  # per outline
    "check:\n  disable: [masthead-date-before-letter-date]\n",
    None,  # per line
])
def test_build_says_nothing_of_a_rule_the_outline_disables(tmp_path, switch):
    outline = write(tmp_path, EARLY)
    assert "CD301 error" in run_cli("build", str(outline), "-o", str(tmp_path / "out")).output
    text = EARLY + switch if switch else EARLY.replace("date: 2017-09-10", "date: 2017-09-10  # cddraft: disable=CD301")
    outline.write_text(text, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"wrote {tmp_path / 'out' / 'o.docx'}"]


def test_build_leaves_the_text_rules_to_check(tmp_path):
    """CD502 ("U.N.") scans the text: check reports it, the build (which reports CD301) does not."""
    outline = write(tmp_path, EARLY.replace("the report.", "the U.N. report."))
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "CD301 error" in result.output and "CD502" not in result.output
    assert "CD502 error" in run_cli("check", str(outline)).output


def test_check_takes_a_folder_and_a_quoted_pattern(tmp_path):
    folder = tmp_path / "outlines"
    folder.mkdir()
    early = write(folder, EARLY, "early.yaml")
    also = write(folder, EARLY, "also.yml")
    write(folder, "not an outline", "notes.txt")
    for arg in (str(folder), str(folder / "*.y*ml")):
        result = run_cli("check", arg)
        assert result.exit_code == 1, result.output  # CD301 is an error for check
        assert f"{early}:3:7: CD301 error" in result.output and f"{also}:3:7: CD301 error" in result.output
        assert "2 file(s) checked: 2 error(s)" in result.output
    result = run_cli("check", str(tmp_path / "empty-*.yaml"))
    assert result.exit_code == 2
    assert "no file matches this pattern" in result.output


def test_explain_prints_single_backticks_and_cites_the_docs_file():
    result = run_cli("check", "--explain", "CD301")
    assert result.exit_code == 0
    assert "``" not in result.output
    assert "a masthead `date:` earlier than the letter's own `letter: date:`" in result.output
    assert "Manual: docs/un-conventions.md §1.1" in result.output


def test_the_command_summaries_of_the_help_are_whole_sentences():
    """Each command's summary fits an 80-column terminal: none is cut mid-word with "..."."""
    result = CliRunner().invoke(main, ["--help"], terminal_width=80)
    commands = result.output.split("Commands:")[1].strip().splitlines()
    assert len(commands) >= 11
    assert all(line.rstrip().endswith(".") and "..." not in line for line in commands), commands
