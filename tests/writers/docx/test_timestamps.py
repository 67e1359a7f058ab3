"""The same outline gives the same bytes, whatever the clock says: every zip entry carries the masthead date."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

from cddraft.pipeline import build
from cddraft.writers.docx.timestamps import fix_timestamps
from tests.conftest import EXAMPLES


def test_two_builds_an_hour_apart_are_byte_identical(monkeypatch):
    first = build(EXAMPLES["cd-way-ahead-en"]).docx
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3600 * 25)  # zipfile stamps entries with time.time()
    assert build(EXAMPLES["cd-way-ahead-en"]).docx == first


def test_every_entry_carries_the_masthead_date_and_the_package_stays_sound():
    data = build(EXAMPLES["cd-report-en"]).docx
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None, "every entry still reads back with its checksum"
        assert {i.date_time for i in z.infolist()} == {(2017, 9, 20, 0, 0, 0)}


def test_a_date_before_1980_becomes_the_first_a_zip_can_hold():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
        z.writestr(zipfile.ZipInfo("b.txt", (2001, 2, 3, 4, 5, 6)), "y")
    fixed = fix_timestamps(buf.getvalue(), dt.date(1975, 5, 5))
    with zipfile.ZipFile(io.BytesIO(fixed)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.read("b.txt") == b"y"
