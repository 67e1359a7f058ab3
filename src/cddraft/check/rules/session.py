"""CD316-CD319: the lines under the masthead (§12) — what each body's documents print there — and a reissue."""

from __future__ import annotations

from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.model.document import Document


@rule("CD316", "agenda-item-missing", "error", "A General Assembly document names no agenda item")
def agenda_item_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a document of the General Assembly or one of its Main Committees (``A/…``, ``A/C.1/…``, identical
    letters ``A/…–S/…``) without ``agenda_item:``.

    Why: an Assembly document is issued under an item of its agenda (or of the provisional agenda or
    preliminary list), printed under the masthead: "Seventy-first session / Agenda item 99 / General and
    complete disarmament". Without it the document cannot be listed under its item, and a letter's request
    for circulation cannot name it.

    Example::

        symbol: A/71/364
        agenda_item: 99 (kk)                     # missing: CD316
        agenda_title: General and complete disarmament

    Manual: un-conventions.md §12 (Editorial Manual, the cover page).
    """
    if doc.served_by.body.agenda == "assembly" and not doc.agenda_item and doc.kind != "corrigendum":
        yield Finding(("symbol",), f"{doc.symbol} is a General Assembly document: give the agenda item it is issued "
                                   "under (`agenda_item: 99`, with `agenda_title:`), printed under the masthead")


@rule("CD317", "agenda-title-missing", "warning", "An agenda item is given without its title")
def agenda_title_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags ``agenda_item:`` without ``agenda_title:`` where the body prints the item under the masthead.

    Why: the item's number is printed with its title under it, in bold ("Agenda item 99 / General and complete
    disarmament"); a number alone tells a reader nothing.

    Example::

        agenda_item: 99          # CD317: add agenda_title: General and complete disarmament

    Manual: un-conventions.md §12.
    """
    if doc.agenda_item and not doc.agenda_title and doc.served_by.body.agenda != "none":
        yield Finding(("agenda_item",), "give the item's title as the agenda gives it (`agenda_title:`), printed "
                                        "under its number", key=True)


@rule("CD318", "meeting-missing", "warning", "A conference or meeting document gives no place and dates")
def meeting_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a document of a conference, a preparatory committee or a meeting of States parties without
    ``meeting:`` (its place and dates).

    Why: these documents print, under the masthead, where and when the meeting is held ("Second session /
    Geneva, 23 April–4 May 2018"); it tells the reader which session the paper was submitted to.

    Example::

        symbol: NPT/CONF.2020/PC.II/WP.26
        meeting: {place: Geneva, dates: [2018-04-23, 2018-05-04]}     # missing: CD318

    Manual: un-conventions.md §12 (NPT/CONF.2020/PC.II/WP.26, CCW/MSP/2017/8).
    """
    if doc.served_by.body.meeting and doc.meeting is None and doc.kind != "corrigendum":
        yield Finding(("symbol",), "give the meeting's place and dates (`meeting: {place: Geneva, dates: [first "
                                   "day, last day]}`), printed under the masthead")


@rule("CD319", "reissue-without-date", "warning", "A reissued symbol (*) without the date of the reissue")
def reissue_without_date(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a symbol ending with ``*`` (a reissue) in an outline without ``reissued:``.

    Why: a reissue carries the * on its symbol and, at the foot of page 1, the note "* Reissued for technical
    reasons on 21 September 2017."; without the date the * calls no note. ``reissued:`` adds both (the symbol
    may then be written without its *).

    Example::

        symbol: CD/2179*        # CD319: write symbol: CD/2179 and reissued: 2019-09-20

    Manual: un-conventions.md §12 (ST/IC/2014/1*, A/65/L.78*).
    """
    if doc.symbol.endswith("*") and doc.reissued is None:
        yield Finding(("symbol",), "a reissue: give the date it was reissued (`reissued: YYYY-MM-DD`), printed in "
                                   "the note its * calls")
