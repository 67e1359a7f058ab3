"""CD601-CD621: the language versions of one document say the same thing (``cddraft align``, and ``cddraft
check`` given several versions): the same blocks in the same order, the same footnotes called at the same
places, the same numbers, dates, symbols, addresses and references, the same masthead facts.

Each rule reads one version against the base (the original-language version) and reports in the version's
outline, naming the base's position; a legitimate difference is declared like any rule's
(``# cddraft: disable=CD611`` on the line, or ``check: disable:``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from cddraft.check.align.facts import Fact
from cddraft.check.align.pair import Pair
from cddraft.check.align.units import Note, Unit
from cddraft.check.registry import Finding, rule

_MASTHEAD = (("symbol", "symbol"), ("date", "masthead date"), ("originals", "original language"))


def _quote(unit: Unit) -> str:
    text = " ".join(unit.text.split())
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def _at(pair: Pair, unit: Unit | None, offset: int | None = None) -> tuple[tuple, int | None, str | None]:
    if unit is None:
        return (), None, None
    if offset is None or unit.node is None:
        return unit.path, None, None
    return unit.path, unit.node.visible.raw_offset(offset), unit.raw


def _finding(pair: Pair, unit: Unit | None, message: str, offset: int | None = None) -> Finding:
    path, raw, text = _at(pair, unit, offset)
    return Finding(path, message, offset=raw, text=text)


@rule("CD601", "version-lacks-block", "error", "A block of the original-language version is missing here",
      target="versions")
def version_lacks_block(pair: Pair) -> Iterator[Finding]:
    """Flags a paragraph, heading, subparagraph, bullet, quotation, annex or signatory of the base version (the
    original language) that this version does not have — once, where it would stand.

    Why: a paragraph dropped in translation is the commonest difference between issued versions, and the
    hardest to see page by page.

    Example::

        # en.yaml has three paragraphs, fr.yaml two: CD601 at fr.yaml, naming the English one it lacks

    Manual: un-conventions.md §1.4 (language versions).
    """
    base, version = pair.base, pair.version
    for k, (i, j) in enumerate(pair.blocks):
        if i is not None and j is None:
            unit = base.units[i]
            yield _finding(pair, pair.near(k), f"the {version.doc.language} version lacks the {unit.kind} at "
                                               f"{base.where(unit)} {_quote(unit)}")


@rule("CD602", "version-adds-block", "error", "A block the original-language version does not have",
      target="versions")
def version_adds_block(pair: Pair) -> Iterator[Finding]:
    """Flags a block of this version that the base version (the original language) does not have.

    Why: a paragraph added in one version (a translator's note, a paragraph pasted twice) is not in the text the
    document's authors submitted.

    Example::

        # fr.yaml has a paragraph between the 2nd and 3rd of en.yaml: CD602 at that paragraph

    Manual: un-conventions.md §1.4.
    """
    for i, j in pair.blocks:
        if i is None and j is not None:
            unit = pair.version.units[j]
            yield _finding(pair, unit, f"a {unit.kind} that the {pair.base.doc.language} version "
                                       f"({pair.base.name}) does not have")


@rule("CD603", "version-block-kind", "error", "A block is of another kind or level than in the original",
      target="versions")
def version_block_kind(pair: Pair) -> Iterator[Finding]:
    """Flags a block aligned with one of another kind in the base: a heading of another level, a paragraph
    set as a quotation, a subparagraph as a bullet.

    Why: the structure (chapter, section, subsection) is the document's, the same in every language; a heading
    one level off renumbers every heading after it.

    Example::

        # en.yaml: "heading 2" (A. Organization of work); ru.yaml: "heading 1" at the same place: CD603

    Manual: un-conventions.md §6.1.
    """
    for i, j in pair.blocks:
        if i is not None and j is not None and pair.base.units[i].kind != pair.version.units[j].kind:
            unit, theirs = pair.version.units[j], pair.base.units[i]
            yield _finding(pair, unit, f"{unit.kind} where {pair.base.where(theirs)} has a {theirs.kind}")


@rule("CD604", "version-footnote-place", "error", "A footnote is missing, added or called elsewhere than in the "
      "original", target="versions")
def version_footnote_place(pair: Pair) -> Iterator[Finding]:
    """Flags a footnote of the base version this one lacks, one it adds, or one called from another block.

    Why: footnotes carry sources and reservations; one that moves to the next paragraph annotates the wrong
    statement.

    Example::

        # en.yaml calls footnote 1 in paragraph 3; es.yaml in paragraph 4: CD604 at paragraph 4

    Manual: un-conventions.md §4.1a (footnotes).
    """
    base, version = pair.base, pair.version
    partner = pair.partner()
    for i, j in pair.notes:
        if i is not None and j is None:
            host = base.units[base.notes[i].host]
            yield _finding(pair, version.units[partner[base.notes[i].host]] if base.notes[i].host in partner
                           else None, f"the {version.doc.language} version lacks the footnote called at "
                           f"{base.where(host)} {_quote(host)}")
        elif j is not None and i is None:
            host = version.units[version.notes[j].host]
            yield Finding(host.path, f"a footnote that the {base.doc.language} version ({base.name}) does not have",
                          offset=version.notes[j].raw, text=host.raw)
        elif i is not None and j is not None and partner.get(base.notes[i].host) != version.notes[j].host:
            host, theirs = version.units[version.notes[j].host], base.units[base.notes[i].host]
            yield Finding(host.path, f"footnote called here, where {base.where(theirs)} calls it from "
                          f"{_quote(theirs)}", offset=version.notes[j].raw, text=host.raw)


def _differences(pair: Pair, kind: str, what: str) -> Iterator[Finding]:
    """The facts of ``kind`` that differ between aligned blocks and between paired footnotes."""
    base, version = pair.base, pair.version
    for i, j in pair.blocks:
        if i is not None and j is not None and base.units[i].signature != version.units[j].signature:
            yield from _compare(pair, base.units[i], version.units[j], base.units[i].facts, version.units[j].facts,
                                kind, what)
    for i, j in pair.notes:
        if i is not None and j is not None:
            note_b, note_v = base.notes[i], version.notes[j]
            if [(f.kind, f.value) for f in note_b.facts] == [(f.kind, f.value) for f in note_v.facts]:
                continue
            yield from _compare(pair, base.units[note_b.host], version.units[note_v.host], note_b.facts,
                                note_v.facts, kind, what, note=(note_b, note_v))


def _compare(pair: Pair, ub: Unit, uv: Unit, fb: list[Fact], fv: list[Fact], kind: str, what: str,
             note: tuple[Note, Note] | None = None) -> Iterator[Finding]:
    theirs = [f for f in fb if f.kind == kind]
    ours = [f for f in fv if f.kind == kind]
    if Counter(f.value for f in theirs) == Counter(f.value for f in ours):
        return
    lost = _unmatched(theirs, Counter(f.value for f in theirs) - Counter(f.value for f in ours))
    added = _unmatched(ours, Counter(f.value for f in ours) - Counter(f.value for f in theirs))

    def base_at(f: Fact) -> str:
        if note is None:
            return pair.base.where(ub, f.start)
        pos = pair.base.outline.position(ub.path, offset=note[0].visible.raw_offset(f.start), text=ub.raw)
        return f"{pair.base.name}:{pos.line}:{pos.column}"

    def here(f: Fact, message: str) -> Finding:
        if note:
            offset = note[1].visible.raw_offset(f.start)
        else:
            assert uv.node is not None, "a block with facts has a text"
            offset = uv.node.visible.raw_offset(f.start)
        return Finding(uv.path, message, offset=offset, text=uv.raw)

    place = " in a footnote" if note else ""
    for mine, other in zip(added, lost, strict=False):
        yield here(mine, f"{what} {mine.shown}{place} where {base_at(other)} has {other.shown}")
    for mine in added[len(lost):]:
        yield here(mine, f"{what} {mine.shown}{place} that {pair.base.name} does not have at "
                         f"{pair.base.where(ub)}")
    for other in lost[len(added):]:
        yield _finding(pair, uv, f"the {what} {other.shown}{place} of {base_at(other)} is missing here")


@rule("CD611", "version-number", "error", "A number differs from the original's", target="versions")
def version_number(pair: Pair) -> Iterator[Finding]:
    """Flags a number of a block (or footnote) that the aligned block of the base does not state: read by value,
    whatever the version's digit grouping and decimal mark (1,500.5; 1 500,5; 1.500,5) or digits (Arabic-Indic).

    Why: "1995" become "1996", a vote count or an agenda item number changed in one version reaches issued
    documents unseen.

    Example::

        # en.yaml: resolution 984 (1995); ru.yaml: резолюция 984 (1996): CD611 at 1996

    Manual: un-conventions.md §6.5 (numbers).
    """
    yield from _differences(pair, "number", "number")


@rule("CD612", "version-date", "error", "A date's month differs from the original's", target="versions")
def version_date(pair: Pair) -> Iterator[Finding]:
    """Flags a month (named in the version's language, or 8月 in Chinese) that the aligned block of the base does
    not name; the days and years of dates are numbers (CD611).

    Why: "8 July" become "8 June" in one version dates a meeting wrongly.

    Example::

        # en.yaml: 8 August 2017; fr.yaml: 8 juillet 2017: CD612 at juillet

    Manual: un-conventions.md §6.7 (dates).
    """
    yield from _differences(pair, "date", "date")


@rule("CD613", "version-symbol", "error", "A document symbol differs from the original's", target="versions")
def version_symbol(pair: Pair) -> Iterator[Finding]:
    """Flags a document symbol (CD/2090, S/RES/984) that the aligned block of the base does not cite.

    Why: a symbol mistyped in one version (CD/2009 for CD/2090) sends its readers to another document.

    Example::

        # en.yaml: decision CD/2090; ru.yaml: решение CD/2009: CD613

    Manual: un-conventions.md §1.3 (symbols).
    """
    yield from _differences(pair, "symbol", "symbol")


@rule("CD614", "version-address", "error", "A URL or e-mail address differs from the original's",
      target="versions")
def version_address(pair: Pair) -> Iterator[Finding]:
    """Flags a URL or e-mail address that the aligned block of the base does not give.

    Why: an address is copied, never translated; one that differs is a typing error.

    Example::

        # en.yaml: https://undocs.org/CD/2090; fr.yaml: https://undocs.org/CD/2009: CD614

    Manual: un-conventions.md §6.6.
    """
    yield from _differences(pair, "url", "address")
    yield from _differences(pair, "email", "address")


@rule("CD615", "version-reference", "error", "A cross-reference or id differs from the original's",
      target="versions")
def version_reference(pair: Pair) -> Iterator[Finding]:
    """Flags a block whose ``{ref:…}`` targets or ``id`` differ from the aligned block of the base.

    Why: a reference to another paragraph prints that paragraph's number; pointing elsewhere in one version
    sends its readers to another paragraph.

    Example::

        # en.yaml: see paragraph {ref:fmct}; zh.yaml: {ref:nsa} at the same place: CD615

    Manual: docs/outline.md (cross-references).
    """
    for i, j in pair.blocks:
        if i is not None and j is not None:
            ub, uv = pair.base.units[i], pair.version.units[j]
            if sorted(ub.refs) != sorted(uv.refs) or ub.ident != uv.ident:
                yield _finding(pair, uv, f"references {sorted(uv.refs)} and id {uv.ident!r} where "
                                         f"{pair.base.where(ub)} has {sorted(ub.refs)} and {ub.ident!r}")


@rule("CD621", "version-masthead", "error", "The symbol, date or original language differs from the original's",
      target="versions")
def version_masthead(pair: Pair) -> Iterator[Finding]:
    """Flags a masthead fact — the symbol, the masthead date, the original language(s), a letter's date — that is
    not the base version's.

    Why: every version is issued under one symbol and date; a version with another is filed as another
    document.

    Example::

        # en.yaml: date: 2017-09-15; ar.yaml: date: 2017-09-16: CD621

    Manual: un-conventions.md §1.1, §1.4.
    """
    base, version = pair.base.doc, pair.version.doc
    for attr, what in _MASTHEAD:
        mine, theirs = getattr(version, attr), getattr(base, attr)
        if mine != theirs:
            key = "original_language" if attr == "originals" else attr
            pos = pair.base.outline.position((key,))
            yield Finding((key,), f"the {what} {_shown(mine)} where {pair.base.name}:{pos.line}:{pos.column} has "
                                  f"{_shown(theirs)}")
    if base.letter is not None and version.letter is not None and base.letter.date != version.letter.date:
        pos = pair.base.outline.position(("letter", "date"))
        yield Finding(("letter", "date"), f"the letter's date {version.letter.date} where "
                                          f"{pair.base.name}:{pos.line}:{pos.column} has {base.letter.date}")


def _unmatched(facts: list[Fact], surplus: Counter) -> list[Fact]:
    """The facts in ``surplus`` (a count by value), the first ones of each value in order of appearance."""
    out = []
    for f in facts:
        if surplus[f.value] > 0:
            surplus[f.value] -= 1
            out.append(f)
    return out


def _shown(value: object) -> str:
    return ", ".join(value) if isinstance(value, tuple) else str(value)
