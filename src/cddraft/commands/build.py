"""``cddraft build``: outlines into .docx files (and PDFs and page images on request); with ``--watch``,
again whenever an outline or the template is saved.

Each file written is listed (``wrote PATH``); several outlines end with a summary table, which replaces
that list on a terminal. Watching polls modification times (:mod:`cddraft.watch`) and rebuilds only what
changed, or everything when the template changes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import click

from cddraft.batch.inputs import check_name_pattern, expand_inputs
from cddraft.batch.report import Reporter
from cddraft.batch.runner import Options, run
from cddraft.errors import EXIT_OK, EXIT_UNUSABLE


def build_command(files: Sequence[str], out_dir: Path = Path("output"), *, template: Path | None = None,
                  name: str = "{stem}", pdf: bool = False, preview: bool = False, timeout: float = 180,
                  jobs: int | None = None, watch: bool = False, watch_cycles: int | None = None,
                  pdf_profile: str = "pdfa-2b", formats: tuple[str, ...] = ()) -> int:
    """Build ``files`` (files, folders, glob patterns) into ``out_dir``; 2 when any of them failed.

    Nothing is built when ``name`` is not a usable file name pattern or a tool that ``pdf``/``preview``
    needs is missing. ``watch_cycles`` stops watching after that many polls (tests).
    """
    paths, problems = expand_inputs(files)
    check_name_pattern(name)
    if pdf or preview:
        from cddraft.export import require_poppler, require_soffice

        require_soffice()
        if preview:
            require_poppler()
    opts = Options(out_dir, name, template, pdf or preview, (1,) if preview else (), timeout=timeout, jobs=jobs,
                   pdf_profile=pdf_profile, formats=tuple(f for f in formats if f != "docx"))
    table, interactive = len(paths) > 1, sys.stderr.isatty()
    with Reporter(interactive, list_writes=not (interactive and table)) as report:
        report.problems(problems)
        items = run(paths, opts, report)
    if table:
        report.summary(items, opts.pdf, out_dir)
    failed = bool(problems) or any(not it.ok for it in items)
    if watch or watch_cycles is not None:
        failed = rebuild_on_change(files, opts, watch_cycles, {it.source: it.ok for it in items})
    return EXIT_UNUSABLE if failed else EXIT_OK


def rebuild_on_change(files: Sequence[str], opts: Options, cycles: int | None, state: dict[Path, bool]) -> bool:
    """Rebuild changed outlines (all of them when the template changes); True if any is failing."""
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
