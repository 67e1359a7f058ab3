"""Measure cddraft's speed against pandoc and a bare docxtpl loop, and how its cost grows.

Run by hand against the installed package (``pip install -e .``), from the repository root::

    python bench/run.py                 # full run (about 4 minutes on 2 cores)
    python bench/run.py --quick         # smoke check, 15-30 s (1 run, 500/2,000 paragraphs, no PDFs)
    python bench/run.py --profile       # also: where the time goes (stages, cProfile, imports)
    python bench/run.py --update-readme # also put the table into bench/README.md

It prints a Markdown table (each target of issue 7 with PASS/MISS) and writes every sample to
``bench/results/latest.json``. Times are wall clock (``time.perf_counter``), "median [min–max]
×runs", with the CPU time beside them. Whole-process times run the ``cddraft`` console script that
sits next to this Python (not a pyenv/asdf shim, which adds its own ~0.1 s) through
:mod:`subprocess`. Nothing here asserts a time.

What is measured (method and targets: bench/README.md):

* ``cddraft build`` of each example outline in ``outlines/`` (whole process), and pandoc on the seed
  example's text as Markdown;
* generated reports (:mod:`corpus`) of 500–8,000 paragraphs: warm in-process
  time of one outline's build as ``cddraft build`` does it (``batch.runner.build_outline``: the pipeline,
  then the quick editorial rules), the same file through the CLI, peak memory (``ru_maxrss`` of a
  child process that imports and builds once — the whole process, lxml included — and the
  ``tracemalloc`` peak of Python allocations during one in-process build), pandoc (Markdown →
  docx, whole process) and a bare docxtpl ``{%p for %}`` loop (in-process) on the same words;
* start-up: bare ``python -c pass``, ``cddraft --version``, ``import cddraft.cli`` and the import of
  the whole build stack, each as a whole process, plus ``-X importtime``;
* the six language versions in one ``cddraft build``; six PDFs in one LibreOffice conversion
  against one conversion of one document (each call starts LibreOffice cold with a fresh profile).
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import corpus
import pathological

ROOT = Path(__file__).resolve().parents[1]
OUTLINES = ROOT / "outlines"
RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
SEED = OUTLINES / "cd-way-ahead-en.yaml"  # the letter with its full annexed report
PY = sys.executable
BUILD_STACK = ("import cddraft.cli, cddraft.pipeline, cddraft.readers.outline.validate, cddraft.localise, "
               "cddraft.writers.docx")
# The third-party libraries a build needs, and no cddraft code: the floor of any whole-process build.
REQUIRED_LIBS = "import click, yaml, babel.dates, docx, lxml.etree; from pydantic import BaseModel, Field"
MAXRSS_CHILD = (
    "import resource, sys\n"
    "from cddraft.batch.runner import build_outline as build\n"
    "build(sys.argv[1])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)

# Build times measured inside a fresh interpreter per size: the bench process itself holds the other
# tools' data between runs, which made the in-process figure (and so time(8k)/time(4k)) drift by ±15 %.
BUILD_TIMES_CHILD = (
    "import json, sys, time\n"
    "from cddraft.batch.runner import build_outline as build\n"
    "build(sys.argv[1])\n"
    "out = []\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    c, t = time.process_time(), time.perf_counter()\n"
    "    build(sys.argv[1])\n"
    "    out.append([time.perf_counter() - t, time.process_time() - c])\n"
    "print(json.dumps(out))\n"
)


# -- measuring -----------------------------------------------------------------------------------

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


def cddraft_exe() -> str:
    """The console script of this interpreter's installation (falls back to PATH)."""
    here = Path(PY).with_name("cddraft")
    return str(here) if here.exists() else (shutil.which("cddraft") or "cddraft")


def pandoc_exe() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    try:  # pip install pypandoc-binary
        import pypandoc  # type: ignore[import-not-found]

        return pypandoc.get_pandoc_path()
    except Exception:
        return None


