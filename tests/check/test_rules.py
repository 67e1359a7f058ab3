"""Each rule, run alone on its case outlines, finds exactly the lines marked ``# expect: CODE``.

``cases/CDnnn.yaml`` plants the rule's faults (and near misses that must pass); further
``cases/CDnnn-*.yaml`` files are documents the rule must judge differently (often clean). A case
whose rule is missing finds nothing and fails. A case of a ``compare`` rule (NEW, as ``cddraft diff``
reads it) names the outline it is compared with (OLD) in a ``# compared with: FILE`` comment.
"""

from __future__ import annotations

import pytest

from cddraft.check import RULES
from tests.check.helpers import CASES, compared_with, findings, marked

CASE_FILES = sorted(CASES.glob("CD*.yaml"))


def _code(case) -> str:
    return case.stem.split("-")[0]


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.stem)
def test_rule_finds_exactly_the_marked_lines(case):
    code = _code(case)
    expected = marked(case)
    assert {c for _, c in expected} <= {code}, "a case marks only its own rule"
    found = findings(case, only={code})
    assert {(d.pos.line, d.code) for d in found} == expected
    assert all(d.severity == RULES[code].severity for d in found)


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.target in ("outline", "compare")))
def test_every_outline_rule_has_a_case_with_a_planted_fault(code):
    case = CASES / f"{code}.yaml"
    assert case.exists(), f"add {case.relative_to(CASES.parent)} with lines marked `# expect: {code}`"
    assert marked(case), f"{case.name} plants no fault"
    if RULES[code].target == "compare":
        old = compared_with(case)
        assert old is not None and old.is_file(), f"{case.name} names the outline it is compared with"


def test_every_case_names_a_registered_rule():
    assert {_code(c) for c in CASE_FILES} <= set(RULES)


def test_at_least_fifteen_rules_with_documentation():
    assert len(RULES) >= 15
    for r in RULES.values():
        assert r.summary and "\n" not in r.summary
        assert "Why" in r.doc and "Manual:" in r.doc, f"{r.code}: the docstring says why and where from"
