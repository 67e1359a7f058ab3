"""``cddraft diff``: the reviewers' copy is written, and a revision compared with another document than its base
is pointed out at NEW's symbol (issue 15, item 3) — a warning: the file is still written."""

from __future__ import annotations

import yaml

from tests.conftest import EXAMPLES, run_cli


def _pair(tmp_path, old_symbol: str, new_symbol: str):
    data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump({**data, "symbol": old_symbol}, allow_unicode=True, sort_keys=False),
                   encoding="utf-8")
    new.write_text(yaml.safe_dump({**data, "symbol": new_symbol}, allow_unicode=True, sort_keys=False),
                   encoding="utf-8")
    return old, new


def test_a_revision_compared_with_another_document_is_warned_at_its_symbol(tmp_path):
    old, new = _pair(tmp_path, "CD/2102", "CD/2101/Rev.1")
    out = tmp_path / "changes.docx"
    result = run_cli("diff", str(old), str(new), "-o", str(out))
    assert result.exit_code == 0
    line = next(s for s in result.output.splitlines() if "revises" in s)
    symbol_line = next(n for n, s in enumerate(new.read_text(encoding="utf-8").splitlines(), 1)
                       if s.startswith("symbol:"))
    assert line.startswith(f"{new}:{symbol_line}:")
    assert "warning" in line and "CD/2101" in line and "CD/2102" in line
    assert out.is_file()


def test_a_revision_compared_with_its_base_or_an_earlier_revision_is_not_warned(tmp_path):
    for old_symbol in ("CD/2101", "CD/2101/Rev.1"):
        old, new = _pair(tmp_path, old_symbol, "CD/2101/Rev.2")
        result = run_cli("diff", str(old), str(new), "-o", str(tmp_path / "changes.docx"))
        assert result.exit_code == 0
        assert "revises" not in result.output


def test_an_author_that_the_revision_marks_cannot_carry_is_refused_before_anything_is_written(tmp_path):
    from tests.conftest import MINIMAL_LETTER

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(MINIMAL_LETTER, encoding="utf-8")
    new.write_text(MINIMAL_LETTER.replace("the report.", "the revised report."), encoding="utf-8")
    out = tmp_path / "d.docx"
    for author, says in (("Ann\x07Lee", "control character U+0007"), ("Ann\udcff", "not text"),
                         ("A" * 300, "300 characters long"), ("   ", "give the reviser's name")):
        result = run_cli("diff", str(old), str(new), "-o", str(out), "--author", author)
        assert result.exit_code == 2 and says in result.output and "Traceback" not in result.output, result.output
        assert not out.exists()
    assert run_cli("diff", str(old), str(new), "-o", str(out), "--author", "Anne-Marie Lefèvre").exit_code == 0
