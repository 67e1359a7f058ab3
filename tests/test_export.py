"""PDF export: what LibreOffice makes of the examples, `cddraft pdf`, and every way conversion can fail.

The failure modes run against small stand-in ``soffice`` scripts (``CDDRAFT_SOFFICE``), so they need
no LibreOffice and show exactly what reaches it; the rendering tests use the real one.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cddraft.conventions import load_conventions
from cddraft.export import DEFAULT_TIMEOUT, PdfJob, convert, page_count
from cddraft.lo_compat import for_libreoffice
from cddraft.pipeline import check_outline
from tests.conftest import EXAMPLES, pdf_pages, process_alive, require_libreoffice, run_cli

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def flat(text: str) -> str:
    """Page text without bidi controls, whitespace collapsed (pdftotext output varies in both)."""
    return re.sub(r"\s+", " ", _BIDI.sub("", text)).strip()


def foot_line(pdf: Path, page: int) -> str:
    """The lowest line of a page as laid out (reading order would put footnotes after the number)."""
    out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return flat([ln for ln in out.splitlines() if flat(ln)][-1])


def fake_soffice(tmp_path: Path, counter: Path) -> Path:
    """A stand-in LibreOffice: counts its starts and writes, per input, a 'PDF' naming the input's hash."""
    script = tmp_path / "fake-soffice"
    script.write_text(
        f"#!{sys.executable}\n"
        "import hashlib, pathlib, sys\n"
        f"with open({str(counter)!r}, 'a') as fh:\n"
        "    fh.write(' '.join(sys.argv[1:]) + '\\n')\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "for name in args[args.index('--outdir') + 2:]:\n"
        "    src = pathlib.Path(name)\n"
        "    digest = hashlib.sha256(src.read_bytes()).hexdigest()\n"
        "    (out / (src.stem + '.pdf')).write_text('%PDF-1.4 ' + digest)\n",
        encoding="utf-8")
    script.chmod(0o755)
    return script


def starts(counter: Path) -> int:
    return len(counter.read_text().splitlines()) if counter.exists() else 0


def sha(path: Path) -> str:
    """The digest of what LibreOffice is given for ``path``: its bytes, with the LibreOffice adjustments."""
    return hashlib.sha256(for_libreoffice(path.read_bytes())).hexdigest()


# -- the examples as LibreOffice renders them -----------------------------------------------------

@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_example_pdf_pages_and_text(pdfs, stem):
    pdf = pdfs[stem]
    _, doc = check_outline(EXAMPLES[stem])
    letter = load_conventions(doc.language).job_letter
    pages = [flat(p) for p in pdf_pages(pdf)]
    assert len(PdfReader(str(pdf)).pages) == page_count(pdf) == len(pages)
    assert len(pages) >= (2 if doc.annexes else 1), "an annex starts on a page of its own"
    assert doc.symbol in pages[0]
    job = f"{doc.job_number} ({letter})"
    # pdftotext gives a line ending with ")" on a right-to-left page in its own bidi order: ")GE.25-15873 (A" for
    # the "GE.25-15873 (A)" the page shows (looked at: the line is drawn left to right)
    mirrored = ")" + job[:-1] if doc.language == "ar" else job
    assert job in pages[0] or mirrored in _BIDI.sub("", pages[0]), "first-page footer: job number and language"
    for n, text in enumerate(pages[1:], start=2):
        assert text.startswith(doc.symbol), f"page {n}: running header with the symbol"
        assert doc.job_number not in text, f"page {n}: the job-number footer is for page 1 only"
        assert foot_line(pdf, n) == str(n), f"page {n}: page number at the foot"


@pytest.mark.parametrize("stem", [s for s in sorted(EXAMPLES) if s.startswith("cd-way-ahead") and s[-3:] != "-ar"])
def test_annex_title_opens_page_two(pdfs, stem):
    """The annex (its title in the version's language) starts page 2 (Arabic: pdftotext breaks ligatures)."""
    _, doc = check_outline(EXAMPLES[stem])
    squeeze = lambda s: re.sub(r"[\s~\u00a0\u202f]", "", _BIDI.sub("", s))  # noqa: E731
    assert squeeze(doc.annexes[0].title.plain)[:15] in squeeze(pdf_pages(pdfs[stem])[1])


