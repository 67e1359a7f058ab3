"""Peak memory of a whole process that imports cddraft and builds one outline (run by ``measuring.child_maxrss_mb``).

``ru_maxrss`` counts everything — interpreter, imports, lxml/libxml2 — which ``tracemalloc`` in the bench process
cannot see. Usage: ``python bench/children/maxrss.py OUTLINE`` — prints ru_maxrss (KiB on Linux).
"""

import resource
import sys
from pathlib import Path


def main(outline: str) -> None:
    from cddraft.batch.runner import build_outline as build

    build(Path(outline))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main(sys.argv[1])
