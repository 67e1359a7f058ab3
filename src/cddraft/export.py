"""PDFs through LibreOffice headless, and page counts and page images through poppler: real renderers, not
our own.

A LibreOffice start costs seconds and a file a fraction of one, so one ``soffice`` call converts every file of a
run (a second call only for files whose PDFs would have the same name); a batch keeps LibreOffice running
instead where it can (:mod:`cddraft.batch.office`), with this module's checks, adjustments and writing. Each
call gets a private user profile in a temporary folder, so conversion works while the user has LibreOffice open
and two builds can run at once, and a font configuration that puts free stand-ins for the template's Windows
fonts (:data:`FONT_STAND_INS`). Inputs are read with :func:`cddraft.readers.docx_package.read_docx_bytes` (what
is not a Word file, or is a zip bomb, never reaches LibreOffice), and the checked bytes, with the adjustments of
:mod:`cddraft.lo_compat`, are what LibreOffice converts: to tagged PDF/A-2b by default (:data:`PDF_PROFILES`).
Outputs are written whole or not at all, and never over a file that is open (lock file): the same rules as for
the .docx.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cddraft.errors import CddraftError, Diagnostic

DEFAULT_TIMEOUT = 180
#: PDF profiles (LibreOffice's SelectPdfVersion): PDF/A-2b by default, for archives; every PDF is tagged (a
#: structure tree: headings, paragraphs, the images' alternative text) and has bookmarks from the headings.
PDF_PROFILES = {"none": 0, "pdfa-2b": 2, "pdfa-3b": 3}
DEFAULT_PROFILE = "pdfa-2b"


def pdf_filter(profile: str = DEFAULT_PROFILE) -> str:
    """``--convert-to``'s filter with its options, in the JSON form LibreOffice (7.4 and later) reads."""
    import json

    options = {"UseTaggedPDF": {"type": "boolean", "value": "true"},
               "ExportBookmarks": {"type": "boolean", "value": "true"},
               "SelectPdfVersion": {"type": "long", "value": str(PDF_PROFILES[profile])}}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))
_CANDIDATES = ("soffice", "libreoffice")
_POLL = 0.25


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


def _missing(tool: str, package: str, note: str = "") -> CddraftError:
    return CddraftError(
        [Diagnostic(f"{tool} is not installed{note}; install it (Debian/Ubuntu: sudo apt-get install {package}) "
                    "and try again", file="cddraft")]
    )


def require_soffice() -> str:
    """The LibreOffice executable, or the install hint as an error (checked before any work)."""
    found = find_soffice()
    if found is None:
        env = os.environ.get("CDDRAFT_SOFFICE")
        note = f" (CDDRAFT_SOFFICE is set to {env!r}, which is not a program)" if env else ""
        raise _missing("LibreOffice", "libreoffice-writer-nogui", note)
    return found


def require_poppler(tool: str = "pdftoppm") -> str:
    found = shutil.which(tool)
    if found is None:
        raise _missing(tool, "poppler-utils")
    return found


@dataclass(frozen=True)
class PdfJob:
    """One conversion: the Word file to read and the PDF to write."""

    source: Path
    target: Path


def _prepare(job: PdfJob, claimed: dict[str, Path]) -> bytes:
    """The checked bytes of the source; refuses a clash within the run and a locked target."""
    from cddraft.readers.docx_package import read_docx_bytes
    from cddraft.write import file_identity, locked

    if not job.source.exists():
        why = "the symbolic link leads nowhere (broken, or a loop)" if job.source.is_symlink() else "file not found"
        raise CddraftError([Diagnostic(why, file=str(job.source))])
    raw = read_docx_bytes(job.source)
    key = file_identity(job.target)
    if key in claimed:
        raise CddraftError([Diagnostic(f"{claimed[key]} in this run also converts to {job.target}; "
                                       "convert them to different folders", file=str(job.source))])
    if locked(job.target):
        raise CddraftError([Diagnostic("the PDF is open in another program; close it and convert again",
                                       file=str(job.target))])
    claimed[key] = job.source
    return raw


#: One job's outcome: the PDF written, or why not.
Outcome = Path | CddraftError