def test_pdf_command_converts_existing_files_beside_them(built, tmp_path):
    require_libreoffice()
    docs = [tmp_path / "a" / "en.docx", tmp_path / "b" / "fr.docx"]
    for src, dst in zip((built["cd-way-ahead-en"], built["cd-way-ahead-fr"]), docs, strict=True):
        dst.parent.mkdir()
        dst.write_bytes(src.read_bytes())
    result = run_cli("pdf", *map(str, docs))
    assert result.exit_code == 0, result.output
    for d in docs:
        pdf = d.with_suffix(".pdf")
        assert f"wrote {pdf}" in result.output
        assert "CD/2101" in pdf_pages(pdf)[0]
    assert "Conférence du désarmement" in flat(pdf_pages(docs[1].with_suffix(".pdf"))[0])
    assert sorted(p.name for p in docs[0].parent.iterdir()) == ["en.docx", "en.pdf"], "no staging left behind"


def test_two_conversions_at_once_each_with_its_own_profile(built, tmp_path):
    """Two runs at once (or one while the user has LibreOffice open) do not wait for or disturb each other."""
    require_libreoffice()
    results: dict[str, object] = {}

    def run(stem: str) -> None:
        try:
            results[stem] = convert([PdfJob(built[stem], tmp_path / stem / f"{stem}.pdf")])[0]
        except Exception as exc:  # reported by the assertion below
            results[stem] = exc

    threads = [threading.Thread(target=run, args=(s,)) for s in ("cd-way-ahead-en", "cd-report-en")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=DEFAULT_TIMEOUT)
    for stem in ("cd-way-ahead-en", "cd-report-en"):
        assert results[stem] == tmp_path / stem / f"{stem}.pdf", results[stem]
        assert page_count(tmp_path / stem / f"{stem}.pdf")


# -- failure modes (stand-in soffice) -------------------------------------------------------------

def test_missing_libreoffice_is_exit_2_with_an_install_hint(built, tmp_path, monkeypatch):
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(tmp_path / "no-such-soffice"))
    for args in (["pdf", str(built["cd-way-ahead-en"])],
                 ["build", str(EXAMPLES["cd-way-ahead-en"]), "--pdf", "-o", str(tmp_path / "out")],
                 ["preview", str(EXAMPLES["cd-way-ahead-en"])]):
        result = run_cli(*args)
        assert result.exit_code == 2, result.output
        assert "LibreOffice is not installed" in result.output
        assert "apt-get install libreoffice-writer-nogui" in result.output
        assert "no-such-soffice" in result.output, "says that CDDRAFT_SOFFICE points nowhere"
    assert not (tmp_path / "out").exists(), "checked before anything is built"


def test_a_hanging_libreoffice_is_stopped_after_the_timeout(built, tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    script = tmp_path / "hang"
    script.write_text(f"#!/bin/sh\nsleep 60 &\necho $$ $! > {pids}\nwait\n")
    script.chmod(0o755)
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(script))
    t0 = time.monotonic()
    result = run_cli("pdf", str(built["cd-way-ahead-en"]), "-o", str(tmp_path / "out"), "--timeout", "1")
    assert time.monotonic() - t0 < 15
    assert result.exit_code == 2
    assert "LibreOffice did not finish a file within 1 s and was stopped" in result.output
    assert "--timeout" in result.output
    time.sleep(0.2)
    if os.name == "posix":
        assert not any(process_alive(int(p)) for p in pids.read_text().split()), "LibreOffice and its children are gone"
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_what_is_not_a_word_file_never_reaches_libreoffice(built, tmp_path, monkeypatch):
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    text = tmp_path / "notes.docx"
    text.write_text("not a Word file")
    bomb = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (51 * 2**20))
    bomb.write_bytes(buf.getvalue())
    result = run_cli("pdf", str(text), str(bomb), str(tmp_path / "missing.docx"))
    assert result.exit_code == 2
    assert f"{text}: not a Word file" in result.output
    assert f"{bomb}: part word/document.xml unpacks to more than the limit" in result.output
    assert f"{tmp_path / 'missing.docx'}: file not found" in result.output
    assert starts(counter) == 0, "LibreOffice was not even started"


