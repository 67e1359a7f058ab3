"""A LibreOffice kept running for ``cddraft serve``: converts .docx files to PDF on request, warm.

Run by the system Python that has LibreOffice's UNO bridge (Debian: ``python3-uno``), not by cddraft's
interpreter: ``python3 lo_worker.py SOFFICE PROFILE_DIR``. It starts ``soffice`` listening on a private pipe,
then reads one JSON request a line on standard input (``{"docx": "…", "pdf": "…"}``) and answers one JSON line
(``{"ok": true}`` or ``{"error": "…"}``). It imports nothing of cddraft: it is a separate program.

Why not ``unoserver`` (PyPI): it too must run under a Python that imports ``uno``, i.e. the system's; this
script is the part of it cddraft needs (start, convert, stop), without installing into the system Python.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno
from com.sun.star.beans import PropertyValue

#: LibreOffice's ``com.sun.star.frame.Desktop`` over the UNO bridge: its methods are looked up at run time
#: (the bridge has no type stubs; pyproject.toml's mypy section lets ``uno`` and ``com.sun.star`` be untyped).
Desktop = Any


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(soffice: str, profile: Path) -> tuple[subprocess.Popen, Desktop]:
    pipe = f"cddraftserve{profile.name}"
    proc = subprocess.Popen([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                             "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(480):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # not listening yet
            if proc.poll() is not None:
                break
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not start")


def _convert(desktop: Desktop, docx: str, pdf: str) -> None:
    doc = desktop.loadComponentFromURL(Path(docx).resolve().as_uri(), "_blank", 0,
                                       (_prop("Hidden", True), _prop("ReadOnly", True)))
    try:
        doc.storeToURL(Path(pdf).resolve().as_uri(), (_prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def _stop_office(proc: subprocess.Popen, desktop: Desktop | None) -> None:
    """LibreOffice asked to quit, then its whole process group (the ``soffice`` script, ``oosplash``,
    ``soffice.bin``) stopped, whatever state it is in."""
    if desktop is not None:
        with contextlib.suppress(Exception):  # LibreOffice already gone
            desktop.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)  # its own session: oosplash and soffice.bin with it
            time.sleep(0.5)


def main(soffice: str, profile: str) -> None:
    proc, desktop = _connect(soffice, Path(profile))

    def stopped(signum: int, _frame: object) -> None:
        # the terminal closed (SIGHUP), or `timeout`, systemd or `docker stop` (SIGTERM) stopped the preview's
        # process group: LibreOffice, in a session of its own, would outlive it; the `finally` below stops it
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, stopped)
    print(json.dumps({"ready": True, "office": proc.pid}), flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            try:
                _convert(desktop, request["docx"], request["pdf"])
                answer: dict[str, object] = {"ok": True}
            except Exception as exc:  # reported to the server, which rebuilds or restarts
                answer = {"error": str(exc)}
            print(json.dumps(answer), flush=True)
    finally:
        _stop_office(proc, desktop)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