def prepare(jobs: list[PdfJob], claimed: dict[str, Path] | None = None) -> tuple[list[Outcome], dict[int, bytes]]:
    """What LibreOffice is given: the bytes of each job that passed the checks (by index), with
    :mod:`cddraft.lo_compat`'s adjustments; the others' outcomes already hold why not. ``claimed`` (the PDFs of the
    run so far) lets a run prepare its jobs a few at a time."""
    from cddraft.lo_compat import for_libreoffice

    outcomes: list[Outcome] = [CddraftError([Diagnostic("not converted", file=str(j.source))]) for j in jobs]
    ready: dict[int, bytes] = {}
    claimed = {} if claimed is None else claimed
    for i, job in enumerate(jobs):
        try:
            ready[i] = for_libreoffice(_prepare(job, claimed))
        except CddraftError as exc:
            outcomes[i] = exc
    return outcomes, ready


def deliver(job: PdfJob, produced: Path, log: str = "") -> Outcome:
    """The PDF LibreOffice made, written whole to the job's target; or why not (``log``: what LibreOffice said)."""
    from cddraft.write import write_atomic

    if not produced.exists():
        last = [ln for ln in log.strip().splitlines() if ln.strip()][-1:] or ["no message"]
        return CddraftError([Diagnostic(f"LibreOffice could not convert the file ({last[0].strip()})",
                                        file=str(job.source))])
    try:
        write_atomic(job.target, produced.read_bytes())
        return job.target
    except CddraftError as exc:
        return exc
    except OSError as exc:  # e.g. a viewer holds the file open on Windows
        return CddraftError([Diagnostic(f"cannot write the PDF: {exc.strerror}", file=str(job.target))])


