"""Pages for ``cddraft serve``: .docx → PDF by a LibreOffice kept running (:mod:`.lo_worker`), → PNG by poppler.

A cold ``soffice`` conversion costs over a second; a warm one a fraction of it. The worker runs under the system
Python that has LibreOffice's UNO bridge; when there is none (or it dies and will not start again) each
conversion starts LibreOffice cold, as ``cddraft pdf`` does. One conversion at a time: LibreOffice is one
process. The copy converted has :mod:`cddraft.lo_compat`'s adjustments, as every PDF cddraft makes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from cddraft.export import PdfJob, convert, find_soffice, page_count, render_pages
from cddraft.lo_compat import for_libreoffice

SYSTEM_PYTHON = "/usr/bin/python3"
WORKER = Path(__file__).with_name("lo_worker.py")


def _alive(group: int) -> bool:
    """Whether a process of the process group ``group`` still runs."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _has_uno(python: str) -> bool:
    return Path(python).exists() and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0


def _reap(proc: subprocess.Popen[str]) -> None:
    """A worker that has ended (or was killed) waited for and its pipes closed: nothing of it is left open."""
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):  # a pipe to a dead worker may fail to flush; it is closed all the same
                pipe.close()


class Renderer:
    """Converts built documents to page images; ``close()`` stops LibreOffice."""

    def __init__(self, work: Path, *, warm: bool = True) -> None:
        self.work = work
        self.soffice = find_soffice()
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._warm = warm and self.soffice is not None and _has_uno(SYSTEM_PYTHON)
        self._profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=work))
        self._office: int | None = None  # the process group of the worker's LibreOffice

    @property
    def worker_pid(self) -> int | None:
        """The process id of the LibreOffice worker while one runs (its child is ``soffice``)."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    @property
    def available(self) -> bool:
        return self.soffice is not None and shutil.which("pdftoppm") is not None

    def _start(self) -> subprocess.Popen | None:
        proc = subprocess.Popen([SYSTEM_PYTHON, str(WORKER), str(self.soffice), str(self._profile)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline() if proc.stdout else ""
        if not line.strip().startswith('{"ready"'):
            proc.kill()
            _reap(proc)
            return None
        self._office = json.loads(line).get("office")
        return proc

    def _warm_pdf(self, docx: Path, pdf: Path) -> bool:
        """Convert with the running LibreOffice (started, or restarted once if it died); False if it cannot."""
        for _ in range(2):
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start()
                if self._proc is None:
                    self._warm = False
                    return False
            assert self._proc.stdin and self._proc.stdout
            try:
                self._proc.stdin.write(json.dumps({"docx": str(docx), "pdf": str(pdf)}) + "\n")
                self._proc.stdin.flush()
                answer = json.loads(self._proc.stdout.readline() or "{}")
            except (BrokenPipeError, json.JSONDecodeError, OSError):
                answer = {}
            if answer.get("ok"):
                return True
            self.stop()  # it died or failed: a fresh one next time round
        return False

    def pages(self, docx_bytes: bytes, out_dir: Path, stem: str, dpi: int = 70) -> list[Path]:
        """The page images of a built document (``<stem>-page<N>.png``), every page."""
        with self._lock:
            out_dir.mkdir(parents=True, exist_ok=True)
            source = out_dir / f".{stem}-lo.docx"
            source.write_bytes(for_libreoffice(docx_bytes))
            pdf = out_dir / f"{stem}.pdf"
            if not (self._warm and self._warm_pdf(source, pdf)):
                staged = out_dir / f".{stem}-cold.docx"
                staged.write_bytes(docx_bytes)
                (outcome,) = convert([PdfJob(staged, pdf)])
                if isinstance(outcome, Exception):
                    raise outcome
            count = page_count(pdf) or 1
            return render_pages(pdf, out_dir, stem, list(range(1, count + 1)), dpi=dpi)

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if proc.stdin:
                    proc.stdin.close()  # the worker quits LibreOffice and ends
                proc.wait(timeout=15)
            except (subprocess.TimeoutExpired, OSError):
                proc.kill()
            _reap(proc)
        office, self._office = self._office, None
        if office is not None and _alive(office):  # the worker could not: its LibreOffice is stopped here
            for sig in (signal.SIGTERM, signal.SIGKILL):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(office, sig)
                    time.sleep(0.5)

    def close(self) -> bool:
        """Stop LibreOffice; whether it is gone (nothing of it left running)."""
        with self._lock:
            office = self._office
            self.stop()
            return office is None or not _alive(office)
