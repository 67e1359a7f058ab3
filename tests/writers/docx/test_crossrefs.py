"""Cross-references are REF fields to bookmarks on the numbers, so Word can update them; every reader sees
the number itself."""

from __future__ import annotations

import zipfile

from lxml import etree

from tests.conftest import pdf_pages, require_libreoffice, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = """\
kind: report
symbol: CD/2102
date: 2017-09-20
report:
  title: Report
  content:
    - "As paragraph {ref:later.one-2} says, and section {ref:views} shows.^[Compare paragraph {ref:later.one-2}.]"
    - heading: General views
      id: views
      content:
        - A second paragraph.
        - text: The paragraph referred to.
          id: later.one-2
"""


def _parts(tmp_path, *extra):
    outline = tmp_path / "r.yaml"
    outline.write_text(REPORT, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path), *extra)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        return etree.fromstring(z.read("word/document.xml")), etree.fromstring(z.read("word/footnotes.xml"))


def _bookmarked(body) -> dict[str, str]:
    """Bookmark name → the text between its start and end."""
    out, open_ = {}, {}
    for el in body.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}t"):
        if el.tag == f"{W}bookmarkStart":
            open_[el.get(f"{W}id")] = (el.get(f"{W}name"), [])
        elif el.tag == f"{W}bookmarkEnd":
            name, texts = open_.pop(el.get(f"{W}id"))
            out[name] = "".join(texts)
        else:
            for _, texts in open_.values():
                texts.append(el.text or "")
    return out


def _refs(root) -> list[tuple[str, str]]:
    """(instruction, shown result) of every REF field."""
    out = []
    for p in root.iter(f"{W}p"):
        runs = list(p.iter(f"{W}r"))
        for i, r in enumerate(runs):
            instr = r.find(f"{W}instrText")
            if instr is not None and instr.text.strip().startswith("REF"):
                out.append((instr.text.strip(), runs[i + 2].findtext(f"{W}t")))
    return out


def test_the_numbers_are_bookmarked_and_the_references_are_ref_fields(tmp_path):
    body, notes = _parts(tmp_path)
    assert _bookmarked(body) == {"_Ref_later_one_2": "3", "_Ref_views": "I."}
    assert _refs(body) == [(r"REF _Ref_later_one_2 \h", "3"), (r"REF _Ref_views \h", "I.")]
    assert _refs(notes) == [(r"REF _Ref_later_one_2 \h", "3")], "a reference in a footnote too"


def test_libreoffice_shows_the_same_numbers(tmp_path):
    require_libreoffice()
    _parts(tmp_path, "--pdf")
    text = " ".join(" ".join(pdf_pages(tmp_path / "r.pdf")).split())
    assert "As paragraph 3 says, and section I. shows." in text
    assert "Compare paragraph 3." in text


def test_a_reference_in_a_superscript_is_a_superscript_ref_field(tmp_path):
    """``^{see {ref:x}}``: the reference stays (a REF field showing the number), in superscript like its words."""
    outline = tmp_path / "r.yaml"
    outline.write_text(REPORT.replace("A second paragraph.", "A second paragraph.^{see {ref:later.one-2}}"),
                       encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    import docx

    paragraph = next(p for p in docx.Document(str(tmp_path / "r.docx")).paragraphs if "second paragraph" in p.text)
    assert paragraph.text.endswith("A second paragraph.see 3")
    raised = [r.text for r in paragraph.runs if r.font.superscript]
    assert "".join(raised) == "see 3", "the words and the number are superscript"
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        assert (r"REF _Ref_later_one_2 \h", "3") in _refs(etree.fromstring(z.read("word/document.xml")))


def test_a_reference_to_an_unnumbered_paragraph_is_reported_at_the_reference(tmp_path):
    outline = tmp_path / "r.yaml"
    outline.write_text(REPORT.replace("        - A second paragraph.\n",
                                      "        - text: An aside, see {ref:aside}.\n          id: aside\n"
                                      "          numbered: false\n"), encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert f"{outline}:11:31: {{ref:aside}} points to a paragraph that has no number" in result.output
    assert not (tmp_path / "r.docx").exists()