def tool_version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
        return out.strip().splitlines()[0] if out.strip() else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "n/a"


# -- the measurements ------------------------------------------------------------------------------

def repeat(sample: Sample, cmd: list[str], runs: int, warm: bool) -> Sample:
    """Run ``cmd`` ``runs`` times into ``sample`` (after one unrecorded run when ``warm``)."""
    if warm:
        run_process(cmd)  # page cache, bytecode
    for _ in range(runs):
        sample.add(run_process(cmd))
    return sample


def bench_examples(tmp: Path, runs: int, warm: bool) -> tuple[list[Sample], Sample, Sample]:
    """Each bundled example through ``cddraft build`` (whole process), pandoc on the seed's text, and the
    import of the required libraries alone, interleaved run by run.

    This machine's speed changes by up to 50 % from one minute to the next; measured one after the other,
    a slow minute fell on one example and made it look slower than the rest. Round by round, every sample
    of a round shares the machine's state, and the ratios (seed ÷ pandoc, seed ÷ floor) stay honest.
    """
    exe = cddraft_exe()
    examples = [(Sample(f"CLI build {o.name}"), [exe, "build", str(o), "-o", str(tmp / "examples")])
                for o in sorted(OUTLINES.glob("*.yaml"))]
    pandoc = Sample(f"pandoc on {SEED.name} as Markdown")
    tool = pandoc_exe()
    jobs = list(examples)
    if tool is None:
        pandoc.note = "pandoc not installed"
    else:
        md = tmp / "seed.md"
        md.write_text(corpus.outline_to_markdown(str(SEED)), encoding="utf-8")
        jobs.append((pandoc, [tool, str(md), "-f", "markdown", "-o", str(tmp / "seed-pandoc.docx")]))
    floor = Sample(STARTUP["import_libs"][0] + ", in the same rounds")
    jobs.append((floor, STARTUP["import_libs"][1]))
    if warm:
        for _, cmd in jobs:
            run_process(cmd)  # page cache, bytecode
    for _ in range(runs):
        for sample, cmd in jobs:
            sample.add(run_process(cmd))
    return [e for e, _ in examples], pandoc, floor


def make_loop_template(path: Path) -> None:
    """A tiny template with one paragraph-level loop, made with python-docx."""
    import docx

    doc = docx.Document()
    for line in ("{%p for p in paras %}", "{{ p }}", "{%p endfor %}"):
        doc.add_paragraph(line)
    doc.save(str(path))


def docxtpl_render(template: Path, paras: list[str]) -> bytes:
    """Open the loop template, render the paragraphs, save to memory (what a bare docxtpl tool does)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render({"paras": paras})
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def child_build_times(outline: Path, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) of ``runs`` builds of ``outline`` in a fresh interpreter, after one warm-up build."""
    proc = subprocess.run([PY, "-c", BUILD_TIMES_CHILD, str(outline), str(runs)], capture_output=True, text=True,
                          check=True)
    return [tuple(x) for x in json.loads(proc.stdout.strip().splitlines()[-1])]


def child_maxrss_mb(outline: Path) -> float:
    """Peak resident set of a fresh process that imports cddraft and builds ``outline`` once."""
    proc = subprocess.run([PY, "-c", MAXRSS_CHILD, str(outline)], capture_output=True, text=True, check=True)
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


