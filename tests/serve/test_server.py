"""The preview server is safe by default: it listens on loopback only (another address only when asked, with a
warning), serves only the files it wrote — a request naming anything else (``..``, encoded slashes, an absolute
path, a file replaced by a symbolic link) gets 404 — and two servers on one outline keep their files apart."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from cddraft.serve import is_loopback, serve
from tests.conftest import MINIMAL_REPORT, run_cli


@pytest.fixture
def running(tmp_path):
    """A server on a report, in this process, without page images (no LibreOffice needed)."""
    outline = tmp_path / "report.yaml"
    outline.write_text(MINIMAL_REPORT, encoding="utf-8")
    stop, url = threading.Event(), []
    work = tmp_path / "work"
    work.mkdir()
    thread = threading.Thread(target=serve, args=([outline],), daemon=True, kwargs={
        "pages": False, "ready": url.append, "stop": stop, "work": work})
    thread.start()
    for _ in range(200):
        if url and _state(url[0])["state"] == "ready":
            break
        threading.Event().wait(0.05)
    yield url[0], work
    stop.set()
    thread.join(timeout=30)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""


def _state(url: str, n: int = 0) -> dict:
    return json.loads(_get(f"{url}o/{n}/state")[1] or b"{}")


def test_it_listens_on_loopback_and_serves_the_built_file(running):
    url, _ = running
    assert url.startswith("http://127.0.0.1:")
    state = _state(url)
    status, body = _get(f"{url}o/0/file/{state['docx']}")
    assert status == 200 and body[:2] == b"PK"


def test_a_rules_explanation_is_html_not_raw_restructuredtext(running):
    """The page shows a rule's explanation as HTML: literal text in <code>, the example in <pre>; no ``..``
    or ``Example::`` of the docstring's markup is left, and its text is escaped."""
    from html.parser import HTMLParser

    url, _ = running
    status, body = _get(f"{url}explain/CD507")
    page = body.decode()
    assert status == 200 and "<pre>" in page and "<code>&quot;</code>" in page, page
    assert "``" not in page and "::" not in page, page
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Tags().feed(page)
    assert set(tags) <= {"p", "strong", "br", "code", "pre"} and "pre" in tags, tags
    assert "&quot;" in page or '"' not in page.split("<pre>")[1], "the example's text is escaped"


@pytest.mark.parametrize("path", [
    "o/0/file/../../../../etc/passwd", "o/0/file/..%2f..%2fetc%2fpasswd", "o/0/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "o/0/file//etc/passwd", "o/0/file/%2Fetc%2Fpasswd", "..%2f..%2fetc/passwd", "o/0/../../etc/passwd",
    "o/0/file/report.yaml", "o/0/file/v1", "o/9/state", "o/0/file/v1.docx%00.png", "etc/passwd",
    "o/0/file/..\\..\\etc\\passwd", "explain/..%2f..%2fetc%2fpasswd",
])
def test_anything_but_a_file_it_wrote_is_not_found(running, path):
    url, _ = running
    assert _get(url + path)[0] == 404


def test_a_file_replaced_by_a_symbolic_link_is_not_served(running, tmp_path):
    url, work = running
    state = _state(url)
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the browser", encoding="utf-8")
    (target,) = work.glob("cddraft-serve-*/o0/v*/doc.docx")  # the file the server wrote, in its own folder
    target.unlink()
    target.symlink_to(secret)
    assert _get(f"{url}o/0/file/{state['docx']}")[0] == 404


def test_an_address_beyond_this_machine_is_only_taken_when_asked_with_a_warning(monkeypatch):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    seen = {}

    def fake_serve(sources, *, host, port, ready, **_):
        seen["host"] = host

    monkeypatch.setattr("cddraft.serve.serve", fake_serve)
    from tests.conftest import EXAMPLES

    default = run_cli("serve", str(EXAMPLES["cd-report-en"]))
    assert seen["host"] == "127.0.0.1" and "warning" not in default.output
    wide = run_cli("serve", str(EXAMPLES["cd-report-en"]), "--host", "0.0.0.0")
    assert seen["host"] == "0.0.0.0" and "warning: listening on 0.0.0.0" in wide.output


def test_two_servers_on_one_outline_keep_their_files_apart(tmp_path):
    outline = tmp_path / "report.yaml"
    outline.write_text(MINIMAL_REPORT, encoding="utf-8")
    stops, urls, threads = [], [], []
    for _ in range(2):
        stop, url = threading.Event(), []
        thread = threading.Thread(target=serve, args=([outline],), kwargs={"pages": False, "ready": url.append,
                                                                            "stop": stop}, daemon=True)
        thread.start()
        stops.append(stop)
        urls.append(url)
        threads.append(thread)
    for _ in range(200):
        if all(u and _state(u[0]).get("state") == "ready" for u in urls):
            break
        threading.Event().wait(0.05)
    a, b = urls[0][0], urls[1][0]
    assert a != b
    docs = [_get(f"{u}o/0/file/{_state(u)['docx']}")[1] for u in (a, b)]
    assert docs[0][:2] == docs[1][:2] == b"PK"
    for stop, thread in zip(stops, threads, strict=True):
        stop.set()
        thread.join(timeout=30)


def _raw_get(url: str, host: str) -> int:
    """The status of a GET of ``url`` sent with the ``Host:`` header ``host`` (as a rebinding page's would be)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.putrequest("GET", "/o/0/state", skip_host=True)
    conn.putheader("Host", host)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


def test_a_request_for_another_host_name_is_refused(running):
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 must not read the drafts."""
    url, _ = running
    port = url.rstrip("/").rsplit(":", 1)[1]
    assert _raw_get(url, f"127.0.0.1:{port}") == 200
    assert _raw_get(url, f"localhost:{port}") == 200
    assert _raw_get(url, f"evil.example:{port}") == 403
    assert _raw_get(url, "evil.example") == 403
    assert _raw_get(url, "") == 403


def test_a_client_that_leaves_mid_file_prints_no_traceback(running, capsys):
    import socket
    from urllib.parse import urlsplit

    url, _ = running
    state = _state(url)
    parts = urlsplit(url)
    for _ in range(20):  # ask for the file and hang up at once, the answer still being written
        with socket.create_connection((parts.hostname, parts.port)) as s:
            s.sendall(f"GET /o/0/file/{state['docx']} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    threading.Event().wait(0.5)
    assert "Traceback" not in capsys.readouterr().err


def test_a_port_in_use_or_an_unknown_host_is_refused_with_a_message_and_nothing_left(tmp_path):
    import socket

    from cddraft.errors import CddraftError

    outline = tmp_path / "report.yaml"
    outline.write_text(MINIMAL_REPORT, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CddraftError) as exc:
            serve([outline], port=port, pages=False, work=work, ready=lambda _: None)
        assert "the port is in use" in str(exc.value.diagnostics[0].message)
    with pytest.raises(CddraftError) as exc:
        serve([outline], host="no-such-host.invalid", pages=False, work=work, ready=lambda _: None)
    assert "no such host name" in exc.value.diagnostics[0].message
    assert list(work.iterdir()) == [], "no temporary folder left behind"