def stop_group(proc: subprocess.Popen) -> None:
    """Stop LibreOffice and everything it started (soffice is a launcher for soffice.bin)."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


#: Free fonts that stand in for the template's Windows fonts when LibreOffice renders on Linux
#: (the .docx keeps the Windows names), in order: without these aliases Arabic falls back to DejaVu Sans.
#: Noto Naskh Arabic has no Western digits, which Arabic versions use: they come from the serif that follows.
FONT_STAND_INS = {
    "Times New Roman": ("Liberation Serif",),
    "SimSun": ("Noto Serif CJK SC",),
    "Simplified Arabic": ("Noto Naskh Arabic", "Liberation Serif"),
}


def font_environment(folder: Path) -> dict[str, str]:
    """Environment for LibreOffice: the system fontconfig plus :data:`FONT_STAND_INS` as aliases."""
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    aliases = "".join(f'<alias binding="same"><family>{win}</family><prefer>'
                      + "".join(f"<family>{f}</family>" for f in free) + "</prefer></alias>"
                      for win, free in FONT_STAND_INS.items())
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f'<include ignore_missing="yes">{system}</include>{aliases}</fontconfig>', encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def timed_out(timeout: float) -> CddraftError:
    """The error that stops a run whose LibreOffice did not finish a file in time."""
    return CddraftError([Diagnostic(f"LibreOffice did not finish a file within {timeout:g} s and was stopped; a "
                                    "very long document may need more time (--timeout SECONDS)", file="cddraft")])


def _run(cmd: list[str], out: Path, timeout: float, progress: Callable[[int], None] | None,
         env: dict[str, str] | None = None) -> str:
    """Run one conversion, reporting how many PDFs exist so far; returns LibreOffice's messages.

    LibreOffice runs in a session of its own so that a timeout or Ctrl-C stops all of it.
    """
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace", start_new_session=os.name == "posix", env=env)
    deadline, done = time.monotonic() + timeout, 0
    try:
        while True:
            try:
                return proc.communicate(timeout=_POLL)[0] or ""
            except subprocess.TimeoutExpired:
                now = sum(1 for _ in out.glob("*.pdf"))
                if now > done:  # the timeout is per file: a long batch is not a hang
                    deadline, done = time.monotonic() + timeout, now
                    if progress:
                        progress(done)
                if time.monotonic() >= deadline:
                    raise timed_out(timeout) from None
    except BaseException:
        stop_group(proc)
        raise


def _offset(progress: Callable[[int], None] | None, base: int) -> Callable[[int], None] | None:
    """Progress of a later round counts on from the files done in the earlier ones."""
    if progress is None:
        return None
    return lambda n: progress(base + n)


def convert(jobs: list[PdfJob], timeout: float = DEFAULT_TIMEOUT,
            progress: Callable[[int], None] | None = None, profile: str = DEFAULT_PROFILE) -> list[Outcome]:
    """Convert with one LibreOffice start; one outcome per job (the PDF written, or why not).

    Raises only for what stops the whole run: LibreOffice missing, or not finishing in time.
    """
    soffice = require_soffice()
    outcomes, ready = prepare(jobs)
    rounds: list[dict[str, int]] = []  # staged name → job; a second round only for equal names
    with tempfile.TemporaryDirectory(prefix="cddraft-lo-") as tmp_name:
        tmp = Path(tmp_name)
        for i, data in ready.items():
            job = jobs[i]
            key = job.target.stem.casefold()  # LibreOffice names the PDF after the input; case may not count
            r = next((n for n, names in enumerate(rounds) if key not in names), len(rounds))
            if r == len(rounds):
                rounds.append({})
            rounds[r][key] = i
            (tmp / f"in{r}").mkdir(exist_ok=True)
            (tmp / f"in{r}" / f"{job.target.stem}.docx").write_bytes(data)
        done = 0
        for r, names in enumerate(rounds):
            out = tmp / f"out{r}"
            out.mkdir()
            cmd = [soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nodefault", "--convert-to", pdf_filter(profile), "--outdir", str(out),
                   *(str(tmp / f"in{r}" / f"{jobs[i].target.stem}.docx") for i in names.values())]
            log = _run(cmd, out, timeout, _offset(progress, done), font_environment(tmp))
            for i in names.values():
                outcomes[i] = deliver(jobs[i], out / f"{jobs[i].target.stem}.pdf", log)
            done += len(names)
            if progress:
                progress(done)
    return outcomes


def pdf_target(docx: Path, out_dir: Path | None = None) -> Path:
    """Where the PDF of ``docx`` goes: beside it, or in ``out_dir``."""
    return (out_dir or docx.parent) / (docx.stem + ".pdf")


def convert_to_pdf(docx_files: list[Path], out_dir: Path | None = None,
                   timeout: float = DEFAULT_TIMEOUT, profile: str = DEFAULT_PROFILE) -> list[Path]:
    """Convert .docx files with one LibreOffice start; the PDF paths in the same order, or the first error."""
    paths: list[Path] = []
    for outcome in convert([PdfJob(Path(f), pdf_target(Path(f), out_dir)) for f in docx_files], timeout,
                           profile=profile):
        if isinstance(outcome, CddraftError):
            raise outcome
        paths.append(outcome.resolve())
    return paths


def page_count(pdf: Path) -> int | None:
    """Number of pages (poppler's pdfinfo), or None when it cannot be told."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        return None
    proc = subprocess.run([tool, str(pdf)], capture_output=True, text=True, errors="replace", timeout=60)
    for line in proc.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def render_pages(pdf: Path, out_dir: Path, stem: str, pages: list[int], dpi: int = 100) -> list[Path]:
    """PNG images ``<stem>-page<N>.png`` of PDF pages (poppler's pdftoppm), each written atomically."""
    tool = require_poppler("pdftoppm")
    count = page_count(pdf)
    for n in pages:
        if n < 1 or (count is not None and n > count):
            raise CddraftError([Diagnostic(f"there is no page {n}; the document has {count} page(s)",
                                           file=str(pdf))])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix=".cddraft-png-", dir=out_dir) as staging:
        for n in pages:
            prefix = Path(staging) / f"page{n}"
            cmd = [tool, "-png", "-r", str(dpi), "-f", str(n), "-l", str(n), "-singlefile", str(pdf), str(prefix)]
            proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=120)
            if proc.returncode != 0:
                raise CddraftError([Diagnostic(f"pdftoppm failed: {proc.stderr.strip()}", file=str(pdf))])
            target = out_dir / f"{stem}-page{n}.png"
            os.replace(prefix.with_suffix(".png"), target)
            written.append(target)
    return written
