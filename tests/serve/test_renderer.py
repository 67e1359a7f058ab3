"""The preview's LibreOffice stays running between conversions and is started again when it dies: a page image
is drawn before and after its soffice is killed (read back with Pillow)."""

from __future__ import annotations

import os
import signal
import subprocess

from cddraft.pipeline import build
from cddraft.serve.renderer import Renderer
from tests.conftest import EXAMPLES, require_libreoffice


def test_a_dead_libreoffice_is_started_again(tmp_path):
    require_libreoffice()
    from tests.e2e.test_diff import require_uno

    require_uno()
    from PIL import Image

    docx = build(EXAMPLES["cd-report-en"]).docx
    renderer = Renderer(tmp_path)
    try:
        first = renderer.pages(docx, tmp_path / "a", "doc")
        worker = renderer.worker_pid
        assert worker is not None, "kept running"
        children = subprocess.run(["pgrep", "-P", str(worker)], capture_output=True, text=True).stdout.split()
        assert children, "the worker runs LibreOffice"
        for pid in children:
            os.killpg(int(pid), signal.SIGKILL)
        second = renderer.pages(docx, tmp_path / "b", "doc")
    finally:
        renderer.close()
    assert len(first) == len(second) >= 2
    with Image.open(second[0]) as after, Image.open(first[0]) as before:
        assert after.size == before.size
