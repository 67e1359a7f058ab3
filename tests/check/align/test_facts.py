"""The facts every version must state alike, read from text in each language's own forms: numbers by value
whatever the grouping, decimal mark or digits; months by name or 月; symbols touching Chinese characters; URLs
and e-mail addresses; and "May" the month told from "may" the verb."""

from __future__ import annotations

import pytest

from cddraft.check.align.facts import facts


def _values(text: str, code: str, kind: str | None = None) -> list[str]:
    return [f.value for f in facts(text, code) if kind is None or f.kind == kind]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "1,500.5 delegates"), ("fr", "1\u00a0500,5 délégués"), ("fr", "1 500,5 délégués"),
    ("es", "1.500,5 delegados"), ("ru", "1\u00a0500,5 делегатов"), ("ar", "١٬٥٠٠٫٥ مندوب"),
    ("ar", "1,500.5 مندوب"), ("zh", "1,500.5名代表"),
])
def test_a_number_is_read_by_value_in_each_languages_form(code, text):
    assert _values(text, code, "number") == ["1500.5"]


def test_arabic_indic_digits_read_as_digits():
    assert _values("عام ٢٠١٧ وعام 2017", "ar", "number") == ["2017", "2017"]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "on 8 August 2017"), ("fr", "le 8 août 2017"), ("es", "el 8 de agosto de 2017"),
    ("ru", "8 августа 2017 года"), ("zh", "2017年8月8日"), ("ar", "في 8 آب/أغسطس 2017"),
])
def test_a_date_gives_its_month_and_its_numbers(code, text):
    assert _values(text, code, "date") == ["month 8"]
    assert sorted(_values(text, code, "number")) == ["2017", "8"]


def test_may_the_month_is_not_may_the_verb():
    assert _values("it may be concluded that on 3 May they met", "en", "date") == ["month 5"]


def test_symbols_urls_and_addresses():
    found = facts("See CD/2090号 and S/RES/984 (1995), https://undocs.org/CD/2090 or info@unog.ch.", "zh")
    assert [(f.kind, f.value) for f in found] == [
        ("symbol", "CD/2090"), ("symbol", "S/RES/984"), ("number", "1995"), ("url", "https://undocs.org/CD/2090"),
        ("email", "INFO@UNOG.CH")]


def test_a_fact_knows_where_it_stands():
    (year,) = facts("in the year 1995.", "en")
    assert (year.start, year.end, year.shown) == (12, 16, "1995")


def test_a_capitalised_may_in_a_title_is_no_month_but_a_month_beside_its_day_or_year_is():
    """"Weapons Which May Be Deemed to Be Excessively Injurious" (the CCW's title) names no date; "7 de julio de
    2017" and "1er juillet" do."""
    assert not [f for f in facts("Conventional Weapons Which May Be Deemed to Be Excessively Injurious", "en")
                if f.value.startswith("month")]
    assert [f.value for f in facts("on 4 May 2024", "en")] == ["4", "month 5", "2024"]
    assert "month 7" in [f.value for f in facts("el 7 de julio de 2017", "es")]
    assert "month 7" in [f.value for f in facts("le 1er juillet", "fr")]
