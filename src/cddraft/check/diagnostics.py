"""How findings are ordered and written out: one sort order and one JSON form, for every command that shows them.

A rule's :class:`~cddraft.check.registry.Finding` becomes a positioned :class:`~cddraft.errors.Diagnostic` in
:mod:`cddraft.check.run`; a diagnostic that stops a file from being read (a schema error) has no code. Both are
ordered by :func:`sort_key` — file, line, column, code, message — and turned into JSON by :func:`as_json`:
``cddraft check --format json`` and the page of ``cddraft serve`` show the same objects in the same order.
This module imports nothing but :mod:`cddraft.errors`: the commands pay nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cddraft.errors import Diagnostic, SourcePos


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    """File, line, column, code, message: a diagnostic without a position comes first in its file."""
    pos = d.pos or SourcePos(0, 0)
    return (d.file, pos.line, pos.column, d.code, d.message)


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` in the one order (:func:`sort_key`)."""
    return sorted(diagnostics, key=sort_key)


def as_json(d: Diagnostic) -> dict[str, Any]:
    """The JSON object of one diagnostic: file, line, column, code (None for a schema error), severity, message."""
    return {
        "file": d.file,
        "line": d.pos.line if d.pos else None,
        "column": d.pos.column if d.pos else None,
        "code": d.code or None,
        "severity": d.severity,
        "message": d.message,
    }
