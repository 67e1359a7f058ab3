"""Read an outline file into plain data plus a map of where every value stands.

YAML is *composed* (PyYAML's C parser), never constructed: no tag can build an object, dates
and numbers stay text until the typed model parses them (so ``2017-02-30`` becomes a message,
not a crash), and ``no``/``yes`` stay words. Every scalar becomes ``str`` (``None`` for an empty
or ``null`` value); pydantic's lax mode turns text into the declared type and reports failures
by path, which :class:`SourceMap` turns back into ``LINE:COL``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cddraft.errors import CddraftError, Diagnostic, Path_, SourcePos

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


@dataclass
class SourceMap:
    """Positions of values and keys, by model path (``("letter", "paragraphs", 2)``)."""

    values: dict[Path_, SourcePos] = field(default_factory=dict)
    keys: dict[Path_, SourcePos] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> SourcePos:
        """The position of ``path``, or of its nearest ancestor that exists in the file."""
        p = tuple(path)
        while p:
            if key and p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            p = p[:-1]
        return self.values.get((), SourcePos(1, 1))


@dataclass
class Outline:
    """A loaded outline: its data, positions and file name (for messages)."""

    data: Any
    sources: SourceMap
    file: str
    text: str = ""


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
                        f"the outline expands to more than {MAX_NODES} values (an alias bomb?); "
                        "remove repeated aliases",
                        pos=_pos(node.start_mark),
                        file=self.file,
                    )
                ]
            )
        if depth > MAX_DEPTH:
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
            if not isinstance(key_node, yaml.ScalarNode):
                self.error("a key must be plain text", key_node.start_mark)
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
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CddraftError(
            [Diagnostic("the file is UTF-16; save it as UTF-8", pos=SourcePos(1, 1), file=file)]
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


def parse_outline_text(text: str, file: str) -> Outline:
    """Compose YAML text into plain data with positions; raise on syntax errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        at = mark.index if mark is not None else -1
        if "'\\t'" in problem or (0 <= at < len(text) and text[at] == "\t"):
            problem += "; indent with spaces, not tabs"
        pos = _pos(mark) if mark is not None else SourcePos(1, 1)
        raise CddraftError([Diagnostic(f"YAML syntax error: {problem}", pos=pos, file=file)]) from None
    except yaml.YAMLError as exc:
        raise CddraftError([Diagnostic(f"YAML error: {exc}", pos=SourcePos(1, 1), file=file)]) from None
    if node is None:
        raise CddraftError(
            [Diagnostic("the outline is empty; start from `cddraft new letter`", pos=SourcePos(1, 1), file=file)]
        )
    conv = _Converter(file)
    data = conv.convert(node, (), 0)
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
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CddraftError(
                [Diagnostic(f"the file is {size:,} bytes; outlines are limited to {MAX_BYTES:,}", file=file)]
            )
        raw = p.read_bytes()
    except FileNotFoundError:
        raise CddraftError([Diagnostic("no such file", file=file)]) from None
    except PermissionError:
        raise CddraftError([Diagnostic("cannot read the file (permission denied)", file=file)]) from None
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot read the file: {exc.strerror}", file=file)]) from None
    return parse_outline_text(_decode(raw, file), file)
