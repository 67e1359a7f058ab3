"""The house layout as data: page set-up, paragraph and character styles, bullets and fonts.

One table for every place that needs these values: ``scripts/make_house_template.py`` writes it out as
``templates/house.docx``, the .docx writer draws with it (:mod:`cddraft.writers.docx`), and the Word reader
recognises the indents it gives (:mod:`cddraft.readers.word.classify`); so a value is changed here and nowhere
else. The values are those of the UNOG "G" template as read from a
genuine Geneva document (un-conventions.md §4.1a, tag S) unless a comment says otherwise.

Units: sizes in points; indents, spacing, tabs and page measures in twips (1/20 pt; 567 twips = 1 cm).
Spacing and indent keys are the WordprocessingML attribute names, written in the order given.

Pure data and the standard library only: the generator loads this file by path, without the package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypedDict


@dataclass(frozen=True)
class Page:
    """``w:pgSz``: the paper (``code`` 9 is A4 in Word's printer paper list)."""

    width: int
    height: int
    code: int


@dataclass(frozen=True)
class Margins:
    """``w:pgMar``, in the attribute order Word writes."""

    top: int
    right: int
    bottom: int
    left: int
    header: int
    footer: int
    gutter: int


@dataclass(frozen=True)
class Style:
    """One style definition; paragraph properties are ignored for a character style."""

    id: str  # the styleId documents refer to
    name: str  # the name Word shows
    kind: Literal["paragraph", "character"] = "paragraph"
    alias: str | None = None  # w:aliases, the short name UNOG types in Word's style box
    default: bool = False
    gallery: bool = False  # w:qFormat: listed in Word's style gallery
    next: str | None = None  # the style of the paragraph Word starts after this one
    # run properties
    font: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    # paragraph properties
    keep_next: bool = False
    keep_lines: bool = False
    num_id: int | None = None  # bullet numbering (see BULLET)
    border_bottom: bool = False  # a thin rule under the paragraph
    tabs: tuple[tuple[str, int], ...] = ()  # (alignment, position)
    suppress_auto_hyphens: bool = False
    spacing: Mapping[str, int | str] = field(default_factory=dict)
    ind: Mapping[str, int] = field(default_factory=dict)
    jc: str | None = None
    outline_level: int | None = None  # w:outlineLvl: 0 = the navigation pane's top level (Word's "Heading 1")
    based_on: str = "Normal"


@dataclass(frozen=True)
class Bullet:
    """The bullet of the list styles (both levels); its indents are those of the style that uses it."""

    symbol: str
    font: str


@dataclass(frozen=True)
class TableLayout:
    """Tables (§6.10): their text size, the left indent and width of each width a table may take, the rules
    (w:sz, eighths of a point) at the top, under the column heads, at the bottom and above a total row, and
    the cells' left and right margins (twips)."""

    size: float
    indent: Mapping[str, int]
    width: Mapping[str, int]
    rule_top: int
    rule_head: int
    rule_bottom: int
    rule_total: int
    rule_spanner: int
    cell_margin: int


@dataclass(frozen=True)
class EndRule:
    """The short rule centred under the last line of a UN document: underlined tabs in a centred paragraph."""

    tabs: int  # default tab stops underlined: the rule's length
    before: int  # space above it; centred in the text column of the body style (SingleTxtG)


@dataclass(frozen=True)
class SessionBlockLayout:
    """The lines under the masthead (session, agenda item and title): a column at the left margin."""

    width: int  # the column's width: its lines wrap there
    before: int  # space above the first line (below the masthead's rule)
    after: int  # space below the last line (the title's own space follows)


@dataclass(frozen=True)
class MastheadLayout:
    """The page-1 masthead: a table anchored to the page (§4.1a), its columns and the heights of its two rows."""

    columns: tuple[int, ...]  # [emblem] [United Nations | name] [name] [symbol | date lines]
    top_row: int  # "United Nations" and the symbol, over the thin rule
    name_row: int  # the body's name and the date lines, over the thick rule
    x: int  # the table's place on the page (w:tblpX, w:tblpY)
    y: int
    name_line: float  # the name's line height for its size in points (twips a point)
    name_gap: int  # the right indent that keeps a long name 0.5 cm short of the date lines


@dataclass(frozen=True)
class SeparatorLayout:
    """The footnote separator: a rule drawn by an underlined tab, indented as UNOG documents show it."""

    rule_end: int  # the right tab the underlined tab runs to
    indent: int
    after: int


# --- Page set-up (§4.1a, S): A4, margins, header and footer distances. ---------------------------------
PAGE = Page(width=11907, height=16840, code=9)
MARGINS = Margins(top=1418, right=1134, bottom=1134, left=1134, header=851, footer=567, gutter=0)

# --- Paragraph styles (§4.1a, S). ----------------------------------------------------------------------
class _HeadingProperties(TypedDict):
    """What the UNOG headings share, passed to :class:`Style` as keywords (typed: each checks against its field)."""

    next: str
    keep_next: bool
    keep_lines: bool
    tabs: tuple[tuple[str, int], ...]
    ind: Mapping[str, int]


_HEADING: _HeadingProperties = {"next": "SingleTxtG", "keep_next": True, "keep_lines": True, "tabs": (("right", 851),),
            "ind": {"left": 1134, "right": 1134, "hanging": 1134}}
#: Word's built-in "heading 1"… styles, holding only their outline level: the UNOG headings are based on them, so
#: that readers which know headings by these names (pandoc, screen readers' heading lists) see them (I: §4.1a
#: records no outline level for the UNOG headings; docs/un-conventions.md §4.1b).
BUILT_IN_HEADINGS: tuple[Style, ...] = tuple(
    Style(f"Heading{n}", f"heading {n}", outline_level=n - 1) for n in range(1, 6))
PARAGRAPH_STYLES: tuple[Style, ...] = (
    Style("Normal", "Normal", default=True, gallery=True, size=10, suppress_auto_hyphens=True,
          spacing={"line": 240, "lineRule": "atLeast"}),
    *BUILT_IN_HEADINGS,
    Style("HChG", "_ H _Ch_G", gallery=True, size=14, bold=True, **_HEADING, outline_level=0, based_on="Heading1",
          spacing={"before": 360, "after": 240, "line": 300, "lineRule": "exact"}),
    Style("H1G", "_ H_1_G", gallery=True, size=12, bold=True, **_HEADING, outline_level=1, based_on="Heading2",
          spacing={"before": 360, "after": 240, "line": 270, "lineRule": "exact"}),
    Style("H23G", "_ H_2/3_G", gallery=True, size=10, bold=True, **_HEADING, outline_level=2, based_on="Heading3",
          spacing={"before": 240, "after": 120, "line": 240, "lineRule": "exact"}),
    Style("H4G", "_ H_4_G", size=10, italic=True, **_HEADING, outline_level=3, based_on="Heading4",
          spacing={"before": 240, "after": 120, "line": 240, "lineRule": "exact"}),
    Style("H56G", "_ H_5/6_G", size=10, **_HEADING, outline_level=4, based_on="Heading5",
          spacing={"before": 240, "after": 120, "line": 240, "lineRule": "exact"}),
    Style("SingleTxtG", "_ Single Txt_G", gallery=True, size=10, spacing={"after": 120},
          ind={"left": 1134, "right": 1134}, jc="both"),
    Style("Bullet1G", "_Bullet 1_G", size=10, num_id=1, tabs=(("left", 1701),), spacing={"after": 120},
          ind={"left": 1701, "right": 1134, "hanging": 170}, jc="both"),
    Style("Bullet2G", "_Bullet 2_G", size=10, num_id=2, tabs=(("left", 2268),), spacing={"after": 120},
          ind={"left": 2268, "right": 1134, "hanging": 170}, jc="both"),
    Style("FootnoteText", "footnote text", alias="5_G", size=9, tabs=(("right", 1021),),
          spacing={"line": 220, "lineRule": "exact"}, ind={"left": 1134, "right": 1134, "hanging": 1134}),
    Style("Header", "header", alias="6_G", size=9, bold=True, border_bottom=True,
          spacing={"line": 240, "lineRule": "auto"}),
    Style("Footer", "footer", alias="3_G", size=8, spacing={"line": 240, "lineRule": "auto"}),
    # The masthead's organ name (§4.1a: "SMG/XLargeG 20 bold"; keepNext, keepLines, before/after 240,
    # ind 1134/1134). §4.1a records the id, not the name Word shows: the name here is the id (I).
    Style("XLargeG", "XLargeG", size=20, bold=True, keep_next=True, keep_lines=True,
          spacing={"before": 240, "after": 240}, ind={"left": 1134, "right": 1134}),
    # A table's caption above it (§6.8): "Table 1", the title in bold, the unit line in italic; in the text column
    # as SingleTxtG, each kept with what follows so that a caption never ends a page (U: no source defines UNOG
    # table styles; the measures are the body's, 12 pt above the label as above a H23G heading). The writer gives
    # the last caption paragraph its 6 pt below when the style's is not the last's (a title under which a unit line
    # follows; a label alone).
    Style("TableNoG", "_ Table No_G", size=10, keep_next=True, keep_lines=True, next="TableTitleG",
          spacing={"before": 240, "after": 0}, ind={"left": 1134, "right": 1134}),
    Style("TableTitleG", "_ Table Title_G", size=10, bold=True, keep_next=True, keep_lines=True, next="SingleTxtG",
          spacing={"after": 120}, ind={"left": 1134, "right": 1134}),
    Style("TableUnitG", "_ Table Unit_G", size=10, italic=True, keep_next=True, keep_lines=True, next="SingleTxtG",
          spacing={"after": 120}, ind={"left": 1134, "right": 1134}),
    # The text of a table's cells (§6.8): 9 pt as the notes under the table (I), single spacing, 2 pt above and
    # below so that the rules do not touch the text (U); no indent: the cell margins keep the text off the edges.
    Style("TableTextG", "_ Table Text_G", size=9, spacing={"before": 40, "after": 40, "line": 240, "lineRule": "auto"}),
)

# --- Character styles (§4.1a, S). ----------------------------------------------------------------------
CHARACTER_STYLES: tuple[Style, ...] = (
    Style("DefaultParagraphFont", "Default Paragraph Font", kind="character", default=True),
    Style("FootnoteReference", "footnote reference", kind="character", alias="4_G", size=9, superscript=True,
          font="Times New Roman"),
)

#: Every style by id.
STYLES: Mapping[str, Style] = {s.id: s for s in (*PARAGRAPH_STYLES, *CHARACTER_STYLES)}

# --- Bullets (§4.1a, S): both levels "•" in Times New Roman, at the indents of Bullet1G and Bullet2G. ---
BULLET = Bullet(symbol="•", font="Times New Roman")

# --- The masthead (§4.1a, S): 1276 + 2268 + 3260 + 2835 twips; rows 1.5 cm and 5 cm; 2 cm from the left, 0.5 cm
# from the top of the page; the name's lines 21 twips a point (420 at 20 pt). -------------------------------
MASTHEAD = MastheadLayout(columns=(1276, 2268, 3260, 2835), top_row=851, name_row=2835, x=1134, y=284,
                          name_line=21, name_gap=284)

# --- The footnote separator (§4.1a, S): a rule from the 1.2 cm indent to 3.8 cm, 4 pt above the notes. ------
FOOTNOTE_SEPARATOR = SeparatorLayout(rule_end=2155, indent=680, after=80)

# --- The lines under the masthead (§12, I): 9 cm, the width at which issued General Assembly documents wrap an
# agenda item's title ("General and complete disarmament: implementation of the" fills a line). -------------
SESSION_BLOCK = SessionBlockLayout(width=5103, before=120, after=0)

# --- The end of a document (§4.1c, I): three underlined default tabs (3 cm at UNOG's 1-cm stops), centred. --
END_RULE = EndRule(tabs=3, before=240)
#: Space above a draft resolution's sponsors' line, which stands apart from the agenda item's title above it (I §13).
SPONSORS_BEFORE = 240

# --- Fonts: which font each script is set in is the conventions' (``fonts:`` of each language, §4.1a); the
# house template's defaults are the English version's, with the Chinese version's East Asian font. What Word's
# font table says of each font (its family, a localised name) is a property of the font, kept here, in the
# order the table lists them; the template's generator refuses a conventions font missing from it. ----------
FONT_TABLE: Mapping[str, tuple[str, str | None]] = {
    "Times New Roman": ("roman", None),
    "SimSun": ("auto", "宋体"),
    "Simplified Arabic": ("roman", None),
}


# --- Measures derived from the table (twips), un-conventions.md §4.1 and §4.1a. ------------------------------
#: The 2 cm band left of the text where numbers hang: the body style's left indent.
BAND = STYLES["SingleTxtG"].ind["left"]
#: One indentation step (1 cm): the renderer's own measure (§4.1: the letter's first-line indent, the step
#: between subparagraph levels); no style of the template carries it.
STEP = 567
#: Text after "1." and after the first-level subparagraph marker: one step right of the band (§4.1: "1." +
#: TAB to 1701).
NUMBER_TAB = BAND + STEP
#: The page's text block: page width less the left and right margins.
TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right
#: Tables (§6.10): 9 pt as the notes under them (I); in the text column (2 cm in, 13 cm wide: S, 18 of the UN's
#: tables measured), across the text block, or across a landscape page's; horizontal rules only, ½ pt at the
#: top, 1½ pt under the heads and at the bottom, ½ pt above a total (S, §6.10).
TABLE = TableLayout(size=9, indent={"text": BAND, "full": 0, "landscape": 0},
                    width={"text": TEXT_WIDTH - 2 * BAND, "full": TEXT_WIDTH,
                           "landscape": PAGE.height - MARGINS.left - MARGINS.right},
                    rule_top=4, rule_head=12, rule_bottom=12, rule_total=4, rule_spanner=4, cell_margin=57)
#: Where a footnote's number is right-aligned: the right tab of the footnote text style.
FOOTNOTE_NUMBER_TAB = next(pos for kind, pos in STYLES["FootnoteText"].tabs if kind == "right")
