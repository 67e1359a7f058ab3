"""``cddraft align`` on six language versions of the 4,000-paragraph generated report (issue 17).

Target: aligning the five versions with the original takes under 2 s; reading the six outlines (what a build of
each reads) is reported beside it, and the whole command with it. The versions
are the generated report under each language code (the same words, so every block aligns and every fact is
read in each language's forms: the work is all there, the findings none). Timed in-process after one warm-up:
reading and validating the outlines, then grouping, aligning and running the CD6xx rules; medians of the runs.
Run by hand
(``python bench/aligning.py [--runs N]``); the tests hold no timing assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from corpus import outline_yaml

PARAGRAPHS = 4_000
TARGET = 2.0
LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from cddraft.check.align.run import groups
    from cddraft.pipeline import check_outline

    with tempfile.TemporaryDirectory() as tmp:
        data = yaml.safe_load(outline_yaml(PARAGRAPHS))
        files = []
        for code in LANGUAGES:
            data.update(language=code, original_language="en")
            path = Path(tmp, f"report-{code}.yaml")
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
            files.append(path)

        def read() -> list:
            return [(str(f), *check_outline(f)) for f in files]

        def align(versions: list) -> int:
            found, _ = groups(versions)
            return sum(len(g.findings) for g in found) + 100_000 * (len(found[0].pairs) != 5)

        assert align(read()) == 0, "the six versions align"
        reading, aligning = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            versions = read()
            middle = time.perf_counter()
            align(versions)
            reading.append(middle - start)
            aligning.append(time.perf_counter() - middle)
    med_read, med_align = statistics.median(reading), statistics.median(aligning)
    print(f"| 6 versions × 4,000 paragraphs | reading the outlines {med_read:.2f} s | aligning {med_align:.2f} s "
          f"[{min(aligning):.2f}–{max(aligning):.2f}] ×{args.runs} | whole command {med_read + med_align:.2f} s "
          f"| aligning < {TARGET} s: {'PASS' if med_align < TARGET else 'MISS'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
