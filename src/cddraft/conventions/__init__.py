"""Per-language conventions, kept as data (``data/<code>.yaml``), one file per language.

Every string a language needs (masthead lines, title formula, signature form, annex heading,
numbering markers, quotation marks, fonts, direction) lives in its file with a confidence tag in a
comment, so an inferred value is corrected by changing one line there.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import BaseModel, ConfigDict, Field

from cddraft.cache import read_pickle, source_digest, write_pickle

#: What a resolution-like text is: a resolution or a decision.
TextKind = Literal["resolution", "decision"]


class _Data(BaseModel):
    # defer_build: a build reads the conventions kept in the user's cache (:func:`load_conventions`) and never
    # validates them, so the validators are only built (on first use) where conventions are read from their YAML.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Fonts(_Data):
    latin: str
    east_asian: str | None = None
    complex: str


class MastheadStrings(_Data):
    """The masthead's words in this language (the localised masthead is :class:`cddraft.localise.types.Masthead`)."""

    united_nations: str
    united_nations_wide: bool = False  # "United Nations" is long: it takes two columns to stay on one line
    distribution: dict[Literal["general", "limited", "restricted"], str]
    date_language: str
    version_line: str | None
    original: str
    language_names: dict[str, str]
    and_: str = Field(alias="and")  # joins several original languages


def join_names(names: list[str], conjunction: str) -> str:
    """``a``, ``a and b``, ``a, b and c``: language names joined as the masthead and annex notes write them."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + conjunction + names[-1]


class Dates(_Data):
    pattern: str
    first_of_month: str | None = None
    months: list[str] | None = Field(default=None, min_length=12, max_length=12)
    #: Two dates as a range ("23 April–4 May 2018"), the shortened one written with ``range_same_year`` or
    #: ``range_same_month`` where both share their year or month; ``range_shortens``: which date drops them.
    range: str
    range_same_year: str
    range_same_month: str
    range_shortens: Literal["start", "end"]


class Circulation(_Data):
    """The standard request for circulation; ``{document}`` is what the body's documents are called."""

    letter: str
    letter_with_annex: str
    joint_letter: str
    joint_letter_with_annex: str
    note_verbale: str
    note_verbale_with_annex: str


class LetterStrings(_Data):
    title: str
    transmitting: str
    note_verbale_transmitting: str
    note_verbale_title: str
    #: The bare article an addressee may be typed with, and what the formula needs instead (French le → au).
    addressee_contractions: dict[str, str] = {}
    #: How an addressee must begin where the formula does not supply the preposition (French au/à, Spanish al/a).
    addressee_prepositions: list[str] = []
    opening: str
    circulation: Circulation
    closing: list[str]
    signed: str
    signature_order: Literal["name_first", "titles_first"]
    required_phrases: list[str] = []


class AnnexStrings(_Data):
    heading: str
    heading_numbered: str
    original_note: str
    original_note_several: str | None = None  # where several languages change the note's grammar (Russian)
    language_names: dict[str, str]
    and_: str = Field(alias="and")


class BodyStrings(_Data):
    """A body's wording in one language (its other properties are in bodies.yaml: :mod:`.bodies`)."""

    name: str  # in the masthead; a line break separates two bodies' names; {year} from the symbol
    addressee: str  # of a letter, as the title formula takes it (French "au …", Russian genitive …)
    document: str  # what a letter is circulated as; {item}: the agenda item
    document_items: str | None = None  # ``document`` under several agenda items ({item}: "37 and 38")
    committee: str | None = None  # a Main Committee's name, printed under the session line (First Committee)


class Ordinals(_Data):
    """The CLDR rule set (unicode-rbnf) whose ordinal agrees with each noun (Russian сессия feminine, год
    masculine)."""

    session: str
    year: str


AgendaForm = Literal["items", "provisional_items", "preliminary_items", "meeting_items"]


class SessionStrings(_Data):
    """The lines under the masthead (§12): session or year, agenda item(s), place and dates. ``{Ordinal}`` is the
    ordinal in words with a capital, ``{ordinal}`` without; ``{star}`` is where a footnote's mark is called."""

    ordinals: Ordinals
    respell: list[tuple[str, str]] = []  # where the UN spells CLDR's ordinal words otherwise (French)
    session: str
    emergency_session: str
    year: str
    item: str
    items: str
    provisional_item: str
    provisional_items: str
    preliminary_item: str
    preliminary_items: str
    meeting_item: str
    meeting_items: str
    sub_item: str  # {number} and {letter}: 99 (kk), 99 kk)
    and_: str = Field(alias="and")
    separator: str
    dual: dict[AgendaForm, str] = {}  # two items, where the language has a dual (Arabic البندان)
    place_dates: str
    agenda_note: str  # the footnote naming the provisional agenda or preliminary list: {symbol}


