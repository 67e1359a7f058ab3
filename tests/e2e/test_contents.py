"""``contents: true``: a 500-paragraph report opens with the UN contents table — every chapter, the range of its
paragraphs, its page — and the PDF LibreOffice makes shows, for each chapter, the page where its heading is
printed (read with pdftotext, page by page). The ranges and pages expected are worked out here from the outline
and the PDF, not by cddraft."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml
from docx2python import docx2python

from tests.conftest import require_libreoffice, run_cli

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
SIZES = [12, 80, 45, 120, 60, 33, 90, 60]  # paragraphs per chapter: 500 in all


def _report(language: str = "en") -> dict:
    chapters = [{"heading": f"Chapter title {ROMAN[k]} on verification",
                 "content": [f"Paragraph {n + 1} of chapter {k + 1}, with enough words to fill some of a line of "
                             "the page, as the paragraphs of a report do." for n in range(size)]}
                for k, size in enumerate(SIZES)]
    return {"kind": "report", "symbol": "CD/2102", "language": language, "date": "2017-09-20",
            "job_number": "GE.17-16400", "report": {"title": "Report of the Working Group", "contents": True,
                                                     "content": chapters}}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    require_libreoffice()
    work = tmp_path_factory.mktemp("contents")
    outline = work / "report.yaml"
    outline.write_text(yaml.safe_dump(_report(), sort_keys=False), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(work), "--pdf")
    assert result.exit_code == 0, result.output
    return work / "report.docx", work / "report.pdf"


def _expected_ranges() -> list[str]:
    out, n = [], 0
    for size in SIZES:
        out.append(f"{n + 1}\u2013{n + size}")
        n += size
    return out


def test_the_table_lists_every_chapter_with_its_paragraphs(built):
    docx, _ = built
    with docx2python(docx) as doc:
        lines = [line for line in doc.text.splitlines() if re.search(r"Chapter title \w+ on verification\t", line)]
    assert len(lines) == len(SIZES)
    for k, (line, want) in enumerate(zip(lines, _expected_ranges(), strict=True)):
        number, title, paragraphs = line.lstrip("\t").split("\t")[:3]
        assert (number, title, paragraphs) == (f"{ROMAN[k]}.", f"Chapter title {ROMAN[k]} on verification", want)


def test_the_pdf_shows_the_page_each_chapter_starts_on(built):
    _, pdf = built
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    listed = {}
    for line in pages[0].splitlines():
        m = re.search(r"^\s*([IVX]+)\.\s+Chapter title \1 on verification\.*\s*([\d\u2013-]+)\s+(\d+)\s*$", line)
        if m:
            listed[m.group(1)] = int(m.group(3))
    assert list(listed) == ROMAN[:len(SIZES)]
    for roman, page in listed.items():
        printed = [n for n, text in enumerate(pages, 1) if re.search(
            rf"(?m)^\s*{roman}\.\s+Chapter title {roman} on verification\s*$", text)]
        assert printed == [page], (roman, printed, page)
    assert len(set(listed.values())) > 3, "the chapters fall on several pages"
