"""The lines under a UN document's masthead (§12) → the outline's session keys, read back with the very forms
of the conventions that write them (``cddraft.localise.session``): the session, the agenda item(s), whether the
agenda is provisional (and its symbol, from the footnote), the items' titles, the meeting's place and dates.

Lines that are not in these forms are left where they were (they become the document's first paragraphs): a
block is taken whole or not at all, so nothing is lost.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from cddraft.conventions import Conventions, load_conventions
from cddraft.conventions.bodies import BodyMatch
from cddraft.conventions.dates import parse_range
from cddraft.conventions.ordinals import ordinal_line, roman
from cddraft.model.inline import Footnote, Span
from cddraft.readers.word.classify import Piece
from cddraft.readers.word.forms import match
from cddraft.readers.word.resolution import sponsors_line

#: Session numbers looked for (the General Assembly's eightieth session was 2025's).
_MOST = 200


@cache
def _sessions(code: str) -> dict[str, tuple[int, bool]]:
    """Every session line of the language: its text → (number, emergency special session)."""
    conv = load_conventions(code)
    out: dict[str, tuple[int, bool]] = {}
    for n in range(1, _MOST):
        out[ordinal_line(conv.session.session, n, conv, "session")] = (n, False)
        out.setdefault(ordinal_line(conv.session.emergency_session, n, conv, "session"), (n, True))
    return out


def _symbol_session(served: BodyMatch) -> tuple[int, bool] | None:
    found = served.fields.get("session")
    if found is None or served.body.session == "none":
        return None
    if found.startswith("ES-"):
        return int(found[3:]), True
    return (roman(found), False) if found.isalpha() else (int(found), False)


def agenda_items(text: str, conv: Conventions) -> list[str] | None:
    """``37 and 38`` → ``["37", "38"]``; a sub-item as the outline writes it (``99 (kk)``)."""
    strings = conv.session
    pieces = re.split("|".join(re.escape(s) for s in {strings.separator, strings.and_} if s), text)
    out = []
    for piece in pieces:
        piece = piece.strip()
        sub = match(strings.sub_item, piece, number="[0-9]{1,3}", letter="[a-z]{1,3}")
        if sub:
            out.append(f"{sub['number']} ({sub['letter']})")
        elif re.fullmatch("[0-9]{1,3}", piece):
            out.append(piece)
        else:
            return None
    return out


def _agenda(text: str, note: str | None, conv: Conventions) -> dict[str, Any] | None:
    """The keys an agenda line gives: its item(s), and a provisional agenda or preliminary list."""
    strings = conv.session
    forms = [(name, getattr(strings, name)) for name in (
        "item", "items", "provisional_item", "provisional_items", "preliminary_item", "preliminary_items",
        "meeting_item", "meeting_items")] + [(name, form) for name, form in strings.dual.items()]
    for name, form in forms:
        fields = match(form.replace("{star}", ""), text)
        if fields is None:
            continue
        items = agenda_items(fields.get("item") or fields.get("items") or "", conv)
        if items is None:
            continue
        keys: dict[str, Any] = {"agenda_item": items if len(items) > 1 else items[0]}
        symbol = None
        if note is not None:
            found = match(strings.agenda_note, note)
            symbol = (found or {}).get("symbol", note).strip()
        if name.startswith("provisional"):
            keys["provisional_agenda"] = symbol or True
        elif name.startswith("preliminary") and symbol:
            keys["preliminary_list"] = symbol
        return keys
    return None


def _meeting(text: str, conv: Conventions) -> dict[str, Any] | None:
    fields = match(conv.session.place_dates, text)
    if fields is None:
        return None
    days = parse_range(fields["dates"], conv)
    if days is None:
        return None
    return {"place": fields["place"].strip(), "dates": sorted(set(days))}


def _text_and_note(piece: Piece) -> tuple[str, str | None]:
    text = "".join(s.text for s in piece.spans if isinstance(s, Span)).strip()
    notes = [s for s in piece.spans if isinstance(s, Footnote)]
    note = "".join(x.text for x in notes[0].content if isinstance(x, Span)).strip() if notes else None
    return text, note


def read_session(pieces: list[Piece], columns: list[list[str]] | None, conv: Conventions,
                 served: BodyMatch) -> tuple[dict[str, Any], int] | None:
    """(the outline keys, how many of ``pieces`` they took) for the lines before the title, or None when they are
    not a session block. ``columns``: the two cells of an identical letter's Assembly and Council columns."""
    # the block ends at the title, or at a draft resolution's sponsors' line above it
    count = next((i for i, p in enumerate(pieces) if p.kind == "title" or sponsors_line(p.text, conv)), None)
    if not count and not columns:
        return None
    keys: dict[str, Any] = {}
    titles: list[str] = []
    lines: list[tuple[str, str | None, bool]] = []
    if columns:  # identical letters: the Assembly's session (its name first); the Council's year is the date's
        lines.extend((line, None, False) for line in columns[0][1:] if line.strip())
    for piece in pieces[:count or 0]:
        text, note = _text_and_note(piece)
        lines.append((text, note, all(s.bold for s in piece.spans if isinstance(s, Span) and s.text.strip())))
    committee = conv.bodies[served.code].committee
    after_agenda = False
    for i, (text, note, bold) in enumerate(lines):
        session = _sessions(conv.code).get(text)
        if after_agenda and bold:
            titles.append(text)
        elif session is not None and not keys:
            if session != _symbol_session(served):
                keys["session"] = session[0]
        elif text == committee:
            continue
        elif (meeting := _meeting(text, conv)) is not None:
            keys["meeting"] = meeting
        elif (agenda := _agenda(text, note, conv)) is not None:
            keys.update(agenda)
            after_agenda = True
        elif i == 0 and len(lines) > 1 and text and not bold:  # a session named as printed ("Seventeenth Meeting")
            keys["session"] = text
        else:
            return None
    if titles:
        keys["agenda_title"] = titles if len(titles) > 1 else titles[0]
    return keys, count or 0
