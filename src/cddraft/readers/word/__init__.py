"""The Word reader (``cddraft import``): a .docx → the outline's data, beside the YAML reader.

Documents in the UNOG style set (issued documents, cddraft's own output) give back their masthead, title,
letter or report, annexes, footnotes and cross-references; ordinary Word documents (Heading 1–6, lists,
quotations, footnotes) their structure, with the masthead left to fill in. Every paragraph's text ends up in the
outline or in a warning naming its place: nothing is dropped unsaid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cddraft.conventions import load_conventions
from cddraft.conventions.bodies import body_of
from cddraft.errors import CddraftError, Diagnostic
from cddraft.model.fields import MAX_QR_BYTES
from cddraft.readers.word.assemble import BodyBuilder, markup, simplified
from cddraft.readers.word.classify import Piece, classify, marker_pattern
from cddraft.readers.word.forms import match
from cddraft.readers.word.letter import corrigendum_data, letter_data
from cddraft.readers.word.masthead import detect_language, is_masthead, read_footer, read_masthead
from cddraft.readers.word.package import NS, read_parts, w
from cddraft.readers.word.runs import RunReader, ref_bookmarks, walk_body
from cddraft.readers.word.session import read_session

#: The outline's top-level keys, in the order an outline gives them (docs/outline.md).
_ORDER = ("kind", "symbol", "session", "agenda_item", "agenda_title", "provisional_agenda", "preliminary_list",
          "meeting", "language", "original_language", "date", "reissued", "distribution", "body", "united_nations",
          "job_number", "footer_stamps", "qr", "letter", "report", "corrigendum", "annexes")


@dataclass
class Imported:
    """The outline's data, the keys left as placeholders (to be commented), and what was not kept."""

    data: dict[str, Any]
    placeholders: dict[str, str] = field(default_factory=dict)  # key → what to put there
    warnings: list[Diagnostic] = field(default_factory=list)


def _character_styles(parts: Any) -> dict[str, str]:
    return {sid: {"strong": "bold", "emphasis": "italic"}[s.name] for sid, s in parts.styles.items()
            if s.name in ("strong", "emphasis")}


