"""What to do about a YAML syntax error: the parser's problem, at its place, with a hint in the writer's terms.

PyYAML says what it expected ("expected <block end>, but found '-'"); people need to know what to change (a
key indented one column off, a value starting with ``*`` that needs quotes, a tab). The hints are found from
the problem's text and the line it points at.
"""

from __future__ import annotations

import re

import yaml

from cddraft.errors import Diagnostic, SourcePos
from cddraft.readers.outline.positions import mark_pos

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


def syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    """The parser's complaint at its place, with what to do about it: the hint for the line's indentation, for a
    value that starts with a YAML indicator, or for the problem's text."""
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
    pos = mark_pos(mark) if mark is not None else SourcePos(1, 1)
    return Diagnostic(f"YAML syntax error: {problem}", pos=pos, file=file)
