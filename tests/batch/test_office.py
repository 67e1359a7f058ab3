"""LibreOffice kept running for a batch (issue 30): the PDFs are those of the ``--convert-to`` way, and whatever
goes wrong with a kept instance (no UNO bridge, a hang, a crash, a file it cannot read) ends as it would there.

The ways of failing run against stand-ins (an ``soffice`` that only waits, workers that misbehave), so they need
no LibreOffice; the PDFs are compared with the real one. No test measures time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cddraft.batch import lo_profile, office
from cddraft.batch.office import Offices, instances_for, usable
from cddraft.errors import CddraftError
from cddraft.export import PdfJob, find_soffice
from tests.conftest import EXAMPLES, pdf_pages, process_alive, require_libreoffice, run_cli
from tests.test_export import sha, starts


def require_uno() -> None:
    require_libreoffice()
    probe = subprocess.run([office.SYSTEM_PYTHON, "-c", "import uno"], capture_output=True) if Path(
        office.SYSTEM_PYTHON).exists() else None
    if probe is None or probe.returncode:
        reason = "LibreOffice's UNO bridge (Debian: python3-uno) is needed to keep LibreOffice running"
        if os.environ.get("CDDRAFT_REQUIRE_LIBREOFFICE"):
            pytest.fail(reason + " (CDDRAFT_REQUIRE_LIBREOFFICE is set)")
        pytest.skip(reason)


# -- the real LibreOffice -------------------------------------------------------------------------

def test_kept_instances_give_the_pdfs_of_one_cold_conversion(built, pdfs, tmp_path, monkeypatch):
    """Two instances share the examples; each PDF has the pages and text of the ``--convert-to`` one, from a new
    profile (the first run, which keeps its profile) and from the kept one (the runs after it)."""
    require_uno()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    seeded: list[bool] = []
    real_seed = lo_profile.seed
    monkeypatch.setattr(lo_profile, "seed", lambda *args: seeded.append(real_seed(*args)) or seeded[-1])
    for run in ("new", "kept"):
        jobs = [PdfJob(docx, tmp_path / run / f"{stem}.pdf") for stem, docx in built.items()]
        with Offices(len(jobs), instances=2) as offices:
            assert offices.started == 2
            outcomes = offices.convert(jobs)
        assert outcomes == [j.target for j in jobs]
        for stem in built:
            pdf = tmp_path / run / f"{stem}.pdf"
            assert pdf_pages(pdf, layout=True) == pdf_pages(pdfs[stem], layout=True), (run, stem)
            assert _info(pdf) == _info(pdfs[stem]), "tagged PDF/A-2b with its title, as before"
    assert seeded == [False, False, True, True], "the second run's instances start from the kept profile"
    assert [p.name for p in (tmp_path / "cache" / "cddraft").iterdir()] == [offices._template.name]


def _info(pdf: Path) -> dict[str, str]:
    """What pdfinfo says of a PDF, less what changes from one conversion to the next."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pairs = (line.split(":", 1) for line in out.splitlines() if ":" in line)
    return {k: v.strip() for k, v in pairs if k not in ("CreationDate", "ModDate", "File size")}


