"""The style contract between cddraft and a Word template: UNOG "G" style ids.

The code asks for styles by these ids only; any template (the generated house template or a
genuine UNOG one) that defines them can be used with ``--template``.
"""

from __future__ import annotations

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

# Layout measures of the UNOG template (twips), un-conventions.md §4.1 and §4.1a.
BAND = 1134  # the 2 cm band left of the text where numbers hang
NUMBER_TAB = 1701  # text after "1." and the first-level subparagraph marker
STEP = 567  # one indentation step (1 cm)
TEXT_WIDTH = 9639  # A4 width less 2 × 1134
FOOTNOTE_NUMBER_TAB = 1021  # right tab of FootnoteText in the UNOG template
