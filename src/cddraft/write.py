"""Stage 5: write a file whole or not at all (temporary file in the target folder, fsync, rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic


def _locked(path: Path) -> bool:
    """Word keeps ``~$name.docx`` beside a file it has open; LibreOffice ``.~lock.name#``."""
    names = (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#")
    return any((path.parent / n).exists() for n in names)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; an interruption leaves the old file intact."""
    path = Path(path)
    if _locked(path):
        raise CddraftError(
            [Diagnostic("the file is open in Word or LibreOffice; close it and build again", file=str(path))]
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot write here: {exc.strerror}", file=str(path))]) from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
