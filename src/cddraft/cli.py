"""The command line: the click declarations (arguments, options, help), each calling its command in
:mod:`cddraft.commands`.

Exit status: 0 done, 1 findings (check), 2 unusable input (nothing written for that input; in a
batch the other outlines are still written). The commands are imported inside the click functions so
that ``cddraft --version`` starts fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from cddraft import __version__
from cddraft.errors import EXIT_UNUSABLE, CddraftError
from cddraft.languages import LANGUAGES

# cddraft registers no pydantic plugins; skipping their discovery saves a scan of installed packages.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


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


@main.command(short_help="Write a starter outline for a document.")
@click.argument("kind", type=click.Choice(["letter", "note-verbale", "report", "corrigendum", "resolution",
                                          "decision"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of standard output.")
@click.option("--language", default="en", show_default=True, type=click.Choice(LANGUAGES))
@click.option("--body", default="CD", show_default=True, metavar="CODE",
              help="The body whose document it is: CD, S (Security Council), A (General Assembly), A+S, A/C.1, BWC, "
                   "CCW, APLC, CCM, NPT, NPT/PC, ATT.")
def new(kind: str, output: Path | None, language: str, body: str) -> None:
    """Write a commented outline for KIND that builds as it is."""
    from cddraft.commands.new import new_command

    # not _run: a failed write raises (a traceback), as it always has
    sys.exit(new_command(kind, output, language, body))


@main.command(short_help="Build NEW with tracked changes against OLD.")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The .docx to write (default: output/<NEW>-changes.docx).")
@click.option("--author", default="cddraft", show_default=True, help="The reviser the changes are attributed to.")
@click.option("--date", "when", type=click.DateTime(formats=["%Y-%m-%d"]), help="The changes' date (default: today).")
@click.option("--template", type=click.Path(path_type=Path), help="A Word template defining the UNOG G styles.")
def diff(old: Path, new: Path, output: Path | None, author: str, when: dt.datetime | None,
         template: Path | None) -> None:
    """Build NEW with Word's tracked changes against OLD: a changed word, an inserted or deleted paragraph,
    heading or footnote, each a revision Word can accept or reject."""
    from cddraft.commands.diff import diff_command

    _run(lambda: diff_command(old, new, output, author=author, date=when.date() if when else None,
                              template=template))


@main.command(short_help="Draft a corrigendum from two outlines.")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--out-dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Where to write <OLD>-corrN.yaml and .docx.")
@click.option("--number", type=click.IntRange(min=1), default=1, show_default=True,
              help="N in the symbol OLD/Corr.N.")
@click.option("--date", "when", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The corrigendum's masthead date (default: today).")
@click.option("--template", type=click.Path(path_type=Path), help="A Word template defining the UNOG G styles.")
def corrigendum(old: Path, new: Path, out_dir: Path, number: int, when: dt.datetime | None,
                template: Path | None) -> None:
    """Draft corrigendum N to OLD from the changes that make it NEW: an outline to check and edit (YAML), and
    the .docx built from it. Each change is one correction, placed by OLD's paragraph and footnote numbers."""
    from cddraft.commands.corrigendum import corrigendum_command

    _run(lambda: corrigendum_command(old, new, out_dir, number=number, date=when.date() if when else None,
                                     template=template))


@main.command("import", short_help="Turn a Word file into an outline.")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The outline to write (default: printed).")
@click.option("--language", type=click.Choice(LANGUAGES),
              help="The version's language, when the file does not declare it.")
@click.option("--revisions", type=click.Choice(["refuse", "accept", "reject"]), default="refuse", show_default=True,
              help="Tracked changes: taken as changed (accept), as before (reject), or refused with a message.")
def import_(source: Path, output: Path | None, language: str | None, revisions: str) -> None:
    """Turn a Word file (.docx) into a commented outline that builds: masthead, title, letter or report,
    annexes, footnotes, cross-references. What cannot be kept is listed, with its place."""
    from cddraft.commands.import_ import import_command

    _run(lambda: import_command(source, output, language=language, revisions=revisions))


@main.command(short_help="Compare the language versions of a document.")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="text: FILE:LINE:COL lines (a table on a terminal); json: for tools; html: the versions side by "
              "side, differences marked (one file; -o to write it).")
