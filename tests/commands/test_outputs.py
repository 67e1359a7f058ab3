"""A command never writes over its inputs, and writes all its outputs or none (issue 26, E1 and E9): the cases
the audit found, each leaving every file as it was."""

from __future__ import annotations

from tests.conftest import MINIMAL_LETTER, run_cli


def _outlines(tmp_path):
    old, new = tmp_path / "letter.yaml", tmp_path / "letter-corr1.yaml"
    old.write_text(MINIMAL_LETTER, encoding="utf-8")
    new.write_text(MINIMAL_LETTER.replace("the report.", "the revised report."), encoding="utf-8")
    return old, new


def test_a_corrigendum_is_not_written_over_the_new_outline(tmp_path):
    old, new = _outlines(tmp_path)
    before = new.read_bytes()
    result = run_cli("corrigendum", str(old), str(new), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert f"{new}: this is an input of the command" in result.output
    assert new.read_bytes() == before and not (tmp_path / "letter-corr1.docx").exists()


def test_diff_is_not_written_over_an_outline(tmp_path):
    old, new = _outlines(tmp_path)
    before = old.read_bytes()
    result = run_cli("diff", str(old), str(new), "-o", str(old))
    assert result.exit_code == 2 and "this is an input of the command" in result.output
    assert old.read_bytes() == before


def test_import_is_not_written_over_the_word_file(tmp_path):
    old, _ = _outlines(tmp_path)
    assert run_cli("build", str(old), "-o", str(tmp_path)).exit_code == 0
    docx = tmp_path / "letter.docx"
    before = docx.read_bytes()
    result = run_cli("import", str(docx), "-o", str(docx))
    assert result.exit_code == 2 and "this is an input of the command" in result.output
    assert docx.read_bytes() == before


def test_a_corrigendum_whose_docx_is_open_in_word_writes_neither_file(tmp_path):
    old, new = _outlines(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "letter-corr1.yaml").write_text("an earlier draft\n", encoding="utf-8")
    (out / "~$letter-corr1.docx").write_text("", encoding="utf-8")  # Word's lock file: the .docx is open
    result = run_cli("corrigendum", str(old), str(new), "-o", str(out))
    assert result.exit_code == 2 and "open in Word" in result.output
    assert (out / "letter-corr1.yaml").read_text(encoding="utf-8") == "an earlier draft\n"
    assert not (out / "letter-corr1.docx").exists()
    assert not list(out.glob(".*.tmp")), "no temporary file left"


def test_build_to_akn_writes_the_pair_or_neither(tmp_path):
    old, _ = _outlines(tmp_path)
    (tmp_path / "letter.akn.xml").mkdir()  # the companion cannot be written: a folder has its name
    result = run_cli("build", str(old), "-o", str(tmp_path), "--to", "akn")
    assert result.exit_code == 2 and "a folder has this name" in result.output
    assert not (tmp_path / "letter.docx").exists(), "no .docx without its Akoma Ntoso file"
