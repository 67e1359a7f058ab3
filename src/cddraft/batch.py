"""Many outlines in one run: expand the arguments, build on the machine's cores, write, convert.

Builds run in parallel but files are written afterwards in argument order, so when two outlines
would write the same file it is always the later one that is refused, whatever order the workers
finished in. Every PDF of a run comes from one LibreOffice start (see :mod:`cddraft.export`). A
failing outline costs only itself: its problems are reported and the others are still written.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cddraft.errors import CddraftError, Diagnostic

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

#: A process pool pays for itself only from about this many outlines. Measured (Python 3.11): one
#: outline builds in 30-75 ms once warm; starting a pool (forkserver, pipeline preloaded) costs about
#: 0.5-1 s more than building in-process. On k real cores the pool gains N * t * (1 - 1/k), so it wins
#: from about 30 outlines on 2 cores and 20 on 4. Threads were always slower than serial (the work is
#: CPU-bound Python, held by the GIL). A batch of six language versions therefore builds in-process.
PARALLEL_FROM = 24
OUTLINE_SUFFIXES = (".yaml", ".yml")
NAME_FIELDS = ("stem", "symbol", "letter", "lang")
_PRELOAD = ["cddraft.pipeline", "cddraft.localise", "cddraft.readers.outline.validate", "cddraft.writers.docx",
            "cddraft.conventions", "cddraft.check"]  # the check package: every build runs the quick rules


@dataclass
class Item:
    """One document's way through a run; picklable, since it comes back from a worker process."""

    source: Path
    language: str = ""
    symbol: str = ""
    letter: str = ""
    data: bytes | None = None
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    docx: Path | None = None
    pdf: Path | None = None
    pages: int | None = None
    previews: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Options:
    """What ``cddraft build`` (and ``preview`` for outlines) was asked to do."""

    out_dir: Path
    pattern: str = "{stem}"
    template: Path | None = None
    pdf: bool = False
    pages: Sequence[int] = ()  # page images to render (implies the PDF)
    dpi: int = 100
    timeout: float = 180
    jobs: int | None = None
    pdf_dir: Path | None = None  # default: beside the .docx
    png_dir: Path | None = None  # default: beside the PDF


def _key(path: Path) -> str:
    """Identity of an output file; case-insensitive so a clash on Windows/macOS is caught here too."""
    return os.path.normcase(str(path.resolve())).casefold()


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
        unique.setdefault(_key(p), p)
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


def output_name(pattern: str, item: Item) -> str:
    """The file name (without suffix) for a built outline, e.g. ``{symbol}-{letter}`` → ``CD-2101-E``."""
    symbol = item.symbol.replace("/", "-").replace("*", "")
    return pattern.format(stem=item.source.stem, symbol=symbol, letter=item.letter, lang=item.language)


def build_outline(path: Path, template: Path | None = None) -> Item:
    """Build one outline in memory (runs in a worker); reports problems in the item, never raises."""
    item = Item(Path(path))
    try:
        from cddraft.check.run import build_findings
        from cddraft.conventions import load_conventions
        from cddraft.pipeline import build

        built = build(path, template)
        item.language, item.symbol = built.document.language, built.document.symbol
        item.letter = load_conventions(item.language).job_letter
        item.data = built.docx
        item.warnings = built.warnings + build_findings(built.document, built.outline)
    except CddraftError as exc:
        item.errors = list(exc.diagnostics)
    except Exception as exc:  # a bug must not cost the other outlines their build
        item.errors = [Diagnostic(f"internal error ({type(exc).__name__}: {exc}); please report it with this "
                                  "outline", file=str(path))]
    return item


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _workers(count: int, jobs: int | None) -> int:
    if jobs is not None:
        return max(1, min(jobs, count))
    return min(_cores(), count) if count >= PARALLEL_FROM else 1


