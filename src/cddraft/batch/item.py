"""One document's way through a batch run (:mod:`cddraft.batch.runner`): apart from the runner, so that what reads
the inputs and what reports on them name it without importing the runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cddraft.errors import Diagnostic


@dataclass
class BatchItem:
    """One document's way through a run (an outline built, or a .docx given to convert): its bytes, files and
    problems; picklable, since it comes back from a worker process."""

    source: Path
    language: str = ""
    symbol: str = ""
    letter: str = ""
    data: bytes | None = None
    extra: dict[str, bytes] = field(default_factory=dict)  # other formats asked for: file suffix → bytes
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    docx: Path | None = None
    pdf: Path | None = None
    pages: int | None = None
    previews: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

