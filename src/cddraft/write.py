"""Stage 5: write a file whole or not at all (temporary file in the target folder, fsync, rename)."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import tempfile
import time
from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic

#: A temporary file older than this was left by a build that was killed (SIGKILL, power loss); a live build
#: writes one in well under a minute, so it is removed on the next write. A temporary file whose writer (named
#: in it: host and process) is known to be gone is removed at once.
STALE_SECONDS = 3600
_HOST = re.sub(r"[^\w-]", "_", socket.gethostname())[:40] or "host"


def file_identity(path: Path) -> str:
    """Identity of a file (an input or an output): two paths with one identity are one file. Case is ignored so
    that two outputs that would overwrite each other on Windows or macOS clash here too; a path that cannot be
    resolved (a symbolic link that loops) is taken as written, and reading or writing it says what is wrong."""
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" (Python before 3.13)
        resolved = os.path.abspath(path)
    return os.path.normcase(resolved).casefold()


def locked(path: Path) -> bool:
    """Word keeps ``~$name.docx`` beside a file it has open; LibreOffice ``.~lock.name#``."""
    names = (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#")
    return any((path.parent / n).exists() for n in names)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _owner_prefix(path: Path) -> str:
    """``.NAME.HOST-PID.``: the temporary file says who writes it, so a later build can tell a dead writer's."""
    return f"{_temp_prefix(path)}{_HOST}-{os.getpid()}."


def _writer_gone(leftover: Path, path: Path) -> bool:
    """Whether the process that made ``leftover`` has ended: it ran on this host and no such process exists.

    Only on POSIX, where signal 0 asks whether a process exists without touching it; a reused process id
    reads as alive, and the file is then left to the age rule.
    """
    m = re.match(r"(?P<host>[\w-]+)-(?P<pid>\d+)\.", leftover.name[len(_temp_prefix(path)):])
    if os.name != "posix" or m is None or m.group("host") != _HOST or int(m.group("pid")) == os.getpid():
        return False
    try:
        os.kill(int(m.group("pid")), 0)
    except ProcessLookupError:
        return True
    except OSError:  # PermissionError: it exists, as another user's
        return False
    return False


def _remove_stale(path: Path) -> None:
    """Delete temporary files of ``path`` that an earlier, killed build left behind: at once when their writer
    is known to be gone, after :data:`STALE_SECONDS` otherwise (another host's, or one we cannot tell)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f"{_temp_prefix(path)}*.tmp"):
            with contextlib.suppress(OSError):
                if _writer_gone(leftover, path) or now - leftover.lstat().st_mtime > STALE_SECONDS:
                    leftover.unlink()


def _refuse(path: Path, inputs: list[Path]) -> None:
    """Refuse a target that cannot or must not be replaced: a file open in Word, a folder, or an input of the
    command (``diff old.yaml new.yaml -o old.yaml`` would turn the outline into a .docx)."""
    if any(file_identity(path) == file_identity(Path(i)) for i in inputs):
        raise CddraftError([Diagnostic("this is an input of the command, which would be replaced by its output; "
                                       "choose another output name (-o)", file=str(path))])
    if locked(path):
        raise CddraftError(
            [Diagnostic("the file is open in Word or LibreOffice; close it and build again", file=str(path))]
        )
    if path.is_dir():
        raise CddraftError([Diagnostic("a folder has this name; rename it or choose another output name",
                                       file=str(path))])


def _stage(path: Path, data: bytes) -> str:
    """``data`` written whole and synced to a temporary file beside ``path``; its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=_owner_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot write here: {exc.strerror}", file=str(path))]) from None
    fh = None
    try:
        fh = os.fdopen(fd, "wb")
        with fh:
            umask = os.umask(0)
            os.umask(umask)
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:  # including KeyboardInterrupt: never leave the temporary file
        if fh is None:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise CddraftError(
                [Diagnostic(f"cannot write the file: {exc.strerror or exc}; nothing was changed (check the free "
                            "space and permissions)", file=str(path))]
            ) from None
        raise
    return tmp


def write_all(outputs: list[tuple[Path, bytes]], inputs: list[Path] | tuple[Path, ...] = ()) -> None:
    """Replace every output file, or none: each is checked (not an input, not open in Word, not a folder) and
    written whole to a temporary file first; only then are they renamed into place, one after the other, so an
    error (a file open in Word, a full disk) changes nothing and an interruption leaves at most a moment's gap."""
    paths = [Path(p) for p, _ in outputs]
    for path in paths:
        _refuse(path, list(inputs))
    staged: list[tuple[str, Path]] = []
    try:
        for path, (_, data) in zip(paths, outputs, strict=True):
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    for path in paths:
        _remove_stale(path)


def write_atomic(path: Path, data: bytes, inputs: list[Path] | tuple[Path, ...] = ()) -> None:
    """Replace ``path`` with ``data`` atomically; an interruption leaves the old file intact. A path that is one
    of the command's ``inputs`` is refused."""
    write_all([(Path(path), data)], inputs)