def build_all(paths: Sequence[Path], template: Path | None, on_done: Callable[[Item], None],
              jobs: int | None = None) -> list[Item]:
    """Build every outline (in parallel when it pays); items in argument order."""
    workers = _workers(len(paths), jobs)
    if workers == 1:
        items = []
        for p in paths:
            items.append(build_outline(p, template))
            on_done(items[-1])
        return items
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # forkserver: workers start from a process that has already imported the pipeline, and forking
    # never happens from a process running threads (the progress display has one).
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(_PRELOAD)
    results: dict[int, Item] = {}
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        futures = {pool.submit(build_outline, p, template): i for i, p in enumerate(paths)}
        try:
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    item = fut.result()
                except Exception as exc:  # the worker process died (e.g. out of memory)
                    item = Item(Path(paths[i]), errors=[Diagnostic(
                        f"the build process stopped unexpectedly ({type(exc).__name__})", file=str(paths[i]))])
                results[i] = item
                on_done(item)
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return [results[i] for i in range(len(paths))]


def write_outputs(items: Sequence[Item], out_dir: Path, pattern: str, report: Reporter) -> None:
    """Write each built .docx, in argument order; a second outline aiming at the same file is refused."""
    from cddraft.write import write_atomic

    claimed: dict[str, Path] = {}
    for item in items:
        if not item.ok or item.data is None:
            continue
        target = out_dir / f"{output_name(pattern, item)}.docx"
        other = claimed.get(_key(target))
        try:
            if other is not None:
                raise CddraftError([Diagnostic(
                    f"{other} in this run also writes {target}; nothing was written for this outline — give "
                    "the outlines different file names or use --name (e.g. '{symbol}-{letter}')",
                    file=str(item.source))])
            write_atomic(target, item.data)
        except CddraftError as exc:
            item.errors += exc.diagnostics
            report.problems(exc.diagnostics)
            continue
        finally:
            item.data = None
        claimed[_key(target)] = item.source
        item.docx = target
        report.wrote(target)


def add_pdfs(items: Sequence[Item], timeout: float, report: Reporter, pdf_dir: Path | None = None) -> None:
    """Convert every written .docx in one LibreOffice run; count the pages."""
    from cddraft.export import PdfJob, convert, page_count, pdf_target

    todo = [(it, it.docx) for it in items if it.ok and it.docx is not None]
    if not todo:
        return
    report.stage("Converting to PDF", len(todo))
    try:
        outcomes = convert([PdfJob(docx, pdf_target(docx, pdf_dir)) for _, docx in todo], timeout,
                           report.advance_to)
    except CddraftError as exc:  # LibreOffice missing or stuck: every PDF of the run is lost
        report.problems(exc.diagnostics)
        for it, _ in todo:
            it.errors += exc.diagnostics
        return
    for (it, _), outcome in zip(todo, outcomes, strict=True):
        if isinstance(outcome, CddraftError):
            it.errors += outcome.diagnostics
            report.problems(outcome.diagnostics)
        else:
            it.pdf, it.pages = outcome, page_count(outcome)
            report.wrote(outcome)


def add_previews(items: Sequence[Item], pages: Sequence[int], dpi: int, report: Reporter,
                 png_dir: Path | None = None) -> None:
    """Render the requested pages of every PDF as PNG."""
    from cddraft.export import render_pages

    todo = [(it, it.pdf) for it in items if it.ok and it.pdf is not None]
    report.stage("Rendering pages", len(todo))
    for it, pdf in todo:
        try:
            it.previews = render_pages(pdf, png_dir or pdf.parent, pdf.stem, list(pages), dpi)
        except CddraftError as exc:  # name the user's file, not the PDF in a temporary folder
            found = [Diagnostic(d.message, file=str(it.source)) for d in exc.diagnostics]
            it.errors += found
            report.problems(found)
        for p in it.previews:
            report.wrote(p)
        report.advance()


def run(paths: Sequence[Path], opts: Options, report: Reporter, extra: Sequence[Item] = ()) -> list[Item]:
    """Build, write, convert and render: the whole of ``cddraft build`` for the given outlines.

    ``extra`` are existing .docx files (``cddraft preview FILE.docx``) that join the conversion.
    """
    report.stage("Building", len(paths))

    def done(item: Item) -> None:
        report.problems(item.errors + item.warnings)
        report.advance()

    items = build_all(paths, opts.template, done, opts.jobs)
    report.check_hint([it.source for it in items if any(d.code for d in it.warnings)])
    write_outputs(items, opts.out_dir, opts.pattern, report)
    items += extra
    if opts.pdf or opts.pages:
        add_pdfs(items, opts.timeout, report, opts.pdf_dir)
    if opts.pages:
        add_previews(items, opts.pages, opts.dpi, report, opts.png_dir)
    return items


