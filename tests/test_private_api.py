"""No code reaches into python-docx's private attributes (``_element``, ``_blob``…): a python-docx release may
change them without notice, and the footnotes part, headers and footers all have a public way."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _private_uses(path: Path) -> list[tuple[int, str]]:
    """``x._name`` on anything but ``self``/``cls``, and ``from docx… import _Name``.

    Static analysis cannot tell a python-docx object from one of ours, so the rule is the wider one: no code
    reaches into another object's private attributes. lxml's ``etree._Element`` is its documented type name.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if owner not in ("self", "cls", "etree"):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "docx":
            found += [(node.lineno, f"import {a.name}") for a in node.names if a.name.startswith("_")]
    return found


def test_no_code_uses_private_attributes_of_python_docx_objects():
    src = REPO / "src"
    found = [f"{path.relative_to(src)}:{line}: {use}"
             for path in sorted((src / "cddraft").rglob("*.py")) for line, use in _private_uses(path)]
    assert not found, "use python-docx's public API (e.g. header.part.element):\n" + "\n".join(found)


def test_the_scan_finds_a_private_attribute(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f(part, self):\n    part._blob = b''\n    return self._x, header._element\n")
    assert [use for _, use in _private_uses(sample)] == ["part._blob", "header._element"]
