"""``cddraft import`` of the 4,000-paragraph generated report, built by cddraft (issue 16).

Target: reading the .docx back into an outline (and loading that outline, as the command does) takes no longer
than a build of the same report. Both run in-process in this interpreter after one warm-up each, interleaved
round by round, and are compared by their medians. Run by hand (``python bench/importing.py [--runs N]``);
the tests hold no timing assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import outline_yaml

PARAGRAPHS = 4_000
TARGET = 1.0


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from cddraft import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        source, built = Path(tmp, "report.yaml"), Path(tmp, "report.docx")
        source.write_text(outline_yaml(PARAGRAPHS), encoding="utf-8")
        built.write_bytes(pipeline.build(source).docx)
        build = lambda: pipeline.build(source)  # noqa: E731
        imported = lambda: pipeline.import_word(built, outline_file="report-imported.yaml")  # noqa: E731
        lines = imported().outline_text.count("\n")
        build()
        times: dict[str, list[float]] = {"build": [], "import": []}
        for _ in range(args.runs):
            times["build"].append(_timed(build))
            times["import"].append(_timed(imported))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["import"] / med["build"]
    print(f"outline lines written by the import: {lines}")
    print(f"| 4,000 paragraphs | build {med['build']:.2f} s | import {med['import']:.2f} s "
          f"| import ÷ build {ratio:.2f} (target ≤ {TARGET}) | {'PASS' if ratio <= TARGET else 'MISS'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
