"""Reading back what the conventions write: a text matched against a template of the conventions data (the
title formula, "Original: {language}", "[Original: {language}]", the request for circulation), and language
names back to their codes."""

from __future__ import annotations

import re

from cddraft.conventions import Conventions, load_conventions
from cddraft.languages import LANGUAGES


def match(template: str, text: str, **patterns: str) -> dict[str, str] | None:
    """The fields of ``template`` (``{name}``) as they stand in ``text``, or None when it does not fit. A field
    matches ``patterns[name]`` if given, else any text (as little as possible, the last field as much)."""
    out, names = [], []
    for piece in re.split(r"(\{\w+\})", template):
        if re.fullmatch(r"\{\w+\}", piece):
            name = piece[1:-1]
            names.append(name)
            out.append(f"(?P<{name}>{patterns.get(name, '.+?')})")
        else:
            out.append(re.escape(piece))
    m = re.fullmatch("".join(out), text, re.S)
    return {n: m.group(n) for n in names} if m else None


def language_code(tag: str | None) -> str | None:
    """cddraft's code for a language tag (``zh-CN`` → ``zh``, ``en-GB`` → ``en``)."""
    if not tag:
        return None
    head = tag.replace("_", "-").split("-")[0].lower()
    return head if head in LANGUAGES else None


def language_codes(text: str, names: dict[str, str], conjunction: str) -> tuple[str, ...] | None:
    """``English and French`` → ``("en", "fr")`` in the order written; None when a name is not known."""
    by_name = {name.lower(): code for code, name in names.items()}
    pieces = re.split(re.escape(conjunction) + "|, ", text.strip())
    codes = tuple(code for p in pieces if (code := by_name.get(p.strip().lower())) is not None)
    return codes if codes and len(codes) == len(pieces) else None


def conventions(code: str) -> Conventions:
    return load_conventions(code)
