"""``cddraft serve`` stopped by real signals leaves nothing running: the terminal closing (SIGHUP to the process
group), ``timeout``/systemd/``docker stop`` (SIGTERM to the group, or to the server alone). LibreOffice runs in a
session of its own (it must survive a Ctrl-C mid-conversion), so the preview must stop it itself."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import require_libreoffice
from tests.e2e.test_serve_browser import OUTLINE, _lo_processes


def _started(tmp_path) -> tuple[subprocess.Popen, set[int]]:
    """A preview server in a process group of its own, once its LibreOffice has drawn the pages."""
    outline = tmp_path / "report.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    before = _lo_processes()
    proc = subprocess.Popen([sys.executable, "-m", "cddraft.cli", "serve", str(outline)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    url = proc.stdout.readline().strip()
    for _ in range(600):
        if json.load(urllib.request.urlopen(url + "o/0/state"))["pages"]:
            break
        time.sleep(0.1)
    running = _lo_processes() - before
    assert running, "the server keeps a LibreOffice running"
    return proc, running


@pytest.mark.parametrize(("sig", "group"), [(signal.SIGHUP, True), (signal.SIGTERM, True), (signal.SIGTERM, False)])
def test_a_signal_to_the_server_or_its_group_leaves_no_libreoffice_running(tmp_path, sig, group):
    require_libreoffice()
    proc, running = _started(tmp_path)
    with proc:  # its pipes closed at the end
        try:
            if group:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
            proc.wait(timeout=90)
            for _ in range(40):  # LibreOffice takes a moment to end
                if not running & _lo_processes():
                    break
                time.sleep(0.25)
            assert not (running & _lo_processes()), f"LibreOffice left running after {sig.name}"
            said = proc.stderr.read()
            if "stopped" in said:
                assert "LibreOffice closed" in said, said
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            for pid in running & _lo_processes():
                os.kill(pid, signal.SIGKILL)
