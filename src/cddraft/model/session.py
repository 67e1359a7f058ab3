"""What a document says of the session it belongs to: the session, the agenda item(s) and their titles, the
provisional agenda, and a meeting's place and dates (printed under the masthead: docs/un-conventions.md §12)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from cddraft.model.base import Model
from cddraft.model.dates import Date
from cddraft.model.markup import PlainText

#: An agenda item: its number, and a sub-item's letters ("99", "99 (kk)", "98(c)").
AgendaItem = Annotated[str, Field(pattern=r"^[0-9]{1,3}(?: ?\([a-z]{1,3}\))?$")]


def _one_or_more(value: object) -> object:
    """One value or a list of them: always a list for the model (``agenda_item: 99`` or ``[37, 38]``)."""
    if isinstance(value, str | int):
        return [str(value)]
    return [str(v) if isinstance(v, int) else v for v in value] if isinstance(value, list) else value


def _titles(value: object) -> object:
    return [value] if isinstance(value, str) else value


AgendaItems = Annotated[list[AgendaItem], Field(min_length=1, max_length=12),
                        BeforeValidator(_one_or_more, json_schema_input_type=int | AgendaItem | list[int | AgendaItem])]
AgendaTitles = Annotated[list[PlainText], Field(min_length=1, max_length=12),
                         BeforeValidator(_titles, json_schema_input_type=str | list[str])]


class Meeting(Model):
    """Where and when the conference, session or meeting is held ("Geneva, 23 April–4 May 2018")."""

    place: PlainText = Field(description="the city, in this version's language, e.g. Geneva")
    dates: list[Date] = Field(min_length=1, max_length=2, description="the first and last day (YYYY-MM-DD), or "
                                 "one day")

    @model_validator(mode="after")
    def _in_order(self) -> Meeting:
        if len(self.dates) == 2 and self.dates[1] < self.dates[0]:
            raise ValueError(f"the meeting ends ({self.dates[1].isoformat()}) before it opens "
                             f"({self.dates[0].isoformat()}); give the first day, then the last")
        return self


def item_parts(item: str) -> tuple[str, str | None]:
    """``"99 (kk)"`` → ``("99", "kk")``; ``"99"`` → ``("99", None)``."""
    number, _, rest = item.partition("(")
    return number.strip(), rest.rstrip(")").strip() or None
