"""The code type-checks: mypy, with the settings and files of pyproject.toml's ``[tool.mypy]`` (src/cddraft,
scripts/, bench/), finds nothing, so CI catches what review would."""

from __future__ import annotations

import pytest

from tests.conftest import REPO


def test_mypy_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the test extras: pip install '.[test]'")
    monkeypatch.chdir(REPO)  # [tool.mypy]'s files and mypy_path are relative to where mypy runs
    stdout, stderr, status = api.run(["--config-file", str(REPO / "pyproject.toml")])
    assert status == 0, stdout + stderr
