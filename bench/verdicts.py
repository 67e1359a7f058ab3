"""The targets of issue 7 (and issue 13's pathological inputs) as PASS/MISS against what a run measured.

Verdicts use the wall-time median; the CPU-time figure is carried beside it because on a loaded machine it is
the one to read. Nothing here asserts: a MISS is reported, not raised.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import pathological
from measuring import Results, Sample
from tools import SEED


@dataclass
class Target:
    """A target from the issue, and what this run measured for it."""

    what: str
    measured: float | None
    limit: float
    unit: str = " s"
    cpu: float | None = None  # the same measure from CPU time (whole-process targets), for a loaded machine

    @property
    def verdict(self) -> str:
        if self.measured is None:
            return "n/a"
        return "PASS" if self.measured <= self.limit else "MISS"

    def row(self) -> str:
        """The target's row of the Markdown table."""
        shown = "n/a" if self.measured is None else f"{self.measured:.3g}{self.unit}"
        cpu = "" if self.cpu is None else f"{self.cpu:.3g}{self.unit}"
        return f"| {self.what} | {shown} | {cpu} | ≤ {self.limit:g}{self.unit} | **{self.verdict}** |"


def ratio(a: Sample | None, b: Sample | None) -> float | None:
    """Median of ``a`` ÷ median of ``b`` (``None`` when either was not measured)."""
    if a is None or b is None or a.median is None or b.median is None:
        return None
    return a.median / b.median


def cpu(a: Sample | None, b: Sample | None = None) -> float | None:
    """Median CPU time of ``a`` (or the ratio of two), when both were measured as processes."""
    if a is None or not a.cpu or (b is not None and not b.cpu):
        return None
    return statistics.median(a.cpu) / (statistics.median(b.cpu) if b is not None else 1)


def targets(res: Results) -> list[Target]:
    """Every target with this run's figure for it (``n/a`` where the run skipped the measurement)."""
    seed = next((s for s in res["examples"] if s.name.endswith(SEED.name)), None)
    s4, s8 = res["sizes"].get(4000), res["sizes"].get(8000)
    b4 = s4["build"] if s4 else None
    b8 = s8["build"] if s8 else None
    growth = res.get("growth") or {}
    g4, g8 = growth.get(4000, b4), growth.get(8000, b8)
    pdf = res["pdf"]
    return [
        Target(f"Seed example ({SEED.name}), whole CLI process", seed.median if seed else None, 0.35,
               cpu=cpu(seed)),
        Target("Seed example ÷ pandoc on the same text (both whole process)",
               ratio(seed, res["seed_pandoc"]), 0.5, "×", cpu(seed, res["seed_pandoc"])),
        Target("4,000 paragraphs, in-process build", b4.median if b4 else None, 1.0, cpu=cpu(b4)),
        Target("4,000 paragraphs ÷ pandoc (cddraft in-process ÷ pandoc process)",
               ratio(b4, s4["pandoc"]) if s4 else None, 0.25, "×", cpu(b4, s4["pandoc"]) if s4 else None),
        Target("time(8k) ÷ time(4k), in-process, the sizes alternating", ratio(g8, g4), 2.2, "×",
               cpu(g8, g4) if g4 else None),
        Target("Peak memory at 4,000 paragraphs (ru_maxrss of a child)", s4["rss"].median if s4 else None, 150, " MB"),
        Target("Peak memory at 8,000 paragraphs (ru_maxrss of a child)", s8["rss"].median if s8 else None, 150, " MB"),
        Target("`cddraft --version`, whole process", res["startup"]["version"].median, 0.15,
               cpu=cpu(res["startup"]["version"])),
        Target("Six language versions, one CLI build", res["six"].median, 1.5, cpu=cpu(res["six"])),
        Target("Six PDFs in one conversion ÷ one cold conversion", ratio(pdf["six"], pdf["one"]), 2.0, "×",
               cpu(pdf["six"], pdf["one"])),
        *(Target(f"{name} ÷ the same over {pathological.SPREAD_OVER:,} paragraphs (issue 13)", ratio(one, spread),
                 2.0, "×") for name, (one, spread) in res.get("pathological", {}).items()),
    ]
