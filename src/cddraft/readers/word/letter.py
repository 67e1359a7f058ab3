"""A letter, a note verbale or a corrigendum read back: the title split by the conventions' formula (date,
sender, addressee, what it transmits), the request for circulation recognised as the standard one, the signature
blocks; a corrigendum's corrections read back into their forms."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cddraft.conventions import Conventions
from cddraft.conventions.bodies import body_of
from cddraft.conventions.dates import date_pattern, parse_date
from cddraft.model.inline import Footnote, Inline, Span, escape
from cddraft.readers.word.assemble import markup
from cddraft.readers.word.classify import Piece
from cddraft.readers.word.forms import match
from cddraft.readers.word.session import agenda_items

#: The agenda item(s) a request names: "99", "99 (kk)", "99 kk)", "37 and 38" (read as the session lines read them).
_AGENDA = r"[0-9]{1,3}.*?"


def _title_parts(title: Piece) -> tuple[str, str | None]:
    """The title's text and its footnote (the * note), as markup."""
    spans: list[Inline] = [s for s in title.spans if not isinstance(s, Footnote)]
    notes = [s for s in title.spans if isinstance(s, Footnote)]
    note = markup(list(notes[0].content)) if notes else None
    return "".join(s.text for s in spans if isinstance(s, Span)).strip(), note


def _formula(text: str, conv: Conventions, symbol: str) -> tuple[str, dict[str, Any]] | None:
    """(kind, letter keys) when the title is the conventions' formula of a letter or a note verbale."""
    served = body_of(symbol)
    for kind, formula, clause in (("letter", conv.letter.title, conv.letter.transmitting),
                                  ("note-verbale", conv.letter.note_verbale_title,
                                   conv.letter.note_verbale_transmitting)):
        prefix = clause.split("{object}")[0]
        fields = match(formula, text, transmitting=f"(?:{re.escape(prefix)}.*)?", date=date_pattern(conv))
        if fields is None:
            continue
        date = parse_date(fields["date"], conv)
        if date is None:
            continue
        keys: dict[str, Any] = {"date": date, "sender": escape(fields["sender"])}
        addressee = fields["addressee"]
        default = conv.bodies[served.code].addressee if served else None
        if addressee != default:
            for bare, contracted in conv.letter.addressee_contractions.items():
                if addressee.lower().startswith(contracted):
                    addressee = bare + addressee[len(contracted):]
            keys["addressee"] = escape(addressee)
        if fields["transmitting"]:
            found = match(clause, fields["transmitting"])
            if found is None:
                continue
            keys["transmits"] = escape(found["object"])
            if "transmitting" in conv.letter.required_phrases:
                keys["phrases"] = {"transmitting": clause}
        return kind, keys
    return None


def _request(text: str, kind: str, joint: bool, annexed: bool, conv: Conventions, symbol: str) -> dict | None:
    """The fields of the standard request for circulation (the agenda item) if ``text`` is it, else None."""
    strings = conv.letter.circulation
    if kind == "note-verbale":
        template = strings.note_verbale_with_annex if annexed else strings.note_verbale
    elif joint:
        template = strings.joint_letter_with_annex if annexed else strings.joint_letter
    else:
        template = strings.letter_with_annex if annexed else strings.letter
    served = body_of(symbol)
    if served is None:
        return None
    named = conv.bodies[served.code]
    for document in filter(None, (named.document, named.document_items)):
        found = match(template.replace("{document}", document), text, item=_AGENDA)
        if found is not None:
            return found
    return None


def _signatures(pieces: list[Piece], tables: list[list[list[str]]], conv: Conventions) -> tuple[list, bool]:
    blocks: list[list[str]] = []
    side_by_side = False
    for p in pieces:
        if p.level < 0:  # a signature table: one block a cell
            blocks.extend([line for line in cell if line.strip()] for cell in tables[-p.level - 1])
            side_by_side = True
        elif p.spaced or not blocks:
            blocks.append([p.text.strip()])
        else:
            blocks[-1].append(p.text.strip())
    out = []
    for lines in blocks:
        first = conv.letter.signature_order == "name_first"
        signed = lines[0] if first else lines[-1]
        titles = lines[1:] if first else lines[:-1]
        fields = match(conv.letter.signed, signed)
        entry: dict[str, Any] = {"name": escape(fields["name"] if fields else signed)}
        if titles:
            entry["titles"] = [escape(t) for t in titles]
        out.append(entry)
    return out, side_by_side


