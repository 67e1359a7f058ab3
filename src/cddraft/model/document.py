"""The typed outline: one document (letter, note verbale or report) of a body served in Geneva, and its annexes.

Dates are real dates here and are formatted by the localise stage; nothing in this module knows
how any language writes anything.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator

from cddraft.conventions.bodies import BodyMatch, bodies, body_of, closest_examples
from cddraft.languages import Language
from cddraft.model import markup
from cddraft.model.blocks import Block, Body, Kind, Model
from cddraft.model.dates import Date
from cddraft.model.inline import check_characters
from cddraft.model.markup import Markup, NoteText, PlainText, Text
from cddraft.model.session import AgendaItems, AgendaTitles, Meeting

# [0-9], not \d: \d takes any script's digits (GE.１７-…), which the Code 39 barcode and the QR address cannot.
#: A job number: Geneva's GE.yy-nnnnn or New York's yy-nnnnn (§2.1), a final * for a reissue.
JOB_RE = re.compile(r"^(?:GE\.)?([0-9]{2})-([0-9]{5})\*?$")


def _ascii_digits(value: str, what: str) -> None:
    """Refuse digits of other scripts (full-width ２０１７, Arabic-Indic ٢٠١٧), saying what to write instead."""
    if any(ch.isdigit() and not ch.isascii() for ch in value):
        ascii_form = "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in value)
        raise ValueError(f"{value!r} has digits of another script; write the {what} with the digits 0-9: "
                         f"{ascii_form}")


def _symbol(value: str) -> str:
    _ascii_digits(value, "symbol")
    if body_of(value) is None:
        near = closest_examples(value)
        hint = (f"did you mean one like {' or '.join(near)}?" if near else
                f"symbols look like {', '.join(b.example for b in bodies().values())}")
        raise ValueError(f"{value!r} is not a document symbol of a body cddraft knows; {hint} (optionally followed "
                         "by /Rev.1, /Corr.1 or /Add.1 and a final * for a reissue)")
    return value


def _job(value: str) -> str:
    _ascii_digits(value, "job number")
    if not JOB_RE.match(value):
        raise ValueError(f"{value!r} is not a job number; write GE.yy-nnnnn (Geneva, e.g. GE.17-16166) or yy-nnnnn "
                         "(New York, e.g. 24-01234)")
    return value


def _languages(value: object) -> object:
    """One original language (``en``) or several (``[zh, ru]``): always a tuple for the model."""
    if isinstance(value, str):
        return (value,)
    return tuple(value) if isinstance(value, list) else value


def _flag_or_text(value: object) -> object:
    """Outline scalars arrive as text: ``true``/``false`` mean the switch, anything else is wording."""
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return value.strip().lower() in ("true", "yes")
    return value


def _number_or_text(value: object) -> object:
    """A session given by its number (``71``) or as the line is printed (``Seventeenth Meeting``)."""
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        return int(value.strip())
    return value


def _circulation(value: object) -> bool | Markup:
    """``circulation_request``: a switch (true/false) or the wording of the request (markup allowed)."""
    if isinstance(value, bool | Markup):
        return value
    if isinstance(value, str) and value.strip():
        flag = _flag_or_text(value)
        if isinstance(flag, bool):
            return flag
        return markup.text(value.strip())
    found = {dict: "a mapping", list: "a list", str: "an empty value"}.get(type(value), "nothing")
    raise ValueError(f"write true, false or the wording of the request, not {found}")


#: The masthead body is a name ("Conference on Disarmament"); Word's document properties hold 255.
MAX_BODY_CHARS = 255


def _body(value: Markup) -> Markup:
    if len(value.raw) > MAX_BODY_CHARS:
        raise ValueError(f"the name of the body is {len(value.raw):,} characters long; at most {MAX_BODY_CHARS} "
                         "fit (e.g. Conference on Disarmament)")
    return value


#: The most a QR payload may hold (UTF-8 bytes): a version-40 code at level M holds 2,331 in byte mode.
MAX_QR_BYTES = 2000


def _qr(value: str) -> str:
    check_characters(value)  # printed in the alternative text of the image, which XML must carry
    size = len(value.encode("utf-8"))
    if size > MAX_QR_BYTES:
        raise ValueError(f"the QR payload is {size:,} bytes; a QR code holds at most {MAX_QR_BYTES:,} here: "
                         "give a short address (default https://undocs.org/<symbol>)")
    return value


def _phrase(value: Markup) -> Markup:
    if "{object}" not in value.plain:
        raise ValueError(f"{value.raw!r} lacks {{object}}, where the text of `transmits` goes; write e.g. "
                         "\", препровождающее {object}\"")
    return value


#: A piece of a title formula: kept exactly as written, leading space included (" يحيل بها {object}").
Phrase = Annotated[Markup, markup.schema(markup.plain, strip=False), AfterValidator(_phrase)]
Symbol = Annotated[str, AfterValidator(_symbol)]
JobNumber = Annotated[str, AfterValidator(_job)]
QrPayload = Annotated[str, AfterValidator(_qr)]
BodyName = Annotated[PlainText, AfterValidator(_body)]
Session = Annotated[int | PlainText, BeforeValidator(_number_or_text, json_schema_input_type=int | str)]
FlagOrSymbol = Annotated[bool | str, BeforeValidator(_flag_or_text, json_schema_input_type=bool | str)]
CirculationRequest = Annotated[bool | Markup, PlainValidator(_circulation, json_schema_input_type=bool | str)]
#: The language(s) a text was submitted in: one, or a list when it was submitted in several.
Originals = Annotated[tuple[Language, ...], Field(min_length=1, max_length=6),
                      BeforeValidator(_languages, json_schema_input_type=Language | list[Language])]


class Signatory(Model):
    """One signature block: the name, the title lines, and the country."""

    name: PlainText
    titles: list[PlainText] = Field(default=[])
    country: str | None = Field(default=None, description="English short name (to order signatories by country "
                                "when asked)")


_TITLE_NOTE = ("a footnote to the title, marked * (§4.1a), e.g. 'Circulated in the language of submission only.' "
               "(a reissue's note is `reissued:`)")


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
    paragraphs: list[Text] = Field(min_length=1)
    circulation_request: CirculationRequest = True
    closing: Text | None = Field(default=None, description="the last paragraph, printed after the request for "
                                 "circulation: a note verbale's complimentary close (\"… avails itself of this "
                                 "opportunity to renew …\")")
    signatories: list[Signatory] = Field(default=[])
    signatory_order: Literal["as_given", "by_country"] = Field(
        default="as_given", description="as_given: the signature blocks in the outline's order (the senders' in the "
        "title); by_country: in the English alphabetical order of their countries")
    side_by_side: bool = False


class Report(Body):
    """A report under its own symbol (or the model of an annexed report)."""

    title: PlainText | None = None  # printed as one plain line: no footnote or {ref:} can show there
    title_note: NoteText | None = Field(default=None, description=_TITLE_NOTE)


class Annex(Body):
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
    whole: Literal["paragraph", "heading", "subparagraph", "bullet", "footnote"] | None = Field(
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
    annexes: list[Annex] = Field(default=[])
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
