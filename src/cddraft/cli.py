"""The command line: thin click commands that call one stage function each.

Exit status: 0 done, 1 findings (check), 2 unusable input (nothing written for that input; in a
batch the other outlines are still written). Heavy modules are imported inside the commands so
that ``cddraft --version`` starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from cddraft import __version__
from cddraft.errors import EXIT_UNUSABLE, CddraftError

# cddraft registers no pydantic plugins; skipping their discovery saves a scan of installed packages.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

if TYPE_CHECKING:
    from cddraft.batch.runner import Options


def _report(exc: CddraftError) -> None:
    for d in exc.diagnostics:
        click.echo(d.format(), err=True)


def _fail(exc: CddraftError) -> NoReturn:
    _report(exc)
    sys.exit(EXIT_UNUSABLE)


def _run(command: Callable[..., int], *args: object, **kwargs: object) -> None:
    """Run a command; exit with its status unless 0. Input it cannot use is reported and exits 2."""
    try:
        status = command(*args, **kwargs)
    except CddraftError as exc:
        _fail(exc)
    if status:
        sys.exit(status)


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
    from cddraft.scaffolds import scaffold

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
def schema() -> None:
    """Print the outline's JSON Schema (for editor completion and validation of outlines)."""
    import json

    from cddraft.model.document import Document

    click.echo(json.dumps(Document.model_json_schema(mode="validation"), indent=2, ensure_ascii=False))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one list of findings with file/line/column/code/severity/message, for tools.")
@click.option("--disable", multiple=True, metavar="CODES",
              help="Rules to skip: codes (CD506), prefixes (CD5) or names; repeat or separate by commas.")
@click.option("--list-rules", is_flag=True, help="List every rule with its id, severity and purpose.")
@click.option("--explain", metavar="CODE", help="Explain one rule (what, why, example, manual section).")
def check(files: tuple[Path, ...], fmt: str, disable: tuple[str, ...], list_rules: bool, explain: str | None) -> None:
    """Check outlines (files, folders, glob patterns) or built .docx files against the schema and the UN manual.

    Every finding is printed as FILE:LINE:COL: RULE-ID severity: message. Exit status: 0 clean
    (warnings allowed), 1 findings of severity error, 2 unusable input.
    """
    from cddraft.commands.check import check_command

    _run(check_command, files, fmt=fmt, disable=disable, list_all=list_rules, explain_code=explain)


_TIMEOUT = click.option("--timeout", default=180.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
                        help="Seconds to wait for LibreOffice to finish a file before stopping it.")


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the built files.")
@click.option("--template", type=click.Path(path_type=Path), help="A Word template defining the UNOG G styles.")
@click.option("--name", default="{stem}", show_default=True,
              help="File name pattern: {stem} {symbol} {letter} {lang}, e.g. '{symbol}-{letter}' → CD-2101-E.")
@click.option("--pdf", is_flag=True, help="Also write the PDF beside each .docx (LibreOffice).")
@click.option("--preview", is_flag=True, help="Also write a PNG of page 1 beside each PDF (implies --pdf).")
@_TIMEOUT
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Build processes (default: one per core, for 24 outlines or more).")
@click.option("--watch", is_flag=True, help="Keep running and rebuild an outline when it changes (Ctrl-C stops).")
@click.option("--watch-cycles", type=click.IntRange(min=0), hidden=True, help="Stop watching after N polls (tests).")
def build(files: tuple[str, ...], out_dir: Path, template: Path | None, name: str, pdf: bool, preview: bool,
          timeout: float, jobs: int | None, watch: bool, watch_cycles: int | None) -> None:
    """Build outlines (files, folders, glob patterns) into .docx files; nothing is written for one with errors.

    Each build also runs the quick editorial rules (CD1xx structure, CD3xx masthead and letter) and prints their
    findings as warnings, the file still written; `cddraft check` runs every rule.
    """
    from cddraft.batch.inputs import check_name_pattern, expand_inputs
    from cddraft.batch.report import Reporter
    from cddraft.batch.runner import Options, run

    paths, problems = expand_inputs(files)
    try:
        check_name_pattern(name)
        if pdf or preview:
            from cddraft.export import require_poppler, require_soffice

            require_soffice()
            if preview:
                require_poppler()
    except CddraftError as exc:
        _fail(exc)
    opts = Options(out_dir, name, template, pdf or preview, (1,) if preview else (), timeout=timeout, jobs=jobs)
    table, interactive = len(paths) > 1, sys.stderr.isatty()
    with Reporter(interactive, list_writes=not (interactive and table)) as report:
        report.problems(problems)
        items = run(paths, opts, report)
    if table:
        report.summary(items, opts.pdf, out_dir)
    failed = bool(problems) or any(not it.ok for it in items)
    if watch or watch_cycles is not None:
        failed = _watch(files, opts, watch_cycles, {it.source: it.ok for it in items})
    if failed:
        sys.exit(EXIT_UNUSABLE)