def letter_data(title: Piece, main: list[Piece], tables: list, conv: Conventions, data: dict[str, Any],
                annexed: bool, warn: Callable[[str, str], None]) -> tuple[str, dict[str, Any]] | None:
    """(kind, ``letter:`` keys) when the document is a letter or a note verbale, else None."""
    text, note = _title_parts(title)
    symbol = data.get("symbol", "")
    formula = _formula(text, conv, symbol)
    paragraphs = [p for p in main if p.kind in ("letter", "para", "quote", "heading", "item", "bullet")]
    signing = [p for p in main if p.kind == "right"]
    if formula is None and not any(p.kind == "letter" for p in main):
        return None
    kind, keys = formula or ("letter", {"date": data.get("date"), "sender": escape(text), "title": escape(text)})
    if note is not None:
        keys["title_note"] = note
    for p in paragraphs:
        if p.kind != "letter":
            warn(f"paragraph {p.index}", f"a {p.kind} in a letter is read as one of its paragraphs")
    texts = [markup(p.spans) for p in paragraphs]
    signatories, side_by_side = _signatures(signing, tables, conv)
    request = None
    for back in (1, 2):
        if len(texts) > back:
            request = _request(paragraphs[-back].text, kind, len(signatories) > 1, annexed, conv, symbol)
            if request is not None:
                closing = texts[-1] if back == 2 else None
                texts = texts[:-back]
                break
    keys["paragraphs"] = texts
    if request is None:
        keys["circulation_request"] = False
    else:
        items = agenda_items(request["item"], conv) if request.get("item") else None
        if items and "agenda_item" not in data:  # the lines under the masthead name it first
            data["agenda_item"] = items if len(items) > 1 else items[0]
        if closing:
            keys["closing"] = closing
    if signatories and kind == "letter":
        keys["signatories"] = signatories
    if side_by_side:
        keys["side_by_side"] = True
    order = ["date", "sender", "addressee", "transmits", "title", "title_note", "phrases", "paragraphs",
             "circulation_request", "closing", "signatories", "side_by_side"]
    return kind, {k: keys[k] for k in order if k in keys}


def corrigendum_data(title: Piece, main: list[Piece], conv: Conventions) -> dict[str, Any] | None:
    """``corrigendum:`` keys when the document is a corrigendum ("Corrigendum", then numbered corrections)."""
    if not main or main[0].kind != "heading" or main[0].text.strip() != conv.corrigendum.heading:
        return None
    strings = conv.corrigendum
    forms: list[tuple[str, dict[str, str]]] = [
        (strings.for_read, {}), (strings.delete, {}), (strings.insert_after, {}), (strings.insert, {}),
        *((t, {"whole": str(k)}) for k, t in strings.insert_whole.items()),
        *((t, {"whole": str(k)}) for k, t in strings.delete_whole.items())]
    corrections = []
    rest = main[1:]
    for where, what in zip(rest[::2], rest[1::2], strict=False):
        shown = markup(what.spans)
        entry: dict[str, Any] = {"where": markup(where.spans)}
        for template, extra in forms:
            fields = match(template, shown)
            if fields is not None:
                keys = {"old": "for", "new": "read" if "{old}" in template else "insert", "after": "after"}
                if template == strings.delete:
                    keys["old"] = "delete"
                entry.update(extra)
                entry.update({keys[k]: v for k, v in sorted(fields.items(), key=lambda kv: template.index(kv[0]))})
                break
        else:
            entry["for"], entry["read"] = shown, shown
        corrections.append(_ordered(entry))
    return {"corrects": markup([s for s in title.spans if not isinstance(s, Footnote)]), "corrections": corrections}


def _ordered(entry: dict[str, Any]) -> dict[str, Any]:
    order = ["where", "for", "read", "delete", "whole", "insert", "after"]
    return {k: entry[k] for k in order if k in entry}
