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

#: Every style id the writers put in a document (paragraph and character styles).
USED: tuple[str, ...] = tuple(_used)
#: The used styles the writer adds from the layout table when a ``--template`` lacks them.
ADDED_IF_MISSING: frozenset[str] = frozenset()
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