class Numbering(_Data):
    paragraph: str
    headings: list[str] = Field(min_length=5, max_length=5)
    subparagraphs: list[str] = Field(min_length=2, max_length=2)


class Quotes(_Data):
    primary: tuple[str, str]
    secondary: tuple[str, str]


class Proofing(_Data):
    """The document's ``w:lang``: the proofing language of Latin, East Asian and complex-script text."""

    latin: str
    east_asian: str
    complex: str


class TextSetting(_Data):
    """How text of this language is set: what the writers do and the rules check."""

    spaces_next_to_cjk: Literal["drop", "keep"]
    full_width_punctuation: bool
    #: A character class of the letters of this language's own script (how a text in it is recognised);
    #: None for the Latin script, which several languages share.
    script: str | None = None
    footnote_call: Literal["after_punctuation", "before_punctuation"] | None


class Editorial(_Data):
    """Words of this language the editorial rules look for."""

    bold_allowed_under: list[str]
    first_person: str | None = None
    open_clause: str | None = None  # a clause in the sender that the title must close before the date (Russian)


#: The kinds of block a correction inserts or deletes whole.
Whole = Literal["paragraph", "heading", "subparagraph", "bullet", "footnote", "row"]


class Places(_Data):
    """Where a correction goes, as ``cddraft corrigendum`` writes it: in lower case (the line's first letter is
    capitalised), the annex first, then the place, then the sentence, joined by ``separator``."""

    separator: str
    title: str
    paragraph: str  # a numbered paragraph, {n} its number
    counted: str  # an unnumbered paragraph (a letter's), {n} counted from the first
    preambular: str  # a resolution's preambular paragraph: {ordinal} (one of ``ordinals``) or {n}
    text_after: str  # unnumbered text between numbered paragraphs, after paragraph {n}
    subparagraph: str  # {paragraph}: the paragraph's place, {marker}: "(a)", "(a) (i)"
    bullet: str
    footnote: str
    heading: str  # a numbered heading, {number} as printed without its final point
    heading_text: str  # an unnumbered heading, by its {text}
    signature: str
    table: str  # a table by its number, {n}
    row: str  # a row of a table by its first cell's {text}
    column: str  # a column of a table by its head's {text} (or its number)
    unit: str  # the unit line under a table's title
    source: str  # the source under a table
    note: str  # the general note under a table
    table_note: str  # a note a table's cells call, by its {call}
    sentence: str  # {ordinal}: one of ``ordinals``
    last_sentence: str
    ordinals: list[str] = Field(min_length=1)


class CorrigendumStrings(_Data):
    """A corrigendum's heading and the forms of its corrections: markup, with the outline's texts in {old},
    {new} and {after}."""

    heading: str
    for_read: str
    delete: str
    insert: str
    insert_after: str
    insert_whole: dict[Whole, str]  # a new block after the place named ({new}; a footnote: {after} too)
    delete_whole: dict[Whole, str]  # the block at the place named, deleted
    places: Places


class ContentsStrings(_Data):
    """The contents table's heading and the heads of its two columns."""

    heading: str
    paragraphs: str
    page: str


class TableStrings(_Data):
    """A table's labels (the "Table 1" line, the words before its source and note), how its note calls, heads
    and labels are set, and how a number in a number column is written (issue 27, §6.10)."""

    label: str  # "Table {1}": a numbering template (:mod:`cddraft.localise.numbering`)
    source: str
    sources: str  # the label when the source names several (a line break or "; " in it)
    note: str
    notes: str
    colon: str  # after a label: ": ", French "\u00a0: ", Chinese "："
    italic_labels: bool  # *Source*: (not in Chinese)
    italic_heads: bool  # column heads in italic (not in Chinese)
    call: str  # a note's call in a cell, a numbering template: "{a}", Arabic "({ar_abjad})"
    call_raised: bool  # the call before the note's text under the table is superscript too (Arabic: "(أ)")
    decimal: str
    group: str  # between groups of three digits, from four digits on: a no-break space keeps the number whole
    negative: str  # "({n})": how a negative number is written, {n} its digits
    percent: str  # "{n}%", French "{n}\u00a0%"
    nil: str  # a cell with nothing to report: "–" (Chinese "—")


