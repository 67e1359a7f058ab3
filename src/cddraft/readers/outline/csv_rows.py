"""A table's ``rows_from:`` CSV file read into its rows, before the tree is validated (issue 27).

A secretariat keeps its figures in a spreadsheet: saved as CSV beside the outline, they become the table's rows
without retyping. The file is read with the outline reader's limits (size, characters), as UTF-8 (Excel: "CSV
UTF-8"), its delimiter found among comma, semicolon and tab (Excel writes a semicolon where the decimal mark
is a comma). Cells are text as written: their characters are escaped, never read as markup. Every cell keeps its
line and column in the CSV file, so a problem found in it later is reported there.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from cddraft.errors import CddraftError, Diagnostic, Path_, SourcePos
from cddraft.model.inline import FORBIDDEN_CHARACTERS, escape
from cddraft.readcap import read_capped
from cddraft.readers.outline.limits import MAX_BYTES
from cddraft.readers.outline.positions import Outline

_DELIMITERS = ",;\t"


def _tables(value: Any, path: Path_) -> list[tuple[dict[str, Any], Path_]]:
    """Every table block of the outline data (a mapping with ``table:``) that names a CSV file."""
    found: list[tuple[dict[str, Any], Path_]] = []
    if isinstance(value, dict):
        if "table" in value:  # a table holds no other: its rows are not walked
            if isinstance(value.get("rows_from"), str):
                found.append((value, path))
            return found
        for key, item in value.items():
            if isinstance(item, dict | list):
                found.extend(_tables(item, (*path, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict | list):
                found.extend(_tables(item, (*path, i)))
    return found


def _starts(line: str, delimiter: str) -> list[int]:
    """The column (from 0) where each cell of a CSV line starts (quotes respected)."""
    starts, quoted = [0], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def _delimiter(line: str) -> str:
    """The delimiter of the first line: the one of comma, semicolon and tab it holds most often outside quotes
    (a comma when it holds none). Predictable where :class:`csv.Sniffer` guesses from a sample."""
    counts = {d: len(_starts(line, d)) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def _read(file: Path, shown: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """The CSV file's records: each with its line (from 1) and its cells with their columns (from 1)."""
    try:
        raw = read_capped(file, MAX_BYTES)
    except FileNotFoundError:
        raise CddraftError([Diagnostic("no such file (the `rows_from:` of a table names it)", file=shown)]) from None
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot read the file: {exc.strerror}", file=shown)]) from None
    if len(raw) > MAX_BYTES:
        raise CddraftError([Diagnostic(f"the file is over {MAX_BYTES:,} bytes; split the table", file=shown)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8", "replace")) + 1
        raise CddraftError([Diagnostic("the file is not UTF-8 here; save it as UTF-8 (Excel: 'CSV UTF-8 (Comma "
                                       "delimited)')", file=shown, pos=SourcePos(line, column))]) from None
    bad = FORBIDDEN_CHARACTERS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise CddraftError([Diagnostic(f"control character U+{ord(bad.group()):04X} cannot appear in a document; "
                                       "delete it", file=shown, pos=SourcePos(line, column))])
    lines = text.splitlines()
    delimiter = _delimiter(next((line for line in lines if line.strip()), ""))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[tuple[int, str]]]] = []
    first = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                written = lines[first - 1] if first <= len(lines) else ""
                starts = _starts(written, delimiter)
                # a cell's text starts after its opening quote, when it has one
                records.append((first, [(starts[i] + 1 + written.startswith('"', starts[i]) if i < len(starts)
                                         else 1, c) for i, c in enumerate(cells)]))
            first = reader.line_num + 1
    except csv.Error as exc:
        raise CddraftError([Diagnostic(f"not a CSV file as read: {exc}", file=shown,
                                       pos=SourcePos(reader.line_num or 1, 1))]) from None
    return records


def read_rows_from(outline: Outline, base: Path | None) -> None:
    """Put the rows of each table's ``rows_from:`` file (relative to ``base``, the outline's folder) into the
    outline's data and source map; the file's first line is the column heads when the table gives no ``head:``.
    Every file that cannot be read is reported at once."""
    problems: list[Diagnostic] = []
    for table, path in _tables(outline.data, ()):
        name = table["rows_from"]
        where = outline.position((*path, "rows_from"), key=True)
        if base is None:
            problems.append(Diagnostic("`rows_from:` can only be read from an outline file", file=outline.file,
                                       pos=where))
            continue
        shown = str(Path(name) if Path(name).is_absolute() else base / name)
        try:
            records = _read(Path(shown), shown)
        except CddraftError as exc:
            problems.extend(exc.diagnostics)
            continue
        if "rows" in table:
            problems.append(Diagnostic("give `rows:` or `rows_from:`, not both", file=outline.file, pos=where))
            continue
        part_rows: dict[str, list[list[str]]] = {"rows": []}
        if "head" not in table and records:
            part_rows["head"] = []
        for n, (line, cells) in enumerate(records):
            part = "head" if n == 0 and "head" in part_rows else "rows"
            r = len(part_rows[part])
            part_rows[part].append([escape(text.strip()) for _, text in cells])
            outline.sources.values[(*path, part, r)] = SourcePos(line, 1)
            for c, (column, _) in enumerate(cells):
                outline.sources.values[(*path, part, r, c)] = SourcePos(line, column)
        for part, rows in part_rows.items():
            table[part] = rows
            outline.sources.values.setdefault((*path, part), SourcePos(1, 1))
            outline.files[(*path, part)] = shown
    if problems:
        raise CddraftError(problems)
