"""The bundled example outlines: each one through ``cddraft build`` as a whole process (with pandoc on the seed's
text and the library floor in the same rounds), the six language versions in one build, and their PDFs.
"""

from __future__ import annotations

from pathlib import Path

import corpus
from measuring import Sample, repeat, run_process, timed
from startup import STARTUP
from tools import OUTLINES, SEED, cddraft_exe, pandoc_exe


def bench_examples(tmp: Path, runs: int, warm: bool) -> tuple[list[Sample], Sample, Sample]:
    """Each bundled example through ``cddraft build`` (whole process), pandoc on the seed's text, and the
    import of the required libraries alone, interleaved run by run.

    This machine's speed changes by up to 50 % from one minute to the next; measured one after the other,
    a slow minute fell on one example and made it look slower than the rest. Round by round, every sample
    of a round shares the machine's state, and the ratios (seed ÷ pandoc, seed ÷ floor) stay honest.
    """
    exe = cddraft_exe()
    examples = [(Sample(f"CLI build {o.name}"), [exe, "build", str(o), "-o", str(tmp / "examples")])
                for o in sorted(OUTLINES.glob("*.yaml"))]
    pandoc = Sample(f"pandoc on {SEED.name} as Markdown")
    tool = pandoc_exe()
    jobs = list(examples)
    if tool is None:
        pandoc.note = "pandoc not installed"
    else:
        md = tmp / "seed.md"
        md.write_text(corpus.outline_to_markdown(str(SEED)), encoding="utf-8")
        jobs.append((pandoc, [tool, str(md), "-f", "markdown", "-o", str(tmp / "seed-pandoc.docx")]))
    floor = Sample(STARTUP["import_libs"][0] + ", in the same rounds")
    jobs.append((floor, STARTUP["import_libs"][1]))
    if warm:
        for _, cmd in jobs:
            run_process(cmd)  # page cache, bytecode
    for _ in range(runs):
        for sample, cmd in jobs:
            sample.add(run_process(cmd))
    return [e for e, _ in examples], pandoc, floor


def bench_six(tmp: Path, runs: int, warm: bool) -> Sample:
    """The six language versions in one ``cddraft build`` (one process)."""
    files = sorted(str(p) for p in OUTLINES.glob("cd-way-ahead-*.yaml"))
    s = Sample(f"CLI build of the {len(files)} language versions at once")
    return repeat(s, [cddraft_exe(), "build", *files, "-o", str(tmp / "six")], runs, warm)


def bench_pdf(tmp: Path, runs: int) -> dict[str, Sample]:
    """Six PDFs in one LibreOffice call vs one PDF (each call cold: new LibreOffice, new profile).

    Reads the six documents :func:`bench_six` built into ``tmp / "six"``.
    """
    from cddraft.export import convert_to_pdf, find_soffice

    out = {"one": Sample("PDF: one document, one cold conversion"),
           "six": Sample("PDF: six documents, one conversion")}
    if find_soffice() is None:
        for s in out.values():
            s.note = "LibreOffice not installed"
        return out
    docs = sorted((tmp / "six").glob("*.docx"))
    if len(docs) != 6:
        raise RuntimeError(f"expected the six built language versions in {tmp / 'six'}, found {len(docs)}")
    one = [next(d for d in docs if d.stem.endswith("-en"))]
    for i in range(runs):
        out["one"].add(timed(lambda: convert_to_pdf(one, tmp / f"pdf-one-{i}")))  # noqa: B023
        out["six"].add(timed(lambda: convert_to_pdf(docs, tmp / f"pdf-six-{i}")))  # noqa: B023
    return out
