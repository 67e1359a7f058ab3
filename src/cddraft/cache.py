"""The user's cache folder for what cddraft works out once and keeps between runs (a LibreOffice profile, the
starter outlines' texts): ``$XDG_CACHE_HOME/cddraft`` or ``~/.cache/cddraft``.

A cache is only ever a shortcut: anything that cannot be read or written there is worked out again, and a file is
written whole (beside, then renamed into place) so that two runs at once never read half of one."""

from __future__ import annotations

import contextlib
import json
import os
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


def write_json(name: str, data: Any) -> None:
    """Keep ``data`` as ``name``; nowhere to write is no error."""
    folder = cache_dir()
    if folder is None:
        return
    staging = folder / f"{name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(staging, folder / name)
    except OSError:
        with contextlib.suppress(OSError):  # never made, or made where no file can be
            staging.unlink()
