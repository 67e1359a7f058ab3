"""What ties a resolution's keys together (issue 29), as ``cddraft check`` reports it — every problem at once, at
its line, exit 2: a decision of a body whose organ cddraft does not know needs `organ:`; sponsors and a submitter
are not both given; an adopted text is not a draft; a resolution needs its `resolution:` section."""

from __future__ import annotations

from tests.conftest import run_cli

BWC = """\
kind: decision
symbol: BWC/MSP/2023/L.1
language: en
date: 2023-12-15
meeting: {place: Geneva, dates: [2023-12-11, 2023-12-15]}
resolution:
  submitted_by: the Chair
  sponsors: [Argentina]
  draft: true
  adopted: {date: 2023-12-15}
  title: Decision on the intersessional programme
  operative:
    - "*Decides* to hold a meeting of experts in 2024."
"""


def test_the_problems_of_a_decision_are_reported_at_their_lines(tmp_path):
    path = tmp_path / "bwc.yaml"
    path.write_text(BWC, encoding="utf-8")
    result = run_cli("check", str(path))
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    # the organ missing: where `organ:` goes, at the top of `resolution:`
    assert any(line.startswith(f"{path}:7:3:") and "organ:" in line for line in lines), lines
    assert any(line.startswith(f"{path}:7:17:") and "not both" in line for line in lines), lines
    assert any(line.startswith(f"{path}:9:") and "not a draft" in line for line in lines), lines


def test_a_resolution_needs_its_text(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("kind: resolution\nsymbol: A/C.1/79/L.23\ndate: 2024-10-09\n", encoding="utf-8")
    result = run_cli("check", str(path))
    assert result.exit_code == 2 and f"{path}:1:7: a resolution needs a `resolution:` section" in result.output