def bench_size(n: int, tmp: Path, runs: int, with_cli: bool = True) -> dict[str, Sample]:
    """One generated report of ``n`` paragraphs through cddraft, pandoc and docxtpl (interleaved)."""
    from cddraft.batch.runner import build_outline as build

    outline = tmp / f"report-{n}.yaml"
    outline.write_text(corpus.outline_yaml(n), encoding="utf-8")
    md = tmp / f"report-{n}.md"
    md.write_text(corpus.markdown(n), encoding="utf-8")
    paras = corpus.plain_paragraphs(n)
    template = tmp / "loop.docx"
    if not template.exists():
        make_loop_template(template)
    pandoc = pandoc_exe()
    cli = [cddraft_exe(), "build", str(outline), "-o", str(tmp / "sizes")]
    pandoc_cmd = [pandoc or "pandoc", str(md), "-f", "markdown", "-o", str(tmp / f"report-{n}-pandoc.docx")]

    r = {
        "build": Sample(f"{n}: cddraft in-process build"),
        "cli": Sample(f"{n}: cddraft CLI (process)"),
        "pandoc": Sample(f"{n}: pandoc md→docx (process)", note="" if pandoc else "pandoc not installed"),
        "docxtpl": Sample(f"{n}: docxtpl loop (in-process)"),
        "rss": Sample(f"{n}: peak RSS, child process", unit="MB", note="ru_maxrss: interpreter+imports+build"),
        "traced": Sample(f"{n}: tracemalloc peak", unit="MB", note="Python allocations only (not libxml2)"),
    }
    build(outline)  # warm-up: lazy imports, caches, page cache
    docxtpl_render(template, paras[:10])
    for _ in range(runs):  # interleaved, so a slow minute of the machine hits every tool alike
        r["build"].add(child_build_times(outline, 1)[0])  # a fresh interpreter per round (after a warm-up build)
        if with_cli:
            r["cli"].add(run_process(cli))
        if pandoc:
            r["pandoc"].add(run_process(pandoc_cmd))
        r["docxtpl"].add(timed(lambda: docxtpl_render(template, paras)))
    r["rss"].values.append(child_maxrss_mb(outline))
    r["traced"].values.append(tracemalloc_peak_mb(outline))
    return r


def bench_growth(sizes: tuple[int, ...], tmp: Path, runs: int) -> dict[int, Sample]:
    """In-process build time of each size, the sizes alternating round by round (a fresh interpreter each).

    time(8k)/time(4k) from two sizes measured minutes apart moved between 1.3 and 2.5 on this machine, whose
    speed drifts by the minute; measured alternately, both sizes see the same machine.
    """
    out = {n: Sample(f"{n}: in-process build, sizes alternating") for n in sizes}
    for _ in range(runs):
        for n in sizes:
            out[n].add(child_build_times(tmp / f"report-{n}.yaml", 1)[0])
    return out


STARTUP = {
    "python": ("bare `python -c pass`", [PY, "-c", "pass"]),
    "version": ("`cddraft --version`", [cddraft_exe(), "--version"]),
    "import_cli": ("`python -c 'import cddraft.cli'`", [PY, "-c", "import cddraft.cli"]),
    "import_stack": ("`python -c 'import <build stack>'`", [PY, "-c", BUILD_STACK]),
    "import_libs": ("`python -c 'import <required libraries>'` (click, PyYAML, babel, python-docx, pydantic; "
                    "no cddraft code)", [PY, "-c", REQUIRED_LIBS]),
}


def bench_startup(runs: int) -> dict[str, Sample]:
    """Whole-process start-up: bare Python, ``cddraft --version``, the CLI module, the build stack."""
    out = {k: Sample(name) for k, (name, _) in STARTUP.items()}
    for _, cmd in STARTUP.values():
        run_process(cmd)
    for _ in range(runs):
        for k, (_, cmd) in STARTUP.items():  # interleaved
            out[k].add(run_process(cmd))
    return out


