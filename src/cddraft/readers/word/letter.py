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
from cddraft.readers.word.classify import Piece, signed_name
from cddraft.readers.word.forms import match
from cddraft.readers.word.session import agenda_items
from cddraft.readers.word.values import table_quoted

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


#: The longest line read as a signatory's title next to a signature line that is not set right.
_TITLE_LINE = 200


def _title_line(p: Piece, conv: Conventions) -> bool:
    """Whether a paragraph next to a signature line reads as one of the signatory's titles ("Ambassador"): a short
    line that does not end a sentence, not the letter's closing."""
    text = p.text.strip()
    return (p.kind in ("para", "letter", "right") and not p.signed and 0 < len(text) <= _TITLE_LINE
            and text not in conv.letter.closing and not any(isinstance(s, Footnote) for s in p.spans)
            and (not text.endswith((".", ":", ";", "。", "：", "；")) or text.endswith(("a.i.", "i.a.", "a. i."))))


def signature_blocks(main: list[Piece], tables: list[list[list[str]]], conv: Conventions
                     ) -> tuple[list[list[str]], set[int], bool]:
    """The signature blocks (their lines), the places in ``main`` they take, and whether they stand side by side: the
    lines set right (a block starts at a line with space before it, or at a signature line); a signature line in any
    alignment with the titles next to it (after it, or before it where the language writes the name last); a
    signature table's cells."""
    name_first = conv.letter.signature_order == "name_first"
    blocks: list[list[str]] = []
    used: set[int] = set()
    side_by_side = False
    closed = True  # the last block has its signature line where the language ends a block with it
    for i, p in enumerate(main):
        if i in used:
            continue
        if p.level < 0 and p.kind == "right":  # a signature table: one block a cell
            blocks.extend([line for line in cell if line.strip()] for cell in tables[-p.level - 1])
            used.add(i)
            side_by_side, closed = True, True
            continue
        if p.kind != "right":
            continue
        used.add(i)
        lines = p.lines or [p.text.strip()]
        if p.signed and len(lines) > 1:  # the whole block in one paragraph, its lines broken
            blocks.append(lines)
            closed = True
            continue
        if p.signed and not p.right:  # a signature line not set right: the titles beside it are read with it
            titles: list[str] = []
            if name_first:
                j = i + 1
                while j < len(main) and j not in used and _title_line(main[j], conv) and main[j].kind != "right":
                    titles.append(main[j].text.strip())
                    used.add(j)
                    j += 1
                blocks.append([*lines, *titles])
            else:
                j = i - 1
                while j >= 0 and j not in used and _title_line(main[j], conv) and main[j].kind != "right":
                    titles.insert(0, main[j].text.strip())
                    used.add(j)
                    j -= 1
                blocks.append([*titles, *lines])
            closed = True
            continue
        if p.spaced or not blocks or closed or (p.signed and name_first):
            blocks.append(list(lines))
        else:
            blocks[-1].extend(lines)
        closed = p.signed and not name_first
    return blocks, used, side_by_side


def _signatures(blocks: list[list[str]], conv: Conventions) -> list[dict[str, Any]]:
    out = []
    for lines in blocks:
        at = next((k for k, line in enumerate(lines) if signed_name(line) is not None), None)
        if at is None:  # no signature mark: the name where the language writes it
            at = 0 if conv.letter.signature_order == "name_first" else len(lines) - 1
        fields = match(conv.letter.signed, lines[at])
        name = fields["name"] if fields else (signed_name(lines[at]) or lines[at])
        entry: dict[str, Any] = {"name": escape(name)}
        titles = lines[:at] + lines[at + 1:]
        if titles:
            entry["titles"] = [escape(t) for t in titles]
        out.append(entry)
    return out


def is_letter_title(text: str, conv: Conventions) -> bool:
    """Whether ``text`` is a letter's or a note verbale's title in the conventions' formula (a paragraph of a Word
    file that has no title style)."""
    return len(text) < 1000 and _formula(" ".join(text.split()), conv, "") is not None


def letter_data(title: Piece, main: list[Piece], tables: list, conv: Conventions, data: dict[str, Any],
                annexed: bool, warn: Callable[[str, str], None]) -> tuple[str, dict[str, Any]] | None:
    """(kind, ``letter:`` keys) when the document is a letter or a note verbale, else None."""
    text, note = _title_parts(title)
    symbol = data.get("symbol", "")
    formula = _formula(text, conv, symbol)
    if formula is None and not any(p.kind == "letter" or p.signed for p in main):
        return None
    blocks, used, side_by_side = signature_blocks(main, tables, conv)
    paragraphs = [p for i, p in enumerate(main) if i not in used and p.kind in (
        "letter", "para", "quote", "heading", "title", "item", "bullet", "table")]
    kind, keys = formula or ("letter", {"date": data.get("date"), "sender": escape(text), "title": escape(text)})
    if note is not None:
        keys["title_note"] = note
    for p in paragraphs:
        if p.kind not in ("letter", "para", "table"):
            warn(f"paragraph {p.index}", f"a {p.kind} in a letter is read as one of its paragraphs")
    texts: list[Any] = [p.block if p.kind == "table" else markup(p.spans) for p in paragraphs]
    signatories = _signatures(blocks, conv)
    if signatories and kind != "letter":  # a note verbale is unsigned: lines set right are said
        warn("letter", "a note verbale is not signed: the lines set right were left out: "
                       + table_quoted([list(lines) for lines in blocks]))
    request = None
    for back in (1, 2):
        if len(texts) > back and paragraphs[-1].kind != "table":  # the request, then the closing paragraph
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


def _table_text(block: dict[str, Any]) -> str:
    """A table block's texts, as a warning quotes what was left out: its lines kept apart, a row a line."""
    head = block.get("head") or []
    heads = head if head and all(isinstance(r, list) for r in head) else ([head] if head else [])
    rows = [r.get("cells", []) if isinstance(r, dict) else r for r in [*heads, *block.get("rows", [])]]
    lines = [[str(block[k])] for k in ("table", "unit") if block.get(k)]
    lines += [[c["text"] if isinstance(c, dict) else str(c) for c in row] for row in rows]
    lines += [[str(block[k])] for k in ("source", "note") if block.get(k)]
    return table_quoted(lines)


def corrigendum_data(title: Piece, main: list[Piece], conv: Conventions,
                     warn: Callable[[str, str], None] | None = None) -> dict[str, Any] | None:
    """``corrigendum:`` keys when the document is a corrigendum ("Corrigendum", then numbered corrections)."""
    if not main or main[0].kind != "heading" or main[0].text.strip() != conv.corrigendum.heading:
        return None
    strings = conv.corrigendum
    forms: list[tuple[str, dict[str, str]]] = [
        (strings.for_read, {}), (strings.delete, {}), (strings.insert_after, {}), (strings.insert, {}),
        *((t, {"whole": str(k)}) for k, t in strings.insert_whole.items()),
        *((t, {"whole": str(k)}) for k, t in strings.delete_whole.items())]
    corrections = []
    rest = [p for p in main[1:] if p.kind != "table"]  # a corrigendum's corrections are paragraphs: a table is said
    for p in main[1:]:
        if p.kind == "table" and warn is not None:
            warn(f"paragraph {p.index} (table)", "a corrigendum holds corrections, not tables: the table was left "
                                                 f"out: {_table_text(p.block or {})}")
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
