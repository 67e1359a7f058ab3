"""The title's footnote, marked * (§4.1a): a custom mark that takes no number from the sequence."""

from __future__ import annotations

import zipfile

from lxml import etree

from tests.conftest import MINIMAL_REPORT, pdf_pages, require_libreoffice, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = MINIMAL_REPORT.replace(
    "  title: Report of the Coordinator\n",
    "  title: Report of the Coordinator\n  title_note: Reissued for *technical* reasons on 21 September 2017.\n",
).replace(
    "    - A first paragraph.\n",
    "    - The Coordinator held three informal meetings.^[See document CD/2090.]\n"
    "    - The meetings were open-ended.^[Second note.]\n",
)


def _build(tmp_path, *extra: str):
    outline = tmp_path / "r.yaml"
    outline.write_text(REPORT, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path), *extra)
    assert result.exit_code == 0, result.output
    return tmp_path / "r.docx"


def test_the_title_carries_a_custom_mark_footnote(tmp_path):
    with zipfile.ZipFile(_build(tmp_path)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    title = next(p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='HChG']") is not None)
    refs = list(title.iter(f"{W}footnoteReference"))
    assert len(refs) == 1 and refs[0].get(f"{W}customMarkFollows") == "1"
    assert "".join(title.itertext()).endswith("Report of the Coordinator*")
    note = notes.find(f"{W}footnote[@{W}id='{refs[0].get(f'{W}id')}']")
    assert "".join(note.itertext()) == "*Reissued for technical reasons on 21 September 2017."  # (tabs are elements)
    assert note.find(f".//{W}footnoteRef") is None, "a custom mark, not the automatic number"
    assert note.find(f".//{W}i") is not None, "markup in the note is kept (*technical*)"


def test_the_numbered_footnotes_still_start_at_1_on_the_page(tmp_path):
    require_libreoffice()
    _build(tmp_path, "--pdf")
    page = pdf_pages(tmp_path / "r.pdf", layout=True)[0]
    lines = [" ".join(ln.split()) for ln in page.splitlines() if ln.strip()]
    assert "Report of the Coordinator *" in lines  # the raised * stands apart in the layout
    at = lines.index("Reissued for technical reasons on 21 September 2017.")
    assert lines[at - 1] == "*"
    assert lines[at + 1:at + 5] == ["1", "See document CD/2090.", "2", "Second note."]
