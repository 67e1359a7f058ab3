"""The command line: thin click commands that call one stage function each.

Exit status: 0 done, 1 findings (check), 2 unusable input (nothing written). Heavy modules are
imported inside the commands so that ``cddraft --version`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cddraft import __version__
from cddraft.errors import EXIT_UNUSABLE, CddraftError


def _report(exc: CddraftError) -> None:
    for d in exc.diagnostics:
        click.echo(d.format(), err=True)


def _output_path(outline: Path, out_dir: Path, name: str, document) -> Path:
    from cddraft.conventions import load_conventions

    letter = load_conventions(document.language).job_letter
    stem = name.format(
        stem=outline.stem,
        symbol=document.symbol.replace("/", "-").replace("*", ""),
        letter=letter,
        lang=document.language,
    )
    return out_dir / f"{stem}.docx"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cddraft")
def main() -> None:
    """Draft Conference on Disarmament documents as UN Geneva-style Word files from YAML outlines."""


@main.command()
@click.argument("kind", type=click.Choice(["letter", "note-verbale", "report"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of standard output.")
@click.option("--language", default="en", show_default=True, type=click.Choice(["ar", "zh", "en", "fr", "ru", "es"]))
def new(kind: str, output: Path | None, language: str) -> None:
    """Write a commented outline for KIND that builds as it is."""
    from cddraft.scaffold import scaffold

    text = scaffold(kind, language)
    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists():
        raise click.ClickException(f"{output} exists; choose another name")
    from cddraft.write import write_atomic

    write_atomic(output, text.encode("utf-8"))
    click.echo(f"wrote {output}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def check(files: tuple[Path, ...]) -> None:
    """Validate outlines; report every problem as FILE:LINE:COL: message."""
    from cddraft.pipeline import check_outline

    failed = False
    for f in files:
        try:
            check_outline(f)
        except CddraftError as exc:
            _report(exc)
            failed = True
    if failed:
        sys.exit(EXIT_UNUSABLE)
    click.echo(f"{len(files)} outline(s) OK")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the built files.")
@click.option("--template", type=click.Path(path_type=Path), help="A Word template defining the UNOG G styles.")
@click.option("--name", default="{stem}", show_default=True,
              help="File name pattern: {stem} {symbol} {letter} {lang}, e.g. '{symbol}-{letter}' → CD-2101-E.")
def build(files: tuple[Path, ...], out_dir: Path, template: Path | None, name: str) -> None:
    """Build each outline into a .docx (nothing is written for an outline with errors)."""
    from cddraft.pipeline import build as build_one
    from cddraft.write import write_atomic

    failed = False
    for f in files:
        try:
            built = build_one(f, template)
            target = _output_path(f, out_dir, name, built.document)
            write_atomic(target, built.docx)
        except CddraftError as exc:
            _report(exc)
            failed = True
            continue
        click.echo(f"wrote {target}")
    if failed:
        sys.exit(EXIT_UNUSABLE)


if __name__ == "__main__":  # pragma: no cover
    main()
