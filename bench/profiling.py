"""Where the time goes (``--profile``): the seed example's whole process split at checkpoints, the build's stages
one by one, cProfile of a warm build and of ``cddraft --version``, and the heaviest imports.

Not measurements against targets: these tell what to change next.
"""

from __future__ import annotations

import gc
import io
import json
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import corpus
from measuring import CHILDREN, run_process
from startup import BUILD_STACK
from tools import PY, SEED

T = TypeVar("T")


def profile(tmp: Path, imports: dict[str, Any], sizes: tuple[int, ...] = (4000, 8000),
            top: int = 22) -> dict[str, str]:
    """Stage times at 4k and 8k, cProfile of a warm 4k build, cProfile of ``--version``, heaviest imports."""
    import cProfile
    import pstats

    from cddraft.batch.runner import build_outline as build

    reports: dict[str, str] = {f"where the seed example's CLI time goes ({SEED.name})": seed_budget(tmp)}
    for n in sizes:
        outline = tmp / f"report-{n}.yaml"
        if not outline.exists():
            outline.write_text(corpus.outline_yaml(n), encoding="utf-8")
        build(outline)
        reports[f"stages at {n:,} paragraphs (warm, in-process)"] = stage_times(outline)
    outline = tmp / f"report-{sizes[0]}.yaml"
    prof = cProfile.Profile()
    prof.enable()
    build(outline)
    prof.disable()
    for key in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(top)
        reports[f"cProfile build {sizes[0]:,} by {key}"] = _trim_pstats(buf.getvalue())
    stats_file = tmp / "version.prof"
    subprocess.run([PY, "-m", "cProfile", "-o", str(stats_file), "-m", "cddraft.cli", "--version"],
                   capture_output=True, check=True)
    buf = io.StringIO()
    pstats.Stats(str(stats_file), stream=buf).strip_dirs().sort_stats("cumulative").print_stats(12)
    reports["cProfile `cddraft --version` by cumulative"] = _trim_pstats(buf.getvalue())
    reports["heaviest imports of the build stack (-X importtime, ms)"] = "\n".join(
        f"{h['cumulative_ms']:7.1f}  {h['name']:<28} (imported by {h['imported_by']})" for h in imports["heaviest"]
    )
    return reports


def seed_budget(tmp: Path, runs: int = 5) -> str:
    """Where the seed example's whole-process time goes, from checkpoints in a fresh child process."""
    labels = ["interpreter start-up (bare `python -c pass`)", "import cddraft.cli (click)",
              "import the build stack (pydantic, python-docx, yaml, babel …)",
              "first build (lazy imports, locale data, barcode/QR, the work)",
              "(a second, warm build of the same file — not part of the CLI)", "write_atomic (fsync)"]
    samples: list[list[float]] = [[] for _ in labels]
    child = [PY, str(CHILDREN / "seed_budget.py"), str(SEED), str(tmp / "budget.docx"), BUILD_STACK]
    for _ in range(runs):
        samples[0].append(run_process([PY, "-c", "pass"])[0])
        out = subprocess.run(child, capture_output=True, text=True, check=True).stdout
        for i, v in enumerate(json.loads(out), 1):
            samples[i].append(v)
    med = [statistics.median(v) for v in samples]
    lines = [f"{m:7.3f} s  {label}" for m, label in zip(med, labels, strict=True)]
    lines.append(f"{sum(med) - med[4]:7.3f} s  total without the warm rebuild (medians of {runs})")
    return "\n".join(lines)


def _trim_pstats(text: str) -> str:
    """pstats output from its call count and column heads on (the file and date lines above say nothing)."""
    lines = text.strip().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    total = next((line.strip() for line in lines if "function calls" in line), "")
    return "\n".join([total, *lines[start:]])


def stage_times(outline: Path) -> str:
    """Time each stage of one outline's build separately: the functions ``pipeline.build`` chains, then the
    quick editorial rules the build command runs."""
    from cddraft.check.run import build_findings
    from cddraft.localise import localise
    from cddraft.readers.outline.load import load_outline
    from cddraft.readers.outline.validate import build_document
    from cddraft.writers import WriterOptions, writer

    times: dict[str, float] = {}

    def timed_stage(name: str, stage: Callable[[], T]) -> T:
        gc.collect()
        t = time.perf_counter()
        value = stage()
        times[name] = time.perf_counter() - t
        return value

    source = timed_stage("load_outline", lambda: load_outline(outline))
    document = timed_stage("build_document", lambda: build_document(source))
    localised = timed_stage("localise", lambda: localise(document))
    timed_stage("write_docx", lambda: writer("docx")(localised, WriterOptions()))
    timed_stage("quick rules", lambda: build_findings(document, source))
    return "\n".join(f"{name:<16}{seconds:7.3f} s" for name, seconds in times.items())
