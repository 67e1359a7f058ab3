"""The typed outline: one CD document (letter, note verbale or report) and its annexes.

Dates are real dates here and are formatted by the localise stage; nothing in this module knows
how any language writes anything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from cddraft.model.blocks import Block, Body, Kind, Model, PlainText, Text

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
Language = Literal["ar", "zh", "en", "fr", "ru", "es"]

SYMBOL_RE = re.compile(
    r"^CD/(\d{1,4}|PV\.\d{1,4}|WP\.\d{1,4}|INF/\d+|INF\.\d+)(/(Rev|Corr|Add|Amend)\.\d{1,2})*\*?$"
)
JOB_RE = re.compile(r"^GE\.(\d{2})-(\d{5})\*?$")


def _symbol(value: str) -> str:
    if not SYMBOL_RE.match(value):
        raise ValueError(
            f"{value!r} is not a CD document symbol; write e.g. CD/2101, CD/WP.599, CD/INF/12, CD/PV.1475, "
            "optionally followed by /Rev.1, /Corr.1 or /Add.1 and a final * for a reissue"
        )
    return value


def _job(value: str) -> str:
    if not JOB_RE.match(value):
        raise ValueError(f"{value!r} is not a UNOG job number; write GE.yy-nnnnn, e.g. GE.17-16166")
    return value


def _flag_or_text(value: object) -> object:
    """Outline scalars arrive as text: ``true``/``false`` mean the switch, anything else is wording."""
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return value.strip().lower() in ("true", "yes")
    return value


Symbol = Annotated[str, AfterValidator(_symbol)]
JobNumber = Annotated[str, AfterValidator(_job)]


class Signatory(Model):
    """One signature block: the name, the title lines, and the country (for ordering)."""

    name: PlainText
    titles: list[PlainText] = []
    country: str | None = Field(default=None, description="English short name, used to order signatories")


class Letter(Model):
    """A letter (signed) or a note verbale (unsigned, third person) transmitting its annexes."""

    date: dt.date = Field(description="the sender's date, shown in the title")
    sender: PlainText = Field(description="as it reads in the title, e.g. 'the Permanent Representative of …'")
    addressee: PlainText | None = Field(default=None, description="default: the conventions' addressee")
    transmits: PlainText | None = Field(default=None, description="what the letter transmits, for the title")
    title: PlainText | None = Field(default=None, description="the whole title, when the formula cannot fit")
    phrases: dict[Literal["transmitting"], PlainText] = Field(
        default={}, description="grammar-dependent pieces of the title, in this version's language; "
        "`transmitting` replaces the conventions' clause, with {object} where `transmits` goes")
    paragraphs: list[Text] = Field(min_length=1)
    circulation_request: Annotated[bool | Text, BeforeValidator(_flag_or_text)] = True
    signatories: list[Signatory] = []
    side_by_side: bool = False


class Report(Body):
    """A report under its own symbol (or the model of an annexed report)."""


class Annex(Body):
    """An annex: starts on a new page, with its heading and original-language note."""

    numbered_paragraphs: bool = False
    numbered_headings: bool = False
    original_language: Language | None = None


class CheckOptions(Model):
    """Editorial rules to switch off for this outline (``cddraft check --list-rules`` names them)."""

    disable: list[str] = Field(default=[], description="rule codes (CD506), prefixes (CD5) or names")


class Document(Model):
    """A CD document as the outline describes it."""

    kind: Kind = "letter"
    symbol: Symbol
    language: Language = "en"
    original_language: Language | None = None
    date: dt.date = Field(description="masthead date (submission to the Documents Management Section)")
    distribution: Literal["none", "general", "limited", "restricted"] = "none"
    body: PlainText | None = Field(default=None, description="default: Conference on Disarmament")
    united_nations: bool = Field(default=False, description="print 'United Nations' in the masthead")
    job_number: JobNumber | None = None
    footer_stamps: list[dt.date] = Field(default=[], max_length=2)
    qr: str | None = Field(default=None, description="QR payload; default https://undocs.org/<symbol>")
    letter: Letter | None = None
    report: Report | None = None
    annexes: list[Annex] = []
    check: CheckOptions = CheckOptions()

    @property
    def original(self) -> str:
        return self.original_language or self.language


__all__ = ["LANGUAGES", "Annex", "Block", "Document", "Letter", "Report", "Signatory", "Text"]
