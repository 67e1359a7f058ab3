"""Atomic writes: a build stopped at any point leaves the previous output whole, and no debris."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cddraft import write
from cddraft.errors import CddraftError
from cddraft.write import write_atomic
from tests.conftest import run_cli

OLD = b"the previous output"
NEW = b"the new output" * 1000


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def target(tmp_path) -> Path:
    path = tmp_path / "out" / "doc.docx"
    path.parent.mkdir()
    path.write_bytes(OLD)
    return path


def test_a_write_replaces_the_file_whole(target):
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert _files(target.parent) == ["doc.docx"]


def _interrupt(*_args, **_kwargs):
    raise KeyboardInterrupt


# Every call write_atomic makes after the temporary file exists: stopping at any of them must
# leave the old file and remove the temporary one.
STEPS = ["os.fchmod", "os.fsync", "os.replace", "os.fdopen"]


@pytest.mark.parametrize("step", STEPS)
def test_an_interruption_at_any_step_keeps_the_previous_file(target, monkeypatch, step):
    monkeypatch.setattr(f"cddraft.write.{step}", _interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert _files(target.parent) == ["doc.docx"], "the temporary file is removed"


def test_an_interruption_while_writing_the_bytes_keeps_the_previous_file(target, monkeypatch):
    real_fdopen = os.fdopen

    class Half:
        """A file object that writes half the data, then is interrupted."""

        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise KeyboardInterrupt

        def fileno(self):
            return self.fh.fileno()

    monkeypatch.setattr("cddraft.write.os.fdopen", lambda fd, mode: Half(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert _files(target.parent) == ["doc.docx"]


def test_a_full_disk_is_an_error_with_nothing_changed(target, monkeypatch):
    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cddraft.write.os.fsync", full)
    with pytest.raises(CddraftError) as info:
        write_atomic(target, NEW)
    (d,) = info.value.diagnostics
    assert d.format() == (f"{target}: cannot write the file: No space left on device; nothing was changed "
                          "(check the free space and permissions)")
    assert target.read_bytes() == OLD
    assert _files(target.parent) == ["doc.docx"]


def test_a_folder_in_the_way_is_an_error(tmp_path):
    (tmp_path / "doc.docx").mkdir()
    with pytest.raises(CddraftError, match="a folder has this name; rename it"):
        write_atomic(tmp_path / "doc.docx", NEW)
    assert _files(tmp_path / "doc.docx") == []


def test_an_output_folder_that_is_a_file_is_an_error(tmp_path):
    (tmp_path / "out").write_bytes(OLD)
    with pytest.raises(CddraftError, match="cannot write here"):
        write_atomic(tmp_path / "out" / "doc.docx", NEW)
    assert (tmp_path / "out").read_bytes() == OLD


def test_a_file_open_in_word_is_not_overwritten(target):
    (target.parent / "~$doc.docx").write_bytes(b"owner")
    with pytest.raises(CddraftError, match="open in Word or LibreOffice; close it"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_permissions_of_the_previous_file_are_kept(target):
    target.chmod(0o640)
    write_atomic(target, NEW)
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_cli_build_interrupted_at_the_rename_keeps_the_previous_output(tmp_path, monkeypatch):
    from tests.test_malformed import LETTER

    outline = tmp_path / "o.yaml"
    outline.write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("build", str(outline), "-o", str(out)).exit_code == 0
    before = (out / "o.docx").read_bytes()
    outline.write_text(LETTER.replace("Htin Lynn", "Someone Else"), encoding="utf-8")
    monkeypatch.setattr("cddraft.write.os.replace", _interrupt)  # Ctrl-C at the last moment
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 1 and "Aborted!" in result.output
    assert (out / "o.docx").read_bytes() == before
    assert _files(out) == ["o.docx"]


# A real kill: the child builds a large document and stops itself just before the rename (after the
# data is written and synced, the latest point where a kill could do harm); the parent kills it with
# SIGKILL, which no handler can catch, so nothing of cddraft's can clean up.
_CHILD = textwrap.dedent("""
    import os, sys, time
    import cddraft.write as w
    ready = sys.argv[1]
    def stop_before_rename(src, dst):
        open(ready, "w").close()
        time.sleep(60)
    w.os.replace = stop_before_rename
    from cddraft.cli import main
    main(sys.argv[2:])
""")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_build_killed_while_writing_leaves_the_previous_output(tmp_path):
    from tests.test_malformed import REPORT

    outline = tmp_path / "big.yaml"
    outline.write_text(REPORT + "".join(f"    - Paragraph {i} of a long report, with some words in it.\n"
                                        for i in range(3000)), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "big.docx").write_bytes(OLD)
    ready = tmp_path / "ready"
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(ready), "build", str(outline), "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child never reached the write"
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert (out / "big.docx").read_bytes() == OLD, "the previous output is intact"
    (leftover,) = (p for p in out.iterdir() if p.name != "big.docx")
    assert leftover.name.startswith(".big.docx.") and leftover.name.endswith(".tmp")
    assert leftover.read_bytes()[:2] == b"PK", "the killed build had written its data"

    # The next build removes the debris of a writer that is gone at once; it keeps a temporary file whose writer
    # may be alive (another process on this host, or any on another host) until it is clearly stale.
    alive = out / f".big.docx.{write._HOST}-{os.getppid()}.abcd.tmp"  # a process that exists: this test's parent
    elsewhere = out / f".big.docx.otherhost-{child.pid}.abcd.tmp"  # the dead child's id, but on another host
    for young in (alive, elsewhere):
        young.write_bytes(b"a build in progress")
    result = run_cli("build", str(outline), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert _files(out) == sorted([alive.name, elsewhere.name, "big.docx"]), "the killed build's file is gone"
    assert (out / "big.docx").read_bytes()[:2] == b"PK"
    old = time.time() - write.STALE_SECONDS - 60
    os.utime(elsewhere, (old, old))
    assert run_cli("build", str(outline), "-o", str(out)).exit_code == 0
    assert _files(out) == sorted([alive.name, "big.docx"]), "another host's, once clearly stale"
