"""The outline's checked scalar values: a symbol, a job number, a QR payload, a body's name, a session, the
original languages, a title formula's phrase and a letter's request for circulation.

Each is a type with its validator, so that a wrong value is refused where it is written, with a message that says
what to write instead; :mod:`cddraft.model.document` puts them in the model.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator

from cddraft.conventions.bodies import bodies, body_of, closest_examples
from cddraft.languages import Language
from cddraft.model import markup
from cddraft.model.inline import check_characters
from cddraft.model.markup import Markup, PlainText

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
    kinds: dict[type, str] = {dict: "a mapping", list: "a list", str: "an empty value"}
    found = kinds.get(type(value), "nothing")
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
