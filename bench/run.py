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

This file holds the command line and the order of the benches; the work is in modules beside it:
:mod:`tools` (paths, pandoc, LibreOffice, the machine), :mod:`measuring` (samples, timing, fresh-interpreter
builds through the scripts in ``children/``), :mod:`startup`, :mod:`examples`, :mod:`sizes`,
:mod:`pathological` and :mod:`profiling` (the benches), :mod:`verdicts` (PASS/MISS), :mod:`rendering` (the
Markdown table) and :mod:`recording` (the JSON file, bench/README.md).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pathological
from examples import bench_examples, bench_pdf, bench_six
from measuring import Results, Sample, child_build_times
from profiling import profile
from recording import update_readme, write_json
from rendering import table
from sizes import bench_growth, bench_size
from startup import BUILD_STACK, bench_startup, import_times
from tools import README, RESULTS, ROOT, SEED, load_average, machine
from verdicts import targets


def parse_args(argv: list[str] | None) -> argparse.Namespace:
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
    return ap.parse_args(argv)


def measure(args: argparse.Namespace, runs: int, sizes: list[int], started: float) -> Results:
    """Every bench in turn (progress on stderr), into one results dict with its verdicts."""
    warm = not args.quick
    res: Results = {"machine": machine(), "mode": "quick" if args.quick else "full", "runs": runs}
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
    return res


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    sizes = args.sizes or ([500, 2000] if args.quick else [500, 2000, 4000, 8000])
    started = time.perf_counter()
    res = measure(args, runs, sizes, started)

    text = table(res)
    print(text)
    if args.profile:
        for name, report in res["profile"].items():
            print(f"\n#### profile: {name}\n\n```\n{report.rstrip()}\n```")
    write_json(res, args.json)
    print(f"\nwrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json} "
          f"({res['elapsed_s']:.0f} s)", file=sys.stderr)
    if args.update_readme:
        update_readme(text)
        print(f"updated {README.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
