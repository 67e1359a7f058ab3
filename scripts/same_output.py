"""Build every bundled example with the working tree and with an earlier commit, and compare the files byte for byte.

A refactoring must not change what users get (issue 25: "every bundled example builds byte-identical .docx before
and after"). The earlier commit is checked out in a temporary git worktree and run with the same Python; its
outputs and the working tree's are compared file by file, and the parts of a .docx that differ are named.

    python scripts/same_output.py HEAD~1            # the examples, as ``cddraft build``
    python scripts/same_output.py HEAD~1 --diff     # and tracked changes of each against an edited version
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _build(source: Path, outlines: list[Path], out: Path, tracked: bool) -> None:
    """Build with the package at ``source`` (its ``src`` first on the path), as the command line does."""
    program = (
        "import sys; sys.path.insert(0, sys.argv[1]); from cddraft.cli import main; "
        "sys.argv = ['cddraft', *sys.argv[2:]]; main()"
    )
    args = [sys.executable, "-c", program, str(source / "src")]
    subprocess.run([*args, "build", *map(str, outlines), "-o", str(out), "-j", "1"], check=True,
                   capture_output=True)
    if tracked:
        for outline in outlines:
            edited = out / f"{outline.stem}-edited.yaml"
            edited.write_text(outline.read_text(encoding="utf-8").replace("the ", "the revised ", 3), encoding="utf-8")
            subprocess.run([*args, "diff", str(outline), str(edited), "-o", str(out / f"{outline.stem}-tracked.docx"),
                            "--date", "2024-05-02"], check=True, capture_output=True)
            edited.unlink()


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}


def compare(before: Path, after: Path) -> list[str]:
    """What differs between two folders of outputs (none: an empty list)."""
    found = []
    for a in sorted(before.glob("*.docx")):
        b = after / a.name
        if not b.exists():
            found.append(f"{a.name}: not written any more")
        elif a.read_bytes() != b.read_bytes():
            pa, pb = _parts(a), _parts(b)
            changed = sorted(n for n in pa.keys() | pb.keys() if pa.get(n) != pb.get(n))
            found.append(f"{a.name}: {', '.join(changed) or 'the zip container'} differ")
    found += [f"{b.name}: new" for b in sorted(after.glob("*.docx")) if not (before / b.name).exists()]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier commit to compare with (e.g. HEAD~1)")
    parser.add_argument("--diff", action="store_true", help="also compare the tracked changes `cddraft diff` writes")
    args = parser.parse_args()
    outlines = sorted((REPO / "outlines").glob("*.yaml"))
    with tempfile.TemporaryDirectory(prefix="cddraft-same-") as tmp:
        work = Path(tmp)
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(work / "old"), args.rev],
                       check=True, capture_output=True)
        try:
            # the examples the earlier commit has (a new example has nothing to be compared with)
            outlines = [o for o in outlines if (work / "old" / "outlines" / o.name).exists()]
            _build(work / "old", [work / "old" / "outlines" / o.name for o in outlines], work / "before", args.diff)
            _build(REPO, outlines, work / "after", args.diff)
            found = compare(work / "before", work / "after")
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(work / "old")],
                           capture_output=True)
            shutil.rmtree(work / "old", ignore_errors=True)
    for line in found:
        print(line)
    print(f"{len(outlines)} example(s): " + ("the same bytes" if not found else f"{len(found)} file(s) differ"))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
