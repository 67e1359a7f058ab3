"""The job runner: build many outlines on the machine's cores, write them, convert them.

Builds run in parallel but files are written afterwards in argument order, so when two outlines
would write the same file it is always the later one that is refused, whatever order the workers
finished in. The PDFs of a run come from LibreOffice started once for it, with the run
(:mod:`cddraft.batch.office`; :mod:`cddraft.export` where it cannot be kept running). A
failing outline costs only itself: its problems are reported and the others are still written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cddraft.batch.inputs import output_name
from cddraft.batch.item import BatchItem
from cddraft.errors import CddraftError, Diagnostic
from cddraft.write import file_identity

if TYPE_CHECKING:
    from cddraft.batch.office import Offices
    from cddraft.batch.report import Reporter

#: A process pool pays for itself only from about this many outlines. Measured (Python 3.11): one
#: outline builds in 30-75 ms once warm; starting a pool (forkserver, pipeline preloaded) costs about
#: 0.5-1 s more than building in-process. On k real cores the pool gains N * t * (1 - 1/k), so it wins
#: from about 30 outlines on 2 cores and 20 on 4. Threads were always slower than serial (the work is
#: CPU-bound Python, held by the GIL). A batch of six language versions therefore builds in-process.
PARALLEL_FROM = 24
_PRELOAD = ["cddraft.pipeline", "cddraft.localise", "cddraft.readers.outline.validate", "cddraft.writers.docx",
            "cddraft.conventions", "cddraft.check"]  # the check package: every build runs the quick rules


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
    pdf_profile: str = "pdfa-2b"  # none, pdfa-2b, pdfa-3b (cddraft.export.PDF_PROFILES)
    formats: tuple[str, ...] = ()  # besides the .docx: "akn" (Akoma Ntoso)
    png_dir: Path | None = None  # default: beside the PDF


#: The file suffix of each other format a build can write.
SUFFIXES = {"akn": ".akn.xml"}


def build_outline(path: Path, template: Path | None = None, formats: tuple[str, ...] = ()) -> BatchItem:
    """Build one outline in memory (runs in a worker); reports problems in the item, never raises."""
    item = BatchItem(Path(path))
    try:
        from cddraft.conventions import load_conventions
        from cddraft.pipeline import build, render

        built = build(path, template)
        for fmt in formats:
            item.extra[SUFFIXES[fmt]] = render(built.document, fmt)
        item.language, item.symbol = built.document.language, built.document.symbol
        item.letter = load_conventions(item.language).job_letter
        item.data = built.docx
        item.warnings = built.warnings  # the quick editorial rules' findings (a missing job number: CD320)
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


def build_all(paths: Sequence[Path], template: Path | None, on_done: Callable[[BatchItem], None],
              jobs: int | None = None, formats: tuple[str, ...] = ()) -> list[BatchItem]:
    """Build every outline (in parallel when it pays); items in argument order."""
    workers = _workers(len(paths), jobs)
    if workers == 1:
        items = []
        for p in paths:
            items.append(build_outline(p, template, formats))
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
    results: dict[int, BatchItem] = {}
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        futures = {pool.submit(build_outline, p, template, formats): i for i, p in enumerate(paths)}
        try:
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    item = fut.result()
                except Exception as exc:  # the worker process died (e.g. out of memory)
                    item = BatchItem(Path(paths[i]), errors=[Diagnostic(
                        f"the build process stopped unexpectedly ({type(exc).__name__})", file=str(paths[i]))])
                results[i] = item
                on_done(item)
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return [results[i] for i in range(len(paths))]


def write_outputs(items: Sequence[BatchItem], out_dir: Path, pattern: str, report: Reporter,
                  claimed: dict[str, Path] | None = None) -> None:
    """Write each built .docx, in argument order; a second outline aiming at the same file is refused.

    ``claimed`` (the files written so far) lets a run write its items a few at a time."""
    from cddraft.write import write_all

    claimed = {} if claimed is None else claimed
    for item in items:
        if not item.ok or item.data is None:
            continue
        target = out_dir / f"{output_name(pattern, item)}.docx"
        other = claimed.get(file_identity(target))
        try:
            if other is not None:
                raise CddraftError([Diagnostic(
                    f"{other} in this run also writes {target}; nothing was written for this outline — give "
                    "the outlines different file names or use --name (e.g. '{symbol}-{letter}')",
                    file=str(item.source))])
            # the .docx and its companions (--to akn) all, or none: never a pair of two versions
            extras = [(target.with_name(target.stem + suffix), data) for suffix, data in item.extra.items()]
            write_all([(target, item.data), *extras], inputs=[item.source])
        except CddraftError as exc:
            item.errors += exc.diagnostics
            report.problems(exc.diagnostics)
            continue
        finally:
            item.data = None
            item.extra = {}
        claimed[file_identity(target)] = item.source
        item.docx = target
        report.wrote(target)
        for other_target, _ in extras:
            report.wrote(other_target)


def add_pdfs(items: Sequence[BatchItem], timeout: float, report: Reporter, pdf_dir: Path | None = None,
             profile: str = "pdfa-2b", offices: Offices | None = None) -> None:
    """Convert every written .docx with LibreOffice kept running for the batch (``offices``: started by the
    caller before the .docx were built, else here); count the pages."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from cddraft.batch.office import Offices
    from cddraft.export import PdfJob, page_count, pdf_target

    todo = [(it, it.docx) for it in items if it.ok and it.docx is not None]
    if not todo:
        return
    report.stage("Converting to PDF", len(todo))
    jobs = [PdfJob(docx, pdf_target(docx, pdf_dir)) for _, docx in todo]
    with ThreadPoolExecutor(2) as counting:  # pdfinfo on each PDF while LibreOffice converts the next ones
        pages: dict[Path, Future[int | None]] = {}

        def delivered(pdf: Path) -> None:
            pages[pdf] = counting.submit(page_count, pdf)

        try:
            if offices is None:
                with Offices(len(jobs)) as own:
                    outcomes = own.convert(jobs, timeout, report.advance_to, profile, delivered)
            else:
                outcomes = offices.convert(jobs, timeout, report.advance_to, profile, delivered)
        except CddraftError as exc:  # LibreOffice missing or stuck: every PDF of the run is lost
            report.problems(exc.diagnostics)
            for it, _ in todo:
                it.errors += exc.diagnostics
            return
        for outcome in outcomes:  # converted the --convert-to way: counted now
            if not isinstance(outcome, CddraftError) and outcome not in pages:
                delivered(outcome)
        for (it, _), outcome in zip(todo, outcomes, strict=True):
            if isinstance(outcome, CddraftError):
                it.errors += outcome.diagnostics
                report.problems(outcome.diagnostics)
            else:
                it.pdf, it.pages = outcome, pages[outcome].result()
                report.wrote(outcome)


