"""A resolution's words as localise makes them (issue 29): the meeting line's ordinal ending by CLDR's ordinal
categories, the sponsors' and submitter's lines, and a corrigendum's place of a preambular paragraph."""

from __future__ import annotations

import pytest
import yaml

from cddraft.conventions import load_conventions
from cddraft.localise.resolution import meeting_line
from tests.conftest import EXAMPLES, run_cli


@pytest.mark.parametrize(("language", "n", "line"), [
    ("en", 1, "1st plenary meeting"), ("en", 2, "2nd plenary meeting"), ("en", 3, "3rd plenary meeting"),
    ("en", 11, "11th plenary meeting"), ("en", 12, "12th plenary meeting"), ("en", 21, "21st plenary meeting"),
    ("en", 44, "44th plenary meeting"), ("fr", 1, "1re séance plénière"), ("fr", 44, "44e séance plénière"),
    ("ru", 44, "44\u2011е пленарное заседание"), ("zh", 44, "第44次全体会议"), ("ar", 44, "الجلسة العامة 44"),
])
def test_the_meeting_line_takes_the_ordinal_ending_of_its_number(language, n, line):
    assert meeting_line(n, load_conventions(language)) == line


def test_a_corrigendum_places_a_preambular_paragraph_by_its_order_and_an_operative_one_by_its_number(tmp_path):
    data = yaml.safe_load(EXAMPLES["c1-ccw-draft-en"].read_text(encoding="utf-8"))
    res = data["resolution"]
    res["preamble"][3] = res["preamble"][3].replace("perspectives", "views")
    res["operative"][1] = res["operative"][1].replace("importance", "significance")
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("corrigendum", str(EXAMPLES["c1-ccw-draft-en"]), str(new), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    corrections = yaml.safe_load((tmp_path / "c1-ccw-draft-en-corr1.yaml").read_text(encoding="utf-8"))[
        "corrigendum"]["corrections"]
    assert [(c["where"], c["for"], c["read"]) for c in corrections] == [
        ("Fourth preambular paragraph", "perspectives", "views"), ("Paragraph 2", "importance", "significance")]
