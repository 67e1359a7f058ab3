"""Read an outline file into plain data plus a map of where every value stands.

YAML is *composed* (PyYAML's C parser), never constructed: no tag can build an object, dates
and numbers stay text until the typed model parses them (so ``2017-02-30`` becomes a message,
not a crash), and ``no``/``yes`` stay words. Every scalar becomes ``str`` (``None`` for an empty
or ``null`` value); pydantic's lax mode turns text into the declared type and reports failures
by path, which :class:`SourceMap` turns back into ``LINE:COL``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from cddraft.errors import CddraftError, Diagnostic, Path_, SourcePos
from cddraft.readcap import read_capped
from cddraft.readers.outline.positions import Outline, SourceMap

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: What YAML and XML cannot carry: C0/C1 controls (tab and line ends aside; NEL, which YAML takes for a
#: line end, included), U+FFFE/U+FFFF. Found before parsing, so the message has the right position.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _pos(mark: yaml.Mark) -> SourcePos:
    return SourcePos(mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.sources = SourceMap()
        self.errors: list[Diagnostic] = []
        self.count = 0

    def error(self, message: str, mark: yaml.Mark) -> None:
        self.errors.append(Diagnostic(message, pos=_pos(mark), file=self.file))

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise CddraftError(
                [
                    Diagnostic(
                        f"the outline expands to more than {MAX_NODES:,} values (an alias bomb? each use of an "
                        "alias such as *name counts again); write repeated parts out once, or split the document",
                        pos=_pos(node.start_mark),
                        file=self.file,
                    )
                ]
            )
        if depth > MAX_DEPTH and isinstance(node, yaml.CollectionNode):  # counted as the pre-scan counts
            raise CddraftError(
                [
                    Diagnostic(
                        f"the outline is nested more than {MAX_DEPTH} levels deep; flatten it",
                        pos=_pos(node.start_mark),
                        file=self.file,
                    )
                ]
            )
        self.sources.values.setdefault(path, _pos(node.start_mark))
        if node.tag not in _STANDARD_TAGS:
            self.error(
                f"YAML tag {node.tag!r} is not allowed in an outline; remove it (outlines hold plain text, "
                "lists and mappings)",
                node.start_mark,
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:null" and not node.style:
            return None
        return node.value

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error("YAML merge keys (<<) are not supported; write the keys out", key_node.start_mark)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.error("a key must be plain text (no list, mapping or YAML tag); write it as `name:`",
                           key_node.start_mark)
                continue
            key = key_node.value
            if key in out:
                first = self.sources.keys[(*path, key)]
                self.error(
                    f"duplicate key {key!r} (first given at line {first.line}); keep one of them",
                    key_node.start_mark,
                )
                continue
            self.sources.keys[(*path, key)] = _pos(key_node.start_mark)
            out[key] = self.convert(value_node, (*path, key), depth + 1)
        return out


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise CddraftError(
            [Diagnostic("the file is UTF-16 or UTF-32; save it as UTF-8", pos=SourcePos(1, 1), file=file)]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise CddraftError(
            [
                Diagnostic(
                    f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8",
                    pos=SourcePos(line, col),
                    file=file,
                )
            ]
        ) from None


def _offset_pos(text: str, index: int) -> SourcePos:
    """Line and column of a character offset, counting lines as editors do (LF, CRLF or CR)."""
    before = text[:index]
    lines = re.split(r"\r\n|\r|\n", before)
    return SourcePos(len(lines), len(lines[-1]) + 1)


def _check_characters(text: str, file: str) -> None:
    m = _CONTROL.search(text)
    if m:
        raise CddraftError(
            [
                Diagnostic(
                    f"control character U+{ord(m.group()):04X} cannot appear in an outline; delete it (it usually "
                    "comes from pasting)",
                    pos=_offset_pos(text, m.start()),
                    file=file,
                )
            ]
        )


#: Below this bound on the nesting depth the composer is safe and convert() reports a depth over MAX_DEPTH;
#: the C composer crashes the interpreter at some ten thousand levels.
_SAFE_BOUND = 1000
_BRACKET = re.compile(r"[\[\]{}]")


def _depth_bound(text: str) -> int:
    """An upper bound on the nesting depth, from the text alone (linear, a few ms for 2 MB).

    Block nesting needs indentation (a block sequence may sit at its parent key's indentation, hence 2 ×),
    compact nesting (``- - x``, ``? …``) a run of indicators at the start of a line, flow nesting an open
    bracket; brackets inside text only raise the bound.
    """
    # leading blanks, "-" and "?" of each line: the indentation plus compact indicators (or more, never less)
    block = 2 * (max((len(line) - len(line.lstrip(" -?")) for line in text.splitlines()), default=0) + 1)
    flow = depth = 0
    for m in _BRACKET.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        flow = max(flow, depth)
    return block + flow + 1


def _check_depth(text: str, file: str) -> None:
    """Refuse deep nesting from the event stream, before composing.

    Composing recurses once per level (the C composer crashes the interpreter at some ten thousand
    levels, which a 2 MB file can hold), and scanning costs grow with the depth, so the scan stops at
    the first level too deep. An outline whose depth cannot reach :data:`_SAFE_BOUND` (every real one)
    skips the scan, which is a second parse: ~45 ms at 4,000 paragraphs.
    """
    if _depth_bound(text) < _SAFE_BOUND:
        return
    try:
        _scan_depth(text, file, _Loader)
    except yaml.MarkedYAMLError as exc:
        # Newer libyaml stops at its own nesting limit while reading ahead, before the event that is
        # too deep reaches us; the pure-Python parser reads lazily and finds the right place.
        if "nesting depth" not in str(exc.problem):
            raise
        _scan_depth(text, file, yaml.SafeLoader)


def _scan_depth(text: str, file: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise CddraftError(
                    [
                        Diagnostic(
                            f"the outline is nested more than {MAX_DEPTH} levels deep; flatten it",
                            pos=_pos(event.start_mark),
                            file=file,
                        )
                    ]
                )
        elif isinstance(event, _CLOSE):
            depth -= 1


#: What to do about the YAML mistakes people make, by a fragment of the parser's problem text.
_HINTS = (
    ("undefined alias", "a value that starts with * is read as an alias: put the text in quotes "
                        "(\"*italic* text…\")"),
    ("another document", "an outline holds one document: remove the '---' line"),
    ("mapping values are not allowed", "a ': ' inside a value: put the value in quotes, or check the indentation"),
    ("expected ',' or ']'", "close the [ … ] list, or put a value holding [ ] or , in quotes"),
    ("expected ',' or '}'", "close the { … } mapping, or put a value that starts with { in quotes"),
    ("cannot start any token", "put the value in quotes"),
    ("alphabetic or numeric character", "a value that starts with * or & must be in quotes"),
    ("expected key", "check the indentation, or put a value that starts with { or [ in quotes"),
    ("end of stream", "close the quote or bracket"),
    ("expected <block end>", "check the indentation: keys of one mapping start in the same column"),
    ("expected ':'", "check the indentation, or put the value in quotes"),
)


_INDICATOR = re.compile(r"^\s*(?:-\s+|[^\s:#][^:#]*:\s+)([*&{\[!|>@`%])")


def _indicator_hint(text: str, mark: yaml.Mark | None) -> str | None:
    """Text that starts with a character YAML reads as syntax (``*Noting``, ``{ref:x} …``) needs quotes."""
    if mark is None:
        return None
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    m = _INDICATOR.match(line)
    if m is None:
        return None
    return (f"a value that starts with {m.group(1)} is read as YAML syntax: put the whole text in quotes "
            f"(\"{m.group(1)}…\")")


#: A line that starts a key (``title:``) or a list item (``- …``), and its indentation.
_STRUCTURAL = re.compile(r"^( *)(-(?: |$)|[^\s#'\"\-][^:#]*:(?: |$))")
#: Parser problems that a line indented one column off produces.
_INDENT_PROBLEMS = ("expected key", "mapping values are not allowed", "expected <block end>", "expected '-'")


def _indentation_hint(text: str, mark: yaml.Mark | None, problem: str) -> str | None:
    """A key or ``- `` indented unlike every key or item above it: name the line it should line up with."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or not any(p in problem for p in _INDENT_PROBLEMS):
        return None
    here = _STRUCTURAL.match(lines[mark.line])
    if here is None:
        return None
    indent, item = len(here.group(1)), here.group(2).startswith("-")
    above = [(len(m.group(1)), n) for n in range(mark.line - 1, max(-1, mark.line - 60), -1)
             if (m := _STRUCTURAL.match(lines[n])) and m.group(2).startswith("-") == item]
    if not above or any(i == indent for i, _ in above):
        return None
    near, line = min(above, key=lambda a: (abs(a[0] - indent), mark.line - a[1]))
    what = "'- '" if item else "the key"
    return (f"this line is indented {indent} space{'s' * (indent != 1)}, unlike every "
            f"{'list item' if item else 'key'} above it: start {what} in column {near + 1}, as on line {line + 1} "
            "(or indent it to belong where you meant)")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    at = mark.index if mark is not None else -1
    if "'\\t'" in problem or (0 <= at < len(text) and text[at] == "\t"):
        problem += "; indent with spaces, not tabs"
    else:
        context = exc.context_mark
        if exc.context and context is not None and mark is not None and context.line != mark.line:
            problem += f" ({exc.context} at line {context.line + 1}, column {context.column + 1})"
        hint = (_indentation_hint(text, mark, problem) or _indicator_hint(text, mark)
                or next((h for fragment, h in _HINTS if fragment in problem), None))
        if hint:
            problem += f"; {hint}"
    pos = _pos(mark) if mark is not None else SourcePos(1, 1)
    return Diagnostic(f"YAML syntax error: {problem}", pos=pos, file=file)


def parse_outline_text(text: str, file: str) -> Outline:
    """Compose YAML text into plain data with positions; raise on syntax errors.

    A U+2028/U+2029 separator (pasted from a web page or a PDF) is read as a space, as a line break inside a
    text is: so a comment does not end there, and lines are counted as the editor shows them.
    """
    if "\u2028" in text or "\u2029" in text:  # YAML ends a line at them; editors show no break there
        text = text.replace("\u2028", " ").replace("\u2029", " ")
    _check_characters(text, file)
    try:
        _check_depth(text, file)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise CddraftError([_syntax_error(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # a reader error: a character YAML does not accept
        at = getattr(exc, "position", None)
        pos = _offset_pos(text, at) if isinstance(at, int) else SourcePos(1, 1)
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise CddraftError([Diagnostic(f"YAML error: {reason}; delete the character or save the file as UTF-8",
                                       pos=pos, file=file)]) from None
    if node is None:
        raise CddraftError(
            [Diagnostic("the outline is empty; start from `cddraft new letter`", pos=SourcePos(1, 1), file=file)]
        )
    conv = _Converter(file)
    data = conv.convert(node, (), 1)  # the outline's own mapping is level 1
    if conv.errors:
        raise CddraftError(conv.errors)
    if not isinstance(data, dict):
        raise CddraftError(
            [
                Diagnostic(
                    "the outline must be a mapping of keys (symbol:, language:, letter: …), not a list or text",
                    pos=_pos(node.start_mark),
                    file=file,
                )
            ]
        )
    return Outline(data, conv.sources, file, text)


def load_outline(path: str | Path) -> Outline:
    """Read and compose an outline file; every failure is a :class:`CddraftError`."""
    p = Path(path)
    file = str(path)
    if p.is_dir():
        raise CddraftError([Diagnostic("is a directory, not an outline file", file=file)])
    try:
        raw = read_capped(p, MAX_BYTES)  # a device or pipe has no size to look at
        if len(raw) > MAX_BYTES:
            size = max(p.stat().st_size, len(raw))
            raise CddraftError(
                [Diagnostic(f"the file is {'more than ' if size == len(raw) else ''}{size:,} bytes; outlines are "
                            f"limited to {MAX_BYTES:,} bytes: split the document or move annexes to their own "
                            "outlines", file=file)]
            )
    except FileNotFoundError:
        raise CddraftError([Diagnostic("no such file", file=file)]) from None
    except PermissionError:
        raise CddraftError([Diagnostic("cannot read the file (permission denied)", file=file)]) from None
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot read the file: {exc.strerror}", file=file)]) from None
    return parse_outline_text(_decode(raw, file), file)
