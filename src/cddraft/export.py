"""PDF and page images through LibreOffice headless and poppler — real renderers, not our own.

One ``soffice`` call converts many files; each call gets a private user profile in a temporary
folder, so conversion works while the user has LibreOffice open and two builds can run at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic

DEFAULT_TIMEOUT = 180
_CANDIDATES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    """The LibreOffice executable, or None (``CDDRAFT_SOFFICE`` overrides the search)."""
    env = os.environ.get("CDDRAFT_SOFFICE")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _missing(tool: str, package: str) -> CddraftError:
    return CddraftError(
        [Diagnostic(f"{tool} is not installed; install it (Debian/Ubuntu: sudo apt-get install {package}) "
                    "and try again")]
    )


def convert_to_pdf(docx_files: list[Path], out_dir: Path | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert .docx files to PDF with one LibreOffice start; return the PDF paths (same order)."""
    soffice = find_soffice()
    if soffice is None:
        raise _missing("LibreOffice", "libreoffice-writer-nogui")
    if not docx_files:
        return []
    groups: dict[Path, list[Path]] = {}
    for f in docx_files:
        groups.setdefault((out_dir or f.parent).resolve(), []).append(f.resolve())
    with tempfile.TemporaryDirectory(prefix="cddraft-lo-") as profile:
        for target, files in groups.items():
            target.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix=".cddraft-pdf-", dir=target) as staging:
                cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                       "--convert-to", "pdf:writer_pdf_Export", "--outdir", staging, *map(str, files)]
                try:
                    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                          stdin=subprocess.DEVNULL)
                except subprocess.TimeoutExpired:
                    raise CddraftError(
                        [Diagnostic(f"LibreOffice did not finish within {timeout:.0f} s; close other LibreOffice "
                                    "windows or raise --timeout")]
                    ) from None
                for f in files:
                    produced = Path(staging) / (f.stem + ".pdf")
                    if not produced.exists():
                        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
                        raise CddraftError(
                            [Diagnostic(f"LibreOffice could not convert the file ({detail[0]})", file=str(f))]
                        )
                    os.replace(produced, target / produced.name)
    return [(out_dir or f.parent).resolve() / (f.stem + ".pdf") for f in docx_files]


def render_pages(pdf: Path, out_prefix: Path, first: int = 1, last: int | None = None,
                 dpi: int = 60) -> list[Path]:
    """PNG images of PDF pages (poppler's pdftoppm); returns the files written."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise _missing("pdftoppm", "poppler-utils")
    last = last or first
    cmd = [tool, "-png", "-r", str(dpi), "-f", str(first), "-l", str(last), str(pdf), str(out_prefix)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise CddraftError([Diagnostic(f"pdftoppm failed: {proc.stderr.strip()}", file=str(pdf))])
    parent = out_prefix.parent
    return sorted(p for p in parent.glob(out_prefix.name + "-*.png"))
