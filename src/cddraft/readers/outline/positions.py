"""Model path (+ character offset) → ``LINE:COL`` in the outline text.

The :class:`SourceMap` knows where each value *starts*, as the YAML composer saw it. A finding about
one word of a long folded paragraph should point at that word's line, so the offset inside the
model string is carried into the source: both are walked in step over their non-blank characters
(YAML folding only changes blanks). When the source spells a character differently (an escape
in a double-quoted scalar) the walk gives up and the value's start is used.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from cddraft.errors import Path_, SourcePos

#: Line breaks as YAML and editors count them.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Mark(Protocol):
    """A place the YAML parser marks: PyYAML's ``yaml.Mark``, or libyaml's on its events."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def mark_pos(mark: Mark) -> SourcePos:
    """``LINE:COL`` of a place the YAML parser marks (it counts from 0)."""
    return SourcePos(mark.line + 1, mark.column + 1)


def offset_pos(text: str, index: int) -> SourcePos:
    """Line and column of a character offset, counting lines as editors do (LF, CRLF or CR)."""
    lines = _LINE_BREAK.split(text[:index])
    return SourcePos(len(lines), len(lines[-1]) + 1)


@dataclass
class SourceMap:
    """Positions of values and keys, by model path (``("letter", "paragraphs", 2)``)."""

    values: dict[Path_, SourcePos] = field(default_factory=dict)
    keys: dict[Path_, SourcePos] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> SourcePos:
        """The position of ``path``, or of its nearest ancestor that exists in the file."""
        p = self._as_written(tuple(path))
        while p:
            if key and p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            p = p[:-1]
        return self.values.get((), SourcePos(1, 1))


    def _as_written(self, path: Path_) -> Path_:
        """``path`` as the file writes it: a key the outline's shorthand leaves out (``text`` of a paragraph or a
        cell written as its text, ``cells`` of a row written as its list of cells) is stepped over, so that a
        finding in the third cell of a row points at that cell; the steps after the first one not recorded are
        left to :meth:`locate`, which falls back to the nearest ancestor."""
        out: Path_ = ()
        for i, step in enumerate(path):
            nxt = (*out, step)
            if nxt in self.values or nxt in self.keys:
                out = nxt
            elif not isinstance(step, str):
                return (*out, *path[i:])
        return out if out else path


@dataclass
class SourceText:
    """The outline text with line starts, for index ↔ position conversion."""

    text: str
    sources: SourceMap
    starts: list[int] = field(init=False)
    marks: list[int] = field(init=False)
    alignments: dict[tuple[int, str], _Alignment] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        every = [*self.sources.values.values(), *self.sources.keys.values()]
        self.marks = sorted({self.index(p) for p in every})

    def index(self, pos: SourcePos) -> int:
        line = min(max(pos.line, 1), len(self.starts))
        return min(self.starts[line - 1] + pos.column - 1, len(self.text))

    def pos(self, index: int) -> SourcePos:
        line = bisect.bisect_right(self.starts, index)
        return SourcePos(line, index - self.starts[line - 1] + 1)

    def end_of_value(self, start: int) -> int:
        """Where the next recorded key or value begins: the value at ``start`` ends before it."""
        k = bisect.bisect_right(self.marks, start)
        return self.marks[k] if k < len(self.marks) else len(self.text)

    def locate(self, path: Path_, offset: int, text: str) -> SourcePos:
        """Where character ``offset`` of ``text`` (the value at ``path``, as written) stands in the file."""
        start = self.sources.locate(path)
        begin = self.index(start)
        alignment = self.alignments.get((begin, text))
        if alignment is None:  # one per value: its findings resume the walk from the nearest point already known
            alignment = self.alignments[begin, text] = _Alignment(self.text, begin, self.end_of_value(begin), text)
        found = alignment.locate(offset)
        return start if found is None else self.pos(found)


def _anchor(src: str, begin: int, end: int, value: str) -> tuple[int, int] | None:
    """Where the value's first non-blank characters stand in the source, and that index in the value."""
    j = len(value) - len(value.lstrip())
    if j >= len(value):
        return None
    token = value[j:].split(None, 1)[0][:16]
    a = src.find(token, begin, end)
    if a < 0 and "'" in token:  # a single-quoted scalar writes ' as ''
        a = src.find(token.replace("'", "''"), begin, end)
    return None if a < 0 else (a, j)


#: Characters of a value between two remembered points of its walk: a finding is placed in at most this many steps.
_STEP = 256


class _Alignment:
    """Where the characters of one value stand in the source, found by walking both in step over their
    non-blank characters (YAML folding only changes blanks) and remembering a point every :data:`_STEP`
    characters, so that the thousandth finding in a long paragraph costs what the first did. When the source
    spells a character differently (an escape in a double-quoted scalar) the walk stops: later characters
    have no position of their own."""

    def __init__(self, src: str, begin: int, end: int, value: str) -> None:
        self.src, self.end, self.value = src, end, value
        anchor = _anchor(src, begin, end, value)
        self.js, self.is_ = ([anchor[1]], [anchor[0]]) if anchor else ([], [])
        self.broken = len(value) + 1  # the value index where the walk failed; offsets from there have no place

    def locate(self, offset: int) -> int | None:
        if not self.js or offset >= self.broken:
            return None
        src, end, value = self.src, self.end, self.value
        offset = min(offset, len(value))
        k = max(bisect.bisect_right(self.js, offset) - 1, 0)
        j, i = self.js[k], self.is_[k]
        while j < offset:
            c = value[j]
            if not c.isspace():
                while i < end and src[i].isspace():
                    i += 1
                if i < end and c == "'" and src.startswith("''", i) and not value.startswith("''", j):
                    i += 2  # a single-quoted scalar doubles its quotes
                elif i < end and src[i] == c:
                    i += 1
                else:
                    self.broken = j
                    return None
            j += 1
            if j >= self.js[-1] + _STEP:
                self.js.append(j)
                self.is_.append(i)
        if offset < len(value) and not value[offset].isspace():
            while i < end and src[i].isspace():
                i += 1
        return i if i < end else None


@dataclass
class Outline:
    """A loaded outline: its data, positions and file name (for messages)."""

    data: Any
    sources: SourceMap
    file: str
    text: str = ""
    #: Values read from other files (a table's ``rows_from:`` CSV): the path under which they stand → the file,
    #: whose lines and columns the source map holds for them.
    files: dict[Path_, str] = field(default_factory=dict)
    _source_text: SourceText | None = field(default=None, repr=False, compare=False)

    def file_of(self, path: Path_) -> str:
        """The file the value at ``path`` was read from: the outline, or a file it reads rows from."""
        for prefix, file in self.files.items():
            if tuple(path[:len(prefix)]) == prefix:
                return file
        return self.file

    def position(self, path: Path_, *, key: bool = False, offset: int | None = None,
                 text: str | None = None) -> SourcePos:
        """``LINE:COL`` of the value (or key) at ``path``, or of character ``offset`` of its text ``text``."""
        if offset is None or text is None or key:
            return self.sources.locate(path, key=key)
        if self.file_of(path) != self.file:  # a cell of a CSV file: its text as written there, escapes aside
            start = self.sources.locate(path)
            return SourcePos(start.line, start.column + offset - text[:offset].count("\\"))
        if self._source_text is None:  # scans the whole text: made only once a position inside a value is asked
            self._source_text = SourceText(self.text, self.sources)
        return self._source_text.locate(path, offset, text)
