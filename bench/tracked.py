"""``cddraft diff`` on the 4,000-paragraph generated report against a copy with 100 scattered edits (issue 15).

Target: the tracked build takes under 2 × a plain build of the same (NEW) report. Both are run in-process in
this interpreter after one warm-up each, interleaved round by round, and compared by their medians.
Run by hand (``python bench/tracked.py [--runs N]``); the tests hold no timing assertions.

The edits, spread evenly over the report: 70 words changed, 10 paragraphs inserted, 10 deleted and 10 notes
added — each kind of revision the writer marks, in the proportions a revised report shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from corpus import outline_yaml, timed

PARAGRAPHS = 4_000
EDITS = 100
TARGET = 2.0


def _paragraph_lists(node: Any) -> list[list[Any]]:
    """Every content list of the outline, in document order."""
    out = []
    for block in node:
        if isinstance(block, dict) and "content" in block:
            out.append(block["content"])
            out.extend(_paragraph_lists(block["content"]))
    return out


def edited(text: str) -> str:
    """The outline with :data:`EDITS` edits, one every ``paragraphs ÷ EDITS`` paragraphs."""
    data = yaml.safe_load(text)
    slots = [(lst, i) for lst in _paragraph_lists(data["report"]["content"])
             for i, b in enumerate(lst) if isinstance(b, str)]
    step = len(slots) // EDITS
    chosen = slots[::step][:EDITS]
    deletions = []
    for n, (lst, i) in enumerate(chosen):
        kind = ("word", "word", "word", "word", "word", "word", "word", "insert", "delete", "note")[n % 10]
        if kind == "word":
            words = lst[i].split(" ")
            plain = [k for k, w in enumerate(words) if w.isalpha()]  # not a word carrying markup
            words[plain[len(plain) // 2]] = "revised"
            lst[i] = " ".join(words)
        elif kind == "note":
            lst[i] += "^[A note added in revision.]"
        elif kind == "insert":
            lst[i] = lst[i] + "\n"  # marked here, inserted below (indexes stay valid meanwhile)
        else:
            deletions.append((lst, i))
    for lst in _paragraph_lists(data["report"]["content"]):
        for i in reversed(range(len(lst))):
            if isinstance(lst[i], str) and lst[i].endswith("\n"):
                lst[i] = lst[i][:-1]
                lst.insert(i + 1, "A paragraph inserted in revision.")
    for lst, i in sorted(deletions, key=lambda d: -d[1]):
        del lst[i]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _revision_marks(built: Any) -> int:
    """How many ``w:ins``/``w:del`` the tracked document holds: the edits were seen, not skipped."""
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(built.docx)) as z:
        return len(re.findall(r"<w:(?:ins|del) ", z.read("word/document.xml").decode()))



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from cddraft import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp, "old.yaml"), Path(tmp, "new.yaml")
        text = outline_yaml(PARAGRAPHS)
        old.write_text(text, encoding="utf-8")
        new.write_text(edited(text), encoding="utf-8")
        build = lambda: pipeline.build(new)  # noqa: E731
        diff = lambda: pipeline.compare(old, new, author="Bench", date=dt.date(2024, 5, 2))  # noqa: E731
        marks = _revision_marks(diff())
        build()
        times: dict[str, list[float]] = {"build": [], "diff": []}
        for _ in range(args.runs):
            times["build"].append(timed(build))
            times["diff"].append(timed(diff))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["diff"] / med["build"]
    print(f"revision marks in the tracked file: {marks}")
    print(f"| 4,000 paragraphs, {EDITS} edits | build {med['build']:.2f} s | diff {med['diff']:.2f} s "
          f"| diff ÷ build {ratio:.2f} (target < {TARGET}) | {'PASS' if ratio < TARGET else 'MISS'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
