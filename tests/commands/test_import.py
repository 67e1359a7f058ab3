"""``cddraft import``: the outline is printed or written whole; a file that is not a sound Word file (not a
.docx, truncated, encrypted, a zip bomb, broken XML, a DTD) is refused with a message, exit 2 and nothing
written — the guarantees ``build`` gives."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli


def _zip(parts: dict[str, bytes], *, encrypted: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    raw = bytearray(buf.getvalue())
    if encrypted:  # the general-purpose flag's encryption bit, in every local and central header
        for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            start = 0
            while (i := raw.find(sig, start)) >= 0:
                raw[i + at] |= 1
                start = i + 4
    return bytes(raw)


def _sound(built: dict[str, Path]) -> bytes:
    return built["cd-report-en"].read_bytes()


BAD: dict[str, tuple[Callable[[dict], bytes], str]] = {
    "old .doc": (lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old .doc", "not a Word file"),
    "truncated": (lambda b: _sound(b)[:4000], "not a Word file, or a damaged one"),
    "encrypted": (lambda b: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<x/>"},
                                 encrypted=True), "encrypted"),
    "zip bomb": (lambda b: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (51 * 2**20)}),
                 "unpacks to more than the limit"),
    "broken XML": (lambda b: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><w:"}),
                   "is not well-formed XML"),
    "a DTD": (lambda b: _zip({"[Content_Types].xml": b"<Types/>",
                              "word/document.xml": b'<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'}), "declares a DTD"),
    "no document": (lambda b: _zip({"[Content_Types].xml": b"<Types/>"}), "no word/document.xml"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_file_that_is_not_a_sound_word_file_is_refused_and_nothing_written(built, tmp_path, case):
    make, message = BAD[case]
    source = tmp_path / "in.docx"
    source.write_bytes(make(built))
    out = tmp_path / "out.yaml"
    result = run_cli("import", str(source), "-o", str(out))
    assert result.exit_code == 2
    assert f"{source}: " in result.output and message in result.output, result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [source]


def test_without_an_output_the_outline_is_printed(built):
    result = run_cli("import", str(built["cd-way-ahead-fr"]))
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert data["language"] == "fr" and data["letter"]["sender"].startswith("le Représentant permanent")


def test_a_file_with_no_declared_language_asks_for_one(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Text.")
    d.core_properties.language = ""
    path = tmp_path / "plain.docx"
    d.save(str(path))
    styles = zipfile.ZipFile(path).read("word/styles.xml")
    if b"w:lang " in styles or b"<w:lang" in styles:  # python-docx's default template declares one
        raw = _zip({n: (zipfile.ZipFile(path).read(n) if n != "word/styles.xml" else
                        styles.replace(b"<w:lang", b"<w:noLang").replace(b"</w:lang>", b"</w:noLang>"))
                    for n in zipfile.ZipFile(path).namelist()})
        path.write_bytes(raw)
    result = run_cli("import", str(path), "-o", str(tmp_path / "o.yaml"))
    assert result.exit_code == 2 and "--language" in result.output
    assert run_cli("import", str(path), "-o", str(tmp_path / "o.yaml"), "--language", "en").exit_code == 0
