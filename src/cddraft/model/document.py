"""The typed outline: one CD document (letter, note verbale or report) and its annexes.

Dates are real dates here and are formatted by the localise stage; nothing in this module knows
how any language writes anything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator, StringConstraints

from cddraft.model.blocks import Block, Body, Kind, Model, PlainText, Text, check_plain
from cddraft.model.inline import parse

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


def _circulation(value: object) -> bool | str:
    """``circulation_request``: a switch (true/false) or the wording of the request (markup allowed)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        flag = _flag_or_text(value)
        if isinstance(flag, bool):
            return flag
        parse(value.strip())
        return value.strip()
    found = {dict: "a mapping", list: "a list", str: "an empty value"}.get(type(value), "nothing")
    raise ValueError(f"write true, false or the wording of the request, not {found}")


_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")


def _iso_date(value: object) -> object:
    """Dates are written ``YYYY-MM-DD`` only: ``14/09/2017``, ``20170915`` or a timestamp are refused."""
    if not isinstance(value, str) or re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
        return value.strip() if isinstance(value, str) else value
    m = _DMY.match(value.strip())
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if a > 12 and 1 <= b <= 12:
            hint = f"write {year}-{b:02d}-{a:02d}"
        elif b > 12 and 1 <= a <= 12:
            hint = f"write {year}-{a:02d}-{b:02d}"
        elif a == b and 1 <= a <= 12:
            hint = f"write {year}-{a:02d}-{a:02d}"
        elif 1 <= a <= 12 and 1 <= b <= 12:
            hint = (f"it is ambiguous: write {year}-{b:02d}-{a:02d} if the day comes first, "
                    f"{year}-{a:02d}-{b:02d} if the month does")
        else:
            hint = "write it as YYYY-MM-DD"
        raise ValueError(f"{value.strip()!r} is not a date in the form YYYY-MM-DD; {hint}")
    v = value.strip()
    hint = f"{v[:4]}-{v[4:6]}-{v[6:]}" if re.match(r"^\d{8}$", v) else "YYYY-MM-DD, e.g. 2017-09-14"
    raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD; write it as {hint}")


#: The masthead body is a name ("Conference on Disarmament"); Word's document properties hold 255.
MAX_BODY_CHARS = 255


def _body(value: str) -> str:
    if len(value) > MAX_BODY_CHARS:
        raise ValueError(f"the name of the body is {len(value):,} characters long; at most {MAX_BODY_CHARS} "
                         "fit (e.g. Conference on Disarmament)")
    return value


#: The most a QR payload may hold (UTF-8 bytes): a version-40 code at level M holds 2,331 in byte mode.
MAX_QR_BYTES = 2000


def _qr(value: str) -> str:
    size = len(value.encode("utf-8"))
    if size > MAX_QR_BYTES:
        raise ValueError(f"the QR payload is {size:,} bytes; a QR code holds at most {MAX_QR_BYTES:,} here: "
                         "give a short address (default https://undocs.org/<symbol>)")
    return value


def _phrase(value: str) -> str:
    if "{object}" not in value:
        raise ValueError(f"{value!r} lacks {{object}}, where the text of `transmits` goes; write e.g. "
                         "\", препровождающее {object}\"")
    return value


#: A piece of a title formula: kept exactly as written, leading space included (" يحيل بها {object}").
Phrase = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1), AfterValidator(check_plain),
                   AfterValidator(_phrase)]
Symbol = Annotated[str, AfterValidator(_symbol)]
JobNumber = Annotated[str, AfterValidator(_job)]
Date = Annotated[dt.date, BeforeValidator(_iso_date)]
QrPayload = Annotated[str, AfterValidator(_qr)]
BodyName = Annotated[PlainText, AfterValidator(_body)]
CirculationRequest = Annotated[bool | str, PlainValidator(_circulation)]


class Signatory(Model):
    """One signature block: the name, the title lines, and the country (for ordering)."""

    name: PlainText
    titles: list[PlainText] = Field(default=[])
    country: str | None = Field(default=None, description="English short name, used to order signatories")


class Letter(Model):
    """A letter (signed) or a note verbale (unsigned, third person) transmitting its annexes."""

    date: Date = Field(description="the sender's date, shown in the title")
    sender: PlainText = Field(description="as it reads in the title, e.g. 'the Permanent Representative of …'")
    addressee: PlainText | None = Field(default=None, description="default: the conventions' addressee")
    transmits: PlainText | None = Field(default=None, description="what the letter transmits, for the title")
    title: PlainText | None = Field(default=None, description="the whole title, when the formula cannot fit")
    phrases: dict[Literal["transmitting"], Phrase] = Field(
        default={}, description="grammar-dependent pieces of the title, in this version's language; "
        "`transmitting` replaces the conventions' clause, with {object} where `transmits` goes")
    paragraphs: list[Text] = Field(min_length=1)
    circulation_request: CirculationRequest = True
    signatories: list[Signatory] = Field(default=[])
    side_by_side: bool = False


class Report(Body):
    """A report under its own symbol (or the model of an annexed report)."""

    title: PlainText | None = None  # printed as one plain line: no footnote or {ref:} can show there


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
    date: Date = Field(description="masthead date (submission to the Documents Management Section)")
    distribution: Literal["none", "general", "limited", "restricted"] = "none"
    body: BodyName | None = Field(default=None, description="default: Conference on Disarmament")
    united_nations: bool = Field(default=False, description="print 'United Nations' in the masthead")
    job_number: JobNumber | None = None
    footer_stamps: list[Date] = Field(default=[], max_length=2)
    qr: QrPayload | None = Field(default=None, description="QR payload; default https://undocs.org/<symbol>")
    letter: Letter | None = None
    report: Report | None = None
    annexes: list[Annex] = Field(default=[])
    check: CheckOptions = CheckOptions()

    @property
    def original(self) -> str:
        return self.original_language or self.language


__all__ = ["LANGUAGES", "Annex", "Block", "Document", "Letter", "Report", "Signatory", "Text"]
