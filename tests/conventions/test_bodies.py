"""The bodies table: every body's example is its own symbol and no other's, every language names every body,
and a symbol of no known body is refused with the nearest examples."""

from __future__ import annotations

import pytest

from cddraft.conventions import load_conventions
from cddraft.conventions.bodies import bodies, body_of, closest_examples, revised_document, same_document
from cddraft.languages import LANGUAGES

BODIES = sorted(bodies())


@pytest.mark.parametrize("code", BODIES)
def test_each_example_belongs_to_its_own_body_with_every_final_component(code):
    example = bodies()[code].example
    for symbol in (example, f"{example}/Rev.1", f"{example}/Add.2/Corr.1", f"{example}*"):
        found = body_of(symbol)
        assert found is not None and found.code == code, symbol


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_names_every_body_and_fills_its_fields(language):
    strings = load_conventions(language).bodies
    assert sorted(strings) == BODIES
    for code, body in strings.items():
        fields = body_of(bodies()[code].example).fields  # type: ignore[union-attr]
        assert "{" not in body.name.format(**fields), f"{language} {code}: the name's fields come from the symbol"
        assert ("{item}" in body.document) == bodies()[code].agenda_item, f"{language} {code}: {{item}} iff agenda"


@pytest.mark.parametrize(("symbol", "code", "fields"), [
    ("S/2016/1127", "S", {}), ("S/AC.44/2024/1", "S", {}), ("A/74/L.75", "A", {"session": "74"}),
    ("A/ES-10/L.30", "A", {"session": "ES-10"}), ("A/C.1/78/L.5", "A/C.1", {"session": "78"}),
    ("A/78/123–S/2023/456", "A+S", {"session": "78"}),
    ("NPT/CONF.2020/PC.III/WP.12", "NPT/PC", {"year": "2020", "session": "III"}),
    ("NPT/CONF.2026/WP.1", "NPT", {"year": "2026"}), ("CD/WP.599/Rev.1", "CD", {}), ("CD/2179*", "CD", {}),
    ("BWC/CONF.IX/WP.12", "BWC", {}), ("CCW/GGE.1/2023/WP.2", "CCW", {}),
])
def test_issued_symbols_are_known(symbol, code, fields):
    found = body_of(symbol)
    assert found is not None and (found.code, found.fields) == (code, fields)


@pytest.mark.parametrize(("symbol", "near"), [("SC/2024/105", "S/2024/105"), ("CD-2101", "CD/2101"),
                                              ("NPT/CONF.2026/XX", "NPT/CONF.2026/WP.1")])
def test_an_unknown_symbol_gets_the_nearest_examples(symbol, near):
    assert body_of(symbol) is None
    assert near in closest_examples(symbol)


@pytest.mark.parametrize(("symbol", "base"), [
    ("CD/2101/Rev.1", "CD/2101"), ("CD/2101/Corr.2", "CD/2101"), ("CD/2101/Rev.1/Corr.1", "CD/2101"),
    ("S/2024/105/Rev.1*", "S/2024/105"), ("CD/2101", None), ("CD/2101/Add.1", None), ("CD/2101*", None)])
def test_a_revision_or_corrigendum_names_the_document_it_replaces(symbol, base):
    assert revised_document(symbol) == base


@pytest.mark.parametrize(("a", "b", "same"), [
    ("CD/2101", "CD/2101/Rev.2", True), ("CD/2101/Rev.1", "CD/2101/Rev.2", True), ("CD/2101*", "CD/2101", True),
    ("CD/2102", "CD/2101/Rev.1", False), ("CD/2101/Add.1", "CD/2101", False)])
def test_two_symbols_are_one_document_when_their_bases_agree(a, b, same):
    assert same_document(a, b) is same


def test_kept_bodies_are_those_of_the_table(tmp_path, monkeypatch):
    from importlib import resources

    import yaml

    from cddraft.conventions import bodies as module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    table = yaml.safe_load(resources.files("cddraft.conventions").joinpath("data", "bodies.yaml").read_text("utf-8"))
    try:
        for _ in range(2):  # worked out and kept, then read back
            module.bodies.cache_clear()
            assert {code: body.model_dump() for code, body in module.bodies().items()} == \
                   {code: module.Body.model_validate(value).model_dump() for code, value in table.items()}
            assert len(list((tmp_path / "cddraft").glob("bodies-*.pickle"))) == 1
    finally:
        module.bodies.cache_clear()
