"""Readers: a source file → the one document tree every later stage reads.

Each reader is one module exporting one function; :data:`READERS` maps a format name to it (as
``"module:function"``, imported on first use, so that a command pays only for the reader it uses).
Adding a reader is adding a module and a line here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

#: Format name → the reader, ``path → (source, document)``; the source positions diagnostics in the file.
READERS: dict[str, str] = {
    "outline": "cddraft.readers.outline:read_outline",
}
#: File suffix → format name.
SUFFIXES: dict[str, str] = {".yaml": "outline", ".yml": "outline"}


def reader(name: str) -> Callable[[str | Path], Any]:
    """The reader of format ``name``."""
    module, _, function = READERS[name].partition(":")
    return getattr(import_module(module), function)
