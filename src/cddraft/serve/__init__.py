"""``cddraft serve``: a live preview in the browser — the pages of each outline, rebuilt on every save, with the
findings of ``check`` beside them (issue 18).

The build runs in this process (warm); LibreOffice stays running between conversions (:mod:`.renderer`); the
server (:mod:`.server`) binds to loopback unless told otherwise and serves only the files it wrote, from a
private temporary folder (two ``serve`` processes on one outline never share one).
"""

from __future__ import annotations

import errno
import ipaddress
import shutil
import signal
import socket
import tempfile
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

from cddraft.errors import fail
from cddraft.serve.server import make_server
from cddraft.serve.site import Site
from cddraft.watch import stamp

POLL = 0.25  # seconds between looks at the outlines' modification times


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _watch(site: Site, stop: threading.Event) -> None:
    """Build every outline once, then again whenever it is saved."""
    seen = {}
    for entry in site.entries:
        seen[entry.n] = stamp(entry.source)
        site.build(entry)
    while not stop.wait(POLL):
        for entry in site.entries:
            now = stamp(entry.source)
            if now is not None and now != seen[entry.n]:
                seen[entry.n] = now
                site.build(entry)


def _listening(site: Site, host: str, port: int) -> ThreadingHTTPServer:
    """The server bound to ``host:port``, or an error saying why it cannot listen there."""
    try:
        return make_server(site, host, port)
    except socket.gaierror:
        raise fail(f"cannot listen on {host!r}: no such host name or address; use the default (127.0.0.1) or "
                   "an address of this machine", file="--host") from None
    except OSError as exc:
        why = "the port is in use (another server listens on it)" if exc.errno == errno.EADDRINUSE else (
            exc.strerror or str(exc))
        raise fail(f"cannot listen on {host}:{port}: {why}; choose another --port, or leave it out for a free "
                   "one", file="--port") from None


def serve(sources: list[Path], *, host: str = "127.0.0.1", port: int = 0, warm: bool = True, pages: bool = True,
          ready: Callable[[str], None] = print, stop: threading.Event | None = None,
          work: Path | None = None) -> bool:
    """Serve ``sources`` until Ctrl-C (or ``stop`` is set, or the terminal closes, or SIGTERM); ``ready`` is told
    the URL once listening. ``pages`` false serves the builds and findings without page images; ``work`` is the
    private folder (default: a new temporary one, removed at the end). Returns whether LibreOffice is gone."""
    work = Path(tempfile.mkdtemp(prefix="cddraft-serve-", dir=work))
    closed = True
    try:
        site = Site(sources, work, warm=warm, pages=pages)
        stop = stop or threading.Event()
        server = _listening(site, host, port)
        watcher = threading.Thread(target=_watch, args=(site, stop), daemon=True)
        watcher.start()
        runner = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
        runner.start()
        shown = f"[{host}]" if ":" in host else host
        if threading.current_thread() is threading.main_thread():
            # a `kill`, `timeout`, systemd or `docker stop` (SIGTERM), or the terminal closing (SIGHUP), stops it as
            # Ctrl-C does: LibreOffice closed, the folder removed
            for sig in (signal.SIGTERM, signal.SIGHUP):
                signal.signal(sig, lambda *_: stop.set())
        ready(f"http://{shown}:{server.server_address[1]}/")
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            closed = site.close()
            server.shutdown()
            server.server_close()
            watcher.join(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return closed
