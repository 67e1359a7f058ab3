"""The Word reader (``cddraft import``): a .docx → the outline's data, beside the YAML reader.

Documents in the UNOG style set (issued documents, cddraft's own output) give back their masthead, title,
letter or report, annexes, footnotes and cross-references; ordinary Word documents (Heading 1–6, lists,
quotations, footnotes) their structure, with the masthead left to fill in. Every paragraph's text ends up in the
outline or in a warning naming its place: nothing is dropped unsaid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from cddraft.conventions import load_conventions
from cddraft.conventions.bodies import body_of
from cddraft.errors import CddraftError, Diagnostic
from cddraft.readers.word.autonumber import Counter
from cddraft.readers.word.classify import Piece, classify, properties, signed_name
from cddraft.readers.word.document import ORDER, build_document
from cddraft.readers.word.gaps import (
    PLACEHOLDER_SYMBOL,
    fill_gaps,
    kept_references,
    lead_in_lists,
    ordinary_placeholders,
)
from cddraft.readers.word.language import decide
from cddraft.readers.word.masthead import is_masthead, masthead_lines, read_footer, read_masthead
from cddraft.readers.word.package import NS, Parts, read_parts, w
from cddraft.readers.word.runs import RunReader, ref_targets, walk_body
from cddraft.readers.word.session import read_session
from cddraft.readers.word.tableblock import read_table
from cddraft.readers.word.tableparts import quiet
from cddraft.readers.word.values import table_quoted

_TBL, _P, _T, _SECT, _NUMPR = w("tbl"), w("p"), w("t"), w("sectPr"), w("numPr")


@dataclass
class Imported:
    """The outline's data, the keys left as placeholders (to be commented), and what was not kept."""

    data: dict[str, Any]
    placeholders: dict[str, str] = field(default_factory=dict)  # key → what to put there
    warnings: list[Diagnostic] = field(default_factory=list)


def _character_styles(parts: Any) -> dict[str, str]:
    return {sid: {"strong": "bold", "emphasis": "italic"}[s.name] for sid, s in parts.styles.items()
            if s.name in ("strong", "emphasis")}


def _masthead(elements: list[etree._Element], parts: Parts) -> etree._Element | None:
    """The masthead table: the first thing in the body with text, when it is a UN masthead."""
    for el in elements:
        if el.tag == _TBL:
            return el if is_masthead(el, parts) else None
        if any(t.text and t.text.strip() for t in el.iter(_T)):
            return None
    return None


def _section_break(sect: etree._Element) -> bool:
    """Whether what follows a section's end starts on a new page (its break is not continuous)."""
    kind = sect.find("w:type", NS)
    return kind is None or kind.get(w("val")) not in ("continuous", "nextColumn")


