"""``cddraft new``: a commented starter outline that builds as it is, on standard output or in a new file."""

from __future__ import annotations

from pathlib import Path

import click

from cddraft.errors import EXIT_OK
from cddraft.scaffolds import scaffold
from cddraft.write import write_atomic


def new_command(kind: str, output: Path | None = None, language: str = "en", body: str = "CD") -> int:
    """Print the starter outline of ``kind`` in ``language`` for ``body``'s documents, or write it to ``output``,
    never over a file."""
    from cddraft.conventions.bodies import bodies

    known = {code.casefold(): code for code in bodies()}
    if body.casefold() not in known:
        raise click.BadParameter(f"{body!r} is not a body cddraft knows; use one of {', '.join(known.values())}",
                                 param_hint="--body")
    text = scaffold(kind, language, known[body.casefold()])
    if output is None:
        click.echo(text, nl=False)
        return EXIT_OK
    if output.exists():
        raise click.ClickException(f"{output} exists; choose another name")
    write_atomic(output, text.encode("utf-8"))
    click.echo(f"wrote {output}")
    return EXIT_OK
