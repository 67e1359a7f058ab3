"""A report of 100 tables of 20 rows against the same words as paragraphs (issue 27).

Target: building the report with its 100 tables (5 columns: a stub and four number columns, a head row, a total
row, a source and a cell note each) takes no longer than twice building a report that says the same words as
2,100 paragraphs (one per row). Measured two ways, interleaved round by round and compared by medians: the
``cddraft build`` command as a user runs it (whole process, what the user waits for: the verdict), and
``pipeline.build`` in-process after one warm-up each (the stages alone, where the tables' extra work shows in
full). Run by hand (``python bench/tables.py [--runs N]``); the tests hold no timing assertions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import timed

TABLES, ROWS = 100, 20
TARGET = 2.0
_TOP = "kind: report\nsymbol: CD/2200\nlanguage: en\ndate: 2026-03-01\njob_number: GE.26-01234\nreport:\n" \
       "  title: A report with many tables\n  content:\n"


def _rows(t: int) -> list[list[str]]:
    return [[f"Delegation {t}-{r} of the group", str(1000 * r + t), f"{r}.{t % 10}", str(r * 37 + t), str(r + t)]
            for r in range(ROWS)]


def tables_outline() -> str:
    """100 tables, each with a paragraph naming it."""
    out = [_TOP]
    for t in range(TABLES):
        out.append(f"    - Table {{ref:t{t}}} gives the contributions of group {t}.\n")
        out.append(f"    - table: Contributions of group {t}\n      id: t{t}\n"
                   "      head: [Delegation, Amount, Share, Members, Meetings]\n      rows:\n")
        for r, row in enumerate(_rows(t)):
            cells = ", ".join(f'"{c}"' for c in row)
            note = "^[Provisional figure.]" if r == 3 else ""
            out.append(f'        - [{cells[:-1]}{note}"]\n')
        out.append(f'        - {{cells: [Total, "{ROWS * 1000}", "100", "{ROWS * 37}", "{ROWS}"], total: true}}\n')
        out.append("      source: Conference secretariat.\n")
    return "".join(out)


def paragraphs_outline() -> str:
    """The same words, one paragraph per row."""
    out = [_TOP]
    for t in range(TABLES):
        out.append(f"    - Table {t + 1} gives the contributions of group {t}.\n")
        out.append(f"    - Contributions of group {t} — Delegation, Amount, Share, Members, Meetings.\n")
        for r, row in enumerate(_rows(t)):
            note = "^[Provisional figure.]" if r == 3 else ""
            out.append(f"    - {' '.join(row)}.{note}\n")
        out.append(f"    - Total {ROWS * 1000} 100 {ROWS * 37} {ROWS}. Source — Conference secretariat.\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from cddraft import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        tables, paragraphs = Path(tmp, "tables.yaml"), Path(tmp, "paragraphs.yaml")
        tables.write_text(tables_outline(), encoding="utf-8")
        paragraphs.write_text(paragraphs_outline(), encoding="utf-8")
        exe = shutil.which("cddraft")
        command = [exe] if exe else [sys.executable, "-c", "from cddraft.cli import main; main()"]

        def build(path: Path) -> None:
            subprocess.run([*command, "build", str(path), "-o", tmp], check=True, capture_output=True)

        runs = {"tables": lambda: pipeline.build(tables), "paragraphs": lambda: pipeline.build(paragraphs),
                "tables (command)": lambda: build(tables), "paragraphs (command)": lambda: build(paragraphs)}
        for fn in runs.values():
            fn()
        times: dict[str, list[float]] = {k: [] for k in runs}
        for _ in range(args.runs):
            for name, fn in runs.items():
                times[name].append(timed(fn))
    med = {k: statistics.median(v) for k, v in times.items()}
    ways = (("`cddraft build`, whole process (verdict)", " (command)"), ("`pipeline.build` in-process", ""))
    for what, suffix in ways:
        ratio = med["tables" + suffix] / med["paragraphs" + suffix]
        print(f"| {TABLES} tables of {ROWS} rows vs the same words as paragraphs: {what} | tables "
              f"{med['tables' + suffix]:.2f} s, paragraphs {med['paragraphs' + suffix]:.2f} s | ratio {ratio:.2f} "
              f"(target ≤ {TARGET}) | {'PASS' if ratio <= TARGET else 'MISS'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
