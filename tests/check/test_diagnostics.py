"""One order and one JSON form of a finding (cddraft.check.diagnostics), and the rules loaded once, by one function
(cddraft.check.rules.load) that the registry calls when it is asked for rules."""

from __future__ import annotations

import importlib

import pytest

from cddraft.check import rules
from cddraft.check.diagnostics import as_json, ordered, sort_key
from cddraft.check.registry import RULES, rules_for, select
from cddraft.errors import Diagnostic, SourcePos


def test_the_order_is_file_line_column_code_message():
    a = Diagnostic("b", pos=SourcePos(3, 7), code="CD301", file="a.yaml")
    b = Diagnostic("a", pos=SourcePos(3, 7), code="CD320", file="a.yaml")
    c = Diagnostic("schema", pos=SourcePos(2, 1), file="a.yaml")
    d = Diagnostic("no position", file="a.yaml")
    e = Diagnostic("z", pos=SourcePos(1, 1), code="CD101", file="b.yaml")
    assert ordered([e, b, a, c, d]) == [d, c, a, b, e]
    assert sort_key(d) == ("a.yaml", 0, 0, "", "no position")


def test_the_json_form_has_the_same_fields_for_a_finding_and_an_error():
    finding = Diagnostic("m", pos=SourcePos(3, 7), severity="warning", code="CD320", file="a.yaml")
    assert as_json(finding) == {"file": "a.yaml", "line": 3, "column": 7, "code": "CD320", "severity": "warning",
                                "message": "m"}
    assert as_json(Diagnostic("bad", file="a.yaml")) == {"file": "a.yaml", "line": None, "column": None,
                                                         "code": None, "severity": "error", "message": "bad"}


def test_rules_are_loaded_once(monkeypatch):
    assert rules.load() is RULES and {"CD320", "CD631"} <= set(RULES)

    def refuse(name: str):
        raise AssertionError(f"{name} imported again")

    monkeypatch.setattr(rules, "import_module", refuse)
    assert rules.load() is RULES and rules.load(("CD1", "CD3")) is RULES
    assert rules_for("compare") and select(["CD6"])[0] >= {"CD631"}


@pytest.mark.parametrize("name", ["cddraft.commands.check", "cddraft.serve.site", "cddraft.check.align.run",
                                  "cddraft.check.run", "cddraft.pipeline", "cddraft.batch.runner"])
def test_nothing_else_loads_the_rules(name):
    """Only cddraft.check.rules imports the rule modules; the commands and the runners ask the registry."""
    source = importlib.import_module(name).__file__
    with open(source, encoding="utf-8") as f:
        text = f.read()
    assert "rules.load(" not in text and "import_module" not in text, name
