"""`cddraft schema` publishes the outline's JSON Schema; an independent validator agrees with it."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from tests.conftest import EXAMPLES, run_cli


@pytest.fixture(scope="module")
def schema() -> dict:
    result = run_cli("schema")
    assert result.exit_code == 0
    return json.loads(result.output)


def _plain(node):
    """YAML data as JSON sees it (dates as ISO text, as an editor's YAML plug-in sends them)."""
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node.isoformat() if isinstance(node, dt.date) else node


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_examples_validate_against_the_schema(schema, stem):
    data = _plain(yaml.safe_load(EXAMPLES[stem].read_text(encoding="utf-8")))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_schema_rejects_unknown_keys_and_bad_kinds(schema):
    validator = jsonschema.Draft202012Validator(schema)
    data = _plain(yaml.safe_load(EXAMPLES["cd-way-ahead-en"].read_text(encoding="utf-8")))
    assert list(validator.iter_errors({**data, "symbl": "CD/1"}))
    assert list(validator.iter_errors({**data, "kind": "memo"}))
