"""Time builds of one outline in a fresh interpreter (run by ``measuring.child_build_times``).

The bench process itself holds the other tools' data between runs, which made an in-process figure measured
there drift by ±15 %; a fresh interpreter per measurement does not.

Usage: ``python bench/children/build_times.py OUTLINE RUNS`` — one warm-up build, then prints a JSON list of
``[wall, cpu]`` seconds, one pair per build.
"""

import json
import sys
import time
from pathlib import Path


def main(outline: str, runs: int) -> None:
    from cddraft.batch.runner import build_outline as build

    path = Path(outline)
    build(path)
    out = []
    for _ in range(runs):
        c, t = time.process_time(), time.perf_counter()
        build(path)
        out.append([time.perf_counter() - t, time.process_time() - c])
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
