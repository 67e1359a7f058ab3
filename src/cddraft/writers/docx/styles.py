"""The style contract between cddraft and a Word template (UNOG "G" style ids), and the writers' measures.

The code asks for styles by these ids only; any template (the generated house template or a
genuine UNOG one) that defines them can be used with ``--template``. The measures are read from the
layout table (:mod:`cddraft.writers.docx.layout`), so a value is changed in one place.
"""

from __future__ import annotations

from cddraft.writers.docx import layout

_used: dict[str, None] = {}


def _use(style_id: str) -> str:
    """Register a style the writers put in documents (every style reference goes through here)."""
    if style_id not in layout.STYLES:
        raise KeyError(f"{style_id} is not defined in the layout table (writers/docx/layout.py)")
    _used.setdefault(style_id)
    return style_id


NORMAL = _use("Normal")  # the masthead's paragraphs
HEADING_STYLES = {1: _use("HChG"), 2: _use("H1G"), 3: _use("H23G"), 4: _use("H23G"), 5: _use("H4G")}
BODY = _use("SingleTxtG")
BULLETS = {1: _use("Bullet1G"), 2: _use("Bullet2G")}
FOOTNOTE_TEXT = _use("FootnoteText")
FOOTNOTE_REFERENCE = _use("FootnoteReference")
HEADER = _use("Header")
FOOTER = _use("Footer")
ORGAN_NAME = _use("XLargeG")  # the masthead's organ name, UNOG's 20-pt bold masthead style (§4.1a)
ORGAN_NAME_SIZE = layout.STYLES[ORGAN_NAME].size  # a longer name is set smaller, directly
# Formatting for which §4.1a attests no UNOG style stays direct, on purpose: the signature block (right-aligned
# or centred body lines, body.py), "United Nations" (14 pt) and the symbol (20 pt + 10 pt) in the masthead, the
# masthead's date lines (10 pt, part of its exact geometry) and the page number (bold 9 pt in an 8-pt footer).

#: Every style id the writers put in a document (paragraph and character styles).
USED: tuple[str, ...] = tuple(_used)
#: The used styles the writer adds from the layout table when a ``--template`` lacks them: styles for what
#: the writers used to format directly, which a template made before cddraft asked for them may not define.
ADDED_IF_MISSING: frozenset[str] = frozenset({ORGAN_NAME})
#: What a template must define; one that lacks any of these is refused.
REQUIRED: tuple[str, ...] = tuple(s for s in USED if s not in ADDED_IF_MISSING)

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
