"""The UN emblem in the masthead where the body's documents carry it (the Security Council, the General
Assembly), not where they do not (the CD): read back with python-docx."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.shared import Cm
from lxml import etree

from cddraft.writers.docx.emblem import emblem_png
from tests.conftest import EXAMPLES, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("emblem")
    stems = ["sc-letter-en", "ga-letter-en", "cd-way-ahead-en", "ccw-wp-en"]
    assert run_cli("build", *(str(EXAMPLES[s]) for s in stems), "-o", str(out)).exit_code == 0
    return {s: out / f"{s}.docx" for s in stems}


@pytest.mark.parametrize(("stem", "has_emblem"), [("sc-letter-en", True), ("ga-letter-en", True),
                                                   ("cd-way-ahead-en", False), ("ccw-wp-en", False)])
def test_the_emblem_sits_in_the_mastheads_first_column(built, stem, has_emblem):
    shapes = list(docx.Document(str(built[stem])).inline_shapes)
    assert len(shapes) == int(has_emblem)
    if not has_emblem:
        return
    assert abs(shapes[0].width - Cm(1.98)) < Cm(0.01)
    with zipfile.ZipFile(built[stem]) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        cell = body.find(f".//{W}tbl").findall(f"{W}tr")[1].find(f"{W}tc")
        (blip,) = cell.iter(f"{A}blip")
        target = next(r.get("Target") for r in rels if r.get("Id") == blip.get(f"{R}embed"))
        assert z.read(f"word/{target}") == emblem_png(), "the shipped emblem, in row 2, column 1"


def test_every_drawing_id_is_unique_in_the_package(built):
    with zipfile.ZipFile(built["sc-letter-en"]) as z:
        ids = [i for n in z.namelist() if n.endswith(".xml")
               for i in re.findall(rb'<wp:docPr id="(\d+)"', z.read(n))]
    assert len(ids) == 3 and len(set(ids)) == 3, "the emblem, the barcode and the QR code"
