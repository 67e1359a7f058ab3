"""What ``cddraft serve`` shows for each outline: the last good build's pages, .docx and PDF, its findings (or the
errors that stop it from building), and a version number that changes with every build.

Every file served is one this process wrote into its own private folder and registered by name; a request
names a registered file or gets nothing — no part of a URL is ever joined to a path.
"""

from __future__ import annotations

import queue
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cddraft.check.diagnostics import as_json, ordered
from cddraft.errors import CddraftError, Diagnostic
from cddraft.serve.renderer import Renderer

#: Builds kept on disk per outline: the one shown and the one before it (a page still loading).
_KEEP = 2


def _as_json(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    """As ``cddraft check --format json`` gives them: the same objects, in the same order."""
    return [as_json(d) for d in ordered(diagnostics)]


@dataclass
class Entry:
    """One outline being served."""

    n: int
    source: Path
    version: int = 0
    state: str = "building"  # building, ready, error
    errors: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # served name → the file this process wrote

    def public(self) -> dict[str, Any]:
        return {"outline": self.n, "name": self.source.name, "version": self.version, "state": self.state,
                "errors": self.errors, "findings": self.findings, "pages": self.pages,
                "docx": f"v{self.version}.docx" if self.version else None,
                "pdf": f"v{self.version}.pdf" if f"v{self.version}.pdf" in self.files else None}


class Site:
    """The outlines served, their builds, and the browsers listening for changes."""

    def __init__(self, sources: list[Path], work: Path, *, warm: bool = True, pages: bool = True) -> None:
        self.work = work
        self.pages = pages
        self.entries = [Entry(n, s.resolve()) for n, s in enumerate(sources)]
        self.renderer = Renderer(work, warm=warm)
        self._listeners: list[queue.Queue[dict[str, Any]]] = []
        self._lock = threading.Lock()

    def listen(self) -> queue.Queue[dict[str, Any]]:
        q: queue.Queue[dict[str, Any]] = queue.Queue()
        with self._lock:
            self._listeners.append(q)
        return q

    def forget(self, q: queue.Queue[dict[str, Any]]) -> None:
        with self._lock:
            if q in self._listeners:
                self._listeners.remove(q)

    def _tell(self, entry: Entry) -> None:
        event = {"outline": entry.n, "version": entry.version, "state": entry.state}
        with self._lock:
            for q in self._listeners:
                q.put(event)

    def build(self, entry: Entry) -> None:
        """Build, check and render one outline; on errors keep the last good pages and show the errors.

        The findings are those ``cddraft check --format json`` gives for the outline (every rule, the build's among
        them), with any problem rendering the pages."""
        from cddraft.check.run import run_rules
        from cddraft.pipeline import build

        entry.state = "building"
        self._tell(entry)
        version = entry.version + 1
        folder = self.work / f"o{entry.n}" / f"v{version}"
        try:
            built = build(entry.source, findings=False)
            found = run_rules(built.document, built.outline)
        except CddraftError as exc:
            entry.state, entry.errors = "error", _as_json(exc.diagnostics)
            self._tell(entry)
            return
        folder.mkdir(parents=True, exist_ok=True)
        files = {f"v{version}.docx": folder / "doc.docx"}
        files[f"v{version}.docx"].write_bytes(built.docx)
        pages: list[str] = []
        if self.pages and self.renderer.available:
            try:
                for k, png in enumerate(self.renderer.pages(built.docx, folder, "doc"), 1):
                    files[f"v{version}-page{k}.png"] = png
                    pages.append(f"v{version}-page{k}.png")
                files[f"v{version}.pdf"] = folder / "doc.pdf"
            except CddraftError as exc:
                found = [*found, *exc.diagnostics]
        entry.version, entry.pages, entry.files = version, pages, files
        entry.findings = _as_json(found)
        entry.errors, entry.state = [], "ready"
        self._tell(entry)
        for old in range(1, version - _KEEP + 1):
            shutil.rmtree(self.work / f"o{entry.n}" / f"v{old}", ignore_errors=True)

    def file(self, n: int, name: str) -> Path | None:
        """The file ``name`` of outline ``n``, if this process wrote it and still serves it."""
        if not 0 <= n < len(self.entries):
            return None
        path = self.entries[n].files.get(name)
        return path if path is not None and path.is_file() and not path.is_symlink() else None

    def close(self) -> bool:
        """Stop LibreOffice and tell the pages; whether LibreOffice is gone."""
        closed = self.renderer.close()
        with self._lock:
            for q in self._listeners:
                q.put({"closing": True})
        return closed
