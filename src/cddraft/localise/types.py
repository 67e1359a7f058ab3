"""The localised document: every string final and every number assigned, ready to render.

The render stage draws these; it never formats a date, chooses a word or counts a paragraph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from cddraft.model.inline import Footnote, Ref, Span


@dataclass(frozen=True)
class Marked:
    """Inline content inserted or deleted in a revision (``cddraft diff``): drawn as Word's ``w:ins``/``w:del``."""

    kind: Literal["ins", "del"]
    items: tuple[Span | Ref | Footnote, ...]


@dataclass(frozen=True)
class Restyled:
    """Words kept in a revision whose formatting changed; ``was`` is their formatting before (bold, italic, sup),
    drawn as Word's ``w:rPrChange``."""

    items: tuple[Span, ...]
    was: tuple[bool, bool, bool]


#: One item of localised inline content: an outline's span, reference or note; in a revised document, a revision.
LocalInline = Span | Ref | Footnote | Marked | Restyled
#: Localised inline content: references carry their number; a revised document's also its revisions. A sequence
#: (read, never changed in place), so a block takes an outline's spans as they are.
Spans = Sequence[LocalInline]


@dataclass(frozen=True)
class Script:
    """What the writers need of the version's language (and nothing else of its conventions)."""

    language: str  # cddraft's code: en, fr, zh …
    tag: str  # the version's language tag (document properties; the language of right-to-left runs)
    rtl: bool
    east_asian_font: str | None
    complex_font: str
    proofing: tuple[str, str, str]  # w:lang of Latin, East Asian and complex-script text
    iso639_2b: str = "eng"  # the language as Akoma Ntoso names it
    #: Characters Word and LibreOffice class by their neighbours (quotation marks) that this language sets
    #: full-width, in its East Asian font (Chinese “…”); empty where punctuation is Western.
    full_width: str = ""


@dataclass
class Heading:
    """A heading; ``level`` 1-5 picks HChG, H1G, H23G, H23G, H4G."""

    level: int
    spans: Spans
    number: str | None = None
    page_break: bool = False
    anchor: tuple[str, str] | None = None  # (id, the text a {ref:id} prints): bookmarked for a REF field
    toc: str | None = None  # the bookmark a contents table's page number refers to


@dataclass
class Para:
    """A body paragraph. ``role`` decides indentation: letter paragraphs indent their first line."""

    spans: Spans
    #: letter: first line indented; preamble: a resolution's organ formula and preambular paragraphs (indented so);
    #: sponsors: a line above a resolution's title; adoption: its meeting and date at the end (right-aligned)
    role: Literal["body", "letter", "quote", "item", "closing", "note", "preamble", "sponsors", "adoption"] = "body"
    number: str | None = None
    depth: int = 0
    align: Literal["both", "left", "right"] = "both"
    keep_next: bool = False  # a lead-in ("… the Conference:") stays on the page of its first item
    anchor: tuple[str, str] | None = None  # (id, the text a {ref:id} prints): bookmarked for a REF field
    indent: int = 0  # steps the number and the subparagraphs stand further in (a resolution's operative part)


@dataclass
class Bullet:
    level: int
    spans: Spans


@dataclass
class Signatures:
    """Signature blocks, each a list of lines, right-aligned (several may sit side by side)."""

    blocks: list[list[str]]
    side_by_side: bool = False
    names: list[str] = field(default_factory=list)  # each block's signatory, as the signed line names them


@dataclass
class ContentsEntry:
    """One line of a contents table: a heading's number and text, its paragraphs, and the bookmark of its page."""

    level: int  # 1 for the body's top headings
    number: str | None
    text: str
    paragraphs: str  # "1–5", "6", or "" where the body does not number its paragraphs
    bookmark: str


@dataclass
class ContentsTable:
    """The contents table at the start of a body: its heading, column heads and lines."""

    heading: str
    paragraphs: str
    page: str
    entries: list[ContentsEntry]


@dataclass
class TableCell:
    """One cell as printed: its spans (a head's in italic, a total's in bold, a number in the language's form, a
    note's call as its raised letter), the columns and rows it takes, and its alignment."""

    spans: Spans
    span: int = 1
    rows: int = 1
    align: Literal["left", "right", "center"] = "left"


