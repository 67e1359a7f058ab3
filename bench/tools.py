"""Where things are and which outside programs the bench runs.

Paths, the ``cddraft`` console script next to this interpreter (a pyenv/asdf shim in front of it adds ~0.1 s of
its own), pandoc and LibreOffice, and a one-line description of the machine: the figures mean little without it.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLINES = ROOT / "outlines"
RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
SEED = OUTLINES / "cd-way-ahead-en.yaml"  # the letter with its full annexed report
PY = sys.executable


def cddraft_exe() -> str:
    """The console script of this interpreter's installation (falls back to PATH)."""
    here = Path(PY).with_name("cddraft")
    return str(here) if here.exists() else (shutil.which("cddraft") or "cddraft")


def pandoc_exe() -> str | None:
    """pandoc on PATH, else the one pypandoc-binary ships, else ``None`` (the table then says "n/a")."""
    found = shutil.which("pandoc")
    if found:
        return found
    try:  # pip install pypandoc-binary
        import pypandoc

        return pypandoc.get_pandoc_path()
    except Exception:
        return None


def tool_version(cmd: list[str]) -> str:
    """The first line ``cmd`` prints ("?" when it prints nothing, "n/a" when it cannot run)."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
        return out.strip().splitlines()[0] if out.strip() else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "n/a"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: printed at start and end, since other work skews the times."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine() -> dict[str, str]:
    """What this run measured with: Python, CPUs, cddraft's version and commit, pandoc, LibreOffice, the date."""
    from cddraft import __version__

    pandoc = pandoc_exe()
    info = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": str(os.cpu_count()),
        "cddraft": __version__,
        "cddraft_exe": cddraft_exe(),
        "pandoc": tool_version([pandoc, "--version"]) if pandoc else "pandoc n/a",
        "libreoffice": tool_version(["soffice", "--version"]) if shutil.which("soffice") else "LibreOffice n/a",
        "commit": tool_version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "load_start": load_average(),
    }
    lo = " ".join(info["libreoffice"].split()[:2])
    info["summary"] = (f"{info['date']}, cddraft {info['cddraft']} (commit {info['commit']}), "
                       f"Python {info['python']}, {info['cpus']} CPUs, {info['pandoc']}, {lo}")
    return info
