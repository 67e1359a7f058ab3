"""What an outline file may be: its size, encoding and characters, how deep it nests and how many values it holds.

A hostile or broken file (an alias bomb, ten thousand nested brackets, UTF-16, a pasted control character) is
refused cheaply, with a message at its place, before it can cost time or memory, or crash the interpreter (the C
composer does at some ten thousand levels). The composer itself counts values and levels against the same limits
(:mod:`cddraft.readers.outline.compose`).
"""

from __future__ import annotations

import re

import yaml

from cddraft.errors import CddraftError, Diagnostic, SourcePos
from cddraft.model.inline import FORBIDDEN_CHARACTERS
from cddraft.readers.outline.positions import Mark, mark_pos, offset_pos

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
#: Below this bound on the nesting depth composing is safe, and the composer reports a depth over MAX_DEPTH
#: itself; the C composer crashes the interpreter at some ten thousand levels.
_SAFE_BOUND = 1000
_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(mark: Mark | None, file: str) -> CddraftError:
    """The error for a value nested more than :data:`MAX_DEPTH` levels deep, at ``mark`` (the parser's events
    carry one, but their type allows none)."""
    return CddraftError([Diagnostic(f"the outline is nested more than {MAX_DEPTH} levels deep; flatten it",
                                    pos=mark_pos(mark) if mark is not None else None, file=file)])


def too_many_values(mark: Mark, file: str) -> CddraftError:
    """The error for an outline that expands to more than :data:`MAX_NODES` values, at ``mark``."""
    return CddraftError([Diagnostic(
        f"the outline expands to more than {MAX_NODES:,} values (an alias bomb? each use of an "
        "alias such as *name counts again); write repeated parts out once, or split the document",
        pos=mark_pos(mark), file=file)])


def too_large(size: int, more: bool, file: str) -> CddraftError:
    """The error for a file over :data:`MAX_BYTES` (``more``: ``size`` is what was read; the file holds more)."""
    return CddraftError([Diagnostic(f"the file is {'more than ' if more else ''}{size:,} bytes; outlines are "
                                    f"limited to {MAX_BYTES:,} bytes: split the document or move annexes to their "
                                    "own outlines", file=file)])


def decode(raw: bytes, file: str) -> str:
    """The file's text: UTF-8 (a byte-order mark dropped); UTF-16, UTF-32 and bytes that are not UTF-8 refused."""
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


def check_characters(text: str, file: str) -> None:
    """Refuse the first character YAML or XML cannot carry (NEL, which YAML takes for a line end, among them),
    at its line and column: found before parsing, so the message has the right position."""
    m = FORBIDDEN_CHARACTERS.search(text)
    if m:
        raise CddraftError(
            [
                Diagnostic(
                    f"control character U+{ord(m.group()):04X} cannot appear in an outline; delete it (it usually "
                    "comes from pasting)",
                    pos=offset_pos(text, m.start()),
                    file=file,
                )
            ]
        )


def depth_bound(text: str) -> int:
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


def check_depth(text: str, file: str, loader: type) -> None:
    """Refuse deep nesting from the event stream of ``loader``, before composing.

    Composing recurses once per level (the C composer crashes the interpreter at some ten thousand
    levels, which a 2 MB file can hold), and scanning costs grow with the depth, so the scan stops at
    the first level too deep. An outline whose depth cannot reach :data:`_SAFE_BOUND` (every real one)
    skips the scan, which is a second parse: ~45 ms at 4,000 paragraphs.
    """
    if depth_bound(text) < _SAFE_BOUND:
        return
    try:
        _scan_depth(text, file, loader)
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
                raise too_deep(event.start_mark, file)
        elif isinstance(event, _CLOSE):
            depth -= 1
