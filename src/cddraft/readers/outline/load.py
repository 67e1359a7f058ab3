"""Read an outline file into plain data plus a map of where every value stands: the outline reader's entry point.

The file is read within the input limits (:mod:`.limits`: size, encoding, characters, depth), composed
(:mod:`.compose`: YAML → plain data with positions; syntax errors with hints from :mod:`.hints`), and must be one
mapping of keys. Every failure is a :class:`~cddraft.errors.CddraftError` at its place; nothing is validated here
(:mod:`.validate` does that).
"""

from __future__ import annotations

from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic, SourcePos
from cddraft.readcap import read_capped
from cddraft.readers.outline.compose import compose, to_data
from cddraft.readers.outline.csv_rows import read_rows_from
from cddraft.readers.outline.limits import MAX_BYTES, check_characters, decode, too_large
from cddraft.readers.outline.positions import Outline, mark_pos


def parse_outline_text(text: str, file: str, base: Path | None = None) -> Outline:
    """Compose YAML text into plain data with positions; raise on syntax errors. A table's ``rows_from:`` file
    is read relative to ``base`` (the outline's folder; text made in memory has none).

    A U+2028/U+2029 separator (pasted from a web page or a PDF) is read as a space, as a line break inside a
    text is: so a comment does not end there, and lines are counted as the editor shows them.
    """
    if "\u2028" in text or "\u2029" in text:  # YAML ends a line at them; editors show no break there
        text = text.replace("\u2028", " ").replace("\u2029", " ")
    check_characters(text, file)
    node = compose(text, file)
    if node is None:
        raise CddraftError(
            [Diagnostic("the outline is empty; start from `cddraft new letter`", pos=SourcePos(1, 1), file=file)]
        )
    data, sources = to_data(node, file)
    if not isinstance(data, dict):
        raise CddraftError(
            [
                Diagnostic(
                    "the outline must be a mapping of keys (symbol:, language:, letter: …), not a list or text",
                    pos=mark_pos(node.start_mark),
                    file=file,
                )
            ]
        )
    outline = Outline(data, sources, file, text)
    read_rows_from(outline, base)
    return outline


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
            raise too_large(size, size == len(raw), file)
    except FileNotFoundError:
        raise CddraftError([Diagnostic("no such file", file=file)]) from None
    except PermissionError:
        raise CddraftError([Diagnostic("cannot read the file (permission denied)", file=file)]) from None
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot read the file: {exc.strerror}", file=file)]) from None
    return parse_outline_text(decode(raw, file), file, p.parent)
