"""Capped reads: whole small files, limit+1 bytes of big ones, and endless devices stop."""

from __future__ import annotations

import os

import pytest

from cddraft.readcap import read_capped


def test_small_file_is_read_whole(tmp_path):
    p = tmp_path / "f"
    p.write_bytes(b"abc" * 1000)
    assert read_capped(p, 10_000) == b"abc" * 1000


def test_big_file_yields_one_byte_more_than_the_limit(tmp_path):
    p = tmp_path / "f"
    p.write_bytes(os.urandom(3 << 20))
    assert len(read_capped(p, 2 << 20)) == (2 << 20) + 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero (a device with no size)")
def test_endless_device_stops_at_the_limit():
    assert len(read_capped("/dev/zero", 5_000_000)) == 5_000_001