class ResolutionStrings(_Data):
    """Resolutions and decisions (§13): how the opening phrases are set, the punctuation that ends each part, the
    draft's label and its sponsors' line, the organs' formulas, an adopted text's heading and closing lines, and
    the patterns ``check`` tells the opening phrases by (none where the language's forms cannot be told so)."""

    opener: dict[Literal["bold", "italic"], bool]  # the emphasised opening words: italic; Chinese bold; Arabic both
    organ_end: str  # after the organ's name when a preamble follows
    preamble_end: str
    operative_end: str
    last_end: str  # the last operative paragraph's
    chapeau_end: str  # a paragraph introducing subparagraphs
    label: dict[TextKind, str]  # "draft resolution"
    revised_label: dict[TextKind, str]  # "revised draft resolution"
    sponsored: str  # the sponsors' line: {sponsors}, {label}
    submitted: str  # a draft someone submits: {label}, {Label} (capitalised), {by}
    separator: str  # between sponsors
    and_: str = Field(alias="and")  # before the last sponsor
    organs: dict[str, str]  # the formula's organ by body code; a body missing here needs the outline's `organ:`
    adopted_heading: dict[TextKind, str]  # an adopted General Assembly text: {date}
    on_report: str  # {report}
    meeting: str  # {n} the meeting's number, {suffix} its ordinal ending (``ordinal_suffix``)
    ordinal_suffix: dict[str, str]  # by CLDR's ordinal plural category of the number: one, two, few, other
    number: str  # an adopted text's number before its title: {number}
    preamble_opener: str | None = None  # a regular expression the preambular paragraphs' openings match
    operative_opener: str | None = None  # and the operative paragraphs'
    #: citations of resolutions not in their standard form: a regular expression and the message ({0}, {1}: its
    #: groups), for ``check`` (CD519)
    reference_faults: list[tuple[str, str]] = []


class Conventions(_Data):
    """Everything language-specific that the localise and render stages need."""

    code: str
    locale: str
    lang_tag: str
    iso639_2b: str  # the language in Akoma Ntoso IRIs (eng, fre, chi …)
    direction: Literal["ltr", "rtl"]
    job_letter: str
    fonts: Fonts
    masthead: MastheadStrings
    dates: Dates
    letter: LetterStrings
    annex: AnnexStrings
    numbering: Numbering
    sequences: dict[str, list[str]] = {}
    quotes: Quotes
    recycle: str
    proofing: Proofing
    text: TextSetting
    editorial: Editorial
    bodies: dict[str, BodyStrings]
    corrigendum: CorrigendumStrings
    contents: ContentsStrings
    tables: TableStrings
    session: SessionStrings
    reissued: str  # the note at the foot of page 1 of a reissue, called by the symbol's *: {date}
    resolution: ResolutionStrings

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


#: What the validated conventions follow from: the six files and the code that reads them (a change to any is
#: another cache name).
_SOURCES = (("cddraft.conventions", "data/*.yaml"), ("cddraft.conventions", "__init__.py"),
            ("cddraft.conventions", "bodies.py"))


@cache
def load_conventions(code: str) -> Conventions:
    """The conventions of one language (``en``, ``fr`` …), read once per process.

    Validated once and kept in the user's cache folder (:mod:`cddraft.cache`): reading the YAML and validating it
    takes a build 5 ms a language, and building the validators 30 ms, where the kept objects load in well under
    one (bench/README.md, "Start-up")."""
    name = f"conventions-{code}-{conventions_digest()}.pickle"
    kept = read_pickle(name)
    if isinstance(kept, Conventions):
        return kept
    conv = read_conventions(code)
    write_pickle(name, conv, replacing=f"conventions-{code}-*.pickle")
    return conv


def read_conventions(code: str) -> Conventions:
    """The conventions of one language read from their YAML and validated (no cache)."""
    text = resources.files("cddraft.conventions").joinpath("data", f"{code}.yaml").read_text("utf-8")
    return Conventions.model_validate(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


@cache
def conventions_digest() -> str:
    """What the validated conventions are kept under; a result worked out from them is kept under it too."""
    return source_digest(_SOURCES, PYDANTIC_VERSION)  # pickles hold pydantic's own state


def english_name(code: str) -> str:
    """A language's English name (``fr`` → French), for messages."""
    return load_conventions("en").masthead.language_names.get(code, code)
