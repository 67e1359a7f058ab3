"""``cddraft align``: exit 0 when the versions agree, 1 when one differs, 2 on unusable input; JSON for tools;
``--base`` to read against another version; differences declared by ``check: disable:``, a line comment or
``--disable``; and ``cddraft check`` given several versions of one symbol reads them against each other too."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import EXAMPLES, run_cli


@pytest.fixture
def versions(tmp_path) -> dict:
    out = {}
    for code in ("en", "fr", "zh"):
        out[code] = tmp_path / f"{code}.yaml"
        shutil.copy(EXAMPLES[f"cd-way-ahead-{code}"], out[code])
    return out


def _plant(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_aligned_versions_exit_0_and_a_difference_exits_1(versions):
    assert run_cli("align", *map(str, versions.values())).exit_code == 0
    _plant(versions["fr"], "CD/2090", "CD/2009")
    result = run_cli("align", *map(str, versions.values()))
    assert result.exit_code == 1 and "CD613" in result.stdout


def test_json_lists_each_finding_with_file_line_column_and_code(versions):
    _plant(versions["fr"], "CD/2090", "CD/2009")
    result = run_cli("align", *map(str, versions.values()), "--format", "json")
    (finding,) = json.loads(result.stdout)
    assert finding["file"] == str(versions["fr"]) and finding["code"] == "CD613"
    assert finding["line"] == next(n for n, s in enumerate(versions["fr"].read_text().splitlines(), 1)
                                   if "CD/2009" in s)


@pytest.mark.parametrize("how", ["check-disable", "line-comment", "option"])
def test_a_declared_difference_is_not_reported(versions, how):
    _plant(versions["fr"], "CD/2090", "CD/2009")
    args = []
    if how == "check-disable":
        versions["fr"].write_text(versions["fr"].read_text(encoding="utf-8") + "check:\n  disable: [CD613]\n",
                                  encoding="utf-8")
    elif how == "line-comment":
        lines = versions["fr"].read_text(encoding="utf-8").splitlines()
        n = next(i for i, s in enumerate(lines) if "CD/2009" in s)
        lines[n] += "  # cddraft: disable=CD613 (the decision cited in the French version)"
        versions["fr"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        args = ["--disable", "version-symbol"]
    assert run_cli("align", *map(str, versions.values()), *args).exit_code == 0


def test_another_base_reads_the_others_against_it(versions):
    _plant(versions["fr"], "CD/2090", "CD/2009")
    result = run_cli("align", *map(str, versions.values()), "--base", str(versions["fr"]))
    assert result.exit_code == 1
    lines = [s for s in result.stdout.splitlines() if "CD613" in s]
    assert {s.split(":")[0] for s in lines} == {str(versions["en"]), str(versions["zh"])}


def test_unusable_input_exits_2(versions, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: letter\nsymbol: [\n", encoding="utf-8")
    assert run_cli("align", str(versions["en"]), str(broken)).exit_code == 2
    result = run_cli("align", str(versions["fr"]), str(versions["zh"]))  # none in the original language
    assert result.exit_code == 2 and "--base" in result.output


def test_check_reads_several_versions_of_one_symbol_against_each_other(versions):
    _plant(versions["zh"], "CD/2090", "CD/2009")
    result = run_cli("check", *map(str, versions.values()))
    assert "CD613" in result.output and result.exit_code == 1
    alone = run_cli("check", str(versions["zh"]))
    assert "CD613" not in alone.output


def test_versions_of_different_documents_are_refused_not_reported_as_no_difference(tmp_path):
    """E17: two outlines of different symbols: nothing can be compared, and align says so (exit 2)."""
    result = run_cli("align", str(EXAMPLES["cd-report-en"]), str(EXAMPLES["ga-letter-en"]))
    assert result.exit_code == 2
    assert "nothing was compared: the outlines are versions of different documents (A/78/745, CD/2102)" in (
        result.output)
    assert "0 difference" not in result.output


def test_a_base_that_is_none_of_the_outlines_is_refused(tmp_path):
    result = run_cli("align", str(EXAMPLES["cd-way-ahead-en"]), str(EXAMPLES["cd-way-ahead-fr"]), "--base",
                     str(tmp_path / "nowhere.yaml"))
    assert result.exit_code == 2 and "--base names none of the outlines given" in result.output
