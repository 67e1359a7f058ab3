"""The user's cache folder (``cddraft.cache``): kept data reads back; a folder that cannot be written or a file that
does not read is no error, only a cache missed; the starter texts every build checks against (CD311) are worked out
once, kept, and read back the same."""

from __future__ import annotations

from cddraft import cache
from cddraft.check.rules import starter


def test_kept_data_reads_back_and_missing_data_is_none(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.read_json("nothing.json") is None
    cache.write_json("kept.json", {"texts": ["a", "“b”"]})
    assert cache.read_json("kept.json") == {"texts": ["a", "“b”"]}
    assert [p.name for p in (tmp_path / "cddraft").iterdir()] == ["kept.json"], "no staging file is left"


def test_a_cache_that_cannot_be_written_or_read_is_missed_quietly(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    cache.write_json("kept.json", [1])
    assert cache.read_json("kept.json") is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "cddraft").mkdir()
    (tmp_path / "cddraft" / "bad.json").write_text("{half")
    assert cache.read_json("bad.json") is None


def test_the_starters_are_kept_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    starter.starters.cache_clear()
    try:
        first = starter.starters()
        kept = list((tmp_path / "cddraft").glob("starters-*.json"))
        assert len(kept) == 1
        starter.starters.cache_clear()
        assert starter.starters() == first == starter._read_starters()
        assert "I have the honour to transmit herewith the report on the informal meetings on agenda items 1 and " \
               "2, held in Geneva from 8 to 10 August 2017 (see annex)." in first.texts
    finally:
        starter.starters.cache_clear()


def test_a_newer_file_replaces_the_ones_it_names(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.write_bytes("qr-a-old.png", b"1")
    cache.write_bytes("qr-b-old.png", b"2")
    cache.write_bytes("qr-a-new.png", b"3", replacing="qr-a-*.png")
    assert sorted(p.name for p in (tmp_path / "cddraft").iterdir()) == ["qr-a-new.png", "qr-b-old.png"]
    cache.write_pickle("kept.pickle", {"a": (1, "b")})
    assert cache.read_pickle("kept.pickle") == {"a": (1, "b")}
    (tmp_path / "cddraft" / "kept.pickle").write_bytes(b"\x80\x05half")
    assert cache.read_pickle("kept.pickle") is None, "a damaged pickle is a cache missed"


def test_the_digest_follows_the_sources_and_the_extra_versions(tmp_path, monkeypatch):
    sources = [("cddraft.conventions", "data/en.yaml")]
    assert cache.source_digest(sources) == cache.source_digest(sources)
    assert cache.source_digest(sources) != cache.source_digest(sources, "2.14.4")
    assert cache.source_digest(sources) != cache.source_digest([("cddraft.conventions", "data/fr.yaml")])
    before = cache.source_digest(sources)
    monkeypatch.setattr("sys.version", "3.99.0 (another Python, whose pickles may differ)")
    assert cache.source_digest(sources) != before