def _watch(files: tuple[str, ...], opts: Options, cycles: int | None, state: dict[Path, bool]) -> bool:
    """Rebuild changed outlines (all of them when the template changes); True if any is failing."""
    import time

    from cddraft.batch.inputs import expand_inputs
    from cddraft.batch.report import Reporter
    from cddraft.batch.runner import run
    from cddraft.watch import watch

    def sources() -> list[Path]:
        return expand_inputs(files)[0] + ([opts.template] if opts.template else [])

    def rebuild(changed: list[Path]) -> None:
        paths = expand_inputs(files)[0] if opts.template in changed else changed
        click.echo(f"{time.strftime('%H:%M:%S')} rebuilding {', '.join(map(str, paths))}", err=True)
        with Reporter() as report:
            state.update({it.source: it.ok for it in run(paths, opts, report)})

    click.echo(f"watching {len(state)} outline(s) for changes; press Ctrl-C to stop", err=True)
    try:
        watch(sources, rebuild, cycles=cycles)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)
    return not all(state.get(p, False) for p in expand_inputs(files)[0])


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the PDFs here (default: beside each .docx).")
@_TIMEOUT
def pdf(files: tuple[Path, ...], out_dir: Path | None, timeout: float) -> None:
    """Convert .docx files to PDF with one LibreOffice start."""
    from cddraft.batch.report import Reporter
    from cddraft.batch.runner import Item, add_pdfs
    from cddraft.export import require_soffice

    try:
        require_soffice()
    except CddraftError as exc:
        _fail(exc)
    items = [Item(f, docx=f) for f in files]
    with Reporter() as report:
        add_pdfs(items, timeout, report, out_dir)
    if any(not it.ok for it in items):
        sys.exit(EXIT_UNUSABLE)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--page", "pages", multiple=True, default=(1,), show_default=True, type=click.IntRange(min=1),
              help="Page to render (repeat for several).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep everything here (built .docx, PDF, PNG); default: PNGs in a new temporary folder.")
@click.option("--dpi", default=100, show_default=True, type=click.IntRange(min=10, max=600),
              help="Image resolution.")
@click.option("--template", type=click.Path(path_type=Path), help="A Word template (for outlines).")
@_TIMEOUT
def preview(files: tuple[Path, ...], pages: tuple[int, ...], out_dir: Path | None, dpi: int,
            template: Path | None, timeout: float) -> None:
    """Render pages of outlines (built first) or .docx files as PNG images; prints the image paths."""
    import shutil
    import tempfile

    from cddraft.batch.inputs import OUTLINE_SUFFIXES
    from cddraft.batch.report import Reporter
    from cddraft.batch.runner import Item, Options, run
    from cddraft.export import require_poppler, require_soffice

    try:
        require_soffice()
        require_poppler()
    except CddraftError as exc:
        _fail(exc)
    outlines = [f for f in files if f.suffix.lower() in OUTLINE_SUFFIXES]
    documents = [Item(f, docx=f) for f in files if f.suffix.lower() not in OUTLINE_SUFFIXES]
    with tempfile.TemporaryDirectory(prefix="cddraft-preview-work-") as work:
        where = out_dir or Path(work)
        png_dir = out_dir or Path(tempfile.mkdtemp(prefix="cddraft-preview-"))
        opts = Options(where, template=template, pages=sorted(set(pages)), dpi=dpi, timeout=timeout,
                       pdf_dir=where, png_dir=png_dir)
        with Reporter(list_writes=False) as report:
            items = run(outlines, opts, report, extra=documents)
    order = {f: i for i, f in enumerate(files)}
    images = [p for it in sorted(items, key=lambda it: order[it.source]) for p in it.previews]
    for p in images:
        click.echo(str(p))
    if out_dir is None and not images:
        shutil.rmtree(png_dir, ignore_errors=True)  # the empty folder made for this run
    if any(not it.ok for it in items):
        sys.exit(EXIT_UNUSABLE)


if __name__ == "__main__":  # pragma: no cover
    main()
