"""Headings as a reader sees them: an unnumbered sub-heading inside numbered chapters (issued reports have them)
keeps its level's style, takes no number and leaves its level's sequence alone; read back with python-docx, and
through ``cddraft import``."""

from __future__ import annotations

import docx
import yaml

from tests.conftest import run_cli

REPORT = """\
kind: report
symbol: CD/2102
date: 2017-09-20
report:
  title: Report
  content:
    - heading: Substantive discussions
      content:
        - heading: General views
          content:
            - heading: Views of the Group of 21
              numbered: false
              id: g21
              content: [A paragraph under an unnumbered sub-heading.]
            - heading: Existing assurances
              content: [A paragraph under the first numbered sub-heading.]
        - heading: Elements
          content: [Another paragraph.]
"""


def _headings(path) -> list[tuple[str, str]]:
    return [(p.style.style_id, p.text.strip()) for p in docx.Document(str(path)).paragraphs
            if p.style is not None and p.style.style_id.startswith("H")]


def test_an_unnumbered_sub_heading_takes_its_levels_style_and_no_number(tmp_path):
    outline = tmp_path / "report.yaml"
    outline.write_text(REPORT, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert _headings(tmp_path / "report.docx") == [
        ("HChG", "Report"),
        ("HChG", "I.\tSubstantive discussions"),
        ("H1G", "A.\tGeneral views"),
        ("H23G", "Views of the Group of 21"),  # no "1.": the next sub-heading is still the first
        ("H23G", "1.\tExisting assurances"),
        ("H1G", "B.\tElements"),
    ]


def test_a_reference_to_an_unnumbered_heading_is_refused_at_its_place(tmp_path):
    outline = tmp_path / "report.yaml"
    outline.write_text(REPORT.replace("[Another paragraph.]", "[\"See {ref:g21}.\"]"), encoding="utf-8")
    result = run_cli("check", str(outline))
    assert result.exit_code == 2
    assert "report.yaml:18:26: {ref:g21} points to a heading that has no number" in result.output, result.output


def test_the_unnumbered_sub_heading_comes_back_from_word_as_it_was_written(tmp_path):
    outline = tmp_path / "report.yaml"
    outline.write_text(REPORT.replace("              id: g21\n", ""), encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0
    result = run_cli("import", str(tmp_path / "report.docx"), "-o", str(tmp_path / "again.yaml"))
    assert result.exit_code == 0, result.output
    content = yaml.safe_load((tmp_path / "again.yaml").read_text(encoding="utf-8"))["report"]["content"]
    sub = content[0]["content"][0]["content"]
    assert sub[0]["heading"] == "Views of the Group of 21" and sub[0]["numbered"] is False
    assert sub[1]["heading"] == "Existing assurances" and "numbered" not in sub[1]
