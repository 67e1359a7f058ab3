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


def test_a_masthead_dated_after_2107_builds_its_entries_dated_the_last_day_a_zip_can_hold(tmp_path):
    """A zip entry cannot be dated after 2107 (issue 26, E8): the package says 2107-12-31, the document's own
    properties the masthead date."""
    from docx import Document

    from tests.conftest import MINIMAL_REPORT, run_cli

    outline = tmp_path / "far.yaml"
    outline.write_text(MINIMAL_REPORT.replace("date: 2017-09-20", "date: 2150-01-01"), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "far.docx") as z:
        assert {i.date_time for i in z.infolist()} == {(2107, 12, 31, 0, 0, 0)}
    assert Document(str(tmp_path / "far.docx")).core_properties.created.year == 2150
    new = tmp_path / "far-new.yaml"
    new.write_text(outline.read_text(encoding="utf-8").replace("A first paragraph.", "A changed paragraph."),
                   encoding="utf-8")
    assert run_cli("diff", str(outline), str(new), "-o", str(tmp_path / "d.docx"), "--date", "2150-01-01"
                   ).exit_code == 0
    assert run_cli("corrigendum", str(outline), str(new), "-o", str(tmp_path / "c"), "--date", "2150-01-01"
                   ).exit_code == 0
