"""What a run shows while it works and when it is done: progress, problems, hints and the summary table.

On a terminal a rich progress bar runs on stderr and the summary is a rich table; otherwise (CI, a pipe,
an editor's build command) every line is plain text, so that tools can parse it. rich is imported only for
a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cddraft.errors import Diagnostic

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from cddraft.batch.item import BatchItem


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

    def summary(self, items: Sequence[BatchItem], pdf: bool, out_dir: Path | None = None) -> None:
        """The table: file, language, pages (of the PDF), warnings, output; then the counts."""
        head = ("file", "language", "pages", "warnings", "output")

        def output(it: BatchItem) -> str:
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
