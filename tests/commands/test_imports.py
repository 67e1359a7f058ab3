"""Each command imports only what it uses (issue 30): a whole process is mostly imports, so a library a command
does not need is time every run of it pays. Each case runs the command in a fresh interpreter and reads
``sys.modules`` after it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

SEED = str(EXAMPLES["cd-way-ahead-en"])


def imported_after(tmp_path, *args: str) -> set[str]:
    """The top-level modules loaded once ``cddraft ARGS`` has run (in a process of its own, with its own cache)."""
    code = ("import sys\nfrom cddraft.cli import main\ntry:\n    main(sys.argv[1:], standalone_mode=False)\n"
            "except SystemExit:\n    pass\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"})
    return set(done.stdout.split("\n")[-2].split())


@pytest.mark.parametrize(("args", "unused"), [
    (("--version",), {"pydantic", "docx", "lxml", "yaml", "babel"}),
    (("check", SEED), {"docx", "barcode", "PIL", "png", "qrcodegen", "docxtpl", "jinja2", "rich"}),
    (("build", SEED, "-o", "out"), {"PIL", "docxtpl", "jinja2", "rich"}),
    (("schema",), {"docx", "lxml", "babel", "barcode"}),
])
def test_a_command_does_not_import_what_it_does_not_use(tmp_path, args, unused):
    loaded = imported_after(tmp_path, *args)
    assert "cddraft" in loaded, "the command ran"
    assert not unused & loaded, f"`cddraft {' '.join(args)}` imported {sorted(unused & loaded)}"


def test_import_of_a_word_file_does_not_import_python_docx(tmp_path):
    """The Word reader reads the package with lxml (readers/word): python-docx is the writer's."""
    built = subprocess.run([sys.executable, "-m", "cddraft.cli", "build", SEED, "-o", str(tmp_path)],
                           capture_output=True, text=True, check=True)
    assert built.returncode == 0
    loaded = imported_after(tmp_path, "import", str(tmp_path / "cd-way-ahead-en.docx"), "-o", "seed.yaml")
    assert (tmp_path / "seed.yaml").exists()
    assert "docx" not in loaded and "pydantic" in loaded
