"""What ties the values of a document together, checked once pydantic has checked each value.

Any reader (the YAML outline, an imported Word file) calls :func:`semantic_problems`; each problem
names the model path of the value to change, which the reader turns into a position.
"""

from __future__ import annotations

from typing import Any

from cddraft.conventions import load_conventions
from cddraft.errors import Diagnostic, Path_, closest
from cddraft.model.blocks import Section
from cddraft.model.document import Document
from cddraft.model.table import MAX_COLUMNS, Table, columns_of, grid
from cddraft.model.walk import iter_ids, iter_refs, iter_tables

_WHY = {"transmitting": "the verb or participle agrees with the sender or the kind of document"}


def semantic_problems(doc: Document) -> list[Diagnostic]:
    """Rules that tie sections together, each pointing at the key to change."""
    out: list[Diagnostic] = []
    if doc.kind in ("letter", "note-verbale"):
        if doc.letter is None:
            out.append(Diagnostic(f"a {doc.kind} needs a `letter:` section", path=("kind",)))
        elif doc.kind == "letter" and not doc.letter.signatories:
            out.append(Diagnostic("a letter needs at least one signatory", path=("letter", "signatories")))
        elif doc.kind == "note-verbale" and doc.letter.signatories:
            out.append(Diagnostic("a note verbale is unsigned; remove `signatories:`", path=("letter", "signatories")))
        if doc.report is not None:
            out.append(
                Diagnostic(f"a {doc.kind} has no `report:` section; put the report in an annex", path=("report",))
            )
    elif doc.kind == "corrigendum":
        out.extend(_corrigendum_checks(doc))
    elif doc.kind in ("resolution", "decision"):
        out.extend(_resolution_checks(doc))
    else:
        if doc.report is None:
            out.append(Diagnostic("a report needs a `report:` section", path=("kind",)))
        elif doc.report.title is None:
            out.append(Diagnostic("a report needs a title: add `title:` under `report:` (it is printed under the "
                                  "masthead, e.g. \"Report of the Coordinator on agenda item 1\")", path=("report",)))
        if doc.letter is not None:
            out.append(Diagnostic("a report has no `letter:` section; use `kind: letter`", path=("letter",)))
    out.extend(_id_checks(doc))
    out.extend(_table_checks(doc))
    out.extend(_phrase_checks(doc))
    out.extend(_agenda_checks(doc))
    return out


def _corrigendum_checks(doc: Document) -> list[Diagnostic]:
    """A corrigendum has its `corrigendum:` section and nothing of a letter or report; each correction says one
    thing: *For* … *read* …, *Delete* … or *Insert* … (after …)."""
    if doc.corrigendum is None:
        return [Diagnostic("a corrigendum needs a `corrigendum:` section (corrects:, corrections:)", path=("kind",))]
    out = [Diagnostic(f"a corrigendum has no `{key}:` section; list the corrections under `corrigendum:`",
                      path=(key,)) for key in ("letter", "report") if getattr(doc, key) is not None]
    for i, c in enumerate(doc.corrigendum.corrections):
        forms = [c.for_ is not None or c.read is not None, c.delete is not None, c.insert is not None]
        path = ("corrigendum", "corrections", i)
        if c.whole is not None:
            if forms[0] or forms[1]:
                out.append(Diagnostic(f"`whole: {c.whole}` goes with `insert:` (a new {c.whole}) or alone (the "
                                      f"{c.whole} deleted); remove `for:`, `read:` and `delete:`", path=path))
            elif c.whole == "footnote" and c.insert is not None and c.after is None:
                out.append(Diagnostic("a new footnote needs `after:`, the text its call follows", path=path))
            elif c.whole != "footnote" and c.after is not None:
                out.append(Diagnostic(f"a new {c.whole} goes after the place named; remove `after:`", path=path))
        elif sum(forms) != 1:
            out.append(Diagnostic("a correction says one thing: `for:` with `read:`, or `delete:`, or `insert:` "
                                  "(with `after:`), or `whole:`", path=path))
        elif forms[0] and (c.for_ is None or c.read is None):
            out.append(Diagnostic("`for:` and `read:` go together: the text as issued and as corrected", path=path))
        elif c.after is not None and c.insert is None:
            out.append(Diagnostic("`after:` says where `insert:` goes; add `insert:`", path=path))
    return out


def _resolution_checks(doc: Document) -> list[Diagnostic]:
    """A resolution or decision has its `resolution:` section and nothing of a letter or report; its organ is
    known; a draft names its sponsors or who submits it, not both; an adopted text is not a draft."""
    res = doc.resolution
    if res is None:
        return [Diagnostic(f"a {doc.kind} needs a `resolution:` section (title:, preamble:, operative:)",
                           path=("kind",))]
    out = [Diagnostic(f"a {doc.kind} has no `{key}:` section; write its text under `resolution:`", path=(key,))
           for key in ("letter", "report", "corrigendum") if getattr(doc, key) is not None]
    conv = load_conventions(doc.language)
    if res.organ is None and doc.served_by.code not in conv.resolution.organs:
        out.append(Diagnostic(f"name the organ whose {doc.kind} this is: add `organ:` under `resolution:`, as the "
                              "formula opens (e.g. organ: The Meeting of the States Parties)", path=("resolution",)))
    if res.sponsors and res.submitted_by is not None:
        out.append(Diagnostic("a draft is sponsored (`sponsors:`) or submitted by someone (`submitted_by:`), not "
                              "both", path=("resolution", "submitted_by")))
    if res.draft and res.adopted is not None:
        out.append(Diagnostic(f"an adopted {doc.kind} is not a draft: remove `draft: true` or `adopted:`",
                              path=("resolution", "draft")))
    if res.preamble and res.organ is not None and not res.organ.plain.strip():
        out.append(Diagnostic("the organ's name is empty", path=("resolution", "organ")))
    return out


