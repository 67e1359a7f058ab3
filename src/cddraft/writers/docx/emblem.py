"""The UN emblem in the masthead, for the bodies whose documents carry it (bodies.yaml ``emblem``).

The image is ``cddraft/assets/un-emblem.png``, derived from the UN flag of the flag-icons package (MIT) by
``scripts/make_emblem.py``; it sits in the masthead's first column, in the row of the body's name, about
1.98 × 1.64 cm as in the genuine UNOG template (§4.1a).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from docx.document import Document as DocxDocument
from docx.opc.part import XmlPart

from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx.furniture import picture_run

#: The emblem's width in the masthead (§4.1a).
WIDTH_CM = 1.98


@cache
def emblem_png() -> bytes:
    return resources.files("cddraft").joinpath("assets", "un-emblem.png").read_bytes()


def add_emblem(doc: DocxDocument) -> None:
    """Put the emblem in the masthead (the body's first table): row 2, the first cell's paragraph."""
    w = f"{{{x.W_NS}}}"
    table = doc.element.body.find(f"{w}tbl")
    rows = table.findall(f"{w}tr") if table is not None else []
    if len(rows) < 2:
        return
    paragraph = rows[1].find(f"{w}tc/{w}p")
    if paragraph is None:
        return
    run = picture_run(doc.part, emblem_png(), WIDTH_CM, "United Nations emblem")
    # A drawing's id is unique in the whole package (Word repairs the file otherwise); python-docx counts per
    # part, and the first-page footer's barcode and QR code already hold the first ids.
    taken = [int(pr.get("id", 0)) for part in doc.part.package.iter_parts() if isinstance(part, XmlPart)
             for pr in part.element.iter(f"{{{x.WP_NS}}}docPr")]
    free = str(max(taken, default=0) + 1)
    for element in run.iter(f"{{{x.WP_NS}}}docPr", f"{{{x.PIC_NS}}}cNvPr"):
        element.set("id", free)
    paragraph.append(run)