class Reporter:
    """Progress and messages: a rich progress bar on a terminal, plain lines otherwise.

    Problems always go to stderr as ``FILE:LINE:COL: message`` lines (editors and CI parse them);
    ``wrote PATH`` lines go to stdout unless a summary table will list the outputs anyway.
    """

    def __init__(self, interactive: bool | None = None, *, list_writes: bool = True,
                 out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out, self.err = out or sys.stdout, err or sys.stderr
        self.interactive = self.err.isatty() if interactive is None else interactive
        self.list_writes = list_writes
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Reporter:
        if self.interactive:
            import rich.progress as rp
            from rich.console import Console

            progress = rp.Progress(rp.SpinnerColumn(), rp.TextColumn("{task.description}"), rp.BarColumn(),
                                   rp.MofNCompleteColumn(), rp.TimeElapsedColumn(),
                                   console=Console(file=self.err, force_terminal=True), transient=True)
            self._progress = progress
            progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def stage(self, description: str, total: int) -> None:
        if self._progress is not None:
            if self._task is not None:
                self._progress.update(self._task, visible=False)
            self._task = self._progress.add_task(description, total=total)

    def advance(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def advance_to(self, completed: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=completed)

    def _line(self, text: str, err: bool) -> None:
        if self._progress is not None:  # print above the bar instead of through it
            self._progress.console.print(text, markup=False, highlight=False, soft_wrap=True,
                                         style="red" if err else None)
        else:
            print(text, file=self.err if err else self.out, flush=True)

    def problems(self, diagnostics: Iterable[Diagnostic]) -> None:
        for d in diagnostics:
            self._line(d.format(), err=True)

    def check_hint(self, sources: Sequence[Path]) -> None:
        """One line after editorial findings: a build runs only the quick rules, ``cddraft check`` all of them."""
        if not sources:
            return
        import shlex

        files = " ".join(shlex.quote(str(p)) for p in sources) if len(sources) <= 3 else "FILE…"
        self._line(f"hint: a build runs only the structure and masthead/letter rules (CD1xx, CD3xx); "
                   f"`cddraft check {files}` runs all rules", err=True)

    def wrote(self, path: Path) -> None:
        if self.list_writes:
            self._line(f"wrote {path}", err=False)

    def summary(self, items: Sequence[Item], pdf: bool, out_dir: Path | None = None) -> None:
        """The table: file, language, pages (of the PDF), warnings, output; then the counts."""
        head = ("file", "language", "pages", "warnings", "output")

        def output(it: Item) -> str:
            if it.docx is None:
                return "FAILED"
            name = os.path.relpath(it.docx, out_dir) if out_dir else str(it.docx)
            if it.ok:
                return name
            return f"{name} (no PDF)" if it.pdf is None else f"{name} (no preview)"

        rows = [(str(it.source), it.language or "?",
                 ("?" if it.pages is None else str(it.pages)) if pdf and it.ok else "–",
                 str(len(it.warnings)), output(it)) for it in items]
        failed = sum(not it.ok for it in items)
        total = f"{len(items) - failed} built, {failed} failed" + (f"; files in {out_dir}" if out_dir else "")
        if self.interactive:
            from rich.console import Console
            from rich.table import Table

            table = Table(box=None, padding=(0, 2, 0, 0), header_style="bold underline")
            for h in head:
                table.add_column(h, overflow="fold", no_wrap=h in ("language", "pages", "warnings"))
            for it, row in zip(items, rows, strict=True):
                table.add_row(*row, style=None if it.ok else "red")
            console = Console(file=self.out)
            console.print(table)
            console.print(total, style="red" if failed else "green", highlight=False)
            return
        widths = [max(len(r[c]) for r in [head, *rows]) for c in range(len(head))]
        for row in [head, *rows]:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=self.out)
        print(total, file=self.out, flush=True)