def import_times(statement: str, top: int = 12) -> dict[str, object]:
    """``-X importtime`` of ``statement``: the total and the heaviest modules (cumulative ms).

    The modules listed are those imported directly by cddraft code or by the top-level import, i.e.
    the ones a lazy import in cddraft could move off the path.
    """
    proc = subprocess.run([PY, "-X", "importtime", "-c", statement], capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", line)
        if m:
            rows.append((m.group(4), int(m.group(1)) / 1000, int(m.group(2)) / 1000, len(m.group(3)) // 2))
    # importtime prints a module after its imports: the parent of a row is the next row less deep.
    heavy = []
    for i, (name, self_ms, cum_ms, depth) in enumerate(rows):
        parent = next((r[0] for r in rows[i + 1:] if r[3] < depth), "<top>")
        if (depth == 0 or parent.startswith("cddraft")) and not name.startswith("cddraft"):
            heavy.append({"name": name, "imported_by": parent, "self_ms": self_ms, "cumulative_ms": cum_ms})
    heavy.sort(key=lambda h: -h["cumulative_ms"])
    total = sum(r[2] for r in rows if r[3] == 0)
    return {"statement": statement, "total_ms": total, "heaviest": heavy[:top]}


def bench_six(tmp: Path, runs: int, warm: bool) -> Sample:
    """The six language versions in one ``cddraft build`` (one process)."""
    files = sorted(str(p) for p in OUTLINES.glob("cd-way-ahead-*.yaml"))
    s = Sample(f"CLI build of the {len(files)} language versions at once")
    return repeat(s, [cddraft_exe(), "build", *files, "-o", str(tmp / "six")], runs, warm)


def bench_pdf(tmp: Path, runs: int) -> dict[str, Sample]:
    """Six PDFs in one LibreOffice call vs one PDF (each call cold: new LibreOffice, new profile)."""
    from cddraft.export import convert_to_pdf, find_soffice

    out = {"one": Sample("PDF: one document, one cold conversion"),
           "six": Sample("PDF: six documents, one conversion")}
    if find_soffice() is None:
        for s in out.values():
            s.note = "LibreOffice not installed"
        return out
    docs = sorted((tmp / "six").glob("*.docx"))
    if len(docs) != 6:
        raise RuntimeError(f"expected the six built language versions in {tmp / 'six'}, found {len(docs)}")
    one = [next(d for d in docs if d.stem.endswith("-en"))]
    for i in range(runs):
        out["one"].add(timed(lambda: convert_to_pdf(one, tmp / f"pdf-one-{i}")))  # noqa: B023
        out["six"].add(timed(lambda: convert_to_pdf(docs, tmp / f"pdf-six-{i}")))  # noqa: B023
    return out


# -- profiling ---------------------------------------------------------------------------------------

def profile(tmp: Path, imports: dict, sizes: tuple[int, ...] = (4000, 8000), top: int = 22) -> dict[str, str]:
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


SEED_BUDGET_CHILD = f"""
import json, sys, time
t0 = time.perf_counter()
import cddraft.cli
t1 = time.perf_counter()
{BUILD_STACK}
t2 = time.perf_counter()
from cddraft.batch.runner import build_outline as build
built = build(sys.argv[1])
t3 = time.perf_counter()
build(sys.argv[1])
t4 = time.perf_counter()
from pathlib import Path
from cddraft.write import write_atomic
write_atomic(Path(sys.argv[2]), built.data)
t5 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4]))
"""


def seed_budget(tmp: Path, runs: int = 5) -> str:
    """Where the seed example's whole-process time goes, from checkpoints in a fresh child process."""
    labels = ["interpreter start-up (bare `python -c pass`)", "import cddraft.cli (click)",
              "import the build stack (pydantic, python-docx, yaml, babel …)",
              "first build (lazy imports, locale data, barcode/QR, the work)",
              "(a second, warm build of the same file — not part of the CLI)", "write_atomic (fsync)"]
    samples: list[list[float]] = [[] for _ in labels]
    for _ in range(runs):
        samples[0].append(run_process([PY, "-c", "pass"])[0])
        out = subprocess.run([PY, "-c", SEED_BUDGET_CHILD, str(SEED), str(tmp / "budget.docx")],
                             capture_output=True, text=True, check=True).stdout
        for i, v in enumerate(json.loads(out), 1):
            samples[i].append(v)
    med = [statistics.median(v) for v in samples]
    lines = [f"{m:7.3f} s  {label}" for m, label in zip(med, labels, strict=True)]
    lines.append(f"{sum(med) - med[4]:7.3f} s  total without the warm rebuild (medians of {runs})")
    return "\n".join(lines)


def _trim_pstats(text: str) -> str:
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

    def timed_stage(name: str, stage: Callable[[], object]) -> object:
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


# -- report ---------------------------------------------------------------------------------------------

@dataclass
class Target:
    """A target from the issue, and what this run measured for it."""

    what: str
    measured: float | None
    limit: float
    unit: str = " s"
    cpu: float | None = None  # the same measure from CPU time (whole-process targets), for a loaded machine

    @property
    def verdict(self) -> str:
        if self.measured is None:
            return "n/a"
        return "PASS" if self.measured <= self.limit else "MISS"

    def row(self) -> str:
        shown = "n/a" if self.measured is None else f"{self.measured:.3g}{self.unit}"
        cpu = "" if self.cpu is None else f"{self.cpu:.3g}{self.unit}"
        return f"| {self.what} | {shown} | {cpu} | ≤ {self.limit:g}{self.unit} | **{self.verdict}** |"


def ratio(a: Sample | None, b: Sample | None) -> float | None:
    if a is None or b is None or a.median is None or b.median is None:
        return None
    return a.median / b.median


def cpu(a: Sample | None, b: Sample | None = None) -> float | None:
    """Median CPU time of ``a`` (or the ratio of two), when both were measured as processes."""
    if a is None or not a.cpu or (b is not None and not b.cpu):
        return None
    return statistics.median(a.cpu) / (statistics.median(b.cpu) if b is not None else 1)


def targets(res: dict) -> list[Target]:
    seed = next((s for s in res["examples"] if s.name.endswith(SEED.name)), None)
    s4, s8 = res["sizes"].get(4000), res["sizes"].get(8000)
    b4 = s4["build"] if s4 else None
    b8 = s8["build"] if s8 else None
    growth = res.get("growth") or {}
    g4, g8 = growth.get(4000, b4), growth.get(8000, b8)
    pdf = res["pdf"]
    return [
        Target(f"Seed example ({SEED.name}), whole CLI process", seed.median if seed else None, 0.35,
               cpu=cpu(seed)),
        Target("Seed example ÷ pandoc on the same text (both whole process)",
               ratio(seed, res["seed_pandoc"]), 0.5, "×", cpu(seed, res["seed_pandoc"])),
        Target("4,000 paragraphs, in-process build", b4.median if b4 else None, 1.0, cpu=cpu(b4)),
        Target("4,000 paragraphs ÷ pandoc (cddraft in-process ÷ pandoc process)",
               ratio(b4, s4["pandoc"]) if s4 else None, 0.25, "×", cpu(b4, s4["pandoc"]) if s4 else None),
        Target("time(8k) ÷ time(4k), in-process, the sizes alternating", ratio(g8, g4), 2.2, "×",
               cpu(g8, g4) if g4 else None),
        Target("Peak memory at 4,000 paragraphs (ru_maxrss of a child)", s4["rss"].median if s4 else None, 150, " MB"),
        Target("Peak memory at 8,000 paragraphs (ru_maxrss of a child)", s8["rss"].median if s8 else None, 150, " MB"),
        Target("`cddraft --version`, whole process", res["startup"]["version"].median, 0.15,
               cpu=cpu(res["startup"]["version"])),
        Target("Six language versions, one CLI build", res["six"].median, 1.5, cpu=cpu(res["six"])),
        Target("Six PDFs in one conversion ÷ one cold conversion", ratio(pdf["six"], pdf["one"]), 2.0, "×",
               cpu(pdf["six"], pdf["one"])),
        *(Target(f"{name} ÷ the same over {pathological.SPREAD_OVER:,} paragraphs (issue 13)", ratio(one, spread),
                 2.0, "×") for name, (one, spread) in res.get("pathological", {}).items()),
    ]


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def table(res: dict) -> str:
    """The Markdown report: whole-process times, generated reports, growth, targets."""
    m = res["machine"]
    lines = [f"{res['mode']} run, {m['summary']}; load average at start {m['load_start']}, "
             f"at end {m.get('load_end', '?')}", "",
             "#### Whole process (wall time; CPU = user+sys of the process and its children)", "",
             "| measurement | median [min–max] ×runs | CPU (median) | note |", "|---|---|---|---|"]
    st = res["startup"]
    whole = [*res["examples"], res["seed_pandoc"], res["floor"], res["six"], *st.values(), *res["pdf"].values()]
    lines += [f"| {s.name} | {s.cell()} | {s.cpu_cell()} | {s.note} |" for s in whole]
    if st["import_cli"].values and st["python"].values:
        for key, label in (("cli", "import cddraft.cli"), ("stack", "import build stack")):
            sample = st["import_cli" if key == "cli" else "import_stack"]
            extra = min(sample.values) - min(st["python"].values)
            cpu = statistics.median(sample.cpu) - statistics.median(st["python"].cpu)
            lines.append(f"| {label} − bare python | {extra:.3f} s (fastest − fastest) | {cpu:.3f} s | "
                         f"`-X importtime` total {res['importtime'][key]['total_ms']:.0f} ms |")
    lines += ["", "#### Generated reports (the same words through each tool)", "",
              "| paragraphs | cddraft in-process | cddraft CLI (process) | pandoc (process) | docxtpl loop "
              "| cddraft ÷ pandoc | cddraft ÷ docxtpl | peak RSS (child) | tracemalloc peak |",
              "|---|---|---|---|---|---|---|---|---|"]
    for n, r in res["sizes"].items():
        lines.append(
            f"| {n:,} | {r['build'].cell()} | {r['cli'].cell()} | {r['pandoc'].cell()} | {r['docxtpl'].cell()} "
            f"| {_x(ratio(r['build'], r['pandoc']))} | {_x(ratio(r['build'], r['docxtpl']))} "
            f"| {r['rss'].cell()} | {r['traced'].cell()} |"
        )
    ns = list(res["sizes"])
    growth = [f"time({b:,})/time({a:,}) = {_x(ratio(res['sizes'][b]['build'], res['sizes'][a]['build']))} "
              f"for ×{b / a:g} paragraphs" for a, b in itertools.pairwise(ns)]
    if growth:
        lines += ["", "Growth (in-process): " + "; ".join(growth) + "."]
    alternating = res.get("growth") or {}
    if alternating:
        cells = ", ".join(f"{n:,} paragraphs {smp.cell()}" for n, smp in alternating.items())
        lines += ["", f"Measured alternately (one fresh interpreter per build): {cells}; the growth target uses these."]
    if res.get("pathological"):
        lines += ["", "#### Pathological inputs (in-process build in a fresh interpreter)", "",
                  "| input | one paragraph | spread | ratio |", "|---|---|---|---|"]
        lines += [f"| {name} | {one.cell()} | {spread.cell()} | {_x(ratio(one, spread))} |"
                  for name, (one, spread) in res["pathological"].items()]
    lines += ["", "#### Targets (verdict on the wall-time median; the CPU-time median beside it)", "",
              "| target | measured | CPU | limit | verdict |", "|---|---|---|---|---|"]
    lines += [t.row() for t in res["targets"]]
    floor, warm, pandoc = res["floor"], res["seed_warm"], res["seed_pandoc"]
    if pandoc.median is not None and floor.median is not None and warm.median is not None:
        lines += ["", f"Context for seed ÷ pandoc: importing the required libraries alone (no cddraft code) takes "
                      f"{floor.median:.3f} s = {_x(ratio(floor, pandoc))} pandoc's whole run, so no whole-process "
                      f"build on this stack reaches 0.5×; {warm.name} takes {warm.cell()} = "
                      f"{_x(ratio(warm, pandoc))} pandoc."]
    return "\n".join(lines)


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine() -> dict[str, str]:
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


def to_json(res: dict) -> dict:
    def conv(v: object) -> object:
        if isinstance(v, Sample):
            return {**asdict(v), "median": v.median}
        if isinstance(v, Target):
            return {**asdict(v), "verdict": v.verdict}
        if isinstance(v, dict):
            return {str(k): conv(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [conv(x) for x in v]
        return v

    return conv(res)  # type: ignore[return-value]


def update_readme(text: str) -> None:
    """Replace the table between the markers in bench/README.md."""
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    readme = README.read_text(encoding="utf-8")
    if start not in readme or end not in readme:
        raise SystemExit(f"{README} lacks the {start} … {end} markers")
    before, rest = readme.split(start, 1)
    after = rest.split(end, 1)[1]
    README.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="smoke check (<~30 s): 1 run, 500 and 2,000 paragraphs in-process only, no PDFs")
    ap.add_argument("--runs", type=int, help="runs per measurement (default 5; quick 1)")
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                    help="comma-separated paragraph counts (default 500,2000,4000,8000)")
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversions")
    ap.add_argument("--profile", action="store_true",
                    help="also cProfile the 4k build and the CLI start-up, and list the heaviest imports")
    ap.add_argument("--update-readme", action="store_true", help="write the table into bench/README.md")
    ap.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write the samples")
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    warm = not args.quick
    sizes = args.sizes or ([500, 2000] if args.quick else [500, 2000, 4000, 8000])

    started = time.perf_counter()
    res: dict = {"machine": machine(), "mode": "quick" if args.quick else "full", "runs": runs}
    print(f"cddraft benchmark ({res['mode']}, {runs} run(s)): {res['machine']['summary']}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="cddraft-bench-") as d:
        tmp = Path(d)

        def step(what: str) -> None:
            print(f"… {what} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)

        step("start-up")
        res["startup"] = bench_startup(3 if args.quick else max(runs, 7))
        res["importtime"] = {"cli": import_times("import cddraft.cli"), "stack": import_times(BUILD_STACK)}
        step("examples")
        res["examples"], res["seed_pandoc"], res["floor"] = bench_examples(tmp, runs, warm)
        res["seed_warm"] = Sample(f"{SEED.name}, warm rebuild in-process (what `build --watch` does)")
        for measured in child_build_times(SEED, runs):
            res["seed_warm"].add(measured)
        step("six language versions")
        res["six"] = bench_six(tmp, runs, warm)
        res["sizes"] = {}
        for n in sizes:
            step(f"{n:,} paragraphs")
            res["sizes"][n] = bench_size(n, tmp, runs if n <= 4000 else max(1, min(runs, 3)), not args.quick)
        step("pathological inputs")
        res["pathological"] = pathological.bench(tmp, 1 if args.quick else max(1, min(runs, 3)), child_build_times,
                                                 Sample)
        if 4000 in sizes and 8000 in sizes:
            step("growth: 4,000 and 8,000 paragraphs alternately")
            res["growth"] = bench_growth((4000, 8000), tmp, runs)
        if args.no_pdf or args.quick:
            res["pdf"] = {k: Sample(f"PDF: {k}", note="skipped (--quick/--no-pdf)") for k in ("one", "six")}
        else:
            step("PDF conversions")
            res["pdf"] = bench_pdf(tmp, max(2, min(runs, 3)))
        res["targets"] = targets(res)
        if args.profile:
            step("profiling")
            res["profile"] = profile(tmp, res["importtime"]["stack"])
    res["machine"]["load_end"] = load_average()
    res["elapsed_s"] = time.perf_counter() - started

    text = table(res)
    print(text)
    if args.profile:
        for name, report in res["profile"].items():
            print(f"\n#### profile: {name}\n\n```\n{report.rstrip()}\n```")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(to_json(res), indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json} "
          f"({res['elapsed_s']:.0f} s)", file=sys.stderr)
    if args.update_readme:
        update_readme(text)
        print(f"updated {README.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
