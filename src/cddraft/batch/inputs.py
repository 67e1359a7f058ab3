"""What a run reads and what it names: the command's arguments as outlines, and each output's file name.

Arguments are files, folders (the outlines in them) and glob patterns that the shell left unexpanded
(quoted, or on Windows, whose shells do not expand them), each outline taken once. Files are told apart by
:func:`cddraft.write.file_identity`, which ignores case so that two outputs that would overwrite each
other on Windows or macOS are caught on every system.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cddraft.errors import CddraftError, Diagnostic
from cddraft.write import file_identity

if TYPE_CHECKING:
    from cddraft.batch.item import BatchItem

OUTLINE_SUFFIXES = (".yaml", ".yml")
NAME_FIELDS = ("stem", "symbol", "letter", "lang")


def _outlines_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in OUTLINE_SUFFIXES and p.is_file())


def expand_inputs(args: Iterable[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files, folders (the outlines in them) and glob patterns (for shells that leave them), each once."""
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for arg in args:
        text = str(arg)
        path = Path(text)
        if path.is_dir():
            matches = _outlines_in(path)
            if not matches:
                problems.append(Diagnostic("no .yaml outlines in this folder", file=text))
        elif not path.exists() and any(c in text for c in "*?["):
            matches = []
            for m in sorted(glob.glob(text, recursive=True)):
                matches += _outlines_in(Path(m)) if Path(m).is_dir() else [Path(m)]
            if not matches:
                problems.append(Diagnostic("no file matches this pattern", file=text))
        else:
            matches = [path]  # a missing file is reported by the loader, with the usual message
        found += matches
    unique: dict[str, Path] = {}
    for p in found:
        unique.setdefault(file_identity(p), p)
    return list(unique.values()), problems


def check_name_pattern(pattern: str) -> None:
    """Refuse a bad ``--name`` before anything is built."""
    fields = "{stem} {symbol} {letter} {lang}"
    import string

    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        parsed = []  # reported below, by format()
    for _, name, spec, conversion in parsed:
        if name is not None and (name not in NAME_FIELDS or spec or conversion):
            raise CddraftError([Diagnostic(f"--name {pattern!r}: {{{name}}} is not a plain field; use the fields "
                                           f"{fields}", file="cddraft")])
    if "/" in pattern or os.sep in pattern:
        raise CddraftError([Diagnostic(f"--name {pattern!r}: a name cannot hold a folder; use -o for the folder",
                                       file="cddraft")])
    try:
        sample = pattern.format(**dict.fromkeys(NAME_FIELDS, "x"))
    except KeyError as exc:
        problem = f"unknown field {{{exc.args[0]}}}"
    except (IndexError, ValueError) as exc:
        problem = str(exc)
    else:
        if sample.strip(" .") and not sample.endswith(("/", os.sep)):
            return
        problem = "it gives an empty file name"
    raise CddraftError([Diagnostic(f"--name {pattern!r}: {problem}; use the fields {fields}", file="cddraft")])


def output_name(pattern: str, item: BatchItem) -> str:
    """The file name (without suffix) for a built outline, e.g. ``{symbol}-{letter}`` → ``CD-2101-E``."""
    symbol = item.symbol.replace("/", "-").replace("*", "")
    return pattern.format(stem=item.source.stem, symbol=symbol, letter=item.letter, lang=item.language)