@click.option("--base", help="The version to read the others against (default: the original language's).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to this file.")
@click.option("--disable", multiple=True, metavar="CODES", help="Rules to skip (CD611, CD6, version-number…).")
def align(files: tuple[str, ...], fmt: str, base: str | None, output: Path | None, disable: tuple[str, ...]) -> None:
    """Read the language versions of each document (FILE…: outlines, folders, globs; grouped by symbol) against
    the original: the same blocks, footnotes, numbers, dates, symbols and references. Exit 1 when a version
    differs, 0 when all are aligned, 2 on unusable input."""
    from cddraft.commands.align import align_command

    _run(lambda: align_command(files, fmt=fmt, base=base, output=output, disable=disable))


@main.command(short_help="Preview outlines live in the browser.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True, help="0: a free port.")
@click.option("--host", help="Listen on this address (default 127.0.0.1; another one is said with a warning).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def serve(files: tuple[Path, ...], port: int, host: str | None, open_browser: bool) -> None:
    """Preview outlines in the browser: their pages and findings, updated on every save."""
    from cddraft.commands.serve import serve_command

    _run(lambda: serve_command(list(files), port=port, host=host, open_browser=open_browser))


@main.command(short_help="Print the outline's JSON Schema.")
def schema() -> None:
    """Print the outline's JSON Schema (for editor completion and validation of outlines)."""
    from cddraft.commands.schema import schema_command

    _run(schema_command)


@main.command(short_help="Check outlines or built .docx files.")
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
_PDF_PROFILE = click.option("--pdf-profile", type=click.Choice(["pdfa-2b", "pdfa-3b", "none"]), default="pdfa-2b",
                            show_default=True, help="PDF/A for archives, or plain PDF; every PDF is tagged, with "
                            "bookmarks from the headings.")


@main.command(short_help="Build outlines into .docx (and PDF).")
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the built files.")
@click.option("--template", type=click.Path(path_type=Path), help="A Word template defining the UNOG G styles.")
@click.option("--name", default="{stem}", show_default=True,
              help="File name pattern: {stem} {symbol} {letter} {lang}, e.g. '{symbol}-{letter}' → CD-2101-E.")
@click.option("--pdf", is_flag=True, help="Also write the PDF beside each .docx (LibreOffice).")
@click.option("--preview", is_flag=True, help="Also write a PNG of page 1 beside each PDF (implies --pdf).")
@click.option("--to", "formats", multiple=True, type=click.Choice(["docx", "akn"]),
              help="Other formats beside the .docx: akn (Akoma Ntoso 3.0, <name>.akn.xml). Repeat for several.")
@_PDF_PROFILE
@_TIMEOUT
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Build processes (default: one per core, for 24 outlines or more).")
@click.option("--watch", is_flag=True, help="Keep running and rebuild an outline when it changes (Ctrl-C stops).")
@click.option("--watch-cycles", type=click.IntRange(min=0), hidden=True, help="Stop watching after N polls (tests).")
def build(files: tuple[str, ...], out_dir: Path, template: Path | None, name: str, pdf: bool, preview: bool,
          formats: tuple[str, ...], pdf_profile: str, timeout: float, jobs: int | None, watch: bool,
          watch_cycles: int | None) -> None:
    """Build outlines (files, folders, glob patterns) into .docx files; nothing is written for one with errors.

    Each build also runs the quick editorial rules (CD1xx structure, CD3xx masthead and letter) and prints their
    findings as warnings, the file still written; `cddraft check` runs every rule.
    """
    from cddraft.commands.build import build_command

    _run(build_command, files, out_dir, template=template, name=name, pdf=pdf, preview=preview, timeout=timeout,
         jobs=jobs, watch=watch, watch_cycles=watch_cycles, pdf_profile=pdf_profile, formats=formats)


@main.command(short_help="Convert .docx files to PDF.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the PDFs here (default: beside each .docx).")
@_PDF_PROFILE
@_TIMEOUT
def pdf(files: tuple[Path, ...], out_dir: Path | None, pdf_profile: str, timeout: float) -> None:
    """Convert .docx files to PDF with one LibreOffice start (tagged, bookmarked, PDF/A-2b by default)."""
    from cddraft.commands.pdf import pdf_command

    _run(pdf_command, files, out_dir, timeout, pdf_profile)


@main.command(short_help="Render pages as PNG images.")
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
    from cddraft.commands.preview import preview_command

    _run(preview_command, files, pages, out_dir, dpi, template, timeout)


if __name__ == "__main__":  # pragma: no cover
    main()