def add_previews(items: Sequence[BatchItem], pages: Sequence[int], dpi: int, report: Reporter,
                 png_dir: Path | None = None) -> None:
    """Render the requested pages of every PDF as PNG: those the document has, and an error for each it has not
    (``--page 1 --page 9`` of a two-page letter still gives page 1)."""
    from cddraft.export import page_count, render_pages

    todo = [(it, it.pdf) for it in items if it.ok and it.pdf is not None]
    report.stage("Rendering pages", len(todo))
    for it, pdf in todo:
        count = page_count(pdf)
        present = [n for n in pages if count is None or 1 <= n <= count]
        found = [Diagnostic(f"there is no page {n}; the document has {count} page(s)", file=str(it.source))
                 for n in pages if n not in present]
        try:
            it.previews = render_pages(pdf, png_dir or pdf.parent, pdf.stem, present, dpi) if present else []
        except CddraftError as exc:  # name the user's file, not the PDF in a temporary folder
            found += [Diagnostic(d.message, file=str(it.source)) for d in exc.diagnostics]
        if found:
            it.errors += found
            report.problems(found)
        for p in it.previews:
            report.wrote(p)
        report.advance()


def run(paths: Sequence[Path], opts: Options, report: Reporter, extra: Sequence[BatchItem] = ()) -> list[BatchItem]:
    """Build, write, convert and render: the whole of ``cddraft build`` for the given outlines.

    ``extra`` are existing .docx files (``cddraft preview FILE.docx``) that join the conversion. With PDFs asked
    for, LibreOffice is started first (:mod:`cddraft.batch.office`): it comes up while the first outlines build,
    and converts each .docx as soon as it is written, while the next ones build. The outlines then build in this
    process unless ``--jobs`` says otherwise: a PDF takes LibreOffice some three times a build's time, so the
    other cores do more for the run converting than building.
    """
    if not (opts.pdf or opts.pages):
        return _build_and_write(paths, opts, report, extra)
    from dataclasses import replace

    from cddraft.batch.office import Offices
    from cddraft.export import PdfJob, pdf_target

    with Offices(len(paths) + len(extra)) as offices:
        def written(item: BatchItem) -> None:
            if item.docx is not None:
                offices.submit(PdfJob(item.docx, pdf_target(item.docx, opts.pdf_dir)), opts.timeout,
                               opts.pdf_profile)

        kept = offices.started > 0
        serial = replace(opts, jobs=1) if kept and opts.jobs is None else opts
        items = _build_and_write(paths, serial, report, extra, written if kept else None)
        add_pdfs(items, opts.timeout, report, opts.pdf_dir, opts.pdf_profile, offices)
    if opts.pages:
        add_previews(items, opts.pages, opts.dpi, report, opts.png_dir)
    return items


def _build_and_write(paths: Sequence[Path], opts: Options, report: Reporter, extra: Sequence[BatchItem],
                     written: Callable[[BatchItem], None] | None = None) -> list[BatchItem]:
    """Every outline built and its files written, in argument order; ``extra`` appended. ``written`` is told of
    each item once its files are written: as soon as it is built when the outlines build in this process, one
    after the other (the files are written in the arguments' order either way), else after all are built."""
    report.stage("Building", len(paths))
    claimed: dict[str, Path] = {}

    def done(item: BatchItem) -> None:
        report.problems(item.errors + item.warnings)
        report.advance()
        if stream:
            write_outputs([item], opts.out_dir, opts.pattern, report, claimed)
            if item.ok and written is not None:
                written(item)  # LibreOffice converts it while the next outline builds

    stream = written is not None and _workers(len(paths), opts.jobs) == 1
    items = build_all(paths, opts.template, done, opts.jobs, opts.formats)
    report.check_hint([it.source for it in items if any(d.code for d in it.warnings)])
    if not stream:
        write_outputs(items, opts.out_dir, opts.pattern, report, claimed)
        for item in items:
            if item.ok and written is not None:
                written(item)
    return items + list(extra)
