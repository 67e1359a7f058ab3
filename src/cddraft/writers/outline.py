"""A corrigendum as an outline (YAML) the officer can read, edit and build (``cddraft corrigendum``).

The outline is written as text, not dumped: comments say where it came from and what to check, and the keys
stand in the order the hand-written form uses (docs/outline.md). Every value is one YAML scalar written by
PyYAML, so no text of the document can break the file or be read as anything but text.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import yaml

from cddraft.model.document import Document
from cddraft.model.inline import escape

_BREAKS = re.compile("[\x85\u2028\u2029]")


def scalar(value: str) -> str:
    """One YAML scalar on one line: plain where YAML reads it back as the same string, quoted otherwise (and in
    double quotes, escaped, where a character would end the line: NEL, the Unicode line separators)."""
    style = '"' if _BREAKS.search(value) else None
    text = yaml.safe_dump(value, allow_unicode=True, width=math.inf, default_style=style)
    return text.removesuffix("\n...\n").rstrip("\n")


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
