"""Tables (issue 27; docs/un-conventions.md §6.10, from the Editorial Manual's "Tables" and "Footnotes" pages):
CD121-CD123, a table's structure (with the structure rules, which every build runs); CD205, a note call typed in
a cell (with the footnote rules); CD518, the form of a figure (with the typography rules: they read every cell,
so ``cddraft check`` only); CD605 and CD616, a table in the language versions of one document (``cddraft
align``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cddraft.check.align.tables import (
    NOT_AVAILABLE,
    Number,
    Placed,
    calls_note,
    cell_text,
    number_columns,
    outline_number,
    placed,
)
from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.conventions import Conventions, load_conventions
from cddraft.errors import Path_
from cddraft.localise.numbering import marker
from cddraft.model.document import Document
from cddraft.model.figures import is_nil
from cddraft.model.inline import Footnote, Inline, Span
from cddraft.model.table import Table, columns_of
from cddraft.model.walk import iter_refs, iter_tables, texts

#: A numbering template's counter ("Table {1}").
_FIELD = re.compile(r"\{\w+\}")
#: What may stand between the numbers of tables named together: "tables 2 and 3", "tableaux 2 et 3", "2–4".
_JOINED = r"(?:[\s\u00a0]*(?:[,–-]|\w{1,3})[\s\u00a0]*\d+)*"


def _scope(path: Path_) -> Path_:
    """Where a text or table stands: its annex (``("annexes", 2)``), the report, or the letter."""
    return path[:2] if path[0] == "annexes" else path[:1]


def _numbered(doc: Document) -> Iterator[tuple[Table, Path_, int | None]]:
    """Each table with its path and the number it prints (None: unnumbered), numbered as the document numbers
    them: through the document (the letter's, the report's, the annexes'), or afresh in each annex."""
    n, scope = 0, None
    for table, path in iter_tables(doc):
        if _scope(path) != scope and path[0] == "annexes" and doc.table_numbering == "annex":
            n = 0
        scope = _scope(path)
        if table.numbered:
            n += 1
        yield table, path, n if table.numbered else None


@cache
def _naming(code: str) -> re.Pattern[str]:
    """The text's own way of naming tables by number in the language: the label's word (any ending: tables,
    tableaux, таблице) and one or more numbers ("Table 3", "tables 2 and 3", 表3)."""
    conv = load_conventions(code)
    word = _FIELD.sub("", conv.tables.label).strip()
    stem = re.escape(word[:-1]) + r"\w*" if len(word) > 4 else re.escape(word)
    before = r"(?<!\w)" if word[:1].isascii() or "\u0400" <= word[:1] <= "\u04ff" else ""
    return re.compile(rf"{before}{stem}[\s\u00a0]*(\d+{_JOINED})(?!\d)", re.IGNORECASE)


def _named_numbers(text: str, code: str) -> set[int]:
    """The table numbers a text names ("Tables 2–4" names 2, 3 and 4)."""
    out: set[int] = set()
    for m in _naming(code).finditer(text):
        numbers = [int(x) for x in re.findall(r"\d+", m.group(1))]
        out.update(numbers)
        for a, b in re.findall(r"(\d+)[\s\u00a0]*[–-][\s\u00a0]*(\d+)", m.group(1)):
            out.update(range(int(a), min(int(b), int(a) + 200) + 1))
    return out


def _words(spans: tuple[Inline, ...]) -> str:
    """A text's words, without its footnotes, a reference standing for no number ("table {ref:x}" names the
    table ``x``, whatever its number)."""
    return "".join(s.text if isinstance(s, Span) else " # " for s in spans if not isinstance(s, Footnote))


def _inside(path: Path_, tables: set[Path_]) -> bool:
    """Whether ``path`` is a table's or under one."""
    return any(path[:n] in tables for n in range(2, len(path) + 1))


@rule("CD121", "table-not-referred-to", "warning", "A numbered table is not named in the text")
def table_not_referred_to(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a numbered table that no text of the document names: neither a ``{ref:id}`` to it nor the words
    "table 3" (the conventions' word: Tableau, Cuadro, Таблица, 表, الجدول) with its number.

    Why: a table is numbered so that the text can send its reader to it ("Table number" is one of the parts
    of a table the Editorial Manual names); issued documents introduce their tables in the text (the General
    Assembly's resolutions: "… as set out in the table below"), and a numbered table nothing refers to is
    misplaced or an orphan left from an earlier draft. A ``{ref:id}`` prints the table's number, which stays
    right when tables are added or moved.

    Example::

        content:
          - The figures are as follows.          # names no table
          - table: Participants in the session   # CD121: refer to it ({ref:participants}, or "table 1")
            id: participants

    A table that the text introduces without its number ("the table below") can be unnumbered
    (``numbered: false``). With ``table_numbering: annex`` the words name a table of their own annex.

    Manual: un-conventions.md §6.10 (tables: "Table N" and its title; the manual's parts of a table).
    """
    tables = list(_numbered(doc))
    if not tables:
        return
    paths = {path for _, path, _ in tables}
    targets = {ref.target for ref, _, path in iter_refs(doc) if not _inside(path, paths)}
    per_annex = doc.table_numbering == "annex"
    # the numbers the text names: in each annex (tables numbered afresh in each), or anywhere (key ())
    named: dict[Path_, set[int]] = {}
    for text, path in texts(doc):
        if (len(path) > 3 and path[-3] == "cells") or _inside(path, paths):
            continue  # a table's own text (a cell's, the quick test)
        found = named.setdefault(_scope(path) if per_annex and path[0] == "annexes" else (), set())
        found |= _named_numbers(_words(text.spans), doc.language)
        for note in text.spans:
            if isinstance(note, Footnote):
                found |= _named_numbers(_words(note.content), doc.language)
    for table, path, number in tables:
        if number is None or (table.id and table.id in targets):
            continue
        here = _scope(path) if per_annex and path[0] == "annexes" else ()
        if number in named.get(here, set()):
            continue
        label = marker(ctx.conv.tables.label, number, ctx.conv)
        how = f"{{ref:{table.id}}}" if table.id else "give it an `id:` and write {ref:ID}"
        yield Finding((*path, "table"), f"{label} is not referred to in the text: name it there ({how}, or "
                                        f"“{label}”), or make it `numbered: false`", key=True)


@rule("CD122", "empty-column-head", "warning", "A column head has no text")
def empty_column_head(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a cell of the column heads with no text, except over the stub (the first column), whose head the UN
    often leaves empty.

    Why: column heads say what each column holds; a column without one must be guessed by the reader, and an
    empty head is often a spanner or a head merged the wrong way (a ``span:`` or ``rows:`` short by one).

    Example::

        - table: Votes
          head: ["", "2024", ""]        # CD122 on the third head; the first (the stub's) may stay empty
          rows:
            - [In favour, 12, 14]

    Manual: un-conventions.md §6.10 (the manual's headings of a table: column heads, spanner heads).
    """
    for table, path in iter_tables(doc):
        for row in placed(table, "head"):
            for p in row:
                if p.column == 0 and p.cell.span == 1:
                    continue  # the stub head
                if not (cell_text(p.cell) or p.cell.text.refs()):
                    what = f"columns {p.column + 1}–{p.column + p.cell.span}" if p.cell.span > 1 else \
                        f"column {p.column + 1}"
                    yield Finding(p.path(path), f"the head of {what} is empty: say what the column holds (or merge "
                                                "it with the head beside or above it: `span:`, `rows:`)")


def _suggestion(text: str) -> str | None:
    """The outline's form of a number written another way ("1,5" → 1.5, "1.234.567" → 1234567, "1 234,5" →
    1234.5), when one reading is plain; else None."""
    t = re.sub(r"(?<=\d)[\s\u00a0\u202f'’](?=\d)", "", text.strip())
    if "," in t and "." in t:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        t = t.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    elif "," in t:
        t = t.replace(",", "") if re.fullmatch(r"[-(]?\d{1,3}(?:,\d{3}){2,}\)?%?", t) else t.replace(",", ".")
    t = re.sub(r"\s+%$", "%", t)
    return t if t != text.strip() and outline_number(t) is not None else None


@cache
def _groups_with_a_point(locale: str) -> bool:
    """Whether the language's running text groups thousands with a point (Spanish: 12.000)."""
    from babel.numbers import get_group_symbol  # only when a table has figures: the build imports this module

    return get_group_symbol(locale) == "."


def _ambiguous(text: str, conv: Conventions) -> str | None:
    """Why a number cell reads otherwise than its language's writers may mean it; None when it does not."""
    t = text.strip()
    if "," not in t and "." not in t:
        return None
    if conv.tables.decimal == "," and re.fullmatch(r"[-(]?\d{1,3},\d{3}\)?%?", t):
        value = outline_number(t)
        return (f"“{t}” is read as {value} (the outline groups thousands with a comma, and writes a decimal "
                f"point): write {value} if that is meant, {t.replace(',', '.')} if the comma is a decimal mark")
    if _groups_with_a_point(conv.locale) and re.fullmatch(r"[-(]?[1-9]\d{0,2}\.\d{3}\)?%?", t):
        return (f"“{t}” is read as {outline_number(t)} (the outline writes a decimal point): write "
                f"{t.replace('.', '')} if the point groups thousands")
    return None


#: A note call typed as a superscript: a lower-case letter, an asterisk or a figure.
_TYPED_CALL = re.compile(r"^(?:[a-z]|\*{1,3}|\d{1,2})$")


def _typed_calls(p: Placed) -> Iterator[tuple[int, str]]:
    """The note calls typed in a cell as superscripts (``12^{a}``): where each starts (visibly), and its text."""
    if not any(type(s) is Span and s.sup for s in p.cell.text.spans):
        return  # the usual cell: nothing raised
    visible = p.cell.text.visible
    for start, end in visible.runs(visible.sup):
        if _TYPED_CALL.match(visible.text[start:end].strip()):
            yield start, visible.text[start:end]


def _number_findings(table: Table, path: Path_, conv: Conventions) -> Iterator[Finding]:
    numbers = number_columns(table, conv)
    declared = table.columns is not None
    body = placed(table, "rows")
    by_column: dict[int, list[tuple[Placed, str, Number | None]]] = {}
    for row in body:
        for p in row:
            text = cell_text(p.cell)
            if p.cell.span == 1 and text is not None and not any(_typed_calls(p)):  # those: CD205
                by_column.setdefault(p.column, []).append((p, text, outline_number(text) if text else None))
    for column, cells in sorted(by_column.items()):
        figures = [p for p, _, number in cells if number is not None]
        odd = [(p, text) for p, text, number in cells if text and number is None and not is_nil(text)
               and text != NOT_AVAILABLE]
        mixed = column not in numbers and not declared and column > 0 and len(figures) >= 2 and len(odd) < len(
            figures)  # a column of figures that one cell turns into text
        if column not in numbers and not mixed:
            continue  # a column of words
        for p, text in odd:
            better = _suggestion(text)
            if column in numbers:
                form = f"write {better}" if better else ("write it with digits and a decimal point (1234.5), “–” "
                                                         f"for nil or “{NOT_AVAILABLE}” for not available")
                yield Finding(p.path(path), f"“{text}” in a number column is not a number as the outline writes "
                                            f"them: {form}")
            elif mixed:
                form = f"write {better}" if better else f"write a number, “–” or “{NOT_AVAILABLE}”"
                yield Finding(p.path(path), f"“{text}” makes column {column + 1} text (its figures printed as typed, "
                                            f"aligned left): {form}, or declare the column in `columns:`")
        for p, text, _ in cells:
            why = _ambiguous(text, conv) if text else None
            if why:
                yield Finding(p.path(path), why)
    blanks = [row for row in body if any(p.column in numbers and not cell_text(p.cell) for p in row)]
    for row in blanks:  # a blank among figures: the UN writes nil or not available
        if not any(p.column in numbers and _says_figure(cell_text(p.cell)) for p in row):
            continue  # a row of words (a section head in the stub): its other cells are blank
        for p in row:
            if p.column in numbers and p.cell.span == 1 and cell_text(p.cell) == "" and not calls_note(p.cell):
                yield Finding(p.path(path), f"an empty cell among figures: write “–” (nil) or “{NOT_AVAILABLE}” "
                                            "(not available)")


def _says_figure(text: str | None) -> bool:
    """Whether a cell of a number column gives a figure, nil or "not available"."""
    if not text:
        return False
    return outline_number(text) is not None or is_nil(text) or text == NOT_AVAILABLE


@rule("CD518", "table-number-form", "warning", "A cell of a number column is not a number as the outline writes them")
def table_number_form(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags, in a column of figures, a cell that is not a number in the outline's form (digits, a decimal
    point, groups of three set off by commas or spaces, a minus or brackets, a per cent sign), with the form to
    write: "1,5" (write 1.5), "1.234.567" (write 1234567); a number that reads otherwise than the version's
    language may mean it ("1,500" in a French outline is one thousand five hundred); a cell that turns a column
    of figures into text; an empty cell among figures.

    Why: cddraft writes a figure in the language's form (groups of three with a space in every language, the
    decimal mark of the language, negatives in brackets) and aligns figures right, as issued UN tables do; a cell
    it cannot read as a number is printed as typed, and one such cell in an undeclared column makes the whole
    column text. Versions are compared by value (``cddraft align``), which needs one form in every version. The
    UN writes "–" where there is nothing to report and ".." where figures are not available, never a blank.

    Example::

        - table: Contributions
          columns: [text, number]
          rows:
            - [Algeria, "1,5"]           # CD518: write 1.5
            - [Brazil, ""]               # CD518: write – (nil) or .. (not available)

    Manual: un-conventions.md §6.10 (figures aligned right, grouping, decimal mark, negatives, nil).
    """
    for table, path in iter_tables(doc):
        yield from _number_findings(table, path, ctx.conv)


@rule("CD123", "table-too-small", "warning", "A table has a single column or a single row")
def table_too_small(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a table of one column, or with one row under its column heads.

    Why: "A table generally consists of at least two vertical columns and two horizontal rows" (Editorial
    Manual, "Tables"); less is better written as a list or a sentence.

    Example::

        - table: Members
          head: [State]                   # CD123: one column — write a list (bullets)
          rows: [[Algeria], [Brazil]]

    Manual: un-conventions.md §6.10 (the Editorial Manual, "Tables").
    """
    for table, path in iter_tables(doc):
        columns, rows = columns_of(table), len(table.rows)
        if columns < 2:
            yield Finding((*path, "table"), "a table of one column: write it as a list or as text (a table has "
                                            "at least two columns and two rows)", key=True)
        elif rows < 2:
            yield Finding((*path, "table"), "a table of one row: write it as text (a table has at least two "
                                            "columns and two rows)", key=True)


@rule("CD205", "typed-table-note-call", "warning", "A note call typed in a table cell (write the note in the cell)")
def typed_table_note_call(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a superscript letter, asterisk or figure typed in a cell (``12^{a}``), the call of a note the outline
    then writes by hand under the table.

    Why: notes to a table are lettered a, b, c in order and placed directly below the table, apart from the
    page's footnotes (Editorial Manual, "Footnotes", chapters II and IX). Written in the cell
    (``12^[Provisional figure.]``), the note is lettered, called and set under the table by cddraft — in order,
    in every language version (Arabic "(أ)"), never called twice with two letters; a typed call is not
    renumbered when a row moves.

    Example::

        rows:
          - [Algeria, "12^{a}"]          # CD205: write "12^[Provisional figure.]"
        note: a Provisional figure.

    Manual: un-conventions.md §6.10 (notes to a table), §4.1a (footnotes).
    """
    for table, path in iter_tables(doc):
        for part in ("head", "rows"):
            if not any("^{" in cell.text.raw for row in getattr(table, part) for cell in row.cells):
                continue  # the usual table: nothing raised
            for row in placed(table, part):
                for p in row:
                    for start, call in _typed_calls(p):
                        yield Finding(p.path(path), f"“{call}” typed as a note call: write the note in the cell, "
                                      "^[its text]; cddraft letters the calls and sets the notes under the table",
                                      offset=p.cell.text.visible.raw_offset(start), text=p.cell.text.raw)
