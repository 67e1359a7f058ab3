"""The Markdown report of one run: whole-process times, generated reports and growth, pathological inputs,
targets. It is both what the script prints and what ``--update-readme`` puts into bench/README.md, so its
format is the record's format: change it knowing old tables in the README were written by it.
"""

from __future__ import annotations

import itertools
import statistics

from measuring import Results
from verdicts import ratio


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def table(res: Results) -> str:
    """The Markdown report: whole-process times, generated reports, growth, targets."""
    m = res["machine"]
    lines = [f"{res['mode']} run, {m['summary']}; load average at start {m['load_start']}, "
             f"at end {m.get('load_end', '?')}", "",
             "#### Whole process (wall time; CPU = user+sys of the process and its children)", "",
             "| measurement | median [min–max] ×runs | CPU (median) | note |", "|---|---|---|---|"]
    st = res["startup"]
    whole = [*res["examples"], res["seed_pandoc"], res["floor"], res["six"], *st.values(), *res["pdf"].values()]
    lines += [f"| {s.name} | {s.cell()} | {s.cpu_cell()} | {s.note} |" for s in whole]
    if st["import_cli"].values and st["python"].values:
        for key, label in (("cli", "import cddraft.cli"), ("stack", "import build stack")):
            sample = st["import_cli" if key == "cli" else "import_stack"]
            extra = min(sample.values) - min(st["python"].values)
            cpu = statistics.median(sample.cpu) - statistics.median(st["python"].cpu)
            lines.append(f"| {label} − bare python | {extra:.3f} s (fastest − fastest) | {cpu:.3f} s | "
                         f"`-X importtime` total {res['importtime'][key]['total_ms']:.0f} ms |")
    lines += ["", "#### Generated reports (the same words through each tool)", "",
              "| paragraphs | cddraft in-process | cddraft CLI (process) | pandoc (process) | docxtpl loop "
              "| cddraft ÷ pandoc | cddraft ÷ docxtpl | peak RSS (child) | tracemalloc peak |",
              "|---|---|---|---|---|---|---|---|---|"]
    for n, r in res["sizes"].items():
        lines.append(
            f"| {n:,} | {r['build'].cell()} | {r['cli'].cell()} | {r['pandoc'].cell()} | {r['docxtpl'].cell()} "
            f"| {_x(ratio(r['build'], r['pandoc']))} | {_x(ratio(r['build'], r['docxtpl']))} "
            f"| {r['rss'].cell()} | {r['traced'].cell()} |"
        )
    ns = list(res["sizes"])
    growth = [f"time({b:,})/time({a:,}) = {_x(ratio(res['sizes'][b]['build'], res['sizes'][a]['build']))} "
              f"for ×{b / a:g} paragraphs" for a, b in itertools.pairwise(ns)]
    if growth:
        lines += ["", "Growth (in-process): " + "; ".join(growth) + "."]
    alternating = res.get("growth") or {}
    if alternating:
        cells = ", ".join(f"{n:,} paragraphs {smp.cell()}" for n, smp in alternating.items())
        lines += ["", f"Measured alternately (one fresh interpreter per build): {cells}; the growth target uses these."]
    if res.get("pathological"):
        lines += ["", "#### Pathological inputs (in-process build in a fresh interpreter)", "",
                  "| input | one paragraph | spread | ratio |", "|---|---|---|---|"]
        lines += [f"| {name} | {one.cell()} | {spread.cell()} | {_x(ratio(one, spread))} |"
                  for name, (one, spread) in res["pathological"].items()]
    lines += ["", "#### Targets (verdict on the wall-time median; the CPU-time median beside it)", "",
              "| target | measured | CPU | limit | verdict |", "|---|---|---|---|---|"]
    lines += [t.row() for t in res["targets"]]
    floor, warm, pandoc = res["floor"], res["seed_warm"], res["seed_pandoc"]
    if pandoc.median is not None and floor.median is not None and warm.median is not None:
        lines += ["", f"Context for seed ÷ pandoc: importing the required libraries alone (no cddraft code) takes "
                      f"{floor.median:.3f} s = {_x(ratio(floor, pandoc))} pandoc's whole run, so no whole-process "
                      f"build on this stack reaches 0.5×; {warm.name} takes {warm.cell()} = "
                      f"{_x(ratio(warm, pandoc))} pandoc."]
    return "\n".join(lines)
