"""One table of layout values: the house template and the renderer's measures agree with it."""

from __future__ import annotations

import zipfile

import docx
from lxml import etree

from cddraft import layout
from cddraft.writers.docx import styles as st
from tests.conftest import REPO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOUSE = REPO / "templates" / "house.docx"


def test_the_renderer_measures_come_from_the_table():
    assert st.BAND == layout.STYLES["SingleTxtG"].ind["left"] == 1134
    assert st.TEXT_WIDTH == layout.PAGE.width - layout.MARGINS.left - layout.MARGINS.right == 9639
    assert st.FOOTNOTE_NUMBER_TAB == 1021
    assert st.NUMBER_TAB == 1701 == layout.STYLES["Bullet1G"].ind["left"], "numbered and bullet text align"


def test_the_house_template_is_the_table():
    doc = docx.Document(str(HOUSE))
    for s in layout.STYLES.values():
        style = doc.styles[s.name]
        assert style.style_id == s.id
        if s.size:
            assert style.font.size.pt == s.size, s.id
        assert bool(style.font.bold) == s.bold, s.id
    sect = doc.sections[0]
    assert (sect.page_width.twips, sect.page_height.twips) == (layout.PAGE.width, layout.PAGE.height)
    assert sect.left_margin.twips == layout.MARGINS.left and sect.top_margin.twips == layout.MARGINS.top


def test_the_organ_name_and_the_footer_lines_take_their_size_from_their_style(built):
    """§4.1a: the organ name is XLargeG (bold 20 pt), the job line is in Footer (8 pt): no size of their own."""
    with zipfile.ZipFile(built["cd-way-ahead-en"]) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        footers = [etree.fromstring(zf.read(n)) for n in zf.namelist() if n.startswith("word/footer")]
    organ = next(p for p in body.iter(f"{W}p") if "".join(p.itertext()) == "Conference on Disarmament")
    assert organ.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == st.ORGAN_NAME
    assert organ.find(f".//{W}r/{W}rPr/{W}sz") is None and organ.find(f".//{W}r/{W}rPr/{W}b") is None
    job = next(p for f in footers for p in f.iter(f"{W}p") if "".join(p.itertext()).startswith("GE.17-16166"))
    assert job.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == st.FOOTER
    assert job.find(f".//{W}r/{W}rPr/{W}sz") is None
