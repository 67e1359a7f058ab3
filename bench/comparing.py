"""``cddraft diff`` and ``cddraft corrigendum`` grow linearly with what changed (issue 26, E7).

Measured in-process (``pipeline.compare`` and the corrigendum's drafting), interleaved, medians of several runs:

* a changed stretch: every paragraph of a report rewritten, plus one inserted — at 250 and at 1,000 paragraphs;
  target: time at 1,000 ÷ time at 250 ≤ 5 (linear growth gives 4; the quadratic comparison gave 14);
* one paragraph: 5,000 and 20,000 repeated words with one changed, and a Chinese paragraph of 25,000 and
  100,000 characters of four distinct ones with one changed; target: the long ÷ the short ≤ 2 × their length
  ratio (linear in the paragraph's length).

Run by hand (``python bench/comparing.py [--runs N]``); the tests hold no timing assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from corpus import timed

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]


def _outline(paragraphs: list[str], language: str = "en") -> str:
    data = {"kind": "report", "symbol": "CD/2199", "language": language, "date": "2017-09-20",
            "job_number": "GE.17-16400",
            "report": {"title": "Compared report", "numbered_paragraphs": False, "content": paragraphs}}
    return yaml.safe_dump(data, allow_unicode=True, width=10**9)


def cases() -> dict[str, tuple[str, str]]:
    """Name → (OLD, NEW) outline texts."""
    rng = random.Random(26)

    def paragraph() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(30))

    out = {}
    for n in (250, 1000):
        out[f"{n} paragraphs rewritten + 1"] = (_outline([paragraph() for _ in range(n)]),
                                                _outline([paragraph() for _ in range(n + 1)]))
    for n in (5_000, 20_000):
        words = ["word"] * n
        changed = list(words)
        changed[n // 2] = "changed"
        out[f"{n:,} repeated words"] = (_outline([" ".join(words)]), _outline([" ".join(changed)]))
    for n in (25_000, 100_000):
        text = "".join(rng.choice("会议报告") for _ in range(n))
        out[f"{n:,} Chinese characters"] = (_outline([text], "zh"),
                                            _outline([text[:n // 2] + "裁" + text[n // 2 + 1:]], "zh"))
    return out


def _runners(old: Path, new: Path) -> dict[str, Callable[[], object]]:
    from cddraft.pipeline import compare, corrigendum

    date = dt.date(2024, 5, 2)
    return {"diff": lambda: compare(old, new, author="bench", date=date),
            "corrigendum": lambda: corrigendum(old, new, number=1, date=date, outline_file="corr.yaml")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    times: dict[tuple[str, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (old_text, new_text) in cases().items():
            old, new = Path(tmp) / "old.yaml", Path(tmp) / "new.yaml"
            old.write_text(old_text, encoding="utf-8")
            new.write_text(new_text, encoding="utf-8")
            for command, run in _runners(old, new).items():
                run()  # warm-up
                times[(name, command)] = statistics.median(timed(run) for _ in range(args.runs))
                print(f"{name:32} {command:12} {times[(name, command)]:7.3f} s", file=sys.stderr)
    verdicts = []
    for command in ("diff", "corrigendum"):
        for short, long, factor in (("250 paragraphs rewritten + 1", "1000 paragraphs rewritten + 1", 5.0),
                                    ("5,000 repeated words", "20,000 repeated words", 8.0),
                                    ("25,000 Chinese characters", "100,000 Chinese characters", 8.0)):
            ratio = times[(long, command)] / times[(short, command)]
            verdicts.append((f"{command}: {long} ÷ {short}", ratio, factor))
    print("| what | ratio | target | verdict |\n|---|---|---|---|")
    for what, ratio, factor in verdicts:
        print(f"| {what} | {ratio:.2f} | ≤ {factor:g} | {'PASS' if ratio <= factor else 'MISS'} |")
    return 0 if all(r <= f for _, r, f in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
