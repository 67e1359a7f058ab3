"""Outline dates: only YYYY-MM-DD is accepted, and the message for any other form is advice that works."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cddraft.model.dates import iso_date as _iso_date


def _message(value: str) -> str:
    with pytest.raises(ValueError) as exc:
        _iso_date(value)
    return str(exc.value)


@pytest.mark.parametrize(("value", "says"), [
    ("14/09/2017", "'14/09/2017' is not a date in the form YYYY-MM-DD; write 2017-09-14"),
    ("09/14/2017", "write 2017-09-14"),
    ("29/02/2016", "write 2016-02-29"),
    ("04/09/2017", "it is ambiguous: write 2017-09-04 if the day comes first, 2017-04-09 if the month does"),
    ("31/02/2017", "'31/02/2017' is not a date: February 2017 has 28 days; write the intended date as YYYY-MM-DD"),
    ("2/31/2017", "'2/31/2017' is not a date: February 2017 has 28 days"),
    ("29.02.2017", "is not a date: February 2017 has 28 days"),
    ("31-04-2017", "is not a date: April 2017 has 30 days"),
    ("0/5/2017", "is not a date: there is no day 0"),
    ("13/14/2017", "is not a date: neither 13 nor 14 is a month (1-12)"),
    ("2017-9-5", "'2017-9-5' is not a date in the form YYYY-MM-DD; write 2017-09-05"),
    ("2017/09/05", "write 2017-09-05"),
    ("2017.9.15", "write 2017-09-15"),
    ("2017-2-30", "'2017-2-30' is not a date: February 2017 has 28 days"),
    ("2017-13-5", "is not a date: there is no month 13"),
    ("20170915", "write it as 2017-09-15"),
    ("20170231", "'20170231' is not a date: February 2017 has 28 days"),
    ("15 Sept 2017", "write it as YYYY-MM-DD, e.g. 2017-09-14"),
])
def test_a_date_in_another_form_gets_advice(value, says):
    assert says in _message(value)


@pytest.mark.parametrize("year", [2016, 2017, 1900, 2000])
@pytest.mark.parametrize("sep", ["/", ".", "-"])
def test_a_suggested_date_always_exists(year, sep):
    """Following the advice never gives a second error: every date the message suggests is a real one."""
    for a in range(0, 33):
        for b in range(0, 33):
            for value in (f"{a}{sep}{b}{sep}{year}", f"{a:02d}{sep}{b:02d}{sep}{year}", f"{year}{sep}{a}{sep}{b}"):
                if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
                    continue  # the form itself; pydantic checks that the date exists
                message = _message(value)
                for suggested in re.findall(r"\d{4}-\d{2}-\d{2}", message):
                    dt.date.fromisoformat(suggested)
                assert "not a date:" in message or re.search(r"write (it as )?\d{4}-\d{2}-\d{2}", message) or (
                    "ambiguous" in message), message


def test_iso_dates_pass_through():
    assert _iso_date(" 2017-09-14 ") == "2017-09-14"
    assert _iso_date(dt.date(2017, 9, 14)) == dt.date(2017, 9, 14)
