"""The body's XML is written into the package as the writer draws it (:mod:`cddraft.writers.docx.splice`): it must
be exactly what lxml writes for the same elements, or a file would differ from the one the element path writes.
Each body (every example, a revised one, text full of characters XML escapes) is parsed and written again by
lxml, inside a document that declares the namespaces the house template's does, and compared as text."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import yaml
from lxml import etree

from cddraft.localise import localise
from cddraft.localise.revise import revise
from cddraft.readers.outline import read_outline, read_outline_text
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import script_of
from cddraft.writers.docx.body import BodyWriter
from cddraft.writers.docx.revisions import Revisions
from tests.conftest import EXAMPLES, MINIMAL_REPORT

_DOCUMENT = (f'<w:document xmlns:w="{x.W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships"><w:body/></w:document>')


def _drawn(loc, revisions: Revisions | None = None) -> str:
    writer = BodyWriter(script_of(loc), revisions=revisions)
    writer.masthead(loc.masthead)
    writer.document(loc)
    return "".join(writer.parts) + writer.end_rule()


def _as_lxml_writes_it(body: str) -> str:
    parsed = etree.fromstring(f"<w:body {x.NSDECL}>{body}</w:body>")
    document = etree.fromstring(_DOCUMENT)
    for child in list(parsed):
        document[0].append(child)
    written = etree.tostring(document, encoding="unicode")
    return written[written.index("<w:body>") + len("<w:body>"):written.rindex("</w:body>")]


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_every_examples_body_is_drawn_as_lxml_writes_it(stem):
    body = _drawn(localise(read_outline(EXAMPLES[stem])[1]))
    assert body == _as_lxml_writes_it(body)


def test_text_xml_escapes_and_empty_runs_are_drawn_as_lxml_writes_them():
    outline = MINIMAL_REPORT.replace("content:\n", "content:\n    - 'Quotes \"x\" & <y> > z, a tab\\there'\n"
                                     "    - table: 'A \"table\" & more'\n      rows: [['<a>', '1 & 2']]\n", 1)
    body = _drawn(localise(read_outline_text(outline, "x.yaml")[1]))
    assert '"x"' in body and "&amp;" in body
    assert body == _as_lxml_writes_it(body)


def test_a_revised_body_is_drawn_as_lxml_writes_it():
    old = yaml.safe_load(EXAMPLES["cd-report-en"].read_text(encoding="utf-8"))
    new = copy.deepcopy(old)
    new["report"]["content"][0]["content"][0] = "A paragraph rewritten in revision, with “quotes” & signs."
    docs = [localise(read_outline_text(yaml.safe_dump(d, allow_unicode=True), "x.yaml")[1]) for d in (old, new)]
    body = _drawn(revise(*docs), Revisions("A \"reviser\" & co", dt.date(2024, 5, 2)))
    assert body == _as_lxml_writes_it(body)