def _kind_of(doc: Document, path: Path_) -> str:
    """What the block whose ``id`` is at ``path`` is, as a message names it: heading, table or paragraph."""
    node: Any = doc  # a model object or a list of them, whichever the path steps through
    for step in path[:-1]:
        node = node[step] if isinstance(step, int) else getattr(node, str(step))
    return "heading" if isinstance(node, Section) else "table" if isinstance(node, Table) else "paragraph"


def _id_checks(doc: Document) -> list[Diagnostic]:
    """Ids are unique; every ``{ref:…}`` names one, whose block gets a number (the reference prints it)."""
    out: list[Diagnostic] = []
    seen: dict[str, bool] = {}
    kinds: dict[str, str] = {}
    for ident, path, numbered in iter_ids(doc):
        if ident in seen:
            out.append(Diagnostic(f"id {ident!r} is used twice; ids must be unique", path=path))
        seen.setdefault(ident, numbered)
        kinds.setdefault(ident, _kind_of(doc, path))
    for ref, text, path in iter_refs(doc):
        if ref.target not in seen:
            hint = closest(ref.target, list(seen))
            tip = f"; did you mean {hint!r}?" if hint else ""
            out.append(Diagnostic(f"{{ref:{ref.target}}} names no paragraph or table with `id: {ref.target}`{tip}",
                                  path=path, offset=ref.start, text=text.raw))
        elif not seen[ref.target]:
            out.append(Diagnostic(f"{{ref:{ref.target}}} points to a {kinds[ref.target]} that has no number; number "
                                  "it, or write the reference out", path=path, offset=ref.start, text=text.raw))
    return out


def _table_checks(doc: Document) -> list[Diagnostic]:
    """Every row of a table fills its columns (as many as its first row), no cell reaches below its part (the
    heads, the body), and ``columns:`` names each column once."""
    out: list[Diagnostic] = []
    for table, path in iter_tables(doc):
        count = columns_of(table)
        if count > MAX_COLUMNS:
            out.append(Diagnostic(f"the table has {count} columns; Word sets at most {MAX_COLUMNS}: split it",
                                  path=(*path, "head" if table.head else "rows", 0)))
        for part, name in (("head", "row of column heads"), ("rows", "row")):
            rows = getattr(table, part)
            _, widths, below = grid(rows)
            for r, width in enumerate(widths):
                if width != count:
                    out.append(Diagnostic(f"this {name} fills {width} column(s) and the table has {count} (as many as "
                                          "its first row); add or remove cells, or change a cell's `span:`",
                                          path=(*path, part, r)))
            if below:
                out.append(Diagnostic(f"a cell takes {below} row(s) more than the {part} have (`rows:`)",
                                      path=(*path, part, len(rows) - 1)))
        if table.columns is not None and len(table.columns) != count:
            out.append(Diagnostic(f"`columns:` names {len(table.columns)} column(s) and the table has {count}",
                                  path=(*path, "columns")))
    return out


def _phrase_checks(doc: Document) -> list[Diagnostic]:
    """The grammar-dependent pieces of a letter's title that this language's conventions say the outline gives."""
    letter = doc.letter
    if letter is None or not letter.transmits or letter.title:
        return []
    conv = load_conventions(doc.language)
    return [Diagnostic(f"{doc.language} versions need `phrases: {phrase}:` under `letter:`, written in that language "
                       f"(grammar is not guessed: {_WHY.get(phrase, 'it agrees with the sender')}); e.g. "
                       f"{phrase}: \"{conv.letter.transmitting}\"", path=("letter", "transmits"))
            for phrase in conv.letter.required_phrases if phrase not in letter.phrases]


def _agenda_checks(doc: Document) -> list[Diagnostic]:
    """A letter to a body that circulates under agenda items (the General Assembly) names its item."""
    letter, served = doc.letter, doc.served_by
    if (served.body.agenda_item and letter is not None and letter.circulation_request is True
            and doc.agenda_item is None):
        return [Diagnostic(f"{doc.symbol} is circulated under an agenda item: add `agenda_item:` with its number "
                           "(e.g. agenda_item: 99), or write the request yourself (`circulation_request: …`)",
                           path=("symbol",))]
    return _session_checks(doc)


def _session_checks(doc: Document) -> list[Diagnostic]:
    """The provisional agenda or the preliminary list, not both; a footnoted one given by a document symbol."""
    from cddraft.conventions.bodies import body_of

    out: list[Diagnostic] = []
    if doc.provisional_agenda not in (None, False) and doc.preliminary_list:
        out.append(Diagnostic("an item is on the provisional agenda or on the preliminary list, not both: remove "
                              "`provisional_agenda:` or `preliminary_list:`", path=("preliminary_list",)))
    for key in ("provisional_agenda", "preliminary_list"):
        value = getattr(doc, key)
        if isinstance(value, str) and body_of(value.strip()) is None:
            out.append(Diagnostic(f"{value!r} is not a document symbol; give the symbol of the {key.replace('_', ' ')} "
                                  "(e.g. A/71/150), which the footnote prints, or `true`", path=(key,)))
    if (doc.provisional_agenda not in (None, False) or doc.preliminary_list) and not doc.agenda_item:
        key = "provisional_agenda" if doc.provisional_agenda not in (None, False) else "preliminary_list"
        out.append(Diagnostic("name the agenda item(s) with `agenda_item:`", path=(key,)))
    return out
