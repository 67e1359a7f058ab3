"""Faults planted one at a time in copies of the six versions of the seed example are each found once, at the
right place in the faulty version and naming the right place in the original, with nothing else reported; the
six versions as bundled are aligned (their real differences are declared in the outlines, with reasons)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli

SEED = [EXAMPLES[f"cd-way-ahead-{code}"] for code in ("en", "fr", "es", "ru", "zh", "ar")]


def _copies(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for path in SEED:
        code = path.stem.rsplit("-", 1)[1]
        out[code] = tmp_path / path.name
        shutil.copy(path, out[code])
    return out


def _line(path: Path, needle: str) -> int:
    """The line number of the first line containing ``needle``."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path.name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _align(files: dict[str, Path]) -> tuple[int, list[str]]:
    result = run_cli("align", *map(str, files.values()))
    return result.exit_code, [line for line in result.stdout.splitlines() if re.match(r".+:\d+:\d+: CD6", line)]


def test_the_six_bundled_versions_are_aligned(tmp_path):
    code, lines = _align(_copies(tmp_path))
    assert (code, lines) == (0, [])


PLANTS: dict[str, Callable[[dict[str, Path]], tuple[str, int, str, int | None]]] = {}


def plant(fn: Callable) -> Callable:
    PLANTS[fn.__name__] = fn
    return fn


@plant
def dropped_paragraph(f):
    text = f["fr"].read_text(encoding="utf-8")
    start = text.index("      - >-\n        Le 9 août")
    end = text.index("      - >-\n", start + 10)
    before = text[:start].rstrip("\n").rsplit("\n      - ", 1)[0].count("\n") + 2  # the paragraph before it
    f["fr"].write_text(text[:start] + text[end:], encoding="utf-8")
    return "fr", "CD601", before, _line(f["en"], "On 9 August") - 1


@plant
def added_paragraph(f):
    _edit(f["es"], "      - >-\n        El 9 de agosto", "      - Un párrafo añadido por error.\n      - >-\n"
                                                         "        El 9 de agosto")
    return "es", "CD602", _line(f["es"], "Un párrafo añadido"), None


def _note_after_paragraph(path: Path, k: int, note: str) -> int:
    """Add ``note`` at the end of the annex's ``k``-th top-level paragraph; the line where it is written."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [n for n, line in enumerate(lines) if line.startswith("      - ")
              and not line.startswith("      - heading")]
    end = starts[k + 1] - 1
    while not lines[end].strip():
        end -= 1
    line = lines[end]
    lines[end] = line[:-1] + note + '"' if line.rstrip().endswith('"') else line + note
    path.write_text("\n".join(lines), encoding="utf-8")
    return end + 1


@plant
def footnote_moved(f):
    """A note called from the annex's third paragraph in every version, but from the fourth in Russian."""
    for code, path in f.items():
        written = _note_after_paragraph(path, 3 if code == "ru" else 2, "^[CD/2090.]")
        if code == "ru":
            line = written
    en = f["en"].read_text(encoding="utf-8").split("\n")
    starts = [n for n, s in enumerate(en, 1) if s.startswith("      - ") and not s.startswith("      - heading")]
    return "ru", "CD604", line, starts[2]


@plant
def number_in_arabic_indic_digits(f):
    _edit(f["ar"], "تموز/يوليه 2017", "تموز/يوليه ٢٠١٨")
    return "ar", "CD611", _line(f["ar"], "٢٠١٨"), _line(f["en"], "Weapons on 7 July 2017")


@plant
def date_changed_in_chinese(f):
    _edit(f["zh"], "在2017年8月8日举行的会议上", "在2017年8月9日举行的会议上")
    return "zh", "CD611", _line(f["zh"], "8月9日举行的会议上"), _line(f["en"], "At the meeting held on 8 August")


@plant
def symbol_changed_in_russian(f):
    text = f["ru"].read_text(encoding="utf-8")
    assert text.count("CD/2090") == 1
    _edit(f["ru"], "CD/2090", "CD/2009")
    return "ru", "CD613", _line(f["ru"], "CD/2009"), _line(f["en"], "decision CD/2090")


@plant
def heading_level_changed(f):
    """The annex's last section nested under the one before it: a heading 1 become a heading 2."""
    text = f["es"].read_text(encoding="utf-8")
    at = text.index("      - heading: El camino a seguir")
    nested = "\n".join(("    " + line if line.strip() else line) for line in text[at:].split("\n"))
    f["es"].write_text(text[:at] + nested, encoding="utf-8")
    return "es", "CD603", _line(f["es"], "heading: El camino a seguir"), _line(f["en"], "heading: The way ahead")


@plant
def signatory_missing(f):
    """A second signatory added to every version but the Chinese one (the letter needs its first)."""
    for code, path in f.items():
        if code != "zh":
            text = path.read_text(encoding="utf-8")
            at = text.index("\nannexes:")
            path.write_text(text[:at].rstrip("\n") + "\n    - name: Kyaw Moe Tun\n" + text[at:], encoding="utf-8")
    return "zh", "CD601", _line(f["zh"], "name:"), _line(f["en"], "name: Kyaw Moe Tun")


@pytest.mark.parametrize("name", sorted(PLANTS))
def test_a_planted_fault_is_found_once_at_its_place(tmp_path, name):
    files = _copies(tmp_path)
    version, rule, line, base_line = PLANTS[name](files)
    code, lines = _align(files)
    assert code == 1
    assert len(lines) == 1, lines
    (found,) = lines
    assert found.startswith(f"{files[version]}:") and f" {rule} " in found, found
    if line is not None:
        assert found.startswith(f"{files[version]}:{line}:"), (found, line)
    if base_line is not None:
        assert f"{files['en'].name}:{base_line}:" in found, (found, base_line)
