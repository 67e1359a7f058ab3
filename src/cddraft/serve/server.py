"""The local web server of ``cddraft serve``: the standard library's threading HTTP server, on loopback.

Routes: ``/`` (the first outline), ``/o/N/`` (its page), ``/o/N/state`` (JSON), ``/o/N/file/NAME`` (a file the
build wrote, by its registered name), ``/events`` (server-sent events: one line per build state), and
``/explain/CODE`` (a rule's documentation). Anything else is 404. Nothing is read from a path a request names.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import queue
import re
import socket
import sys
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
    allowed_hosts: frozenset[str] = frozenset({"127.0.0.1", "localhost", "::1"})  # the names it answers to
    any_address: bool = False  # bound to every address (0.0.0.0, ::): any address given as numbers is its own
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
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser went away mid-file
            self.wfile.write(body)

    def _host_allowed(self) -> bool:
        """Whether the request names this server as it was started (its address, or localhost): a page on
        another site that rebinds its own name to 127.0.0.1 (DNS rebinding) is refused, as Jupyter, Vite and
        webpack-dev-server refuse it. An address given as numbers cannot be rebound and is taken."""
        header = (self.headers.get("Host") or "").strip().lower()
        if header.startswith("["):  # [::1]:8000
            name = header[1:].partition("]")[0]
        elif header.count(":") == 1:  # 127.0.0.1:8000, localhost:8000
            name = header.partition(":")[0]
        else:
            name = header
        if name in self.allowed_hosts:
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return self.any_address

    def do_GET(self) -> None:
        if not self._host_allowed():
            self._send(HTTPStatus.FORBIDDEN, b"this server answers requests for its own address only")
            return
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


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that disconnects mid-answer is no error; anything else is reported as the standard library
        reports it."""
        if isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
            return
        super().handle_error(request, client_address)


class _Server6(_Server):
    address_family = socket.AF_INET6


def make_server(site: Site, host: str, port: int) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0: a free one) serving ``site``, answering for ``host``."""
    allowed = {"127.0.0.1", "localhost", "::1", host.strip("[]").lower()}
    wildcard = host in ("0.0.0.0", "::", "")
    handler = type("SiteHandler", (Handler,), {"site": site, "allowed_hosts": frozenset(allowed),
                                               "any_address": wildcard})
    server_class = _Server6 if ":" in host else _Server
    return server_class((host, port), handler)
