"""User templates and .docx files as untrusted input.

A template's Jinja tags are checked before anything is rendered: only the documented variables,
a few string filters and ``{% if %}`` pass, and Jinja's sandbox is underneath. Outline text is data
for the template, never template code. Reading any .docx refuses zip bombs, oversized or lying parts
and packages Word would never write.
"""

from __future__ import annotations

import io
import json
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from cddraft.errors import CddraftError
from cddraft.model.inline import escape
from cddraft.readers import docx_package as pkg
from cddraft.writers.docx import template as tpl
from tests.conftest import MINIMAL_LETTER, REPO, run_cli

LETTER = MINIMAL_LETTER.replace("date: 2017-09-15\n", "date: 2017-09-15\njob_number: GE.17-16166\n", 1)


def house_with(tmp: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    out = tmp / "custom.docx"
    with zipfile.ZipFile(REPO / "templates" / "house.docx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, edit(item.filename, zin.read(item.filename)))
    return out


def in_body(jinja: str) -> Callable[[str, bytes], bytes]:
    """Put ``jinja`` in a paragraph at the start of the template's body."""
    para = f"<w:p><w:r><w:t xml:space=\"preserve\">{jinja}</w:t></w:r></w:p>".encode()
    return lambda n, d: d.replace(b"<w:body>", b"<w:body>" + para, 1) if n == "word/document.xml" else d


def build(tmp_path: Path, template: Path, outline_text: str = LETTER):
    outline = tmp_path / "o.yaml"
    outline.write_text(outline_text, encoding="utf-8")
    return run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--template", str(template))


ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__ }}",  # the sandbox alone prints an empty string for this one
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ self._TemplateReference__context }}",
    "{{ title|attr('__class__') }}",
    "{{ title.format }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{% set x = namespace() %}",
    "{{ config }}",
]
RUNAWAY = ["{{ 9 ** 9 ** 9 }}", "{{ 'a' * 10 ** 9 }}", "{{ [1] * 10 ** 9 }}",
           "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"]


@pytest.mark.parametrize("jinja", ESCAPES + RUNAWAY)
def test_a_template_reaching_for_python_or_running_away_is_refused(tmp_path, jinja):
    template = house_with(tmp_path, in_body(jinja))
    started = time.monotonic()
    result = build(tmp_path, template)
    assert time.monotonic() - started < 10, "refused before rendering, not after"
    assert result.exit_code == 2, result.output
    assert f"{template}: template error: " in result.output and "is not allowed" in result.output
    assert "templates may use only the variables body, job_line, language, symbol, title" in result.output
    assert not (tmp_path / "out").exists()


def test_tags_in_the_document_properties_are_checked_too(tmp_path):
    def edit(name: str, data: bytes) -> bytes:
        if name == "docProps/core.xml":
            return data.replace(b"</cp:coreProperties>",
                                b"<dc:description>{{ ''.__class__ }}</dc:description></cp:coreProperties>")
        return in_body("{{ title }}")(name, data)

    result = build(tmp_path, house_with(tmp_path, edit))
    assert result.exit_code == 2 and "attribute access (.__class__) is not allowed" in result.output


def test_broken_tags_are_a_template_error(tmp_path):
    result = build(tmp_path, house_with(tmp_path, in_body("{% if title %}never closed")))
    assert result.exit_code == 2 and "template error" in result.output
    assert "internal error" not in result.output


def in_properties(jinja: str) -> Callable[[str, bytes], bytes]:
    """Put ``jinja`` in the template's comments property (the body is replaced by the build; the
    comments are kept), plus a tag in the body so that the template counts as one with tags."""

    def edit(name: str, data: bytes) -> bytes:
        if name == "docProps/core.xml":
            return data.replace(b"</cp:coreProperties>",
                                f"<dc:description>{jinja}</dc:description></cp:coreProperties>".encode())
        return in_body("{{ symbol }}")(name, data)

    return edit


def test_the_documented_variables_filters_and_if_still_work(tmp_path):
    jinja = ("[{{ symbol|upper }}] [{% if job_line %}{{ job_line }}{% else %}none{% endif %}] "
             "[{{ language|default('x') }}] [{{ body|lower }}]")
    result = build(tmp_path, house_with(tmp_path, in_properties(jinja)))
    assert result.exit_code == 0, result.output
    comments = docx.Document(str(tmp_path / "out" / "o.docx")).core_properties.comments
    assert comments == "[CD/2101] [GE.17-16166 (E)] [en] [conference on disarmament]"


HOSTILE = ["{{ 7*7 }}", "{% if true %}yes{% endif %}", "{# c #}", "{{ title }}", "{{ ''.__class__ }}",
           "{%p if x %}", "}}{{", "&amp; <w:t> \" '", "\\{\\{ raw \\}\\}"]


def test_outline_text_is_never_template_code(tmp_path):
    """Every hostile string shows as typed: in the title (which the template prints) and the body."""
    title = " | ".join(HOSTILE)
    outline = LETTER.replace(
        "  sender: the Permanent Representative of Myanmar",
        f"  sender: {yaml_quote('the Permanent Representative ' + HOSTILE[0])}\n  title: {yaml_quote(title)}",
    ).replace("paragraphs: [I have the honour to transmit herewith the report.]",
              "paragraphs:\n" + "".join(f"    - {yaml_quote('x ' + h)}\n" for h in HOSTILE))
    result = build(tmp_path, house_with(tmp_path, in_properties("T={{ title }}")), outline)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "out" / "o.docx"))
    texts = [p.text for p in document.paragraphs]
    assert document.core_properties.comments == f"T={title}", "the template printed the title as data"
    assert f"\t\t{title}" in texts, "the document title"
    for h in HOSTILE:
        assert f"x {h}" in texts
    assert not any("49" in t or t == "yes" for t in texts)


