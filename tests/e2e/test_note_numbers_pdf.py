"""Note numbers as printed: every call and every note read off LibreOffice's PDF with its position.

The .docx asks for footnote numbers that restart in each section (§4.1a); LibreOffice read that as "restart
at each chapter" and printed a report's notes 1, 1, 2 where Word prints 2, 3, 4. Each call here follows a
marker word and each note opens with it, so the printed number of both is found beside the marker
(``pdftotext -bbox``: a superscript number is a word of its own).
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from cddraft.export import convert_to_pdf
from tests.conftest import require_libreoffice, run_cli

MARKERS = ["kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"]

#: Notes in three chapters (one in a section), in two annexes (one under a heading): Word numbers them 1…8.
REPORT = """\
kind: report
symbol: CD/2102
language: {language}
date: 2017-09-20
job_number: GE.17-16400
report:
  title: Report of the Coordinator
  content:
    - heading: First chapter
      content:
        - Text calling kilo.^[Note kilo text.]
        - More text calling lima.^[Note lima text.]
    - heading: Second chapter
      content:
        - Text calling mike.^[Note mike text.]
        - heading: A section
          content:
            - Text calling november.^[Note november text.]
    - heading: Third chapter
      content:
        - Text calling oscar.^[Note oscar text.]
annexes:
  - title: First annex
    content:
      - Annex text calling papa.^[Note papa text.]
      - heading: Annex heading
        content:
          - Annex text calling quebec.^[Note quebec text.]
  - title: Second annex
    content:
      - Annex text calling romeo.^[Note romeo text.]
"""

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _printed_numbers(pdf: Path) -> tuple[dict[str, int], dict[str, int]]:
    """(marker → number printed at its call, marker → number printed at its note), page by page."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    calls: dict[str, int] = {}
    notes: dict[str, int] = {}
    for page in out.split("<page ")[1:]:
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in _WORD.findall(page)]
        digits = [w for w in words if w[4].isdigit() and (w[3] - w[1]) < 9]  # superscript: smaller than the text
        for i, (x0, y0, x1, _y1, text) in enumerate(words):
            marker = text.rstrip(".")
            if marker not in MARKERS:
                continue
            before = words[i - 1][4] if i else ""
            # one call to a line and one note to a line: the superscript number on the marker's line is its
            # number, wherever the line's direction (Arabic sets a Latin sentence's end at its left) puts it
            line = sorted((d for d in digits if abs(d[1] - y0) < 4), key=lambda d: min(abs(d[0] - x1), abs(x0 - d[2])))
            if line and before in ("calling", "Note"):
                (calls if before == "calling" else notes)[marker] = int(line[0][4])
    return calls, notes


def _with_section_break_before(docx: bytes, text: str) -> bytes:
    """The package with a section break (restarting its notes, as §4.1a sets) ending the paragraph before
    the one containing ``text`` — what an editor does in Word to put an annex in a section of its own."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode()
        at = xml.index(text)
        start = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))
        prev = max(xml.rfind("<w:p>", 0, start), xml.rfind("<w:p ", 0, start))
        final = re.findall(r"<w:sectPr>.*?</w:sectPr>", xml)[-1]
        sect = re.sub(r"<w:(header|footer)Reference[^>]*/>", "", final)
        paragraph = xml[prev:start]
        if "<w:pPr>" in paragraph:
            paragraph = paragraph.replace("</w:pPr>", sect + "</w:pPr>", 1)
        else:
            paragraph = re.sub(r"^(<w:p[^>]*>)", lambda m: m.group(1) + f"<w:pPr>{sect}</w:pPr>", paragraph)
        xml = xml[:prev] + paragraph + xml[start:]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in z.infolist():
                dst.writestr(item, xml.encode() if item.filename == "word/document.xml" else z.read(item.filename))
    return out.getvalue()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    require_libreoffice()
    tmp = tmp_path_factory.mktemp("notes")
    docx: dict[str, Path] = {}
    for language in ("en", "fr", "ar", "zh"):
        outline = tmp / f"notes-{language}.yaml"
        outline.write_text(REPORT.format(language=language), encoding="utf-8")
        result = run_cli("build", str(outline), "-o", str(tmp))
        assert result.exit_code == 0, result.output
        docx[language] = tmp / f"notes-{language}.docx"
    sectioned = tmp / "notes-sectioned.docx"
    sectioned.write_bytes(_with_section_break_before(docx["en"].read_bytes(), "calling papa"))
    docx["sectioned"] = sectioned
    return dict(zip(docx, convert_to_pdf(list(docx.values()), tmp / "pdf"), strict=True))


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh"])
def test_notes_in_several_chapters_and_annexes_print_the_numbers_word_gives_them(rendered, language):
    calls, notes = _printed_numbers(rendered[language])
    expected = {m: n for n, m in enumerate(MARKERS, start=1)}  # one section: Word numbers on through it
    assert calls == expected, f"calls as printed: {calls}"
    assert notes == expected, f"notes as printed: {notes}"


def test_a_section_that_restarts_its_notes_prints_them_from_one(rendered):
    """Word restarts the notes at a section break whose section says so: the PDF must too."""
    calls, notes = _printed_numbers(rendered["sectioned"])
    expected = {"kilo": 1, "lima": 2, "mike": 3, "november": 4, "oscar": 5, "papa": 1, "quebec": 2, "romeo": 3}
    assert calls == expected, f"calls as printed: {calls}"
    assert notes == expected, f"notes as printed: {notes}"
