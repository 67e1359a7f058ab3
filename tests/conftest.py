"""Shared fixtures: build the bundled examples once, convert them to PDF once, read them back.

Tests judge the output through independent readers: python-docx and docx2python on the .docx,
openxml-audit for validity, LibreOffice + pdftotext/pdffonts for what a reader sees.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cddraft.cli import main
from cddraft.export import convert_to_pdf, find_soffice

REPO = Path(__file__).resolve().parents[1]
OUTLINES = REPO / "outlines"
EXAMPLES = {p.stem: p for p in sorted(OUTLINES.glob("*.yaml"))}
SEED_ZH = Path(__file__).resolve().parent / "reference" / "seed-zh.txt"  # the real document the zh example models

#: The smallest letter that builds (no job number: line numbers in tests count on this layout).
MINIMAL_LETTER = """\
kind: letter
symbol: CD/2101
date: 2017-09-15
letter:
  date: 2017-09-14
  sender: the Permanent Representative of Myanmar
  paragraphs: [I have the honour to transmit herewith the report.]
  signatories:
    - name: Htin Lynn
"""


#: The smallest report that builds (line numbers in tests count on this layout).
MINIMAL_REPORT = """\
kind: report
symbol: CD/2102
date: 2017-09-20
job_number: GE.17-16400
report:
  title: Report of the Coordinator
  content:
    - A first paragraph.
"""


def require_libreoffice() -> None:
    """Skip without LibreOffice on a bare machine; fail in CI (CDDRAFT_REQUIRE_LIBREOFFICE=1)."""
    if find_soffice() is None or shutil.which("pdftotext") is None:
        reason = "LibreOffice (soffice) and poppler-utils are needed to render PDFs; .ci/run installs them"
        if os.environ.get("CDDRAFT_REQUIRE_LIBREOFFICE"):
            pytest.fail(reason + " (CDDRAFT_REQUIRE_LIBREOFFICE is set: CI must not pass by skipping)")
        pytest.skip(reason)


def require_pandoc(why: str) -> None:
    """Skip without pandoc on a bare machine (``why``: what the test needs it for); fail in CI, which installs it."""
    if shutil.which("pandoc") is None:
        reason = f"pandoc is needed {why} (Debian: pandoc; .ci/run installs it)"
        if os.environ.get("CDDRAFT_REQUIRE_LIBREOFFICE"):
            pytest.fail(reason + " (CDDRAFT_REQUIRE_LIBREOFFICE is set: CI must not pass by skipping)")
        pytest.skip(reason)


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def audit_errors(path: Path) -> list[dict]:
    """openxml-audit's error findings (schema and Word app-compat) for one file."""
    exe = shutil.which("openxml-audit")
    assert exe, "openxml-audit is a test dependency: pip install '.[test]'"
    proc = subprocess.run([exe, "-o", "json", "-m", "0", str(path)], capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout)
    entry = report[0] if isinstance(report, list) else report
    return entry["errors"]


def pdf_pages(pdf: Path, *, layout: bool = False) -> list[str]:
    """Text of each PDF page (pdftotext; ``layout`` keeps a line's pieces on one line)."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Every outline in outlines/ built once with the CLI."""
    out = tmp_path_factory.mktemp("built")
    result = run_cli("build", *map(str, EXAMPLES.values()), "-o", str(out))
    assert result.exit_code == 0, result.output
    return {stem: out / f"{stem}.docx" for stem in EXAMPLES}


@pytest.fixture(scope="session")
def pdfs(built, tmp_path_factory) -> dict[str, Path]:
    """The built examples rendered by LibreOffice in one call."""
    require_libreoffice()
    out = tmp_path_factory.mktemp("pdf")
    paths = convert_to_pdf(list(built.values()), out)
    return dict(zip(built, paths, strict=True))


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, exited but not yet reaped, is dead): LibreOffice left behind."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")
