"""How one thing is timed, shared by every bench: a :class:`Sample` of repeated runs, the wall and CPU time of a
callable or of a whole process, and builds measured in a fresh interpreter.

CPU time is kept beside wall time because on a shared machine it is the steadier of the two (the targets use
wall time). In-process build times come from a fresh interpreter per measurement (the scripts in
``bench/children/``): the long-lived bench process holds the other tools' data between runs, which made the
in-process figure (and so time(8k)/time(4k)) drift by ±15 %.
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools import PY, ROOT

#: The child programs run as scripts (each reads its arguments from ``sys.argv`` and prints one JSON line).
CHILDREN = Path(__file__).resolve().parent / "children"

#: One run's results: ``main`` fills it bench by bench; the verdicts, the table and the JSON file read it.
Results = dict[str, Any]


@dataclass
class Sample:
    """Repeated measurements of one thing (seconds unless ``unit`` says otherwise)."""

    name: str
    values: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""
    cpu: list[float] = field(default_factory=list)  # CPU seconds (user+sys) per run, see timed()

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    def cell(self) -> str:
        """``median [min–max] ×runs`` with the unit, for the table."""
        if not self.values:
            return "n/a"
        fmt = (lambda v: f"{v:.3f}") if self.unit == "s" else (lambda v: f"{v:.1f}")
        text = f"{fmt(self.median)} {self.unit}"
        if len(self.values) > 1:
            text += f" [{fmt(min(self.values))}–{fmt(max(self.values))}] ×{len(self.values)}"
        return text

    def cpu_cell(self) -> str:
        return f"{statistics.median(self.cpu):.3f} s" if self.cpu else ""

    def add(self, measured: tuple[float, float]) -> None:
        """Record one ``(wall, cpu)`` pair from :func:`run_process` or :func:`timed`."""
        self.values.append(measured[0])
        self.cpu.append(measured[1])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall time and CPU time (this process plus the child processes it waited for) of ``fn()``."""
    gc.collect()
    c, k, t = time.process_time(), _children_cpu(), time.perf_counter()
    fn()
    wall = time.perf_counter() - t
    return wall, (time.process_time() - c) + (_children_cpu() - k)


def run_process(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall time and CPU time (user+sys, the child and what it waited for) of one whole process.

    On a shared machine the CPU time is the steadier of the two; the targets use wall time.
    """
    before = _children_cpu()
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    cpu = _children_cpu() - before
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return elapsed, cpu


def repeat(sample: Sample, cmd: list[str], runs: int, warm: bool) -> Sample:
    """Run ``cmd`` ``runs`` times into ``sample`` (after one unrecorded run when ``warm``)."""
    if warm:
        run_process(cmd)  # page cache, bytecode
    for _ in range(runs):
        sample.add(run_process(cmd))
    return sample


def child_build_times(outline: Path, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) of ``runs`` builds of ``outline`` in a fresh interpreter, after one warm-up build."""
    proc = subprocess.run([PY, str(CHILDREN / "build_times.py"), str(outline), str(runs)], capture_output=True,
                          text=True, check=True)
    return [tuple(x) for x in json.loads(proc.stdout.strip().splitlines()[-1])]


def child_maxrss_mb(outline: Path) -> float:
    """Peak resident set of a fresh process that imports cddraft and builds ``outline`` once."""
    proc = subprocess.run([PY, str(CHILDREN / "maxrss.py"), str(outline)], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout.strip().splitlines()[-1]) / 1024  # Linux: KiB


def tracemalloc_peak_mb(outline: Path) -> float:
    """Peak of Python allocations during one in-process build (libxml2's own memory is not seen)."""
    from cddraft.batch.runner import build_outline as build

    gc.collect()
    tracemalloc.start()
    try:
        build(outline)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
