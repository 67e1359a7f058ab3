"""``cddraft corrigendum``: the outline and the .docx are written side by side under the symbol's number; two
versions that print the same text, or two languages, are refused with nothing written; the outline written
passes ``cddraft check`` (only the job number is left to the secretariat)."""

from __future__ import annotations

import yaml

from tests.conftest import EXAMPLES, run_cli


def _pair(tmp_path, change=None):
    data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    new_data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    if change:
        change(new_data)
    old, new = tmp_path / "report.yaml", tmp_path / "report-new.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    new.write_text(yaml.safe_dump(new_data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return old, new


def _retitle(d: dict) -> None:
    d["report"]["title"] = d["report"]["title"].replace("Coordinator", "Chair")


def test_the_numbered_corrigendum_is_written_and_checks_clean(tmp_path):
    old, new = _pair(tmp_path, _retitle)
    out = tmp_path / "out"
    result = run_cli("corrigendum", str(old), str(new), "-o", str(out), "--number", "2", "--date", "2017-10-02")
    assert result.exit_code == 0, result.output
    outline = out / "report-corr2.yaml"
    assert (out / "report-corr2.docx").is_file()
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    assert data["symbol"] == "CD/2102/Corr.2" and str(data["date"]) == "2017-10-02"
    assert data["corrigendum"]["corrections"] == [{"where": "Title", "for": "Coordinator", "read": "Chair"}]
    checked = run_cli("check", str(outline))
    assert checked.exit_code == 0, checked.output
    assert "job_number" in result.output  # the one thing left to add, said at once


def test_the_same_text_is_refused_and_nothing_is_written(tmp_path):
    old, new = _pair(tmp_path)
    out = tmp_path / "out"
    result = run_cli("corrigendum", str(old), str(new), "-o", str(out))
    assert result.exit_code == 2
    assert f"{new}: it prints the same text as {old}: there is nothing to correct" in result.output
    assert not out.exists()


def test_two_languages_are_refused_at_news_language(tmp_path):
    old, new = _pair(tmp_path, lambda d: d.update(language="fr"))
    result = run_cli("corrigendum", str(old), str(new), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    line = next(n for n, s in enumerate(new.read_text(encoding="utf-8").splitlines(), 1) if s.startswith("language:"))
    assert f"{new}:{line}:" in result.output and "one version" in result.output
    assert not (tmp_path / "out").exists()
