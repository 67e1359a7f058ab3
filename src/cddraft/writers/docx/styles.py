"""The style contract between cddraft and a Word template (UNOG "G" style ids), and the writers' measures.

The code asks for styles by these ids only; any template (the generated house template or a
genuine UNOG one) that defines them can be used with ``--template``. The measures are read from the
layout table (:mod:`cddraft.layout`), so a value is changed in one place.
"""

from __future__ import annotations

from cddraft import layout

_used: dict[str, None] = {}


def _use(style_id: str) -> str:
    """Register a style the writers put in documents (every style reference goes through here)."""
    if style_id not in layout.STYLES:
        raise KeyError(f"{style_id} is not defined in the layout table (cddraft/layout.py)")
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
# A table (§6.10): "Table 1", its title and unit line above it, the text of its cells; the lines under it are
# FootnoteText, as the UN sets them.
TABLE_NUMBER = _use("TableNoG")
TABLE_TITLE = _use("TableTitleG")
TABLE_UNIT = _use("TableUnitG")
TABLE_TEXT = _use("TableTextG")
# Formatting for which §4.1a attests no UNOG style stays direct, on purpose: the signature block (right-aligned
# or centred body lines, body.py), "United Nations" (14 pt) and the symbol (20 pt + 10 pt) in the masthead, the
# masthead's date lines (10 pt, part of its exact geometry) and the page number (bold 9 pt in an 8-pt footer).

#: Every style id the writers put in a document (paragraph and character styles).
USED: tuple[str, ...] = tuple(_used)
#: The used styles the writer adds from the layout table when a ``--template`` lacks them: styles for what
#: the writers used to format directly, which a template made before cddraft asked for them may not define.
ADDED_IF_MISSING: frozenset[str] = frozenset({ORGAN_NAME, TABLE_NUMBER, TABLE_TITLE, TABLE_UNIT, TABLE_TEXT})
#: What a template must define; one that lacks any of these is refused.
REQUIRED: tuple[str, ...] = tuple(s for s in USED if s not in ADDED_IF_MISSING)

# The layout measures the writers use, defined in the layout table (one definition, shared with the reader).
BAND, STEP, NUMBER_TAB = layout.BAND, layout.STEP, layout.NUMBER_TAB
TEXT_WIDTH, FOOTNOTE_NUMBER_TAB = layout.TEXT_WIDTH, layout.FOOTNOTE_NUMBER_TAB
