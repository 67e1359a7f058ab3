"""YAML text → plain data and the position of every key and value.

YAML is *composed* (PyYAML's C parser), never constructed: no tag can build an object, dates
and numbers stay text until the typed model parses them (so ``2017-02-30`` becomes a message,
not a crash), and ``no``/``yes`` stay words. Every scalar becomes ``str`` (``None`` for an empty
or ``null`` value); pydantic's lax mode turns text into the declared type and reports failures
by path, which the :class:`~cddraft.readers.outline.positions.SourceMap` made here turns back into ``LINE:COL``.
"""

from __future__ import annotations

from typing import Any

import yaml

from cddraft.errors import CddraftError, Diagnostic, Path_, SourcePos
from cddraft.readers.outline.hints import syntax_error
from cddraft.readers.outline.limits import MAX_DEPTH, MAX_NODES, check_depth, too_deep, too_many_values
from cddraft.readers.outline.positions import SourceMap, mark_pos, offset_pos

#: libyaml's loader when PyYAML was built with it, else the pure-Python one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


def compose(text: str, file: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` (None when it holds no document); a syntax error is a :class:`CddraftError`
    at its place, with a hint (:mod:`cddraft.readers.outline.hints`)."""
    try:
        check_depth(text, file, LOADER)
        return yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        raise CddraftError([syntax_error(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # a reader error: a character YAML does not accept
        at = getattr(exc, "position", None)
        pos = offset_pos(text, at) if isinstance(at, int) else SourcePos(1, 1)
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise CddraftError([Diagnostic(f"YAML error: {reason}; delete the character or save the file as UTF-8",
                                       pos=pos, file=file)]) from None


def to_data(node: yaml.Node, file: str) -> tuple[Any, SourceMap]:
    """Plain data (dicts, lists, strings, None) from a node tree, and where each key and value stands; every
    tag, merge key, complex key and duplicate key is refused, all in one :class:`CddraftError`."""
    converter = _Converter(file)
    data = converter.convert(node, (), 1)  # the outline's own mapping is level 1
    if converter.errors:
        raise CddraftError(converter.errors)
    return data, converter.sources


class _Converter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.sources = SourceMap()
        self.errors: list[Diagnostic] = []
        self.count = 0

    def error(self, message: str, mark: yaml.Mark) -> None:
        self.errors.append(Diagnostic(message, pos=mark_pos(mark), file=self.file))

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise too_many_values(node.start_mark, self.file)
        if depth > MAX_DEPTH and isinstance(node, yaml.CollectionNode):  # counted as the pre-scan counts
            raise too_deep(node.start_mark, self.file)
        self.sources.values.setdefault(path, mark_pos(node.start_mark))
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
            return [self._item(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.style:
            return None
        return node.value

    def _item(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        """A list's item: a plain string at once (the cells of a table's rows are thousands), else converted."""
        if type(node) is yaml.ScalarNode and node.tag == "tag:yaml.org,2002:str":
            self.count += 1
            if self.count > MAX_NODES:
                raise too_many_values(node.start_mark, self.file)
            mark = node.start_mark
            self.sources.values.setdefault(path, SourcePos(mark.line + 1, mark.column + 1))
            return node.value
        return self.convert(node, path, depth)

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
            self.sources.keys[(*path, key)] = mark_pos(key_node.start_mark)
            out[key] = self.convert(value_node, (*path, key), depth + 1)
        return out
