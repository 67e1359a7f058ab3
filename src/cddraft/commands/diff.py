"""``cddraft diff OLD NEW``: NEW built as usual, with Word's tracked changes against OLD (issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cddraft.errors import EXIT_OK


def diff_command(old: Path, new: Path, output: Path | None = None, *, author: str = "cddraft",
                 date: dt.date | None = None, template: Path | None = None) -> int:
    """Write NEW with tracked changes against OLD to ``output`` (default ``output/<NEW>-changes.docx``)."""
    from cddraft.pipeline import compare
    from cddraft.write import write_atomic

    built = compare(old, new, author=author, date=date or dt.date.today(), template=template)
    for warning in built.warnings:
        click.echo(warning.format(), err=True)
    target = output or Path("output") / f"{Path(new).stem}-changes.docx"
    write_atomic(target, built.docx)
    click.echo(f"wrote {target}")
    return EXIT_OK
