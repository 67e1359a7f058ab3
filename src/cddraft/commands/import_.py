"""``cddraft import FILE.docx``: a Word file → a commented outline that builds (issue 16)."""

from __future__ import annotations

from pathlib import Path

import click

from cddraft.errors import EXIT_OK, EXIT_UNUSABLE


def import_command(source: Path, output: Path | None = None, *, language: str | None = None,
                   revisions: str = "refuse") -> int:
    """Write the outline of ``source`` to ``output`` (standard output without one); warnings to standard error.

    An outline that does not build yet (what the importer could not repair) is written all the same, and each
    problem is reported at its line and column in it, exit 2: the officer fixes it there, the Word file's
    text is not lost, and no message points into a file that was not written."""
    from cddraft.pipeline import import_word
    from cddraft.write import write_atomic

    imported = import_word(source, outline_file=str(output or "<stdout>"), language=language, revisions=revisions)
    for warning in imported.warnings:
        click.echo(warning.format(), err=True)
    if output is None:
        click.echo(imported.outline_text, nl=False)
    else:
        write_atomic(output, imported.outline_text.encode("utf-8"), inputs=[source])
        click.echo(f"wrote {output}", err=True)
    if imported.problems:
        for problem in imported.problems:
            click.echo(problem.format(), err=True)
        click.echo(f"the outline does not build yet: fix the {len(imported.problems)} problem(s) above in it",
                   err=True)
        return EXIT_UNUSABLE
    return EXIT_OK