def read_word(path: Path, *, language: str | None = None, revisions: str = "refuse") -> Imported:
    """Read the Word file at ``path``; tracked changes are accepted, rejected, or (``refuse``) an error."""
    file = str(path)
    parts = read_parts(Path(path))
    elements = list(walk_body(parts.body))
    table = elements[0] if elements and elements[0].tag == w("tbl") and is_masthead(elements[0], parts) else None
    code = detect_language(parts, language, table)
    if code is None:
        raise CddraftError([Diagnostic("the document's language is not declared; give it with --language "
                                       "(ar, zh, en, fr, ru, es)", file=file)])
    conv = load_conventions(code)
    reader = RunReader(parts, revisions, _character_styles(parts), bookmarks_known=ref_bookmarks(parts.body))
    imported = Imported({})

    def warn(where: str, message: str) -> None:
        imported.warnings.append(Diagnostic(f"{where}: {message}", file=file, severity="warning"))

    for note in parts.repaired:
        warn("text", note)
    head: dict[str, Any] = {}
    if table is not None:
        head, problems = read_masthead(table, parts, code)
        for problem in problems:
            warn("masthead", problem)
    pieces: list[Piece] = []
    tables: list[list[list[str]]] = []  # signature tables: cells of lines
    columns: tuple[int, list[list[str]]] | None = None  # an identical letter's session columns, and their place
    refused = 0
    n = 0
    for el in elements:
        if el is table:
            continue
        n += 1  # paragraphs and tables are counted alike, as Word's navigation shows them
        if el.tag == w("tbl"):
            rows = [[[("".join(t.text or "" for t in p.iter(w("t")))) for p in cell.iterfind(".//w:p", NS)]
                     for cell in row.iterfind("w:tc", NS)] for row in el.iterfind("w:tr", NS)]
            if table is not None and not pieces and columns is None and len(rows) == 1 and len(rows[0]) == 2:
                columns = (n, rows[0])  # the Assembly's and the Council's columns under the masthead (§12)
                continue
            if len(rows) == 1 and all(any(match(conv.letter.signed, line.strip()) for line in cell)
                                      for cell in rows[0]):  # signature blocks side by side
                tables.append(rows[0])
                pieces.append(Piece("right", [], level=-len(tables)))  # a signature table, read with the letter
            elif any(line.strip() for row in rows for cell in row for line in cell):
                text = " | ".join(" ".join(line for line in cell if line.strip()) for row in rows for cell in row)
                warn(f"paragraph {n} (table)", f"a table was dropped: {text!r}")
            continue
        found = reader.paragraph(el)
        refused += found.revisions if revisions == "refuse" else 0
        for problem in found.problems:
            warn(f"paragraph {n}", problem)
        piece = classify(el, found, parts, conv)
        piece.index = n
        if piece.kind != "empty":
            pieces.append(piece)
    if refused:
        raise CddraftError([Diagnostic(f"the document has {refused} tracked change(s); import it with --revisions "
                                       "accept (the text as changed) or --revisions reject (as before the changes)",
                                       file=file)])
    served = body_of(head["symbol"]) if head.get("symbol") else None
    session = read_session(pieces, columns[1] if columns else None, conv, served) if served else None
    if session is not None:
        head.update(session[0])
        del pieces[:session[1]]
    elif columns is not None:
        text = " | ".join(" ".join(line for line in cell if line.strip()) for cell in columns[1])
        warn(f"paragraph {columns[0]} (table)", f"a table was dropped: {text!r}")
    head.update({k: v for k, v in read_footer(parts).items() if k != "qr" or v != (
        f"https://undocs.org/{head.get('symbol', '').rstrip('*')}")})
    imported.data = _document(head, pieces, tables, conv, imported, warn)
    if table is None:
        _placeholders(imported, code)
    else:
        _fill_gaps(imported, warn)
    return imported


def _split(pieces: list[Piece], conv: Any) -> list[list[Piece]]:
    """The document's pieces, then each annex's (an annex starts on a new page with "Annex" or "Annex II")."""
    numbered = marker_pattern(conv.annex.heading_numbered, conv)
    out: list[list[Piece]] = [[]]
    for p in pieces:
        if p.kind in ("title", "heading") and p.found.page_break and p.number is None and (
                p.text.strip() == conv.annex.heading or numbered.match(p.text.strip())):
            out.append([])
            continue
        out[-1].append(p)
    return out


def _contents(pieces: list[Piece], conv: Any) -> bool | dict[str, int]:
    """A contents table cddraft wrote (its heading, then its lines up to the first heading of the text) taken off
    ``pieces``: ``contents: true``, or ``{depth: N}`` when it lists sections too; False when there is none."""
    if not pieces or pieces[0].kind != "title" or pieces[0].text.strip() != conv.contents.heading:
        return False
    pieces.pop(0)
    depth = 1
    while pieces and pieces[0].kind not in ("heading", "title"):
        line = pieces.pop(0)
        indent = line.found.text.split("\t")[0]
        if indent and not marker_pattern(conv.numbering.headings[0], conv).match(indent):
            depth = max(depth, 2 if marker_pattern(conv.numbering.headings[1], conv).match(indent) else 3)
    return True if depth == 1 else {"depth": depth}


def _annex(pieces: list[Piece], conv: Any, originals: tuple[str, ...]) -> dict[str, Any]:
    annex: dict[str, Any] = {}
    if pieces and pieces[0].kind == "right":
        note = pieces.pop(0).text.strip()
        for template in filter(None, (conv.annex.original_note, conv.annex.original_note_several)):
            fields = match(template, note)
            if fields:
                from cddraft.readers.word.forms import language_codes

                codes = language_codes(fields["language"], conv.annex.language_names, conv.annex.and_)
                if codes:
                    annex["original_language"] = list(codes) if len(codes) > 1 else codes[0]
                break
    if pieces and pieces[0].kind in ("title", "heading") and pieces[0].level == 1 and pieces[0].number is None:
        annex["title"] = markup(pieces.pop(0).spans)
    body = BodyBuilder(pieces, conv, annex=True)
    annex.update(body.keys())
    return annex