def yaml_quote(text: str) -> str:
    """Outline markup escaped (so ``*`` and ``{`` are literal), then quoted for YAML."""
    return json.dumps(escape(text), ensure_ascii=False)


# -- reading .docx files: zip bombs, lying and strange packages -----------------------------------


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _central_entry(raw: bytes, name: bytes) -> int:
    """Offset of the central directory entry of ``name``."""
    at = raw.index(b"PK\x01\x02")  # the first entry
    while True:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46: at + 46 + name_len] == name:
            return at
        extra, comment = struct.unpack_from("<HH", raw, at + 30)
        at = raw.index(b"PK\x01\x02", at + 46 + name_len + extra + comment)


def _patched(raw: bytes, name: bytes, offset: int, fmt: str, value: int) -> bytes:
    at = _central_entry(raw, name) + offset
    return raw[:at] + struct.pack(fmt, value) + raw[at + struct.calcsize(fmt):]


_W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MINIMAL = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document " + _W_NS + b"/>"}


def _refusal(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "x.docx"
    path.write_bytes(raw)
    with pytest.raises(CddraftError) as info:
        tpl.read_docx_bytes(path)
    (d,) = info.value.diagnostics
    assert d.file == str(path)
    return d.message


@pytest.fixture
def small_limits(monkeypatch):
    """Limits of 1 MiB a part, 3 MiB in all, so the bombs below stay small and fast."""
    monkeypatch.setattr(pkg, "MAX_PART_BYTES", 2**20)
    monkeypatch.setattr(pkg, "MAX_TOTAL_BYTES", 3 * 2**20)


def test_a_highly_compressible_part_is_refused(tmp_path, small_limits):
    raw = _zip({**MINIMAL, "word/media/bomb.bin": b"\0" * (2**20 + 1)})
    assert len(raw) < 10_000
    assert _refusal(tmp_path, raw).startswith("part word/media/bomb.bin unpacks to more than the limit (1 MiB "
                                              "per part, 3 MiB in all); this is not a normal Word file")


def test_parts_adding_up_past_the_total_are_refused(tmp_path, small_limits):
    raw = _zip({**MINIMAL, **{f"word/media/{i}.bin": b"\0" * (2**20 - 10) for i in range(4)}})
    assert "unpacks to more than the limit" in _refusal(tmp_path, raw)


def test_a_part_that_understates_its_size_is_caught_by_its_checksum(tmp_path, small_limits):
    raw = _zip({**MINIMAL, "word/media/liar.bin": b"\0" * (4 * 2**20)})
    raw = _patched(raw, b"word/media/liar.bin", 24, "<I", 100)  # "uncompressed size: 100 bytes"
    message = _refusal(tmp_path, raw)
    assert message.startswith("not a Word file, or a damaged one (Bad CRC-32") and "save it from Word" in message


def test_an_encrypted_package_is_refused(tmp_path):
    raw = _patched(_zip(MINIMAL), b"word/document.xml", 8, "<H", 0x1)
    assert _refusal(tmp_path, raw) == "the file is encrypted (password-protected); save a copy without a password"


def test_an_unknown_compression_method_is_refused(tmp_path):
    raw = _patched(_zip(MINIMAL), b"word/document.xml", 10, "<H", 99)
    assert "save it from Word as .docx" in _refusal(tmp_path, raw)


def test_too_many_parts_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pkg, "MAX_PARTS", 50)
    raw = _zip({**MINIMAL, **{f"word/media/{i}.bin": b"" for i in range(60)}}, zipfile.ZIP_STORED)
    assert _refusal(tmp_path, raw).startswith("the package has 62 parts (at most 50)")


def test_a_file_larger_than_the_limit_is_not_read_whole(tmp_path, small_limits):
    raw = _zip({**MINIMAL, "word/media/noise.bin": bytes(range(256)) * (13 * 2**12)}, zipfile.ZIP_STORED)
    assert len(raw) > 3 * 2**20
    assert _refusal(tmp_path, raw).startswith("the file is larger than 3 MiB")


@pytest.mark.parametrize(("prolog", "encoding"), [(b"", "utf-8"), (b"<!--" + b"x" * 3 * 2**20 + b"-->", "utf-8"),
                                                  (b"", "utf-16")], ids=["first", "after-3-MiB", "utf-16"])
def test_a_part_declaring_a_dtd_is_refused(tmp_path, prolog, encoding):
    """An entity bomb is refused before any reader expands it, in whatever encoding it is written."""
    laughs = (b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document ' + _W_NS
              + b">&b;</w:document>")
    xml = (f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + prolog + laughs).decode().encode(encoding)
    raw = _zip({**MINIMAL, "word/document.xml": xml})
    assert _refusal(tmp_path, raw).startswith("part word/document.xml declares a DTD, which Word files never do")


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml", "word/_rels/document.xml.rels"])
def test_a_part_that_is_not_xml_is_refused_by_name(tmp_path, part):
    raw = _zip({**MINIMAL, part: b"\x00\x01 not XML at all"})
    assert _refusal(tmp_path, raw).startswith(f"part {part} is not well-formed XML (")


@pytest.mark.parametrize("missing", ["[Content_Types].xml", "word/document.xml"])
def test_a_package_without_a_main_part_is_not_a_word_file(tmp_path, missing):
    raw = _zip({k: v for k, v in MINIMAL.items() if k != missing})
    assert _refusal(tmp_path, raw) == f"not a Word file (no {missing}); save it from Word as .docx"


def test_the_house_template_passes_the_checks():
    assert tpl.read_docx_bytes(tpl.house_template())[:2] == b"PK"
