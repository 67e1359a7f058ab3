"""The typed outline: one document (a letter, note verbale, report, corrigendum, resolution or decision) and its
annexes.

The classes here give the document its shape; the values they hold are checked by the types of
:mod:`cddraft.model.fields` (a symbol, a job number …) and what ties values together by :mod:`cddraft.model.coherence`.
Dates are real dates here and are formatted by the localise stage; nothing in this module knows how any language
writes anything.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from cddraft.conventions import Whole
from cddraft.conventions.bodies import BodyMatch, body_of
from cddraft.languages import Language
from cddraft.model.base import Model
from cddraft.model.blocks import Block, Kind, TextBody
from cddraft.model.dates import Date
from cddraft.model.fields import (
    BodyName,
    CirculationRequest,
    FlagOrSymbol,
    JobNumber,
    Originals,
    Phrase,
    QrPayload,
    Session,
    Symbol,
)
from cddraft.model.markup import NoteText, PlainText, Text
from cddraft.model.resolution import Resolution
from cddraft.model.session import AgendaItems, AgendaTitles, Meeting
from cddraft.model.table import Table


class Signatory(Model):
    """One signature block: the name, the title lines, and the country."""

    name: PlainText
    titles: list[PlainText] = Field(default=[])
    country: str | None = Field(default=None, description="English short name (to order signatories by country "
                                "when asked)")


_TITLE_NOTE = ("a footnote to the title, marked * (§4.1a), e.g. 'Circulated in the language of submission only.' "
               "(a reissue's note is `reissued:`)")


def _letter_block(value: Any) -> str:
    return "table-block" if isinstance(value, dict) and "table" in value else "para"


#: A letter's paragraph, or a table among its paragraphs.
LetterBlock = Annotated[Annotated[Text, Tag("para")] | Annotated[Table, Tag("table-block")],
                        Discriminator(_letter_block)]


class Letter(Model):
    """A letter (signed) or a note verbale (unsigned, third person) transmitting its annexes."""

    date: Date = Field(description="the sender's date, shown in the title")
    sender: PlainText = Field(description="as it reads in the title, e.g. 'the Permanent Representative of …'")
    addressee: PlainText | None = Field(default=None, description="default: the conventions' addressee")
    transmits: PlainText | None = Field(default=None, description="what the letter transmits, for the title")
    title: PlainText | None = Field(default=None, description="the whole title, when the formula cannot fit")
    title_note: NoteText | None = Field(default=None, description=_TITLE_NOTE)
    phrases: dict[Literal["transmitting"], Phrase] = Field(
        default={}, description="grammar-dependent pieces of the title, in this version's language; "
        "`transmitting` replaces the conventions' clause, with {object} where `transmits` goes")
    paragraphs: list[LetterBlock] = Field(min_length=1, description="the letter's paragraphs; a table among them "
                                          "is written as in a report's content (`- table: …`)")
    circulation_request: CirculationRequest = True
    closing: Text | None = Field(default=None, description="the last paragraph, printed after the request for "
                                 "circulation: a note verbale's complimentary close (\"… avails itself of this "
                                 "opportunity to renew …\")")
    signatories: list[Signatory] = Field(default=[])
    signatory_order: Literal["as_given", "by_country"] = Field(
        default="as_given", description="as_given: the signature blocks in the outline's order (the senders' in the "
        "title); by_country: in the English alphabetical order of their countries")
    side_by_side: bool = False


class Report(TextBody):
    """A report under its own symbol (or the model of an annexed report)."""

    title: PlainText | None = None  # printed as one plain line: no footnote or {ref:} can show there
    title_note: NoteText | None = Field(default=None, description=_TITLE_NOTE)


class Annex(TextBody):
    """An annex: starts on a new page, with its heading and original-language note."""

    numbered_paragraphs: bool = False
    numbered_headings: bool = False
    original_language: Originals | None = None


class Correction(Model):
    """One correction of a corrigendum: where, and one of *For* … *read* …, *Delete* …, *Insert* … (*after* …),
    or a whole paragraph, heading, subparagraph, bullet or footnote inserted or deleted."""

    where: PlainText = Field(description="the place corrected, e.g. 'Paragraph 5, second sentence'")
    for_: Text | None = Field(default=None, alias="for", description="the text as issued (with `read:`)")
    read: Text | None = Field(default=None, description="the text as corrected (with `for:`)")
    delete: Text | None = Field(default=None, description="the text to delete")
    insert: Text | None = Field(default=None, description="the text to insert (with `after:`, where)")
    after: Text | None = Field(default=None, description="the text after which `insert:` goes")
    whole: Whole | None = Field(
        default=None, description="a whole block: with `insert:`, a new one after the place named (a footnote: "
        "after `after:`); alone, the one at the place deleted")


class Corrigendum(Model):
    """A corrigendum (``kind: corrigendum``): the title of the corrected document and the numbered corrections."""

    corrects: PlainText = Field(description="the title of the corrected document, as issued")
    corrections: list[Correction] = Field(min_length=1)


class CheckOptions(Model):
    """Editorial rules to switch off for this outline (``cddraft check --list-rules`` names them)."""

    disable: list[str] = Field(default=[], description="rule codes (CD506), prefixes (CD5) or names")


class Document(Model):
    """A document as the outline describes it; its body (CD, Security Council, BWC …) is told by its symbol."""

    kind: Kind = "letter"
    symbol: Symbol
    language: Language = "en"
    original_language: Originals | None = None
    date: Date = Field(description="masthead date (submission to the Documents Management Section)")
    distribution: Literal["none", "general", "limited", "restricted"] | None = Field(
        default=None, description="the masthead's Distr. line; default: the body's (none for the CD)")
    body: BodyName | None = Field(default=None, description="the body's name in the masthead; default: the name of "
                                  "the body the symbol belongs to")
    united_nations: bool | None = Field(default=None, description="print 'United Nations' in the masthead; "
                                        "default: as the body's documents do")
    session: Session | None = Field(
        default=None, description="the session printed under the masthead: its number (71: 'Seventy-first "
        "session'), or the line as printed ('Seventeenth Meeting'); default: the symbol's (A/71/…, PC.II)")
    agenda_item: AgendaItems | None = Field(
        default=None, description="the agenda item(s) the document is issued under, e.g. 99, 98 (c) or [37, 38]; "
        "printed under the masthead, and named in a letter's request for circulation")
    agenda_title: AgendaTitles | None = Field(default=None, description="the item's title as the agenda gives it "
                                              "(one per item), printed under its number")
    provisional_agenda: FlagOrSymbol | None = Field(
        default=None, description="the item is on the provisional agenda: true, or the provisional agenda's symbol "
        "(e.g. A/71/150), printed in a footnote called by *")
    preliminary_list: str | None = Field(default=None, description="the item is on the preliminary list, whose "
                                         "symbol (e.g. A/71/50) is printed in a footnote called by *")
    meeting: Meeting | None = Field(default=None, description="the place and dates of the meeting, printed under "
                                    "the masthead (conferences, preparatory committees, meetings of States parties)")
    reissued: Date | None = Field(default=None, description="a reissue: the date it was reissued; the symbol takes "
                                  "its * and page 1 the note 'Reissued for technical reasons on …'")
    job_number: JobNumber | None = None
    footer_stamps: list[Date] = Field(default=[], max_length=2)
    qr: QrPayload | None = Field(default=None, description="QR payload; default https://undocs.org/<symbol>")
    letter: Letter | None = None
    report: Report | None = None
    corrigendum: Corrigendum | None = None
    resolution: Resolution | None = Field(default=None, description="a resolution's or decision's text "
                                          "(`kind: resolution`, `kind: decision`)")
    annexes: list[Annex] = Field(default=[])
    table_numbering: Literal["document", "annex"] = Field(
        default="document", description="tables numbered through the document (Table 1, 2 … in the annexes too), "
        "or afresh in each annex")
    check: CheckOptions = CheckOptions()

    @property
    def originals(self) -> tuple[str, ...]:
        """The language(s) the document was submitted in."""
        return self.original_language or (self.language,)

    @property
    def original(self) -> str:
        """The (first) language the document was submitted in."""
        return self.originals[0]

    @property
    def agenda_items(self) -> list[str]:
        """The agenda item(s), none when the outline gives none."""
        return list(self.agenda_item or [])

    @property
    def served_by(self) -> BodyMatch:
        """The body the symbol belongs to (validation has made sure there is one)."""
        found = body_of(self.symbol)
        assert found is not None
        return found


__all__ = ["Annex", "Block", "Document", "Letter", "Report", "Signatory", "Text"]
