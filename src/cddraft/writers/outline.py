"""Outlines written as YAML text a person reads, edits and builds: the outline of an imported Word file
(:func:`outline_text`, ``cddraft import``) and a corrigendum's (:func:`corrigendum_outline`, ``cddraft
corrigendum``).

The outline is written as text, not dumped: comments say where it came from and what to check, and the keys
stand in the order the hand-written form uses (docs/outline.md). Every value is one YAML scalar written by
:func:`scalar` (by hand, for speed: plain where YAML reads it back unchanged, else double-quoted), so no text of
the document can break the file or be read as anything but text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from cddraft.model.document import Document
from cddraft.model.inline import escape

#: Characters a YAML double-quoted scalar must not hold as they are (non-printable, line breaks, the BOM).
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")
#: A plain scalar YAML reads back as the same string: no indicator first, no ": " or " #", nothing to resolve
#: (YAML 1.1 booleans, nulls, numbers, dates), no blank at the ends.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` \t0123456789+.~<=")
_RESOLVED = re.compile(r"(?i)y|n|yes|no|true|false|on|off|null")


def scalar(value: str) -> str:
    """One YAML scalar on one line: plain where YAML reads it back as the same string, double-quoted otherwise
    (a JSON string, which YAML reads as one, with what YAML would take as a line break or cannot print escaped).

    Written by hand, not by PyYAML's emitter: the import of a 4,000-paragraph report writes some 5,000 values,
    and the emitter took 1.7 s of it (bench/importing.py); the property tests read every form back with PyYAML.
    """
    if (value and value[0] not in _INDICATORS and not value.endswith((" ", ":")) and ": " not in value
            and " #" not in value and not _UNSAFE.search(value) and not _RESOLVED.fullmatch(value)):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000
                            else f"\\U{ord(m.group()):08x}", quoted)


def corrigendum_outline(old: Document, title: str, corrections: list[dict[str, str]], *, number: int,
                        date: dt.date, sources: tuple[str, str]) -> str:
    """The outline of corrigendum ``number`` to ``old`` (its printed ``title``), listing ``corrections``."""
    originals = old.originals
    lines = [
        f"# Corrigendum {number} to {old.symbol}: the changes from {sources[0]} to {sources[1]}, written by",
        "# `cddraft corrigendum`. Check each place and quotation against the document as issued, edit as",
        "# needed, then build with `cddraft build`.",
        "kind: corrigendum",
        f"symbol: {scalar(f'{old.symbol}/Corr.{number}')}",
        f"language: {old.language}",
        "original_language: " + (originals[0] if len(originals) == 1 else f"[{', '.join(originals)}]"),
        f"date: {date.isoformat()}",
        "# job_number: GE.yy-nnnnn   # given by the secretariat for the corrigendum",
    ]
    if old.distribution is not None:
        lines.append(f"distribution: {old.distribution}")
    if old.body is not None:
        lines.append(f"body: {scalar(str(old.body))}")
    if old.united_nations is not None:
        lines.append(f"united_nations: {str(old.united_nations).lower()}")
    lines += ["", "corrigendum:", f"  corrects: {scalar(escape(title) or old.symbol)}", "  corrections:"]
    for correction in corrections:
        first = True
        for key, value in correction.items():
            lines.append(f"    {'- ' if first else '  '}{key}: {scalar(value)}")
            first = False
    return "\n".join(lines) + "\n"


#: Characters a plain scalar may not hold inside a flow collection (``[a, b]``, ``{text: a}``): the flow
#: indicators, and ``:`` and ``?``, which PyYAML's scanner takes to end a plain scalar there.
_FLOW_INDICATORS = re.compile(r"[,\[\]{}:?]")
#: The longest line a table's row is written on as one flow sequence; a longer row is written a cell a line.
_FLOW_WIDTH = 116


def _flow_scalar(value: Any) -> str:
    """A scalar inside a flow collection: as :func:`_scalar`, quoted also where a flow indicator would end it."""
    written = _scalar(value)
    if isinstance(value, str) and written == value and _FLOW_INDICATORS.search(value):
        return json.dumps(value, ensure_ascii=False)
    return written


def _flow(value: Any) -> str:
    """``value`` as one flow collection: ``[African Group, "12", "14"]``, ``{text: Years, span: 2}``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _flow_scalar(value)


def _is_row(value: Any) -> bool:
    return isinstance(value, list) or (isinstance(value, dict) and "cells" in value)


def _table_rows(key: str, rows: list[Any], indent: int, note: str) -> list[str]:
    """A table's ``head``, ``rows`` or ``columns``: a row a line where it fits, as a person writes them."""
    pad = " " * indent
    if key == "columns" or (key == "head" and not any(_is_row(r) for r in rows)):
        line = f"{pad}{key}: {_flow(rows)}{note}"
        if len(line) <= _FLOW_WIDTH + indent:
            return [line]
        return [f"{pad}{key}:{note}", *_lines(rows, indent + 2, {}, "")]
    out = [f"{pad}{key}:{note}"]
    for row in rows:
        line = f"{pad}  - {_flow(row)}"
        out.extend([line] if len(line) <= _FLOW_WIDTH + indent else _lines([row], indent + 2, {}, ""))
    return out


def _lines(value: Any, indent: int, comments: dict[str, str], key_path: str) -> list[str]:
    """Block-style YAML for ``value`` at ``indent`` spaces (mappings and lists; scalars by :func:`scalar`); a table
    block's rows in flow style (:func:`_table_rows`)."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        table = "table" in value and "rows" in value
        for key, item in value.items():
            note = f"  # {comments[key_path + key]}" if key_path + key in comments else ""
            if table and key in ("head", "rows", "columns") and isinstance(item, list) and item:
                out.extend(_table_rows(key, item, indent, note))
            elif isinstance(item, dict | list) and item:
                out.append(f"{pad}{key}:{note}")
                out.extend(_lines(item, indent + 2, comments, f"{key_path}{key}."))
            else:
                out.append(f"{pad}{key}: {_scalar(item)}{note}")
    else:
        for item in value:
            if isinstance(item, dict | list) and item:
                inner = _lines(item, indent + 2, comments, key_path)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{pad}- {_scalar(item)}")
    return out


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict | list):
        return "{}" if isinstance(value, dict) else "[]"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return scalar(str(value))


def outline_text(data: dict[str, Any], header: list[str], comments: dict[str, str] | None = None) -> str:
    """An outline's YAML for ``data`` (in its key order), ``header`` as comment lines on top and ``comments``
    after the keys they name (``"letter.date"``)."""
    lines = [f"# {line}" if line else "#" for line in header]
    return "\n".join([*lines, *_lines(data, 0, comments or {}, "")]) + "\n"