def _document(head: dict[str, Any], pieces: list[Piece], tables: list, conv: Any, imported: Imported,
              warn: Any) -> dict[str, Any]:
    main, *annexes = _split(pieces, conv)
    data: dict[str, Any] = {"kind": "report", **head, "language": conv.code}
    originals = tuple(head.get("original_language") or [conv.code]) if isinstance(
        head.get("original_language"), list) else (head.get("original_language") or conv.code,)
    title = main.pop(0) if main and main[0].kind == "title" else None
    contents = _contents(main, conv)
    tops = [p for p in main if p.kind == "heading" and p.level == 1]
    if title is None and main and main[0] in tops and len(tops) == 1:  # a Word file whose one top heading names it
        title = main.pop(0)
    annex_data = [_annex(list(a), conv, originals) for a in annexes]
    corrigendum = corrigendum_data(title, main, conv) if title is not None else None
    letter = letter_data(title, main, tables, conv, data, bool(annex_data), warn) if (
        title is not None and corrigendum is None) else None
    if letter is not None:
        kind, letter_keys = letter
        data["kind"] = kind
        data["letter"] = letter_keys
    elif corrigendum is not None:
        data["kind"] = "corrigendum"
        data["corrigendum"] = corrigendum
    else:
        report: dict[str, Any] = {}
        if title is not None:
            report["title"] = markup([s for s in title.spans if hasattr(s, "text")])
            notes = [s for s in title.spans if not hasattr(s, "text") and hasattr(s, "content")]
            if notes and title.found.custom_mark:
                report["title_note"] = markup(list(notes[0].content))
        else:
            report["title"] = "Title of the document"
            imported.placeholders["report.title"] = "the title, as it is printed under the masthead"
        if contents:
            report["contents"] = contents
        report.update(BodyBuilder(main, conv, annex=False).keys())
        data["report"] = report
    if annex_data:
        data["annexes"] = annex_data
    return simplified({k: data[k] for k in _ORDER if k in data})


def _fill_gaps(imported: Imported, warn: Any) -> None:
    """What a document with a masthead must have and this one lacks, or has in a form an outline cannot hold,
    filled in so that the outline builds: the placeholder is commented where it stands and warned about."""
    data = imported.data
    letter = data.get("letter") or {}
    if "date" not in data:
        data["date"] = letter.get("date") or dt.date.today()
        imported.placeholders["date"] = "the masthead date, which could not be read from the Word file"
    if data.get("kind") == "letter" and not letter.get("signatories"):
        letter["signatories"] = [{"name": "Name of the signatory"}]
        imported.placeholders["letter.signatories"] = "the letter has no signature block: name who signs it"
        warn("letter", "no signature block was found; a placeholder signatory was put in the outline")
    qr = data.get("qr")
    if isinstance(qr, str) and len(qr.encode("utf-8")) > MAX_QR_BYTES:
        del data["qr"]
        warn("footer", f"the QR code's address ({len(qr.encode('utf-8')):,} bytes) is longer than a QR code "
                       f"holds here ({MAX_QR_BYTES:,}); the outline leaves it to the default, the document's "
                       f"address: {qr[:80]!r}…")
    imported.data = {k: data[k] for k in _ORDER if k in data}


def _placeholders(imported: Imported, code: str) -> None:
    """An ordinary Word file has no masthead: the keys it cannot know, left for the officer (``check`` flags
    them until they are filled in)."""
    data = imported.data
    data.setdefault("symbol", "CD/0000")
    data.setdefault("date", dt.date.today())
    imported.placeholders.update({"symbol": "the document's symbol, given by the secretariat",
                                  "date": "the masthead date"})
    ordered: dict[str, Any] = {k: data[k] for k in ("kind", "symbol", "language", "date") if k in data}
    ordered.update(data)
    imported.data = ordered
