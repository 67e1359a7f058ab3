"""Outline data → :class:`Document`, with every problem reported at its line and column.

Pydantic checks each value; :mod:`cddraft.model.coherence` then checks what ties values together. Both
report model paths, which the outline's :class:`~cddraft.readers.outline.positions.SourceMap` turns into positions.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cddraft.errors import CddraftError, Diagnostic, Path_, closest
from cddraft.model import blocks, document, table
from cddraft.model.coherence import semantic_problems
from cddraft.model.document import Document
from cddraft.model.inline import MarkupError
from cddraft.readers.outline.positions import Outline


def _vocabulary() -> list[str]:
    names: set[str] = set()
    for mod in (blocks, document, table):
        for obj in vars(mod).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                names.update(obj.model_fields)
            elif isinstance(obj, type) and dataclasses.is_dataclass(obj):  # a table's cell
                names.update(f.name for f in dataclasses.fields(obj))
    return sorted(names)


def _clean_loc(loc: tuple[Any, ...], data: Any) -> Path_:
    """Drop union tags from a pydantic location so it matches the outline's own path."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            path.append(part)
    return tuple(path)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)



def _message(err: ErrorDetails, vocabulary: list[str], path: Path_ = ()) -> str:
    kind, loc, value = err["type"], err["loc"], err.get("input")
    # name the key as the outline has it (not a union branch such as 'para' or 'function-after[…]')
    name = next((p for p in reversed(path) if isinstance(p, str)), None) or next(
        (p for p in reversed(loc) if isinstance(p, str)), "value")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # a model's key, a dataclass's (a cell)
        key = str(loc[-1])
        hint = closest(key, vocabulary)
        if hint == key:  # a real key, in the wrong place
            return (f"key {key!r} does not belong here; check its indentation, or give it its own list entry "
                    "('- ') if it starts another block")
        tip = f"; did you mean {hint!r}?" if hint else "; remove it or check its indentation"
        return f"unknown key {key!r}{tip}"
    if kind == "missing":
        parent = next((p for p in reversed(path) if isinstance(p, str)), None)
        where = f"under `{parent}:`" if parent else "at the top of the outline"
        return f"missing required key {loc[-1]!r}; add `{loc[-1]}: …` {where}"
    if value is None and path and isinstance(path[-1], int):
        return f"{name}: entry {path[-1] + 1} is empty; write it after the '- ', or delete the line"
    if kind.startswith("date") or kind.startswith("datetime"):
        reason = err["msg"].split(",", 1)[-1].strip() if "," in err["msg"] else err["msg"]
        return f"{name}: {_describe(value)} is not a valid date ({reason}); write it as YYYY-MM-DD"
    if kind == "literal_error":
        return f"{name}: {_describe(value)} is not allowed; use {err['ctx']['expected']}"
    if kind in ("string_type", "str_type"):
        return f"{name}: expected text, found {_describe(value)}"
    if kind == "list_type":
        return f"{name}: expected a list (lines starting with '- '), found {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name}: expected a mapping (key: value lines), found {_describe(value)}"
    if kind == "bool_parsing" or kind == "bool_type":
        return f"{name}: expected true or false, found {_describe(value)}"
    if kind == "greater_than_equal":
        return f"{name}: {value} is too small; at least {err['ctx'].get('ge')}"
    if kind == "less_than_equal":
        return f"{name}: {value} is too large; at most {err['ctx'].get('le')}"
    if kind == "string_too_short":
        return f"{name}: must not be empty"
    if kind == "too_short":
        return f"{name}: needs at least {err['ctx'].get('min_length', 1)} entry"
    if kind == "too_long":
        return f"{name}: at most {err['ctx'].get('max_length')} entries"
    if kind == "string_pattern_mismatch":
        return f"{name}: {_describe(value)} must start with a letter and hold only letters, digits, . _ -"
    if kind == "value_error":
        return f"{name}: {err['msg'].removeprefix('Value error, ')}"
    return f"{name}: {err['msg']}"


def build_document(outline: Outline) -> Document:
    """Validate outline data into a :class:`Document`; raise with all problems at once."""
    diags: list[Diagnostic] = []
    doc: Document | None = None
    try:
        doc = Document.model_validate(outline.data)
    except ValidationError as exc:
        vocab = _vocabulary()
        for err in exc.errors():
            path = _clean_loc(err["loc"], outline.data)
            key = err["type"] in ("extra_forbidden", "unexpected_keyword_argument")
            cause = (err.get("ctx") or {}).get("error")
            d = Diagnostic(_message(err, vocab, path), path=path)
            if isinstance(cause, MarkupError):  # at the markup at fault, not at the start of the text
                d.offset, d.text = cause.offset, cause.text
            d.pos = outline.position(path, key=key, offset=d.offset, text=d.text)
            diags.append(d)
    if doc is not None:
        diags.extend(semantic_problems(doc))
    for d in diags:
        d.file = outline.file_of(d.path)
        if d.pos is None:
            d.pos = outline.position(d.path, offset=d.offset, text=d.text)
    if diags:
        raise CddraftError(sorted(diags, key=Diagnostic.sort_key))
    assert doc is not None
    return doc
