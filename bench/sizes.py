"""Generated reports of 500–8,000 paragraphs (:mod:`corpus`) through cddraft, pandoc and a bare docxtpl loop on
the same words, and how cddraft's build time grows with the size.

The tools are interleaved round by round, and the sizes whose times are divided are measured alternately: the
machine's speed drifts by the minute, and measured apart, time(8k)/time(4k) moved between 1.3 and 2.5.
"""

from __future__ import annotations

import io
from pathlib import Path

import corpus
from measuring import Sample, child_build_times, child_maxrss_mb, run_process, timed, tracemalloc_peak_mb
from tools import cddraft_exe, pandoc_exe


def make_loop_template(path: Path) -> None:
    """A tiny template with one paragraph-level loop, made with python-docx."""
    import docx

    doc = docx.Document()
    for line in ("{%p for p in paras %}", "{{ p }}", "{%p endfor %}"):
        doc.add_paragraph(line)
    doc.save(str(path))


def docxtpl_render(template: Path, paras: list[str]) -> bytes:
    """Open the loop template, render the paragraphs, save to memory (what a bare docxtpl tool does)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render({"paras": paras})
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def bench_size(n: int, tmp: Path, runs: int, with_cli: bool = True) -> dict[str, Sample]:
    """One generated report of ``n`` paragraphs through cddraft, pandoc and docxtpl (interleaved)."""
    from cddraft.batch.runner import build_outline as build

    outline = tmp / f"report-{n}.yaml"
    outline.write_text(corpus.outline_yaml(n), encoding="utf-8")
    md = tmp / f"report-{n}.md"
    md.write_text(corpus.markdown(n), encoding="utf-8")
    paras = corpus.plain_paragraphs(n)
    template = tmp / "loop.docx"
    if not template.exists():
        make_loop_template(template)
    pandoc = pandoc_exe()
    cli = [cddraft_exe(), "build", str(outline), "-o", str(tmp / "sizes")]
    pandoc_cmd = [pandoc or "pandoc", str(md), "-f", "markdown", "-o", str(tmp / f"report-{n}-pandoc.docx")]

    r = {
        "build": Sample(f"{n}: cddraft in-process build"),
        "cli": Sample(f"{n}: cddraft CLI (process)"),
        "pandoc": Sample(f"{n}: pandoc md→docx (process)", note="" if pandoc else "pandoc not installed"),
        "docxtpl": Sample(f"{n}: docxtpl loop (in-process)"),
        "rss": Sample(f"{n}: peak RSS, child process", unit="MB", note="ru_maxrss: interpreter+imports+build"),
        "traced": Sample(f"{n}: tracemalloc peak", unit="MB", note="Python allocations only (not libxml2)"),
    }
    build(outline)  # warm-up: lazy imports, caches, page cache
    docxtpl_render(template, paras[:10])
    for _ in range(runs):  # interleaved, so a slow minute of the machine hits every tool alike
        r["build"].add(child_build_times(outline, 1)[0])  # a fresh interpreter per round (after a warm-up build)
        if with_cli:
            r["cli"].add(run_process(cli))
        if pandoc:
            r["pandoc"].add(run_process(pandoc_cmd))
        r["docxtpl"].add(timed(lambda: docxtpl_render(template, paras)))
    r["rss"].values.append(child_maxrss_mb(outline))
    r["traced"].values.append(tracemalloc_peak_mb(outline))
    return r


def bench_growth(sizes: tuple[int, ...], tmp: Path, runs: int) -> dict[int, Sample]:
    """In-process build time of each size, the sizes alternating round by round (a fresh interpreter each).

    time(8k)/time(4k) from two sizes measured minutes apart moved between 1.3 and 2.5 on this machine, whose
    speed drifts by the minute; measured alternately, both sizes see the same machine. Reads the outlines
    :func:`bench_size` wrote.
    """
    out = {n: Sample(f"{n}: in-process build, sizes alternating") for n in sizes}
    for _ in range(runs):
        for n in sizes:
            out[n].add(child_build_times(tmp / f"report-{n}.yaml", 1)[0])
    return out
