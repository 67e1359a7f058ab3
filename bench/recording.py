"""Where a run's results are kept: every sample as JSON (``bench/results/latest.json`` by default, git-ignored),
and, with ``--update-readme``, the Markdown table between the markers in bench/README.md — the recorded table
that the README's prose discusses.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from measuring import Results, Sample
from tools import README
from verdicts import Target

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def to_json(res: Results) -> dict[str, Any]:
    """The results as plain JSON data: samples with their medians, targets with their verdicts."""
    def conv(v: object) -> Any:  # JSON data: a mapping at the top, whatever the value below
        if isinstance(v, Sample):
            return {**asdict(v), "median": v.median}
        if isinstance(v, Target):
            return {**asdict(v), "verdict": v.verdict}
        if isinstance(v, dict):
            return {str(k): conv(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [conv(x) for x in v]
        return v

    return conv(res)


def write_json(res: Results, path: Path) -> None:
    """Every sample of the run into ``path`` (its folder made if need be)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(to_json(res), indent=1, ensure_ascii=False), encoding="utf-8")


def update_readme(text: str) -> None:
    """Replace the table between the markers in bench/README.md."""
    readme = README.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        raise SystemExit(f"{README} lacks the {START} … {END} markers")
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
