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
