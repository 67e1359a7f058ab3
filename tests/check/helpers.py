"""Shared helpers of the check tests: run rules on an outline, read `# expect:` markers."""

from __future__ import annotations

import re
from pathlib import Path

from cddraft.check.diagnostics import ordered
from cddraft.check.run import compare_findings, run_rules
from cddraft.errors import Diagnostic
from cddraft.pipeline import check_outline

HERE = Path(__file__).parent
CASES = HERE / "cases"
EXAMPLES = {p.stem: p for p in sorted((HERE.parents[1] / "outlines").glob("*.yaml"))}
_EXPECT = re.compile(r"#\s*expect:\s*(CD\d{3}(?:\s*,\s*CD\d{3})*)")
#: A case of a ``compare`` rule names the outline it is compared with (OLD), relative to the case.
_COMPARED = re.compile(r"(?m)^#\s*compared with:\s*(\S+)\s*$")


def marked(path: Path) -> set[tuple[int, str]]:
    """``(line, code)`` for every ``# expect: CDnnn[, CDnnn]`` comment in the file."""
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _EXPECT.search(line)
        if m:
            out |= {(n, code.strip()) for code in m.group(1).split(",")}
    return out


def compared_with(path: Path) -> Path | None:
    """The outline a case is compared with (``# compared with: FILE``), if it names one."""
    m = _COMPARED.search(path.read_text(encoding="utf-8"))
    return path.parent / m.group(1) if m else None


def findings(path: Path, *, only: set[str] | None = None, disable: set[str] = frozenset()) -> list[Diagnostic]:
    """Run the outline rules (``only`` some) on one outline file, and the compare rules when it names the outline it
    is compared with (as ``cddraft diff OLD NEW`` runs them)."""
    outline, document = check_outline(path)
    found = run_rules(document, outline, only=only, disable=disable)
    old_path = compared_with(path)
    if old_path is not None:
        _, old = check_outline(old_path)
        compared = compare_findings(old, document, outline, str(old_path), disable=disable)
        found += [d for d in compared if only is None or d.code in only]
    return ordered(found)
