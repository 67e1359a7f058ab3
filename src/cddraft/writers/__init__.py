"""Writers: the localised document → the bytes of one output format.

Each writer is one module exporting one function ``(localised, options) → bytes``; :data:`WRITERS`
maps a format name to it (as ``"module:function"``, imported on first use). Adding a writer is
adding a module and a line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from cddraft.localise.types import Localised


@dataclass(frozen=True)
class WriterOptions:
    """What a writer may be told besides the document: the Word template (layout only)."""

    template: Path | None = None


#: Format name → writer.
WRITERS: dict[str, str] = {
    "docx": "cddraft.writers.docx:write_docx",
    "akn": "cddraft.writers.akn:write_akn",
}


def writer(name: str) -> Callable[[Localised, WriterOptions], bytes]:
    """The writer of format ``name``."""
    module, _, function = WRITERS[name].partition(":")
    return getattr(import_module(module), function)
