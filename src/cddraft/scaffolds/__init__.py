"""Commented starter outlines for ``cddraft new`` (kept as YAML files under ``scaffolds/``).

Each reads as a document of the body it is started for (``bodies.yaml`` here: its symbol, dates, job number,
sender and addressee, what it transmits, the lines printed under its masthead); the texts are English. What a
language's conventions demand of the outline itself is filled in, so that the starter builds and checks with
warnings only (CD311, on what is left to replace) in every language: the grammar-dependent title phrases (Russian,
Arabic) and the footnote call before the punctuation (French, Spanish: conventions ``text.footnote_call``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from cddraft.conventions import load_conventions
from cddraft.conventions.bodies import bodies

_CALL_AFTER_STOP = re.compile(r"([.,;:])(\^\[[^\]]*\])")
#: The closing mark of a resolution's paragraph in a starter (a quoted list item or ``text:``).
_PARAGRAPH_END = re.compile(r'^(\s+- (?:text: )?"[^"\n]*?)([.,;:])"', re.M)
KINDS = ("letter", "note-verbale", "report", "corrigendum", "resolution", "decision")


@cache
def starter_values() -> dict[str, dict[str, Any]]:
    """Each body's starter values (``bodies.yaml`` here), read once."""
    text = resources.files("cddraft.scaffolds").joinpath("bodies.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _session_keys(values: dict[str, Any]) -> str:
    """The session keys as outline lines, with what each is."""
    session = values.get("session") or {}
    lines = []
    if "agenda_item" in session:
        lines.append(f'agenda_item: "{session["agenda_item"]}"          # the agenda item, printed under the masthead '
                     "(placeholder)")
    if "agenda_title" in session:
        lines.append(f'agenda_title: "{session["agenda_title"]}"   # the item\'s title as the agenda gives it')
    if "meeting" in session:
        m = session["meeting"]
        dates = ", ".join(d.isoformat() for d in m["dates"])
        lines.append(f"meeting: {{place: {m['place']}, dates: [{dates}]}}   # printed under the masthead "
                     "(placeholder)")
    return "".join(line + "\n" for line in lines)


def _draft_symbol(symbol: str) -> str:
    """A draft's symbol: the body's L. document of the same number where the body issues them (A/C.1/79/L.205),
    else the symbol as it is (CD, Security Council)."""
    from cddraft.conventions.bodies import body_of

    draft = re.sub(r"(?:(?:WP|INF|CRP)\.)?([0-9]+)$", r"L.\1", symbol)
    return draft if body_of(draft) is not None else symbol


def _organ(code: str, values: dict[str, Any]) -> str:
    """The ``organ:`` line of a body whose organ the conventions do not give (meetings of States parties)."""
    if code in load_conventions("en").resolution.organs:
        return ""
    return f"  organ: {values.get('organ', 'The Meeting of the States Parties')}   # the organ, as the formula opens\n"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pad(value: str, width: int = 17) -> str:
    return " " * max(width - len(value), 1)


def fill(text: str, language: str, code: str) -> str:
    """A starter's text with the values of ``code``'s documents in its placeholders."""
    body = bodies()[code]
    values = starter_values()[code]
    english = load_conventions("en")
    job = ("GE." if body.job_number == "geneva" else "") + values["job"]
    from cddraft.conventions.dates import format_date

    filled = {
        "symbol": values["symbol"], "symbol_pad": _pad(values["symbol"]),
        "draft_symbol": _draft_symbol(values["symbol"]), "draft_symbol_pad": _pad(_draft_symbol(values["symbol"])),
        "organ": _organ(code, values),
        "body": code, "body_name": english.bodies[code].name.split("\n")[0].format(year=""),
        "session": _session_keys(values), "language": language,
        "date": values["date"].isoformat(), "letter_date": values["letter_date"].isoformat(),
        "letter_date_text": " ".join(format_date(values["letter_date"], english).split()),
        "stamp": values["stamp"].isoformat(),
        "distribution": body.distribution, "distribution_pad": _pad(body.distribution, 19),
        "job_number": job, "job_pad": _pad(job, 17),
        "mission": values["mission"], "signatory": values["signatory"], "accredited": values["accredited"],
        "addressee": values["addressee"],
        "letter_addressee": english.bodies[code].addressee,
        "transmits": values["transmits"], "held": values["held"], "report_title": values["report_title"],
        "annex_title": _sentence(values["transmits"].removeprefix("the ")),
    }
    return re.sub(r"\{(\w+)\}", lambda m: filled.get(m.group(1), m.group(0)), text)


def scaffold(kind: str, language: str = "en", body: str = "CD") -> str:
    """The starter outline of ``kind`` with ``language`` filled in, for the documents of ``body`` (a code of
    :func:`cddraft.conventions.bodies.bodies`); it builds as it is."""
    text = fill(resources.files("cddraft.scaffolds").joinpath(f"{kind}.yaml").read_text("utf-8"), language, body)
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
    if kind in ("resolution", "decision"):  # each paragraph ends with the language's own mark
        r = conv.resolution
        ends = {",": r.preamble_end, ";": r.operative_end, ".": r.last_end, ":": r.chapeau_end}
        text = _PARAGRAPH_END.sub(lambda m: m.group(1) + ends[m.group(2)] + '"', text)
    return text


__all__ = ["KINDS", "scaffold", "starter_values"]