@dataclass
class TableRow:
    cells: list[TableCell]
    head: bool = False  # a row of column heads: repeated at the top of every page the table runs over
    total: bool = False  # a rule above it
    revision: Literal["ins", "del"] | None = None  # a revised document's row inserted or deleted whole (its
    # cells' spans are then marked so too), drawn as Word's w:trPr/w:ins, w:del


@dataclass
class TableNote:
    """A line under a table: its source or general note (``spans`` start with the label: *Source*: …), or one of
    the notes its cells call (``call``: "a", set raised when ``raised``)."""

    spans: Spans
    call: str | None = None
    raised: bool = True
    kind: Literal["source", "note", "call"] = "call"  # what the line is: the source, the general note, a note


@dataclass
class Table:
    """A table (§6.10): "Table 1" (``label``), its title and unit line above, head rows then body rows, the
    columns' shares of the width (summing to 1), and the lines under it."""

    label: str | None
    title: Spans | None
    unit: Spans | None
    rows: list[TableRow]
    widths: list[float]
    notes: list[TableNote] = field(default_factory=list)
    width: Literal["text", "full", "landscape"] = "text"
    anchor: tuple[str, str] | None = None  # (id, the number a {ref:id} prints)
    number: str | None = None  # the number in ``label`` (what a corrigendum names the table by)


#: A block as localise makes it: what a revised document's :class:`Revised` blocks wrap.
Plain = Heading | Para | Bullet | Signatures | ContentsTable | Table


@dataclass
class Revised:
    """A block of a revised document (``cddraft diff``): inserted or deleted whole (``kind``: its runs and its
    paragraph mark), or kept in another form (``was``: the block as it was, whose paragraph properties are
    recorded as Word's ``w:pPrChange``)."""

    block: Plain
    kind: Literal["ins", "del"] | None = None
    was: Heading | Para | Bullet | None = None


Block = Plain | Revised


@dataclass
class BlockLine:
    """One line under the masthead; ``note`` is a footnote at the foot of page 1 whose mark (*) is called at
    ``note_at`` in the text ("Item 99 of the provisional agenda*" → "* A/71/150.")."""

    text: str
    bold: bool = False
    note: str | None = None
    note_at: int = 0


@dataclass
class SessionBlock:
    """The lines under the masthead, at the left (§12): the session, a committee, the meeting's place and dates,
    the agenda item(s) and their titles; ``right``: the Security Council's column of identical letters."""

    left: list[BlockLine]
    right: list[BlockLine] = field(default_factory=list)


@dataclass
class Masthead:
    symbol: str
    body: str
    united_nations: str | None
    lines: list[str]
    lines_in_version_script: bool = True  # False where the lines stay in English (ar, zh, ru)
    issued: dt.date | None = None  # the masthead date, also the file's creation date in its properties
    emblem: bool = False  # the UN emblem beside the body's name
    united_nations_wide: bool = False  # "United Nations" takes two columns to stay on one line (Russian)
    body_size: float = 20  # the body's name in points (a long name is set smaller); a line break parts two names
    was: Masthead | None = None  # a revised document's masthead as it was: what changed is drawn as revisions
    reissue: bool = False  # a reissue: the symbol takes a * (here, not in the running headers)
    reissue_note: str | None = None  # its note at the foot of page 1, called by that *


@dataclass
class Footer:
    """First-page footer: job line, barcode digits, QR payload and the recycle mark."""

    job_line: str | None
    barcode: str | None
    qr: str
    recycle: str


@dataclass
class Localised:
    script: Script
    masthead: Masthead
    footer: Footer
    title: str
    blocks: list[Block] = field(default_factory=list)
    title_note: Spans | None = None  # the title's footnote, marked * (§4.1a)
    session: SessionBlock | None = None  # the lines under the masthead (§12)
    title_spans: Spans | None = None  # a revised document's title with its revisions (the plain title: ``title``)
    kind: str = "report"  # letter, note-verbale, report, corrigendum, resolution, decision
    lead: list[Block] = field(default_factory=list)  # lines between the masthead's block and the title (sponsors)
