"""Checkpoints through one whole ``cddraft build`` of an outline, in a fresh process (run by
``profiling.seed_budget``): where the seed example's CLI time goes.

Every import is placed where the CLI would first meet it (even ``pathlib``: ``cddraft.cli`` is what imports it),
so the spans add up to the whole process less the interpreter's start-up.

Usage: ``python bench/children/seed_budget.py OUTLINE OUT.docx BUILD_STACK`` — BUILD_STACK is the import statement
of ``startup.BUILD_STACK``; prints a JSON list of five spans in seconds: import cddraft.cli, the rest of the build
stack, the first build, a second (warm) build, the atomic write.
"""

import json
import sys
import time


def main(outline: str, out: str, build_stack: str) -> None:
    t0 = time.perf_counter()
    import cddraft.cli  # noqa: F401
    t1 = time.perf_counter()
    exec(build_stack)
    t2 = time.perf_counter()
    from pathlib import Path  # imported by cddraft.cli already: costs nothing here

    from cddraft.batch.runner import build_outline as build
    path = Path(outline)
    built = build(path)
    t3 = time.perf_counter()
    build(path)
    t4 = time.perf_counter()
    from cddraft.write import write_atomic
    assert built.data is not None, built.errors
    write_atomic(Path(out), built.data)
    t5 = time.perf_counter()
    print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
