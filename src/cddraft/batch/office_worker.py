"""One running LibreOffice driven over its UNO bridge: converts the .docx files it is sent to PDF, warm.

Run by the system Python that has LibreOffice's UNO bridge (Debian: ``python3-uno``), not by cddraft's
interpreter: ``python3 office_worker.py PIPE``. :mod:`cddraft.batch.office` starts ``soffice`` listening on
that pipe and this script beside it, so the two start together; the script connects, says
``{"ready": true}``, then reads one JSON request a line on standard input (``{"docx": …, "pdf": …,
"version": N}``) and answers one JSON line (``{"ok": true}`` or ``{"error": "…"}``). It imports nothing of
cddraft: it is a separate program. LibreOffice's own process is the parent's to stop.

The PDF is the one ``soffice --convert-to`` writes (:func:`cddraft.export.pdf_filter`): loaded hidden and
read-only, exported tagged, with bookmarks, as PDF/A-``version`` (0: plain PDF).
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

try:
    import uno
    import unohelper  # type: ignore[import-not-found]  # python3-uno's helper beside uno, not in cddraft's venv
    from com.sun.star.awt import XCallback
    from com.sun.star.beans import PropertyValue
except ImportError:  # no UNO bridge here: the parent converts the cold way
    print(json.dumps({"error": "no UNO bridge (python3-uno)"}), flush=True)
    raise SystemExit(3) from None

#: LibreOffice's ``com.sun.star.frame.Desktop`` over the bridge: its methods are looked up at run time.
Desktop = Any
#: How long to wait for LibreOffice to listen; the parent's timeout stops a start that hangs sooner.
START_WAIT = 300.0


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str) -> tuple[Any, Desktop]:
    """The component context and desktop of the LibreOffice listening on ``pipe``, once it listens."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_WAIT
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # not listening yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _convert(desktop: Desktop, docx: str, pdf: str, version: int) -> None:
    doc = desktop.loadComponentFromURL(Path(docx).resolve().as_uri(), "_blank", 0,
                                       (_prop("Hidden", True), _prop("ReadOnly", True)))
    if doc is None:
        raise RuntimeError("source file could not be loaded")
    try:
        options = (_prop("UseTaggedPDF", True), _prop("ExportBookmarks", True), _prop("SelectPdfVersion", version))
        doc.storeToURL(Path(pdf).resolve().as_uri(),
                       (_prop("FilterName", "writer_pdf_Export"),
                        _prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", options))))
    finally:
        doc.close(True)


class _OnMainThread(unohelper.Base, XCallback):
    """One conversion run by LibreOffice's main thread, as ``soffice --convert-to`` runs it.

    A call over the bridge runs in a thread of the bridge's, which hands drawing work to the main thread and back:
    a 214-page report took 3.5 s so against 2.8 s on the main thread. LibreOffice's ``AsyncCallback`` calls
    :meth:`notify` from its main thread, and the calls this makes from there run on that thread too (the bridge
    keeps a chain of calls on one thread)."""

    def __init__(self, desktop: Desktop, docx: str, pdf: str, version: int) -> None:
        self.args = (desktop, docx, pdf, version)
        self.done = threading.Event()
        self.error: Exception | None = None

    def notify(self, _data: object) -> None:
        try:
            _convert(*self.args)
        except Exception as exc:  # reported by the caller, in this worker's thread
            self.error = exc
        finally:
            self.done.set()


def _converter(ctx: Any, desktop: Desktop) -> Any:
    """A function converting one file on LibreOffice's main thread (over the bridge if that cannot be had)."""
    try:
        callbacks = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.AsyncCallback", ctx)
    except Exception:
        callbacks = None
    if callbacks is None:
        return lambda docx, pdf, version: _convert(desktop, docx, pdf, version)

    def convert(docx: str, pdf: str, version: int) -> None:
        job = _OnMainThread(desktop, docx, pdf, version)
        callbacks.addCallback(job, None)
        job.done.wait()  # the parent's timeout stops LibreOffice and this worker if it never comes
        if job.error is not None:
            raise job.error

    return convert


def main(pipe: str) -> None:
    try:
        ctx, desktop = _connect(pipe)
        convert = _converter(ctx, desktop)
    except Exception as exc:  # LibreOffice did not start
        print(json.dumps({"error": f"LibreOffice did not start ({exc})"}), flush=True)
        raise SystemExit(1) from None
    try:
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            try:
                convert(request["docx"], request["pdf"], int(request["version"]))
                answer: dict[str, object] = {"ok": True}
            except Exception as exc:  # this file only: the parent reports it and sends the next
                answer = {"error": str(getattr(exc, "Message", "") or exc).strip() or type(exc).__name__}
            print(json.dumps(answer), flush=True)
    finally:
        # the parent stops LibreOffice itself; if the parent died instead (its pipes closed), LibreOffice must not
        # keep listening
        with contextlib.suppress(Exception):
            desktop.terminate()


if __name__ == "__main__":
    main(sys.argv[1])
