"""Shared helpers of the batch tests: the six language versions, a broken outline, the summary table."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from cddraft.export import find_soffice
from tests.conftest import OUTLINES

SIX = sorted(str(p) for p in OUTLINES.glob("cd-way-ahead-*.yaml"))
BAD = "kind: letter\nsymbol: CD/2101\ndate: 2017-09-15\nletter: [\n"


def counting_soffice(tmp_path: Path, counter: Path) -> Path:
    """The real LibreOffice behind a wrapper that counts its starts."""
    real = find_soffice()
    wrapper = tmp_path / "soffice-counting"
    wrapper.write_text(f'#!/bin/sh\necho start >> "{counter}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    return wrapper


def table_rows(output: str) -> dict[str, list[str]]:
    """The plain summary table, by file."""
    lines = output.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.split()[:5] == ["file", "language", "pages", "warnings",
                                                                      "output"])
    rows = {}
    for ln in lines[head + 1:]:
        if re.match(r"\d+ built, \d+ failed", ln):
            break
        cells = ln.split()
        rows[cells[0]] = cells[1:]
    return rows


def document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")