def test_one_start_for_many_folders_and_the_checked_bytes_are_converted(built, tmp_path, monkeypatch):
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    docs = []
    for folder, stem in (("a", "cd-way-ahead-en"), ("b", "cd-way-ahead-fr"), ("c", "cd-report-en")):
        (tmp_path / folder).mkdir()
        docs.append(tmp_path / folder / f"{stem}.docx")
        docs[-1].write_bytes(built[stem].read_bytes())
    result = run_cli("pdf", *map(str, docs))
    assert result.exit_code == 0, result.output
    assert starts(counter) == 1
    assert "-env:UserInstallation=file://" in counter.read_text(), "a private profile"
    for d in docs:
        assert d.with_suffix(".pdf").read_text() == "%PDF-1.4 " + sha(d)


@pytest.mark.parametrize("names", [("doc", "doc"), ("Doc", "doc")], ids=["equal", "differing-in-case"])
def test_equal_names_in_two_folders_convert_apart_beside_their_docx(built, tmp_path, monkeypatch, names):
    """LibreOffice names its output after the input (and ``Doc.pdf`` is ``doc.pdf`` on Windows/macOS): such
    files go to LibreOffice in separate rounds, one start each."""
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    docs = [tmp_path / "a" / f"{names[0]}.docx", tmp_path / "b" / f"{names[1]}.docx"]
    for src, d in zip((built["cd-way-ahead-en"], built["cd-way-ahead-fr"]), docs, strict=True):
        d.parent.mkdir()
        d.write_bytes(src.read_bytes())
    assert run_cli("pdf", *map(str, docs)).exit_code == 0
    assert starts(counter) == 2
    for d in docs:
        assert d.with_suffix(".pdf").read_text() == "%PDF-1.4 " + sha(d)


def test_two_files_for_one_pdf_the_second_is_refused(built, tmp_path, monkeypatch):
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, tmp_path / "starts")))
    docs = [tmp_path / "a" / "doc.docx", tmp_path / "b" / "doc.docx"]
    for d in docs:
        d.parent.mkdir()
        d.write_bytes(built["cd-way-ahead-en"].read_bytes())
    out = tmp_path / "out"
    result = run_cli("pdf", *map(str, docs), "-o", str(out))
    assert result.exit_code == 2
    assert f"{docs[1]}: {docs[0]} in this run also converts to {out / 'doc.pdf'}" in result.output
    assert (out / "doc.pdf").read_text() == "%PDF-1.4 " + sha(docs[0])


@pytest.mark.parametrize("lock", ["~$doc.pdf", ".~lock.doc.pdf#"])
def test_an_open_pdf_is_not_overwritten(built, tmp_path, monkeypatch, lock):
    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    doc = tmp_path / "doc.docx"
    doc.write_bytes(built["cd-way-ahead-en"].read_bytes())
    (tmp_path / "doc.pdf").write_text("open in a viewer")
    (tmp_path / lock).write_text("")
    result = run_cli("pdf", str(doc))
    assert result.exit_code == 2
    assert f"{tmp_path / 'doc.pdf'}: the PDF is open in another program; close it" in result.output
    assert (tmp_path / "doc.pdf").read_text() == "open in a viewer"
    assert starts(counter) == 0


def test_a_file_libreoffice_cannot_convert_is_named(built, tmp_path, monkeypatch):
    script = tmp_path / "silent"
    script.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\n")
    script.chmod(0o755)
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(script))
    result = run_cli("pdf", str(built["cd-way-ahead-en"]), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert (f"{built['cd-way-ahead-en']}: LibreOffice could not convert the file (Error: source file could "
            "not be loaded)") in result.output


def test_pdf_refuses_a_docx_whose_part_is_not_xml_and_names_it(built, tmp_path):
    require_libreoffice()
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(built["cd-report-en"]) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, b"not XML" if item.filename == "word/footnotes.xml" else src.read(item.filename))
    result = run_cli("pdf", str(broken))
    assert result.exit_code == 2
    assert f"{broken}: part word/footnotes.xml is not well-formed XML" in result.output
    assert not broken.with_suffix(".pdf").exists()
