"""The same outline gives the same bytes: every entry of the written package gets one fixed time.

python-docx stamps each zip entry with the clock, so two builds of one outline differ and ``cmp`` cannot
tell a rebuild from a change. The entries get the masthead date instead (the date the document's own
properties carry), as reproducible-build tools fix timestamps (``SOURCE_DATE_EPOCH``).

zipfile has no way to change an entry's time without recompressing it (about 30 ms of a 4,000-paragraph
build), so the two-byte DOS time and date are set where the format keeps them: in each entry's local
header (at ``ZipInfo.header_offset``) and in its central directory record (PKWARE APPNOTE 4.3.7, 4.3.12).
The result is read back with zipfile by the tests.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_CENTRAL_FIXED = 46  # bytes of a central directory record before its name, extra field and comment


#: The dates an MS-DOS date holds: its year is seven bits from 1980.
_FIRST, _LAST = dt.date(1980, 1, 1), dt.date(2107, 12, 31)


def _dos(when: dt.date) -> tuple[int, int]:
    """(time, date) in MS-DOS form; midnight; a date it cannot hold (before 1980, after 2107) becomes the
    nearest it can: a masthead dated 2150 still builds."""
    when = min(max(when, _FIRST), _LAST)
    return 0, (when.year - 1980) << 9 | when.month << 5 | when.day


def fix_timestamps(package: bytes, when: dt.date) -> bytes:
    """``package`` with every entry's modification time set to ``when`` at midnight."""
    time, date = _dos(when)
    stamp = struct.pack("<HH", time, date)
    out = bytearray(package)
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        infos = zf.infolist()
        central = zf.start_dir
    for info in infos:
        at = info.header_offset
        if out[at:at + 4] != _LOCAL:
            raise ValueError(f"no local header for {info.filename}")
        out[at + 10:at + 14] = stamp
    at = central
    for _ in infos:
        if out[at:at + 4] != _CENTRAL:
            raise ValueError("the central directory is not where zipfile found it")
        out[at + 12:at + 16] = stamp
        name, extra, comment = struct.unpack_from("<HHH", out, at + 28)
        at += _CENTRAL_FIXED + name + extra + comment
    return bytes(out)
