"""The style contract between cddraft and a Word template (UNOG "G" style ids), and the writers' measures.

The code asks for styles by these ids only; any template (the generated house template or a
genuine UNOG one) that defines them can be used with ``--template``. The measures are read from the
layout table (:mod:`cddraft.writers.docx.layout`), so a value is changed in one place.
"""

from __future__ import annotations

from cddraft.writers.docx import layout

HEADING_STYLES = {1: "HChG", 2: "H1G", 3: "H23G", 4: "H23G", 5: "H4G"}
BODY = "SingleTxtG"
BULLETS = {1: "Bullet1G", 2: "Bullet2G"}
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
HEADER = "Header"
FOOTER = "Footer"

#: Every style id the renderer uses; a template must define all of them.
REQUIRED = (
    "HChG", "H1G", "H23G", "H4G", "H56G", BODY, "Bullet1G", "Bullet2G",
    FOOTNOTE_TEXT, FOOTNOTE_REFERENCE, HEADER, FOOTER,
)  # fmt: skip

# Layout measures (twips), un-conventions.md §4.1 and §4.1a.
#: The 2 cm band left of the text where numbers hang: the body style's left indent.
BAND = layout.STYLES[BODY].ind["left"]
#: One indentation step (1 cm): the renderer's own measure (§4.1: the letter's first-line indent, the step
#: between subparagraph levels); no style of the template carries it.
STEP = 567
#: Text after "1." and after the first-level subparagraph marker: one step right of the band (§4.1: "1." +
#: TAB to 1701).
NUMBER_TAB = BAND + STEP
#: The page's text block: page width less the left and right margins.
TEXT_WIDTH = layout.PAGE.width - layout.MARGINS.left - layout.MARGINS.right
#: Where a footnote's number is right-aligned: the right tab of the footnote text style.
FOOTNOTE_NUMBER_TAB = next(pos for kind, pos in layout.STYLES[FOOTNOTE_TEXT].tabs if kind == "right")
