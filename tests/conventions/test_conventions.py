"""Conventions data: six files with one key set, and dates in the UN forms of each language."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from cddraft.conventions import load_conventions
from cddraft.conventions.dates import format_date
from cddraft.languages import LANGUAGES


def _shape(node):
    if isinstance(node, dict):
        return {k: _shape(v) for k, v in node.items() if k != "sequences"}
    return type(node).__name__ if not isinstance(node, list | type(None)) else "list-or-null"


def test_six_files_have_the_same_keys():
    data = {code: yaml.safe_load(resources.files("cddraft.conventions").joinpath("data", f"{code}.yaml")
                                 .read_text("utf-8")) for code in LANGUAGES}
    keys = {code: sorted(_flat_keys(d)) for code, d in data.items()}
    assert all(k == keys["en"] for k in keys.values())


#: Mappings whose keys are a language's own data (its counters, its articles), not the schema's.
_DATA_MAPS = {"sequences", "addressee_contractions", "dual", "ordinal_suffix"}  # ordinal_suffix: CLDR categories


def _flat_keys(d, prefix=""):
    for k, v in d.items():
        if k == "sequences":
            continue
        yield prefix + k
        if isinstance(v, dict) and k not in _DATA_MAPS:
            yield from _flat_keys(v, prefix + k + ".")


@pytest.mark.parametrize(("code", "expected"), [
    ("en", "14 September 2017"),
    ("fr", "14 septembre 2017"),
    ("es", "14 de septiembre de 2017"),
    ("ru", "14 сентября 2017 года"),
    ("zh", "2017年9月14日"),
    ("ar", "14 أيلول/سبتمبر 2017"),
])
def test_dates_in_un_forms(code, expected):
    written = format_date(dt.date(2017, 9, 14), load_conventions(code))
    assert written == expected.replace(" ", NBSP), "the words of a date are joined by no-break spaces"
    assert " " not in written, "a generated date never breaks across lines"


NBSP = "\u00a0"


def test_french_first_of_month():
    assert format_date(dt.date(2014, 9, 1), load_conventions("fr")) == "1er septembre 2014".replace(" ", NBSP)


def test_arabic_dates_use_western_digits():
    text = format_date(dt.date(2013, 8, 19), load_conventions("ar"))
    assert text == "19 آب/أغسطس 2013".replace(" ", NBSP)
    assert not any("\u0660" <= ch <= "\u0669" for ch in text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_loads_and_numbers(code):
    from cddraft.localise.numbering import marker

    conv = load_conventions(code)
    for template in [conv.numbering.paragraph, *conv.numbering.headings, *conv.numbering.subparagraphs]:
        assert marker(template, 3, conv)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and the conventions read again in this process."""
    from cddraft import conventions

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    conventions.load_conventions.cache_clear()
    yield tmp_path / "cddraft"
    conventions.load_conventions.cache_clear()


def test_kept_conventions_are_those_read_from_the_yaml(fresh_cache, monkeypatch):
    from cddraft import conventions

    first = {code: conventions.load_conventions(code) for code in LANGUAGES}
    assert len(list(fresh_cache.glob("conventions-*.pickle"))) == 6
    conventions.load_conventions.cache_clear()

    def no_yaml(code):
        raise AssertionError(f"the {code} conventions were read again instead of from the cache")

    monkeypatch.setattr(conventions, "read_conventions", no_yaml)
    for code in LANGUAGES:
        kept = conventions.load_conventions(code)
        assert kept is not first[code] and kept == first[code]
        assert kept.model_dump() == yaml_conventions(code).model_dump()
    assert format_date(dt.date(2017, 9, 1), conventions.load_conventions("fr")) == "1er\u00a0septembre\u00a02017"


def yaml_conventions(code):
    """The conventions validated from their file by pydantic, without cddraft's loader."""
    from cddraft.conventions import Conventions

    text = resources.files("cddraft.conventions").joinpath("data", f"{code}.yaml").read_text("utf-8")
    return Conventions.model_validate(yaml.safe_load(text))


def test_a_damaged_or_outdated_kept_file_is_read_again(fresh_cache):
    from cddraft import conventions

    conventions.load_conventions("ar")
    (kept,) = fresh_cache.glob("conventions-ar-*.pickle")
    kept.write_bytes(kept.read_bytes()[:40])
    outdated = fresh_cache / "conventions-ar-0000000000000000.pickle"
    outdated.write_bytes(b"from an older cddraft")
    conventions.load_conventions.cache_clear()
    assert conventions.load_conventions("ar").direction == "rtl"
    assert sorted(fresh_cache.glob("conventions-ar-*.pickle")) == [kept], "the older file is removed"
    assert kept.read_bytes()[:1] == b"\x80" and len(kept.read_bytes()) > 40
