"""``cddraft preview``: pages of outlines (built first) or .docx files as PNG images, so that page 1 —
masthead and footer — can be checked without Word.

Without ``-o`` the images go to a new temporary folder and the intermediate files (.docx, PDF) are
discarded; the image paths are printed in argument order.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import click

from cddraft.batch.inputs import OUTLINE_SUFFIXES
from cddraft.batch.item import BatchItem
from cddraft.batch.report import Reporter
from cddraft.batch.runner import Options, run
from cddraft.errors import EXIT_OK, EXIT_UNUSABLE
from cddraft.export import DEFAULT_TIMEOUT, require_poppler, require_soffice


def preview_command(files: Sequence[Path], pages: Sequence[int] = (1,), out_dir: Path | None = None, dpi: int = 100,
                    template: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> int:
    """Render ``pages`` of every file and print the image paths."""
    require_soffice()
    require_poppler()
    outlines = [f for f in files if f.suffix.lower() in OUTLINE_SUFFIXES]
    documents = [BatchItem(f, docx=f) for f in files if f.suffix.lower() not in OUTLINE_SUFFIXES]
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
    return EXIT_UNUSABLE if any(not it.ok for it in items) else EXIT_OK
