"""The local web server of ``cddraft serve``: the standard library's threading HTTP server, on loopback.

Routes: ``/`` (the first outline), ``/o/N/`` (its page), ``/o/N/state`` (JSON), ``/o/N/file/NAME`` (a file the
build wrote, by its registered name), ``/events`` (server-sent events: one line per build state), and
``/explain/CODE`` (a rule's documentation). Anything else is 404. Nothing is read from a path a request names.
"""

from __future__ import annotations

import json
import queue
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from cddraft.serve.page import page
from cddraft.serve.site import Site

_ROUTE = re.compile(r"^/o/(\d{1,4})/(?:(state)|file/([A-Za-z0-9.-]{1,64}))?$")
_TYPES = {".png": "image/png", ".pdf": "application/pdf",
          ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class Handler(BaseHTTPRequestHandler):
    site: Site  # set on the server's handler class
    server_version = "cddraft-serve"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows builds, not every request

    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        raw = urlsplit(self.path).path
        path = unquote(raw)
        if "\\" in path or "\0" in path or ".." in path:
            self._send(HTTPStatus.NOT_FOUND, b"not found")
            return
        names = [e.source.name for e in self.site.entries]
        if path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, page(names, 0).encode(), "text/html; charset=utf-8")
        elif path == "/events":
            self._events()
        elif path.startswith("/explain/"):
            self._explain(path[len("/explain/"):])
        elif (m := _ROUTE.match(path)) is not None:
            self._outline(int(m.group(1)), m.group(2), m.group(3), names)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found")

    def _outline(self, n: int, state: str | None, name: str | None, names: list[str]) -> None:
        if n >= len(names):
            self._send(HTTPStatus.NOT_FOUND, b"not found")
        elif state:
            body = json.dumps(self.site.entries[n].public(), ensure_ascii=False).encode()
            self._send(HTTPStatus.OK, body, "application/json")
        elif name:
            found = self.site.file(n, name)
            if found is None:
                self._send(HTTPStatus.NOT_FOUND, b"not found")
            else:
                self._send(HTTPStatus.OK, found.read_bytes(), _TYPES.get(found.suffix, "application/octet-stream"))
        else:
            self._send(HTTPStatus.OK, page(names, n).encode(), "text/html; charset=utf-8")

    def _explain(self, code: str) -> None:
        from cddraft.check.explain import as_html
        from cddraft.check.registry import every_rule
        from cddraft.conventions import english_name

        found = next((r for r in every_rule() if r.code == code.upper()), None)
        if found is None:
            self._send(HTTPStatus.NOT_FOUND, b"no such rule")
        else:
            languages = ", ".join(english_name(c) for c in found.languages or ())
            self._send(HTTPStatus.OK, as_html(found, languages).encode(), "text/html; charset=utf-8")

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        q = self.site.listen()
        try:
            while True:
                try:
                    event = q.get(timeout=15)
                except queue.Empty:
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    continue
                if event.get("closing"):
                    return
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            self.site.forget(q)


def make_server(site: Site, host: str, port: int) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0: a free one) serving ``site``."""
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
