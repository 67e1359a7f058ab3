"""The styles a template must define are the styles the writers use: read back from built files."""

from __future__ import annotations

import re
import zipfile

from lxml import etree

from cddraft.writers.docx import styles as st
from tests.conftest import REPO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The parts a style reference can sit in: the body, headers, footers and footnotes.
STORY = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")


def styles_referenced(path) -> set[str]:
    """Every ``w:pStyle`` and ``w:rStyle`` value in the story parts of a .docx, read with zipfile and lxml."""
    found: set[str] = set()
    with zipfile.ZipFile(path) as zf:
        for name in filter(STORY.fullmatch, zf.namelist()):
            root = etree.fromstring(zf.read(name))
            found |= {e.get(f"{W}val") for tag in ("pStyle", "rStyle") for e in root.iter(f"{W}{tag}")}
    return found


def styles_defined(path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/styles.xml"))
    return {s.get(f"{W}styleId") for s in root.iterfind(f"{W}style")}


def test_every_style_in_the_examples_is_a_used_style(built):
    seen: set[str] = set()
    for stem, path in built.items():
        found = styles_referenced(path)
        assert found <= set(st.USED), f"{stem}: styles outside the registry: {sorted(found - set(st.USED))}"
        seen |= found
    assert {"Normal", "FootnoteReference", "SingleTxtG", "Header", "Footer"} <= seen


def test_every_used_style_is_defined_by_the_house_template():
    missing = set(st.USED) - styles_defined(REPO / "templates" / "house.docx")
    assert not missing


def test_the_required_styles_are_the_used_ones():
    assert set(st.REQUIRED) | st.ADDED_IF_MISSING == set(st.USED)
    assert not set(st.REQUIRED) & st.ADDED_IF_MISSING
    assert {"Normal", "FootnoteReference"} <= set(st.REQUIRED), "the masthead and the footnote calls use them"
    assert "H56G" not in st.USED, "no heading level is set in H56G"
