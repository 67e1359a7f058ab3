"""Round trip through Word for every bundled example: build → ``cddraft import`` → build gives the same text,
the same paragraph styles in the same order and the same footnotes (read back with docx2python and
python-docx), and the imported outline loads to the same document tree as the original outline."""

from __future__ import annotations

import docx
import pytest
from docx2python import docx2python

from cddraft.readers.outline import read_outline
from tests.conftest import EXAMPLES, run_cli
from tests.readers.word.helpers import effective


@pytest.fixture(scope="module")
def round_trip(built, tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("import")
    out = {}
    for stem, docx_path in built.items():
        outline = work / f"{stem}.yaml"
        result = run_cli("import", str(docx_path), "-o", str(outline))
        assert result.exit_code == 0, result.output
        assert run_cli("build", str(outline), "-o", str(work / "rebuilt")).exit_code == 0
        out[stem] = (outline, docx_path, work / "rebuilt" / f"{stem}.docx", result.output)
    return out


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_imported_outline_loads_to_the_same_document_tree(round_trip, stem):
    outline, *_ = round_trip[stem]
    assert effective(read_outline(outline)[1]) == effective(read_outline(EXAMPLES[stem])[1])


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_rebuilt_file_has_the_same_text_styles_and_footnotes(round_trip, stem):
    _, first, again, _ = round_trip[stem]
    with docx2python(first) as a, docx2python(again) as b:
        assert b.text == a.text
        assert b.footnotes_runs == a.footnotes_runs
    assert _styles(again) == _styles(first)


def _styles(path) -> list[tuple[str | None, str]]:
    return [(p.style.style_id if p.style is not None else None, p.text) for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_cddraft_output_imports_without_a_warning(round_trip, stem):
    *_, output = round_trip[stem]
    assert "warning" not in output, output


def test_a_contents_table_comes_back_as_the_key_that_made_it(tmp_path):
    outline = tmp_path / "report.yaml"
    outline.write_text(EXAMPLES["cd-report-en"].read_text(encoding="utf-8").replace(
        "  numbered_headings: true\n", "  numbered_headings: true\n  contents: {depth: 2}\n", 1), encoding="utf-8")
    assert "contents:" in outline.read_text(encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path)).exit_code == 0
    result = run_cli("import", str(tmp_path / "report.docx"), "-o", str(tmp_path / "again.yaml"))
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    again = read_outline(tmp_path / "again.yaml")[1]
    assert effective(again) == effective(read_outline(outline)[1])
