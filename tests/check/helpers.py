"""Shared helpers of the check tests: run rules on an outline, read `# expect:` markers."""

from __future__ import annotations

import re
from pathlib import Path

from cddraft.check.run import run_rules
from cddraft.errors import Diagnostic
from cddraft.pipeline import check_outline

HERE = Path(__file__).parent
CASES = HERE / "cases"
EXAMPLES = {p.stem: p for p in sorted((HERE.parents[1] / "outlines").glob("*.yaml"))}
_EXPECT = re.compile(r"#\s*expect:\s*(CD\d{3}(?:\s*,\s*CD\d{3})*)")


def marked(path: Path) -> set[tuple[int, str]]:
    """``(line, code)`` for every ``# expect: CDnnn[, CDnnn]`` comment in the file."""
    out = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _EXPECT.search(line)
        if m:
            out |= {(n, code.strip()) for code in m.group(1).split(",")}
    return out


def findings(path: Path, *, only: set[str] | None = None, disable: set[str] = frozenset()) -> list[Diagnostic]:
    """Run the outline rules (``only`` some) on one outline file."""
    outline, document = check_outline(path)
    return run_rules(document, outline, only=only, disable=disable)
