"""The lines under the masthead (docs/un-conventions.md §12): a General Assembly document's session, committee,
agenda item(s) and their titles; a conference's session, place and dates and agenda item; the Security Council's
year beside the Assembly's session in identical letters. Every word comes from the conventions."""

from __future__ import annotations

from cddraft.conventions import AgendaForm, Conventions
from cddraft.conventions.dates import format_date, format_range
from cddraft.conventions.ordinals import ordinal_line, roman
from cddraft.localise.types import BlockLine, SessionBlock
from cddraft.model.document import Document
from cddraft.model.inline import plain_text
from cddraft.model.markup import Markup
from cddraft.model.session import item_parts

#: Stands where a form calls its footnote (``{star}``) until the line is written.
_STAR = "\ue001"
#: The first year of the Security Council, whose years are counted from 1946 (2016: the seventy-first).
_COUNCIL_FIRST_YEAR = 1945


def _plain(text: Markup) -> str:
    return plain_text(list(text.spans))


def joined(items: list[str], conv: Conventions) -> str:
    """``37 and 38``, ``33, 35 and 85``: the items as the language joins them."""
    strings = conv.session
    return items[0] if len(items) == 1 else strings.separator.join(items[:-1]) + strings.and_ + items[-1]


def item_numbers(doc: Document, conv: Conventions) -> list[str]:
    """Each agenda item as the language writes a sub-item: ``99 (kk)``, ``99 kk)``."""
    out = []
    for item in doc.agenda_items:
        number, letter = item_parts(item)
        out.append(conv.session.sub_item.format(number=number, letter=letter) if letter else number)
    return out


def _session_number(doc: Document) -> tuple[int, bool] | None:
    """The session's number and whether it is an emergency special session: the outline's, else the symbol's."""
    if isinstance(doc.session, int):
        return doc.session, False
    served = doc.served_by
    found = served.fields.get("session")
    if doc.session is not None or found is None or served.body.session == "none":
        return None
    if found.startswith("ES-"):
        return int(found[3:]), True
    return (roman(found), False) if found.isalpha() else (int(found), False)


def _session_line(doc: Document, conv: Conventions) -> str | None:
    if isinstance(doc.session, Markup):
        return _plain(doc.session)
    number = _session_number(doc)
    if number is None:
        return None
    n, emergency = number
    return ordinal_line(conv.session.emergency_session if emergency else conv.session.session, n, conv, "session")


def _agenda_line(doc: Document, conv: Conventions) -> BlockLine | None:
    served = doc.served_by
    if not doc.agenda_item or served.body.agenda == "none":
        return None
    strings = conv.session
    several = len(doc.agenda_items) > 1
    symbol = doc.provisional_agenda if isinstance(doc.provisional_agenda, str) else doc.preliminary_list
    plural: AgendaForm
    if doc.preliminary_list:
        plural = "preliminary_items"
    elif doc.provisional_agenda:
        plural = "provisional_items"
    elif served.body.agenda == "meeting":
        plural = "meeting_items"
    else:
        plural = "items"
    form = plural if several else plural.removesuffix("s")  # "provisional_items", "provisional_item"
    template = strings.dual.get(plural) if len(doc.agenda_items) == 2 else None
    template = template or getattr(strings, form)
    text = template.format(item=joined(item_numbers(doc, conv), conv), items=joined(item_numbers(doc, conv), conv),
                           star=_STAR if symbol else "")
    if not symbol:
        return BlockLine(text)
    at = text.index(_STAR)
    return BlockLine(text.replace(_STAR, ""), note=strings.agenda_note.format(symbol=symbol.strip()), note_at=at)


def session_block(doc: Document, conv: Conventions) -> SessionBlock | None:
    """The block for ``doc``, or None when its body prints none and the outline asks for none."""
    left: list[BlockLine] = []
    session = _session_line(doc, conv)
    if session:
        left.append(BlockLine(session))
    committee = conv.bodies[doc.served_by.code].committee
    if committee and left:
        left.append(BlockLine(committee))
    if doc.meeting is not None:
        dates = doc.meeting.dates
        left.append(BlockLine(conv.session.place_dates.format(
            place=_plain(doc.meeting.place), dates=format_range(dates[0], dates[-1], conv))))
    agenda = _agenda_line(doc, conv)
    if agenda is not None:
        left.append(agenda)
        left.extend(BlockLine(_plain(title), bold=True) for title in doc.agenda_title or [])
    right: list[BlockLine] = []
    if doc.served_by.code == "A+S":  # identical letters: the Assembly's session beside the Council's year
        assembly, council = conv.bodies["A+S"].name.split("\n")
        left.insert(0, BlockLine(assembly))
        year = ordinal_line(conv.session.year, doc.date.year - _COUNCIL_FIRST_YEAR, conv, "year")
        right = [BlockLine(council), BlockLine(year)]
    return SessionBlock(left, right) if left else None


def reissue_note(doc: Document, conv: Conventions) -> str | None:
    """The note of a reissue ("Reissued for technical reasons on 16 June 2011."), None when it is not one."""
    return conv.reissued.format(date=format_date(doc.reissued, conv)) if doc.reissued else None
