"""Pathological inputs (issue 13, D11): the bytes of a long report in one paragraph, and 100,000 emphasised
words in one paragraph, each against the same bytes spread over 4,000 paragraphs.

Every input that passes the outline size cap must build in time linear in its size: the target is
one-paragraph time ≤ 2 × spread time. The outlines are plain (no headings, notes or references), so the two
forms differ only in where the paragraph breaks fall.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

import yaml
from corpus import WORDS

#: Just under the 2 MiB outline cap, with the YAML around it.
ONE_PARAGRAPH_BYTES = 1_900_000
EMPHASISED_WORDS = 100_000
SPREAD_OVER = 4_000


def _outline(paragraphs: list[str]) -> str:
    data = {"kind": "report", "symbol": "CD/2199", "language": "en", "date": "2017-09-20",
            "job_number": "GE.17-16400",
            "report": {"title": "Pathological report", "numbered_paragraphs": False, "content": paragraphs}}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _spread(words: list[str], parts: int) -> list[str]:
    size = -(-len(words) // parts)
    return [" ".join(words[i:i + size]) for i in range(0, len(words), size)]


def inputs() -> dict[str, tuple[str, str]]:
    """Name → (one paragraph, the same words over :data:`SPREAD_OVER` paragraphs), as outline texts."""
    rng = random.Random(13)
    words, size = [], 0
    while size < ONE_PARAGRAPH_BYTES:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    emphasised = ["*a*"] * EMPHASISED_WORDS
    return {
        "1.9 MB in one paragraph": (_outline([" ".join(words)]), _outline(_spread(words, SPREAD_OVER))),
        "100,000 emphasised words in one paragraph": (_outline([" ".join(emphasised)]),
                                                      _outline(_spread(emphasised, SPREAD_OVER))),
    }


class _Sample(Protocol):
    def add(self, measured: tuple[float, float], /) -> None: ...


S = TypeVar("S", bound=_Sample)


def bench(tmp: Path, runs: int, build_times: Callable[[Path, int], list[tuple[float, float]]],
          sample: Callable[[str], S]) -> dict[str, tuple[S, S]]:
    """Name → (one-paragraph sample, spread sample): in-process builds in a fresh interpreter, interleaved."""
    out: dict[str, tuple[S, S]] = {}
    for name, (one, spread) in inputs().items():
        paths = []
        for form, text in (("one", one), ("spread", spread)):
            path = tmp / f"pathological-{len(out)}-{form}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        samples = (sample(f"{name}: one paragraph"), sample(f"{name}: over {SPREAD_OVER:,} paragraphs"))
        for _ in range(runs):
            for path, s in zip(paths, samples, strict=True):
                s.add(build_times(path, 1)[0])
        out[name] = samples
    return out