def read_word(path: Path, *, language: str | None = None, revisions: str = "refuse") -> Imported:
    """Read the Word file at ``path``; tracked changes are accepted, rejected, or (``refuse``) an error."""
    file = str(path)
    parts = read_parts(Path(path))
    elements = list(walk_body(parts.body))
    table = _masthead(elements, parts)
    code, told = decide(parts, language, masthead_lines(table) if table is not None else None)
    if code is None:
        declared = f"declares its language as {parts.language}, not one of the six" if parts.language else \
            "declares no language"
        raise CddraftError([Diagnostic(f"the document's language cannot be told: the file {declared}, and its text "
                                       "does not show which of the six it is in (too short, or in another language); "
                                       "give it with --language (ar, zh, en, fr, ru, es)", file=file)])
    conv = load_conventions(code)
    reader = RunReader(parts, revisions, _character_styles(parts), targets=ref_targets(parts.body))
    imported = Imported({})

    def warn(where: str, message: str) -> None:
        imported.warnings.append(Diagnostic(f"{where}: {message}", file=file, severity="warning"))

    if told:
        warn("language", told)
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
    said: list[tuple[int, str, str]] = []  # (place, where, problem): said once the tables have taken their captions
    counter = Counter(parts.numbering)
    refused = 0
    n = 0
    i = 0
    new_page = False  # a page break, or a section break, before the next paragraph with text
    while i < len(elements):
        el = elements[i]
        i += 1
        if el is table:
            continue
        n += 1  # paragraphs and tables are counted alike, as Word's navigation shows them
        if el.tag == _TBL:
            new_page = False
            rows = [[[("".join(t.text or "" for t in p.iter(_T))) for p in cell.iterfind(".//w:p", NS)]
                     for cell in row.iterfind("w:tc", NS)] for row in el.iterfind("w:tr", NS)]
            if table is not None and not pieces and columns is None and len(rows) == 1 and len(rows[0]) == 2:
                columns = (n, rows[0])  # the Assembly's and the Council's columns under the masthead (§12)
                continue
            if len(rows) == 1 and all(any(signed_name(line) for line in cell) for cell in rows[0]):
                tables.append(rows[0])  # signature blocks side by side
                pieces.append(Piece("right", [], level=-len(tables)))  # a signature table, read with the letter
                continue
            got = read_table(elements, i - 1, pieces, reader, parts, conv)
            said = [x for x in said if x[0] not in got.captions or not quiet(x[2])]
            said += [(n, f"paragraph {n} (table)", problem) for problem in got.problems]
            refused += got.revisions if revisions == "refuse" else 0
            if got.piece is not None:
                got.piece.index = n
                pieces.append(got.piece)
            i += got.taken
            n += got.taken
            continue
        found = reader.paragraph(el)
        refused += found.revisions if revisions == "refuse" else 0
        said += [(n, f"paragraph {n}", problem) for problem in found.problems]
        style, props = parts.style_of(el), properties(el)
        numbering = parts.num_pr(props.get(_NUMPR), style)
        piece = classify(el, found, parts, conv, counter.next(*numbering) if numbering else None, style=style,
                         props=props)
        piece.index = n
        piece.style = style.name if style is not None else ""
        if piece.kind != "empty":
            if new_page:
                found.page_break = True
            new_page = False
            pieces.append(piece)
        else:
            new_page = new_page or found.page_break
        new_page = new_page or (_SECT in props and _section_break(props[_SECT]))
    for _, where, problem in said:
        warn(where, problem)
    if refused:
        raise CddraftError([Diagnostic(f"the document has {refused} tracked change(s); import it with --revisions "
                                       "accept (the text as changed) or --revisions reject (as before the changes)",
                                       file=file)])
    lead_in_lists(pieces)
    kept_references(pieces, reader.ref_texts, warn)
    served = body_of(head["symbol"]) if head.get("symbol") else None
    session = read_session(pieces, columns[1] if columns else None, conv, served) if served else None
    if session is not None:
        head.update(session[0])
        del pieces[:session[1]]
    elif columns is not None:
        warn(f"paragraph {columns[0]} (table)", "the two columns under the masthead are not the session lines "
                                                "cddraft reads, and were left out: " + table_quoted([[
                                                    " ".join(line for line in cell if line.strip())
                                                    for cell in columns[1]]]))
    head.update({k: v for k, v in read_footer(parts).items() if k != "qr" or v != (
        f"https://undocs.org/{head.get('symbol', '').rstrip('*')}")})
    if "symbol" not in head:  # no masthead, or one whose symbol cddraft cannot hold: a placeholder
        head["symbol"] = PLACEHOLDER_SYMBOL
    data = build_document(head, pieces, tables, conv, imported.placeholders, warn)
    if table is None or data["symbol"] == PLACEHOLDER_SYMBOL:
        ordinary_placeholders(data, imported.placeholders)
    fill_gaps(data, imported.placeholders, warn)
    imported.data = {k: data[k] for k in ("kind", "symbol", "language", "date") if k in data and table is None}
    imported.data.update({k: data[k] for k in ORDER if k in data})
    return imported