def test_build_with_pdfs_leaves_no_libreoffice_running(tmp_path, monkeypatch):
    """Whether the instance is closed politely to keep its profile (a first run: the cache is empty) or stopped."""
    require_uno()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    started: list[Offices] = []
    real = office.Offices.__init__

    def spy(self: Offices, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        started.append(self)

    monkeypatch.setattr(office.Offices, "__init__", spy)
    pids: list[int] = []
    monkeypatch.setattr(office.Offices, "close", _recording_close(office.Offices.close, pids))
    stems = ["cd-way-ahead-en", "cd-report-en"]
    for run in ("first", "second"):
        out = tmp_path / run
        result = run_cli("build", *(str(EXAMPLES[s]) for s in stems), "--pdf", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert started and started[-1].soffice == find_soffice()
        for s in stems:
            assert f"wrote {out / f'{s}.pdf'}" in result.output
            assert "CD/" in pdf_pages(out / f"{s}.pdf")[0]
        time.sleep(0.2)
        assert pids and not any(process_alive(p) for p in pids), "LibreOffice and its worker are gone"
        assert len(list((tmp_path / "cache" / "cddraft").glob("libreoffice-profile-*"))) == 1, "the profile is kept"


def _recording_close(close, pids: list[int]):
    def recording(self: Offices) -> None:
        for inst in self._instances:
            pids.extend((inst.office.pid, inst.worker.pid))
        close(self)
    return recording


# -- stand-ins ------------------------------------------------------------------------------------

def waiting_soffice(tmp_path: Path, counter: Path) -> Path:
    """LibreOffice's program folder in miniature: with ``--accept`` it waits as a listening LibreOffice does;
    with ``--convert-to`` it writes, per input, a 'PDF' naming the input's hash (as tests.test_export's)."""
    folder = tmp_path / "program"
    folder.mkdir()
    (folder / "soffice.bin").write_text("")
    script = folder / "soffice"
    script.write_text(
        f"#!{sys.executable}\n"
        "import hashlib, pathlib, sys, time\n"
        f"with open({str(counter)!r}, 'a') as fh:\n"
        "    fh.write(' '.join(sys.argv[1:]) + '\\n')\n"
        "args = sys.argv[1:]\n"
        "if any(a.startswith('--accept') for a in args):\n"
        "    time.sleep(120)\n"
        "    sys.exit(0)\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "for name in args[args.index('--outdir') + 2:]:\n"
        "    src = pathlib.Path(name)\n"
        "    (out / (src.stem + '.pdf')).write_text('%PDF-1.4 ' + hashlib.sha256(src.read_bytes()).hexdigest())\n",
        encoding="utf-8")
    script.chmod(0o755)
    return script


def worker(tmp_path: Path, body: str) -> Path:
    """A stand-in for office_worker.py: ``body`` runs after it says it is ready."""
    script = tmp_path / "worker.py"
    script.write_text("import json, pathlib, sys, time\nprint(json.dumps({'ready': True}), flush=True)\n" + body,
                      encoding="utf-8")
    return script


@pytest.fixture
def docs(built, tmp_path) -> list[Path]:
    found = []
    for stem in ("cd-way-ahead-en", "cd-way-ahead-fr", "cd-report-en"):
        found.append(tmp_path / f"{stem}.docx")
        found[-1].write_bytes(built[stem].read_bytes())
    return found


@pytest.fixture
def stand_in(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A waiting soffice (CDDRAFT_SOFFICE) and its start counter; workers run under this Python."""
    counter = tmp_path / "starts"
    soffice = waiting_soffice(tmp_path, counter)
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(soffice))
    monkeypatch.setattr(office, "SYSTEM_PYTHON", sys.executable)
    return soffice, counter


def _jobs(docs: list[Path]) -> list[PdfJob]:
    return [PdfJob(d, d.with_suffix(".pdf")) for d in docs]


def test_without_the_uno_bridge_the_files_are_converted_the_cold_way(docs, stand_in):
    """This Python has no ``uno``: the real worker says so, and one ``--convert-to`` run converts everything."""
    _, counter = stand_in
    with Offices(len(docs), instances=2) as offices:
        assert offices.started == 2
        outcomes = offices.convert(_jobs(docs))
        pids = [inst.office.pid for inst in offices._instances]
    assert outcomes == [d.with_suffix(".pdf") for d in docs]
    for d in docs:
        assert d.with_suffix(".pdf").read_text() == "%PDF-1.4 " + sha(d), "the checked bytes, adjusted"
    assert sum("--convert-to" in line for line in counter.read_text().splitlines()) == 1
    assert not any(process_alive(p) for p in pids), "the waiting instances are stopped"


def test_a_stand_in_script_is_run_the_convert_to_way(tmp_path, docs, monkeypatch):
    """A script named by CDDRAFT_SOFFICE that is not LibreOffice's launcher is never kept running."""
    from tests.test_export import fake_soffice

    counter = tmp_path / "starts"
    monkeypatch.setenv("CDDRAFT_SOFFICE", str(fake_soffice(tmp_path, counter)))
    assert not usable(find_soffice())
    with Offices(len(docs)) as offices:
        assert offices.started == 0
        assert offices.convert(_jobs(docs)) == [d.with_suffix(".pdf") for d in docs]
    assert starts(counter) == 1


def test_an_instance_that_does_not_answer_stops_the_run_after_the_timeout(tmp_path, docs, stand_in, monkeypatch):
    monkeypatch.setattr(office, "WORKER", worker(tmp_path, "time.sleep(120)\n"))
    offices = Offices(len(docs), instances=1)
    pids = [offices._instances[0].office.pid, offices._instances[0].worker.pid]
    t0 = time.monotonic()
    with pytest.raises(CddraftError) as caught:
        offices.convert(_jobs(docs), timeout=1)
    assert time.monotonic() - t0 < 15
    assert "LibreOffice did not finish a file within 1 s and was stopped" in caught.value.diagnostics[0].message
    time.sleep(0.2)
    assert not any(process_alive(p) for p in pids), "LibreOffice and its worker are gone"
    assert not any(d.with_suffix(".pdf").exists() for d in docs)
    offices.close()  # closing twice is harmless


def test_a_file_the_instance_cannot_read_is_named_and_the_others_are_written(tmp_path, docs, stand_in, monkeypatch):
    body = ("for line in sys.stdin:\n"
            "    r = json.loads(line)\n"
            "    if 'way-ahead-fr' in r['docx']:\n"
            "        print(json.dumps({'error': 'source file could not be loaded'}), flush=True)\n"
            "        continue\n"
            "    pathlib.Path(r['pdf']).write_text('%PDF-1.4 kept ' + str(r['version']))\n"
            "    print(json.dumps({'ok': True}), flush=True)\n")
    monkeypatch.setattr(office, "WORKER", worker(tmp_path, body))
    with Offices(len(docs), instances=1) as offices:
        outcomes = offices.convert(_jobs(docs), profile="none")
    assert isinstance(outcomes[1], CddraftError)
    assert outcomes[1].diagnostics[0].format() == (f"{docs[1]}: LibreOffice could not convert the file (source file "
                                                   "could not be loaded)")
    assert [outcomes[0], outcomes[2]] == [docs[0].with_suffix(".pdf"), docs[2].with_suffix(".pdf")]
    assert docs[0].with_suffix(".pdf").read_text() == "%PDF-1.4 kept 0", "plain PDF asked for: version 0"


def test_files_given_while_others_build_and_the_rest_keep_their_order(tmp_path, docs, stand_in, monkeypatch):
    """What is submitted while the outlines build is not converted twice; outcomes come in the order asked for,
    and a second file for the same PDF is refused, as the ``--convert-to`` way refuses it."""
    body = ("for line in sys.stdin:\n"
            "    r = json.loads(line)\n"
            "    pathlib.Path(r['pdf']).write_text('%PDF-1.4 ' + pathlib.Path(r['docx']).parent.name)\n"
            "    print(json.dumps({'ok': True}), flush=True)\n")
    monkeypatch.setattr(office, "WORKER", worker(tmp_path, body))
    twin = tmp_path / "twin" / docs[0].name
    twin.parent.mkdir()
    twin.write_bytes(docs[0].read_bytes())
    jobs = [*_jobs(docs), PdfJob(twin, docs[0].with_suffix(".pdf"))]
    with Offices(len(jobs), instances=2) as offices:
        assert offices.submit(jobs[2]) == 0 and offices.submit(jobs[0]) == 1
        outcomes = offices.convert(jobs)
    assert outcomes[:3] == [d.with_suffix(".pdf") for d in docs]
    assert [docs[2].with_suffix(".pdf").read_text(), docs[0].with_suffix(".pdf").read_text()] == [
        "%PDF-1.4 0", "%PDF-1.4 1"], "converted once, under the number given when submitted"
    assert isinstance(outcomes[3], CddraftError)
    assert f"{docs[0]} in this run also converts to" in outcomes[3].diagnostics[0].message


def test_a_file_whose_instance_died_is_converted_again_the_cold_way(tmp_path, docs, stand_in, monkeypatch):
    _, counter = stand_in
    body = ("line = sys.stdin.readline()\n"
            "sys.exit(1)\n")  # dies on its first file
    monkeypatch.setattr(office, "WORKER", worker(tmp_path, body))
    with Offices(len(docs), instances=1) as offices:
        outcomes = offices.convert(_jobs(docs))
    assert outcomes == [d.with_suffix(".pdf") for d in docs]
    for d in docs:
        assert d.with_suffix(".pdf").read_text() == "%PDF-1.4 " + sha(d)
    assert sum("--convert-to" in line for line in counter.read_text().splitlines()) == 1


def test_the_checks_come_first_as_in_the_cold_way(tmp_path, docs, stand_in, monkeypatch):
    """What is not a Word file, or aims at a PDF open in a viewer, never reaches a kept instance either."""
    monkeypatch.setattr(office, "WORKER", worker(tmp_path, "for line in sys.stdin:\n    raise SystemExit(9)\n"))
    text = tmp_path / "notes.docx"
    text.write_text("not a Word file")
    (tmp_path / ".~lock.cd-way-ahead-en.pdf#").write_text("")
    with Offices(2, instances=1) as offices:
        outcomes = offices.convert([PdfJob(text, tmp_path / "notes.pdf"), *_jobs(docs[:1])])
    problems = [o.diagnostics[0].message for o in outcomes if isinstance(o, CddraftError)]
    assert len(problems) == 2 and problems[0].startswith("not a Word file")
    assert problems[1] == "the PDF is open in another program; close it and convert again"


def test_the_profile_is_kept_per_installation_and_locale_and_copied_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    program = tmp_path / "program"
    program.mkdir()
    (program / "soffice").write_text("")
    assert lo_profile.template_for(str(program / "soffice")) is None, "no versionrc: no version to tell it by"
    (program / "versionrc").write_text("[Version]\nbuildid=1\n")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    british = lo_profile.template_for(str(program / "soffice"))
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    french = lo_profile.template_for(str(program / "soffice"))
    assert british is not None and french is not None and british != french
    assert british.parent == tmp_path / "cache" / "cddraft"
    used = tmp_path / "used"
    (used / "user").mkdir(parents=True)
    (used / "user" / "registrymodifications.xcu").write_text("<items/>")
    (used / ".lock").write_text("held")
    assert not lo_profile.seed(british, tmp_path / "first"), "nothing kept yet"
    lo_profile.keep(used, british)
    (used / "user" / "registrymodifications.xcu").write_text("<items>later</items>")
    lo_profile.keep(used, british)  # one is kept already: left as it is
    assert lo_profile.seed(british, tmp_path / "second")
    assert (tmp_path / "second" / "user" / "registrymodifications.xcu").read_text() == "<items/>"
    assert not (tmp_path / "second" / ".lock").exists(), "the lock of the LibreOffice that used it stays behind"
    assert sorted(p.name for p in british.parent.iterdir()) == [british.name], "no staging copy left"


@pytest.mark.parametrize(("files", "cores", "load", "expected"), [
    (1, 8, 0.0, 1), (7, 8, 0.0, 1), (19, 2, 0.3, 2), (19, 2, 1.2, 1), (19, 2, 3.0, 1), (100, 16, 0.0, 4),
    (40, 8, 0.0, 4), (24, 8, 0.0, 3),
])
def test_one_instance_per_idle_core_with_enough_files(files, cores, load, expected):
    assert instances_for(files, cores, load) == expected
