"""Commented starter outlines for ``cddraft new`` (kept as YAML files under ``scaffolds/``).

The text is English; what a language's conventions demand of the outline itself is filled in, so
that the scaffold builds and checks clean in every language: the grammar-dependent title phrases
(Russian, Arabic) and the footnote call before the punctuation (French, Spanish: conventions
``text.footnote_call``).
"""

from __future__ import annotations

import re
from importlib import resources

from cddraft.conventions import load_conventions

_CALL_AFTER_STOP = re.compile(r"([.,;:])(\^\[[^\]]*\])")


def scaffold(kind: str, language: str = "en") -> str:
    """The starter outline of ``kind`` with ``language`` filled in; it builds as it is."""
    text = resources.files("cddraft.scaffolds").joinpath(f"{kind}.yaml").read_text("utf-8")
    text = text.replace("{language}", language)
    conv = load_conventions(language)
    if "transmitting" in conv.letter.required_phrases:
        clause = conv.letter.transmitting.replace('"', '\\"')
        text = re.sub(
            r"^(  transmits: .*)$",
            lambda m: m.group(1) + "\n  phrases:                   # grammar is not guessed: write this clause in "
            f"{language}\n    transmitting: \"{clause}\"",
            text, count=1, flags=re.M)
    if conv.text.footnote_call == "before_punctuation":
        text = _CALL_AFTER_STOP.sub(r"\2\1", text)
    return text
