"""One definition per fact (issue 25): the WordprocessingML namespace, the East Asian character ranges, the list of
languages and the layout measures are each written in one module, which everything else imports; and the .docx
writer's modules import each other without a circle (the masthead does not reach the writer that draws it).

Read from the source text (and the import statements, with ``ast``), so the test sees the code as written.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "cddraft"
CODE = sorted([*SRC.rglob("*.py"), *(ROOT / "scripts").glob("*.py")])


def _where(pattern: str) -> list[str]:
    """The source files (relative to the repository) whose text matches ``pattern``."""
    found = re.compile(pattern)
    return [str(p.relative_to(ROOT)) for p in CODE if found.search(p.read_text(encoding="utf-8"))]


def test_the_wordprocessingml_namespace_is_written_once():
    assert _where(r"schemas\.openxmlformats\.org/wordprocessingml/2006/main") == ["src/cddraft/namespaces.py"]


def test_the_east_asian_character_ranges_are_written_once():
    # an ideograph range (\u4e00, \u3400) or the kana, hangul and full-width blocks, escaped or raw
    assert _where(r"\\u(?:4e00|3400|3040|ac00|ff00|2e80)") == ["src/cddraft/model/charsets.py"]


def test_the_languages_are_listed_once():
    assert _where(r"[\"']ar[\"'],\s*[\"']zh[\"'],\s*[\"']en[\"'],\s*[\"']fr[\"']") == ["src/cddraft/languages.py"]


def test_the_layout_measures_are_defined_in_the_layout_table_only():
    definitions = _where(r"(?m)^_?(?:STEP|BAND|NUMBER_TAB|TEXT_WIDTH|COLS)\s*[:=]\s*[(]?(?:567|1134|1701|9639|1276)")
    assert definitions == ["src/cddraft/layout.py"], definitions
    # the reader recognises the indents the writer gives, from the same table
    assert "layout.STEP" in (SRC / "readers" / "word" / "classify.py").read_text(encoding="utf-8")


def _module_imports(path: Path) -> set[str]:
    """The cddraft modules ``path`` imports when it is loaded (module level; not under TYPE_CHECKING)."""
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cddraft"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("cddraft"))
    return out


def test_the_docx_writer_has_no_import_circle():
    folder = SRC / "writers" / "docx"
    names = {f"cddraft.writers.docx.{p.stem}": p for p in folder.glob("*.py") if p.stem != "__init__"}
    graph = {name: {m for m in _module_imports(path) if m in names} for name, path in names.items()}
    assert "cddraft.writers.docx.body" not in graph["cddraft.writers.docx.masthead"]

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start])

    circles = sorted(name for name in graph if reaches(name, name, {name}))
    assert circles == [], circles
