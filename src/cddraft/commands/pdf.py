"""``cddraft pdf``: existing .docx files to PDF, all of them with one LibreOffice start."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cddraft.batch.item import BatchItem
from cddraft.batch.report import Reporter
from cddraft.batch.runner import add_pdfs
from cddraft.errors import EXIT_OK, EXIT_UNUSABLE
from cddraft.export import DEFAULT_TIMEOUT, require_soffice


def pdf_command(files: Sequence[Path], out_dir: Path | None = None, timeout: float = DEFAULT_TIMEOUT,
                profile: str = "pdfa-2b") -> int:
    """Convert ``files`` beside themselves (or into ``out_dir``); a file that fails costs only itself."""
    require_soffice()
    items = [BatchItem(f, docx=f) for f in files]
    with Reporter() as report:
        add_pdfs(items, timeout, report, out_dir, profile)
    return EXIT_UNUSABLE if any(not it.ok for it in items) else EXIT_OK
