"""A resolution or a decision (``kind: resolution`` / ``kind: decision``), draft or adopted.

Its parts are the ones the Editorial Manual orders ("the name of the organ; the preamble, if any; the operative
part"; docs/un-conventions.md §13): a draft also names its sponsors (or who submits it) above the title, an adopted
text its meeting and date below the last paragraph. The opening words of each paragraph are marked as emphasis in
the outline (``*Recalling*``, ``*Decides*``); how a language sets them (italic, bold, bold italic) is the
conventions' business, not the outline's.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from cddraft.model.base import Model, empty
from cddraft.model.blocks import Paragraph, SubparagraphEntry, text_to_mapping
from cddraft.model.dates import Date
from cddraft.model.markup import PlainText, Text


class Preambular(Model):
    """A preambular paragraph: unnumbered, opening with a participle or an adjective, ending with a comma."""

    text: Text
    items: list[SubparagraphEntry] = empty()


#: A preambular paragraph as written: a string, or a mapping with ``items:``.
PreambularEntry = Annotated[Preambular, BeforeValidator(text_to_mapping, json_schema_input_type=str | Preambular)]
#: An operative paragraph as written: a string, or a mapping (``text:``, ``id:``, ``items:``).
OperativeEntry = Annotated[Paragraph, BeforeValidator(text_to_mapping, json_schema_input_type=str | Paragraph)]


class Adoption(Model):
    """Where and when an adopted text was adopted: "44th plenary meeting / 2 December 2024"."""

    date: Date
    meeting: int | None = Field(default=None, ge=1, description="the plenary meeting's number (44 → '44th plenary "
                                "meeting')")
    on_report_of: PlainText | None = Field(
        default=None, description="for a General Assembly resolution, the report it was adopted on, as the line "
        "gives it: 'the First Committee (A/79/412, para. 7)'")


class Resolution(Model):
    """The text of a resolution or decision: sponsors, title, organ, preamble, operative part, adoption."""

    title: PlainText | None = Field(default=None, description="the title the sponsors give (Security Council "
                                    "resolutions have none)")
    sponsors: list[PlainText] = Field(default=[], description="a draft's sponsors, as the body orders them (the "
                                      "alphabetical order of this version's language); printed above the title: "
                                      "'Austria, Brazil and Viet Nam: draft resolution'")
    submitted_by: PlainText | None = Field(
        default=None, description="instead of sponsors, who submits the draft: 'the Chair' → 'Draft resolution "
        "submitted by the Chair'")
    draft: bool | None = Field(default=None, description="a draft (sponsors' line above the title); default: the "
                               "symbol says (an L. document is a draft)")
    revised: bool | None = Field(default=None, description="a revised draft; default: the symbol says (…/Rev.1)")
    organ: PlainText | None = Field(default=None, description="the organ whose text it is, as the formula opens: "
                                    "'The General Assembly'; default: the body's")
    number: str | None = Field(default=None, pattern=r"^[0-9A-Z.\-]{1,12}/[0-9]{1,4}(?: [A-Z])?$",
                               description="an adopted text's number: 79/75 (printed before its title)")
    preamble: list[PreambularEntry] = Field(default=[], description="the preambular paragraphs, each opening "
                                            "with its emphasised phrase: '*Recalling* its resolution 78/64 …,'")
    operative: list[OperativeEntry] = Field(min_length=1, description="the operative paragraphs, numbered 1., 2. …, "
                                            "each opening with its emphasised verb: '*Decides* to …;'")
    adopted: Adoption | None = Field(default=None, description="an adopted text: its meeting and date, printed "
                                     "after the last paragraph")
