"""Start-up: what a whole process costs before cddraft does any work.

Bare ``python -c pass``, ``cddraft --version``, ``import cddraft.cli``, the import of the whole build stack and of
the required third-party libraries alone (the floor of any whole-process build), each as a whole process; and
``-X importtime``, which names the imports a lazy import in cddraft could move off the path.
"""

from __future__ import annotations

import re
import subprocess
from typing import Any

from measuring import Sample, run_process
from tools import PY, cddraft_exe

BUILD_STACK = ("import cddraft.cli, cddraft.pipeline, cddraft.readers.outline.validate, cddraft.localise, "
               "cddraft.writers.docx")
# The third-party libraries a build needs, and no cddraft code: the floor of any whole-process build.
REQUIRED_LIBS = "import click, yaml, babel.dates, docx, lxml.etree; from pydantic import BaseModel, Field"

#: key → (label in the table, command), measured interleaved by :func:`bench_startup`.
STARTUP: dict[str, tuple[str, list[str]]] = {
    "python": ("bare `python -c pass`", [PY, "-c", "pass"]),
    "version": ("`cddraft --version`", [cddraft_exe(), "--version"]),
    "import_cli": ("`python -c 'import cddraft.cli'`", [PY, "-c", "import cddraft.cli"]),
    "import_stack": ("`python -c 'import <build stack>'`", [PY, "-c", BUILD_STACK]),
    "import_libs": ("`python -c 'import <required libraries>'` (click, PyYAML, babel, python-docx, pydantic; "
                    "no cddraft code)", [PY, "-c", REQUIRED_LIBS]),
}


def bench_startup(runs: int) -> dict[str, Sample]:
    """Whole-process start-up: bare Python, ``cddraft --version``, the CLI module, the build stack."""
    out = {k: Sample(name) for k, (name, _) in STARTUP.items()}
    for _, cmd in STARTUP.values():
        run_process(cmd)
    for _ in range(runs):
        for k, (_, cmd) in STARTUP.items():  # interleaved
            out[k].add(run_process(cmd))
    return out


def import_times(statement: str, top: int = 12) -> dict[str, object]:
    """``-X importtime`` of ``statement``: the total and the heaviest modules (cumulative ms).

    The modules listed are those imported directly by cddraft code or by the top-level import, i.e.
    the ones a lazy import in cddraft could move off the path.
    """
    proc = subprocess.run([PY, "-X", "importtime", "-c", statement], capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", line)
        if m:
            rows.append((m.group(4), int(m.group(1)) / 1000, int(m.group(2)) / 1000, len(m.group(3)) // 2))
    # importtime prints a module after its imports: the parent of a row is the next row less deep.
    heavy: list[dict[str, Any]] = []
    for i, (name, self_ms, cum_ms, depth) in enumerate(rows):
        parent = next((r[0] for r in rows[i + 1:] if r[3] < depth), "<top>")
        if (depth == 0 or parent.startswith("cddraft")) and not name.startswith("cddraft"):
            heavy.append({"name": name, "imported_by": parent, "self_ms": self_ms, "cumulative_ms": cum_ms})
    heavy.sort(key=lambda h: -h["cumulative_ms"])
    total = sum(r[2] for r in rows if r[3] == 0)
    return {"statement": statement, "total_ms": total, "heaviest": heavy[:top]}
