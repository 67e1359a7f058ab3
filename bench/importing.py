"""``cddraft import`` of the 4,000-paragraph generated report, built by cddraft (issue 16).

Target: ``cddraft import`` of the report's .docx takes no longer than ``cddraft build`` of its outline — the two
commands as an officer runs them (the build writes the .docx and runs the quick editorial rules; the import
reads the Word file, validates the tree and writes the outline). The pipeline stages alone are measured too
(``pipeline.build`` against ``pipeline.import_word``). Everything runs in-process after one warm-up each,
interleaved round by round, and is compared by medians. Run by hand (``python bench/importing.py [--runs N]``);
the tests hold no timing assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from corpus import outline_yaml, timed

PARAGRAPHS = 4_000
TARGET = 1.0



def _quiet(fn: Callable[[], object]) -> Callable[[], object]:
    import contextlib
    import io

    def run() -> object:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return fn()

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from cddraft import pipeline
    from cddraft.commands.build import build_command
    from cddraft.commands.import_ import import_command

    with tempfile.TemporaryDirectory() as tmp:
        source, built = Path(tmp, "report.yaml"), Path(tmp, "report.docx")
        source.write_text(outline_yaml(PARAGRAPHS), encoding="utf-8")
        built.write_bytes(pipeline.build(source).docx)
        runs = {
            "build": lambda: pipeline.build(source),
            "import": lambda: pipeline.import_word(built, outline_file="report-imported.yaml"),
            "cddraft build": _quiet(lambda: build_command([str(source)], Path(tmp, "out"))),
            "cddraft import": _quiet(lambda: import_command(built, Path(tmp, "imported.yaml"))),
        }
        lines = pipeline.import_word(built, outline_file="x.yaml").outline_text.count("\n")
        for fn in runs.values():
            fn()
        times: dict[str, list[float]] = {k: [] for k in runs}
        for _ in range(args.runs):
            for name, fn in runs.items():
                times[name].append(timed(fn))
    med = {k: statistics.median(v) for k, v in times.items()}
    stages = med["import"] / med["build"]
    commands = med["cddraft import"] / med["cddraft build"]
    print(f"outline lines written by the import: {lines}")
    print(f"| 4,000 paragraphs | stages: build {med['build']:.2f} s, import {med['import']:.2f} s, ratio {stages:.2f} "
          f"| commands: cddraft build {med['cddraft build']:.2f} s, cddraft import {med['cddraft import']:.2f} s, "
          f"ratio {commands:.2f} (target ≤ {TARGET}) | {'PASS' if commands <= TARGET else 'MISS'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
