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
from cddraft.conventions.bodies import bodies

_CALL_AFTER_STOP = re.compile(r"([.,;:])(\^\[[^\]]*\])")


def _for_body(text: str, code: str) -> str:
    """The starter outline for another body: its example symbol, its distribution, its form of job number and,
    where its letters go under an agenda item, the item (the CD's starter outline is the written one)."""
    body = bodies()[code]
    text = re.sub(r"^symbol: \S+( +)#.*$", lambda m: f"symbol: {body.example}{m.group(1)}# given by the secretariat; "
                  f"the body ({code}) is told by the symbol (placeholder)", text, count=1, flags=re.M)
    text = re.sub(r"^distribution: none( +)#.*$", lambda m: f"distribution: {body.distribution}{m.group(1)}# the "
                  "body's usual one | none | general | limited | restricted", text, count=1, flags=re.M)
    if body.job_number == "new_york":
        text = re.sub(r"^job_number: GE\.", "job_number: ", text, count=1, flags=re.M)
    if body.agenda_item:
        text = re.sub(r"^(symbol: .*)$", r"\1\nagenda_item: 99                # the agenda item the letter is "
                      "circulated under (placeholder)", text, count=1, flags=re.M)
    return text


def scaffold(kind: str, language: str = "en", body: str = "CD") -> str:
    """The starter outline of ``kind`` with ``language`` filled in, for the documents of ``body`` (a code of
    :func:`cddraft.conventions.bodies.bodies`); it builds as it is."""
    text = resources.files("cddraft.scaffolds").joinpath(f"{kind}.yaml").read_text("utf-8")
    text = text.replace("{language}", language)
    if body != "CD":
        text = _for_body(text, body)
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
