"""The findings ``cddraft serve`` shows for an outline are those of ``cddraft check --format json``: the same objects
(:func:`cddraft.check.diagnostics.as_json`) in the same order (:func:`~cddraft.check.diagnostics.sort_key`) — the
build's findings (a missing job number: CD320) among them, once — and an outline that does not build shows the
errors ``check`` gives for it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cddraft.commands.check import run_check
from cddraft.serve.site import Site
from tests.conftest import MINIMAL_LETTER

#: No job number (CD320), the masthead date before the letter's (CD301), "U.N." and "percent" (CD502, CD504).
FAULTY = MINIMAL_LETTER.replace("date: 2017-09-15", "date: 2017-09-10").replace(
    "the report.]", "the report of the U.N. group, 15 percent shorter.]")
#: Two schema errors: the symbol (line 2) and the letter's date (line 5).
BROKEN = MINIMAL_LETTER.replace("date: 2017-09-14", "date: 2017-02-30").replace("symbol: CD/2101", "symbol: CD-2101")


def _check_json(outline: Path) -> list[dict]:
    out = io.StringIO()
    run_check([outline], fmt="json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def _served(outline: Path, tmp_path: Path) -> dict:
    work = tmp_path / "work"
    work.mkdir()
    site = Site([outline], work, warm=False, pages=False)
    try:
        site.build(site.entries[0])
        return json.loads(json.dumps(site.entries[0].public()))  # as the /state request sends it
    finally:
        site.close()


@pytest.mark.parametrize("text", [FAULTY, MINIMAL_LETTER + "job_number: GE.17-16166\n"], ids=["faulty", "clean"])
def test_serve_shows_the_findings_of_check_format_json(tmp_path, text):
    outline = (tmp_path / "letter.yaml").resolve()
    outline.write_text(text, encoding="utf-8")
    state, checked = _served(outline, tmp_path), _check_json(outline)
    assert state["state"] == "ready" and state["errors"] == []
    assert state["findings"] == checked
    if text is FAULTY:
        assert {"CD301", "CD320", "CD502", "CD504"} <= {d["code"] for d in checked}
        assert sum(d["code"] == "CD320" for d in checked) == 1, "the build's findings are not shown twice"
        assert [(d["line"], d["column"]) for d in checked] == sorted((d["line"], d["column"]) for d in checked)


def test_serve_shows_the_errors_of_check_format_json(tmp_path):
    outline = (tmp_path / "letter.yaml").resolve()
    outline.write_text(BROKEN, encoding="utf-8")
    state, checked = _served(outline, tmp_path), _check_json(outline)
    assert state["state"] == "error" and state["findings"] == []
    assert len(checked) >= 2 and all(d["code"] is None for d in checked)
    assert state["errors"] == checked
