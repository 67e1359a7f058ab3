"""The user's cache folder for what cddraft works out once and keeps between runs (a LibreOffice profile, the
starter outlines' texts, the six languages' validated conventions): ``$XDG_CACHE_HOME/cddraft`` or
``~/.cache/cddraft``.

A cache is only ever a shortcut: anything that cannot be read or written there is worked out again, and a file is
written whole (beside, then renamed into place) so that two runs at once never read half of one. A kept file is
named by a digest of everything it follows from (:func:`source_digest`), so a changed source is never served
stale: it is another name."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def cache_dir() -> Path | None:
    """The folder (not created), or None where there is no home to put it in."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder
        return None
    return base / "cddraft"


def read_json(name: str) -> Any | None:
    """The data kept as ``name``, or None when there is none that reads."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, data: Any, replacing: str | None = None) -> None:
    """Keep ``data`` as ``name``; nowhere to write is no error. ``replacing``: a glob naming the files this one
    takes the place of (those made from older sources), removed."""
    _write(name, json.dumps(data, ensure_ascii=False).encode("utf-8"), replacing)


def read_bytes(name: str) -> bytes | None:
    """The bytes kept as ``name``, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_bytes(name: str, content: bytes, replacing: str | None = None) -> None:
    """Keep ``content`` as ``name`` (``replacing``: as :func:`write_json`)."""
    _write(name, content, replacing)


def read_pickle(name: str) -> Any | None:
    """The objects kept as ``name`` by :func:`write_pickle`, or None when there are none that read.

    Pickle, because what is kept is a tree of validated model objects that JSON would have to validate again (the
    cost the cache saves); the file is one this user's cddraft wrote in this user's own folder."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return pickle.loads((folder / name).read_bytes())
    except Exception:  # unreadable, truncated, or made by code that is gone: worked out again
        return None


def write_pickle(name: str, data: Any, replacing: str | None = None) -> None:
    """Keep ``data`` as ``name`` (``replacing``: as :func:`write_json`)."""
    _write(name, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), replacing)


def _write(name: str, content: bytes, replacing: str | None) -> None:
    folder = cache_dir()
    if folder is None:
        return
    staging = folder / f"{name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging.write_bytes(content)
        os.replace(staging, folder / name)
    except OSError:
        with contextlib.suppress(OSError):  # never made, or made where no file can be
            staging.unlink()
        return
    for old in folder.glob(replacing) if replacing else ():
        if old.name != name:
            with contextlib.suppress(OSError):  # another run's, removed first
                old.unlink()


def source_digest(sources: Iterable[tuple[str, str]], *more: str) -> str:
    """A digest of cddraft's and Python's versions, the files ``(package, glob pattern)`` name (a few files read: a
    millisecond) and ``more`` (a library's version): what a kept result is named by, so that a change to any is
    another name."""
    import sys
    from importlib import resources

    from cddraft import __version__

    digest = hashlib.sha256("\0".join((__version__, sys.version, *more)).encode())
    for package, pattern in sources:
        folder = Path(str(resources.files(package)))
        for path in sorted(folder.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
