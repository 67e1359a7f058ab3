"""A draft resolution and its revision (issue 29): ``cddraft diff`` of the First Committee example against its
/Rev.1 is a file LibreOffice — an engine that is not ours — shows as the revision once every change is accepted
and as the draft once every change is rejected; the sponsors' line is among the changes ("revised", the sponsor
added)."""

from __future__ import annotations

from tests.conftest import EXAMPLES, audit_errors, run_cli
from tests.e2e.test_diff import _text, require_uno, shown_by_libreoffice


def test_the_revision_of_a_draft_resolution_accepted_is_the_revision_and_rejected_the_draft(tmp_path):
    require_uno()
    old, new = EXAMPLES["c1-ccw-draft-en"], EXAMPLES["c1-ccw-draft-rev1-en"]
    assert run_cli("build", str(old), str(new), "-o", str(tmp_path)).exit_code == 0
    tracked = tmp_path / "tracked.docx"
    result = run_cli("diff", str(old), str(new), "-o", str(tracked), "--author", "Sponsor", "--date", "2024-10-28")
    assert result.exit_code == 0, result.output
    assert audit_errors(tracked) == []
    out = tmp_path / "shown.json"
    files = [tracked, tmp_path / f"{old.stem}.docx", tmp_path / f"{new.stem}.docx"]
    shown = shown_by_libreoffice(out, files)
    accepted, rejected = shown["tracked.docx"]["accept"], shown["tracked.docx"]["reject"]
    assert _text(accepted) == _text(shown[f"{new.stem}.docx"]["accept"])
    was, before_all = _text(rejected, numbers=False), _text(shown[f"{old.stem}.docx"]["accept"], numbers=False)
    # the first-page footer is NEW's (its job number is the revision's, not a change in the text)
    assert {k: v for k, v in was.items() if k != "tables"} == {k: v for k, v in before_all.items() if k != "tables"}
    assert was["tables"][0] == before_all["tables"][0], "the masthead (symbol, date) as it was"
    sponsors = [p for p in accepted["paragraphs"] if p.endswith("draft resolution")]
    assert sponsors and "Belgium" in sponsors[0] and sponsors[0].endswith(": revised draft resolution")
    before = [p for p in rejected["paragraphs"] if p.endswith("draft resolution")]
    assert before and "Belgium" not in before[0] and not before[0].endswith("revised draft resolution")
