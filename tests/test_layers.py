"""The import graph follows the pipeline: no module imports a later stage or a command.

Read from the source with ``ast`` (imports inside functions count too), so the test sees every import
the code can make, not only those a test run happens to trigger.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

#: The stages in order; the packages on one line are peers, which may not import each other.
LAYERS: list[list[tuple[str, ...]]] = [
    [("cddraft", "cddraft.errors", "cddraft.readcap")],  # the version string, diagnostics, capped reading
    [("cddraft.conventions",)],  # data: per-language strings, dates, numbering, fonts
    [("cddraft.model",)],  # the one document tree
    [("cddraft.readers", "cddraft.scaffolds")],  # YAML outline (and the starter outlines), Word packages → the tree
    [("cddraft.localise",)],
    [("cddraft.writers",)],  # the localised tree → .docx bytes
    [("cddraft.write",)],  # atomic file writing
    [("cddraft.check",)],  # the editorial rules (every build runs the quick ones)
    [("cddraft.pipeline",), ("cddraft.export", "cddraft.lo_compat")],  # peers
    [("cddraft.batch", "cddraft.watch", "cddraft.serve")],  # many outlines: inputs, jobs, progress; the preview
    [("cddraft.commands",)],
    [("cddraft.cli",)],
]


def _group(module: str) -> tuple[int, int] | None:
    """(layer, peer group) of a cddraft module, by the longest package prefix."""
    best: tuple[int, tuple[int, int]] | None = None
    for layer, groups in enumerate(LAYERS):
        for g, prefixes in enumerate(groups):
            for prefix in prefixes:
                if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), (layer, g))
    return best[1] if best else None


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)  # a submodule, when it is one
    return {name for name in found if name == "cddraft" or name.startswith("cddraft.")}


def _edges() -> list[tuple[str, str]]:
    return [(_module_name(path), imported) for path in sorted(SRC.rglob("*.py")) for imported in _imports(path)]


def test_every_module_has_a_place_in_the_layers():
    assert [m for m in {_module_name(p) for p in SRC.rglob("*.py")} if _group(m) is None] == []


def test_no_module_imports_a_later_stage_a_peer_or_a_command():
    wrong = []
    for importer, imported in _edges():
        here, there = _group(importer), _group(imported)
        assert here is not None and there is not None
        if there[0] > here[0] or (there[0] == here[0] and there[1] != here[1]):
            wrong.append(f"{importer} imports {imported}")
    assert wrong == []


def test_the_layer_test_can_fail():
    """Rules that ran the pipeline, or a model that read the outline file, would be caught."""
    assert _group("cddraft.check.run")[0] < _group("cddraft.pipeline")[0]
    assert _group("cddraft.readers.outline.load")[0] > _group("cddraft.model.document")[0]
    assert _group("cddraft.commands.check") is None or _group("cddraft.commands.check")[0] > _group("cddraft.batch")[0]
