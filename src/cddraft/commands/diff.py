"""``cddraft diff OLD NEW``: NEW built as usual, with Word's tracked changes against OLD (issue 15)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import click

from cddraft.errors import EXIT_OK, fail

#: The longest name Word's revision marks hold (w:author, ST_String of at most 255 characters).
AUTHOR_LIMIT = 255


def _author(name: str) -> str:
    """The reviser's name as the revision marks carry it: printable, and short enough for the schema."""
    name = name.strip()
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in name):
        raise fail("the name has bytes that are not text in this terminal's encoding; type it again",
                   file="--author")
    bad = next((ch for ch in name if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn") and ch not in "\u200d"),
               None)
    if bad is not None:
        raise fail(f"the name holds the control character U+{ord(bad):04X}; write the name only", file="--author")
    if not name:
        raise fail("give the reviser's name", file="--author")
    if len(name) > AUTHOR_LIMIT:
        raise fail(f"the name is {len(name)} characters long; Word's revision marks hold {AUTHOR_LIMIT}",
                   file="--author")
    return name


def diff_command(old: Path, new: Path, output: Path | None = None, *, author: str = "cddraft",
                 date: dt.date | None = None, template: Path | None = None) -> int:
    """Write NEW with tracked changes against OLD to ``output`` (default ``output/<NEW>-changes.docx``)."""
    from cddraft.pipeline import compare
    from cddraft.write import write_atomic

    author = _author(author)
    built = compare(old, new, author=author, date=date or dt.date.today(), template=template)
    for warning in built.warnings:
        click.echo(warning.format(), err=True)
    target = output or Path("output") / f"{Path(new).stem}-changes.docx"
    write_atomic(target, built.docx, inputs=[old, new])
    click.echo(f"wrote {target}")
    return EXIT_OK
