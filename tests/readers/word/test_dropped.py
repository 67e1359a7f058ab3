"""Nothing is dropped unsaid: what an outline cannot hold (an image, a comment, a text box, a field, a hyperlink's
address, tracked changes) is named in a warning at its paragraph — a table is kept, as a table block — and every
character of the document's text ends up in the outline or in a warning. Tracked changes are refused unless the
import is told to accept or reject them, and then give exactly NEW's or OLD's document."""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import parse_xml

from cddraft.readers.outline import read_outline
from cddraft.writers.docx.furniture import qr_png
from tests.conftest import EXAMPLES, run_cli
from tests.readers.word.helpers import effective

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXT_BOX = (f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
FIELD = (f'<w:fldSimple {W} w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; "><w:r><w:t>2 December 2026</w:t></w:r>'
         "</w:fldSimple>")


@pytest.fixture(scope="module")
def odd_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("odd") / "odd.docx"
    d = docx.Document()
    d.add_heading("Report on the visit", level=1)
    d.add_paragraph("The delegation visited the site.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Cell one", "Cell two"
    table.cell(0, 1).paragraphs[0]._p.append(parse_xml(TEXT_BOX.replace("Boxed words", "Boxed in a cell")))
    d.add_paragraph("A photograph follows.")
    (path.parent / "dot.png").write_bytes(qr_png("https://undocs.org/CD/2101"))  # any picture
    d.add_picture(str(path.parent / "dot.png"))
    commented = d.add_paragraph("A paragraph with a comment.")
    d.add_comment(commented.runs, text="Check this", author="Editor")
    boxed = d.add_paragraph("A paragraph with a text box.")
    boxed._p.append(parse_xml(TEXT_BOX))
    dated = d.add_paragraph("Printed on ")
    dated._p.append(parse_xml(FIELD))
    d.save(str(path))
    return path


def _import(path: Path, tmp_path: Path, *args: str):
    outline = tmp_path / "imported.yaml"
    return run_cli("import", str(path), "-o", str(outline), "--language", "en", *args), outline


def test_what_an_outline_cannot_hold_is_named_at_its_paragraph(odd_file, tmp_path):
    result, _ = _import(odd_file, tmp_path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning:" in line]
    expected = [r"paragraph 3 \(table\): row 1, column 2: a text box was dropped: 'Boxed in a cell'",
                r"paragraph 5: an image was dropped",
                r"paragraph 6: a comment was dropped",
                r"paragraph 7: a text box was dropped: 'Boxed words'",
                r"paragraph 8: field DATE kept as its text"]
    for pattern in expected:
        assert any(re.search(pattern, w) for w in warnings), (pattern, warnings)
    assert all(w.startswith(f"{odd_file}: ") for w in warnings)
    assert len(warnings) == len(expected)
    assert not any("table was dropped" in w for w in warnings)


def test_a_table_is_kept_as_a_table_block(odd_file, tmp_path):
    _, outline = _import(odd_file, tmp_path)
    table = read_outline(outline)[1].report.content[1]
    assert [[c.text.plain for c in row.cells] for row in table.rows] == [["Cell one", "Cell two"]]


def test_every_character_is_in_the_outline_or_a_warning(odd_file, tmp_path):
    result, outline = _import(odd_file, tmp_path)
    kept = outline.read_text(encoding="utf-8") + result.output
    with zipfile.ZipFile(odd_file) as z:
        body = z.read("word/document.xml").decode()
    words = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)
    assert words and all(w.strip() in kept for w in words if w.strip()), [w for w in words if w.strip() not in kept]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("tracked")
    data = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    new = copy.deepcopy(data)
    section = new["report"]["content"][0]["content"]
    section[0] = section[0].replace("series of", "number of")
    section.insert(1, "A paragraph added in revision.^[With a note.]")
    del new["report"]["content"][1]["content"][0]["content"][0]
    old_path, new_path = work / "old.yaml", work / "new.yaml"
    old_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    new_path.write_text(yaml.safe_dump(new, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run_cli("diff", str(old_path), str(new_path), "-o", str(work / "tracked.docx")).exit_code == 0
    return {"file": work / "tracked.docx", "old": old_path, "new": new_path}


def test_tracked_changes_are_refused_by_default_and_nothing_is_written(tracked, tmp_path):
    result, outline = _import(tracked["file"], tmp_path)
    assert result.exit_code == 2
    assert "tracked change" in result.output and "--revisions accept" in result.output
    assert not outline.exists()


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_accepted_or_rejected_changes_give_new_or_old(tracked, tmp_path, mode):
    result, outline = _import(tracked["file"], tmp_path, "--revisions", mode)
    assert result.exit_code == 0, result.output
    want = tracked["new" if mode == "accept" else "old"]
    assert effective(read_outline(outline)[1]) == effective(read_outline(want)[1])
