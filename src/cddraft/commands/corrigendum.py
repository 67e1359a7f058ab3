"""``cddraft corrigendum OLD NEW``: the corrigendum listing the changes from OLD to NEW, as an outline the officer
can edit and as the .docx built from it (issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cddraft.errors import EXIT_OK


def corrigendum_command(old: Path, new: Path, out_dir: Path = Path("output"), *, number: int = 1,
                        date: dt.date | None = None, template: Path | None = None) -> int:
    """Write ``<OLD>-corr<N>.yaml`` and ``.docx`` into ``out_dir``; nothing when OLD and NEW cannot be compared."""
    from cddraft.pipeline import corrigendum
    from cddraft.write import write_all

    stem = f"{Path(old).stem}-corr{number}"
    outline_path, docx_path = out_dir / f"{stem}.yaml", out_dir / f"{stem}.docx"
    drafted = corrigendum(old, new, number=number, date=date or dt.date.today(), outline_file=str(outline_path),
                          template=template)
    for warning in drafted.built.warnings:
        click.echo(warning.format(), err=True)
    # both or neither: never an outline beside a .docx of another version (and never over OLD or NEW)
    write_all([(outline_path, drafted.outline_text.encode("utf-8")), (docx_path, drafted.built.docx)],
              inputs=[old, new])
    click.echo(f"{drafted.corrections} correction(s)")
    click.echo(f"wrote {outline_path}")
    click.echo(f"wrote {docx_path}")
    return EXIT_OK
