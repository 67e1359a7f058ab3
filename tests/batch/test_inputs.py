"""What a batch reads and how it names what it writes: files, folders and patterns the shell left alone,
each outline once; UN-style file names; a bad name pattern refused before anything is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.helpers import SIX
from tests.conftest import EXAMPLES, OUTLINES, run_cli


def test_a_folder_and_a_pattern_the_shell_left_alone(tmp_path):
    result = run_cli("build", str(OUTLINES), "-o", str(tmp_path / "all"))
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "all").glob("*.docx"))) == len(EXAMPLES)
    result = run_cli("build", str(OUTLINES / "cd-way-ahead-*.yaml"), SIX[0], "-o", str(tmp_path / "six"))
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (tmp_path / "six").iterdir()) == [Path(s).stem for s in SIX], "each once"
    result = run_cli("build", str(tmp_path / "nothing-*.yaml"), "-o", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nothing-*.yaml'}: no file matches this pattern" in result.output


def test_un_style_names(tmp_path):
    result = run_cli("build", *SIX, "-o", str(tmp_path), "--name", "{symbol}-{letter}")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"CD-2101-{x}.docx" for x in "ACEFRS"]


@pytest.mark.parametrize("pattern", ["{bogus}", "{stem", "{}"])
def test_a_bad_name_pattern_is_refused_before_building(tmp_path, pattern):
    result = run_cli("build", SIX[0], "-o", str(tmp_path / "out"), "--name", pattern)
    assert result.exit_code == 2
    assert "--name" in result.output and "{stem} {symbol} {letter} {lang}" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["build", "check", "pdf"])
def test_a_symbolic_link_to_itself_is_reported_not_a_traceback(tmp_path, command):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop.name)
    args = [command, str(loop)] + (["-o", str(tmp_path / "out")] if command == "build" else [])
    if command == "pdf":
        from tests.conftest import require_libreoffice

        require_libreoffice()
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.output.startswith(f"{loop}: ")
    assert "symbolic link" in result.output.lower()
