"""CD311: text left as the ``cddraft new`` starter outline wrote it (§1.4, §5)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import yaml

from cddraft.cache import read_json, source_digest, write_json
from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.conventions import english_name
from cddraft.conventions.bodies import bodies
from cddraft.model.document import Document
from cddraft.model.markup import text as parse_markup
from cddraft.scaffolds import KINDS, scaffold

#: A starter text this long (in words) is flagged on its own: an English sentence or title no document
#: shares by chance. In another language's version even three English words are untranslated.
_ALONE_EN, _ALONE_OTHER = 6, 3
#: The language of the starter outlines' texts.
_STARTER_LANGUAGE = "en"


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Starters:
    """What the starter outlines of every body say: their visible texts (footnotes apart), their signatories as
    ``(name, *titles)``, and their placeholder values (symbols, job numbers, dates)."""

    texts: frozenset[str]
    signatories: frozenset[tuple[str, ...]]
    placeholders: frozenset[str]


#: Keys of an outline whose values are not printed texts (a starter's placeholders are read separately).
_NOT_TEXT = frozenset({"kind", "symbol", "language", "original_language", "distribution", "job_number", "date",
                       "footer_stamps", "agenda_item", "signatory_order", "table_numbering", "rows_from", "id",
                       "columns", "width", "whole", "country"})


def _strings(value: object, key: str = "") -> Iterator[str]:
    """Every printed string of an outline's data (the values of its text keys, in lists and mappings)."""
    if isinstance(value, str):
        if key not in _NOT_TEXT:
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, dict):
        for k, item in value.items():
            yield from _strings(item, str(k))


def _visible(raw: str) -> list[str]:
    """A text as it prints (markup resolved), then each of its footnotes' texts."""
    seen = parse_markup(" ".join(raw.split())).visible
    return [t for t in (_norm(seen.text), *(_norm(n.visible.text) for n in seen.notes)) if t]


#: What the starters' texts are made from: the starter outlines, the values they are filled with, and the code
#: that reads them. A change to any gives another cache key.
_SOURCES = (("cddraft.scaffolds", "*.yaml"), ("cddraft.scaffolds", "__init__.py"),
            ("cddraft.conventions", "data/en.yaml"), ("cddraft.conventions", "data/bodies.yaml"),
            ("cddraft.model", "inline.py"), ("cddraft.model", "markup.py"), ("cddraft.check.rules", "starter.py"))


@cache
def starters() -> Starters:
    """Every starter outline of ``cddraft new`` (each kind, for each body), worked out once and kept in the user's
    cache folder: every build asks for it, and reading the 72 starters takes a tenth of a second."""
    name = f"starters-{source_digest(_SOURCES)}.json"
    kept = read_json(name)
    if isinstance(kept, dict):
        return Starters(frozenset(kept["texts"]), frozenset(tuple(s) for s in kept["signatories"]),
                        frozenset(kept["placeholders"]))
    found = _read_starters()
    write_json(name, {"texts": sorted(found.texts), "signatories": sorted(found.signatories),
                      "placeholders": sorted(found.placeholders)}, replacing="starters-*.json")
    return found


def _read_starters() -> Starters:
    """The starters' texts, signatories and placeholders. The starters are cddraft's own outlines, which build
    (tests): their data is read with YAML and their texts parsed as markup, without the outline reader's positions
    and validation."""
    texts: set[str] = set()
    signatories: set[tuple[str, ...]] = set()
    placeholders: set[str] = set()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for kind in KINDS:
        for code in bodies():
            data = yaml.load(scaffold(kind, _STARTER_LANGUAGE, code), Loader=loader)
            for raw in _strings(data):
                texts.update(_visible(raw))
            letter = data.get("letter") or {}
            for sig in letter.get("signatories") or []:
                signatories.add(tuple(" ".join(_visible(t)) for t in (sig["name"], *sig.get("titles", []))))
            values = [data.get("symbol"), data.get("job_number"), data.get("date"), letter.get("date"),
                      *(data.get("footer_stamps") or [])]
            placeholders.update(v.isoformat() if hasattr(v, "isoformat") else str(v) for v in values if v)
    return Starters(frozenset(texts), frozenset(signatories), frozenset(placeholders))


def _placeholders(doc: Document) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """The values a starter fills in that are not texts: the symbol, the job number, the dates."""
    yield ("symbol",), doc.symbol
    yield ("job_number",), doc.job_number
    yield ("date",), doc.date.isoformat()
    if doc.letter is not None:
        yield ("letter", "date"), doc.letter.date.isoformat()
    for i, stamp in enumerate(doc.footer_stamps):
        yield ("footer_stamps", i), stamp.isoformat()


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0] + " …"


@rule("CD311", "starter-text-left", "warning", "A text is still that of the `cddraft new` starter outline")
def starter_text_left(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a text that is still, word for word, a text of a ``cddraft new`` starter outline.

    Why: ``cddraft new`` writes an outline that builds as it is, with English example texts (a
    letter from Myanmar, a note verbale, a coordinator's report). A text that was not replaced is
    printed as it stands — in a French note verbale, "adressée the secretariat of the Conference
    par the Permanent Mission of Myanmar". Every printed text is compared as it prints (line
    breaks, emphasis and footnote markers aside; a footnote is compared on its own): sender,
    addressee, ``transmits``, paragraphs, titles, headings, items, signatory names and titles,
    annex content. The symbol, the job number and the dates the starter fills in are flagged with them, while
    the outline visibly is the starter; the titles under a signatory's name ("Ambassador"), which most letters
    keep, only together with the starter's signatory.

    A short starter text may well be the document's own: a name, a title ("Ambassador"), a
    heading ("Introduction"), an item. Such a text (under six words in an English version, under
    three in the others) is flagged only while the outline still keeps a longer starter text or
    the starter's signatory (same name and titles) — that is, while it visibly is the starter.

    Example::

        language: fr
        letter:
          sender: the Permanent Mission of Myanmar to the Conference on Disarmament   # CD311
          addressee: the secretariat of the Conference                              # CD311

    Manual: un-conventions.md §1.4 (a version is in its own language), §5.2, §5.3 (title and
    body of communications).
    """
    known = starters()
    texts, signatories = known.texts, known.signatories
    alone = _ALONE_EN if ctx.lang == _STARTER_LANGUAGE else _ALONE_OTHER
    anchored: set[tuple[str | int, ...]] = set()
    if doc.letter is not None:
        for i, sig in enumerate(doc.letter.signatories):
            if tuple(_norm(t.visible.text) for t in (sig.name, *sig.titles)) in signatories:
                anchored.add(("letter", "signatories", i, "name"))
                anchored.update(("letter", "signatories", i, "titles", j) for j in range(len(sig.titles)))
    language = english_name(ctx.lang)

    def message(text: str) -> str:
        return (f"“{_shown(text)}” is still the text of the `cddraft new` starter outline; replace it with "
                f"this document's own text, in {language}")

    hits: list[tuple[Finding, bool]] = []
    for node in ctx.nodes:
        seen = node.visible
        if node.path[:2] == ("letter", "signatories") and "titles" in node.path and node.path not in anchored:
            continue  # "Ambassador", "Permanent Representative": titles most letters keep
        if (text := _norm(seen.text)) in texts:
            hits.append((Finding(node.path, message(text)), len(text.split()) >= alone or node.path in anchored))
        for note in seen.notes:
            if (text := _norm(note.visible.text)) in texts:
                hits.append((ctx.at(node, note.visible, 0, message(text)), len(text.split()) >= alone))
    for path, value in _placeholders(doc):
        if value and str(value) in known.placeholders:
            hits.append((Finding(path, f"{value} is still the `cddraft new` starter outline's placeholder; put this "
                                       "document's own"), False))
    if any(on_its_own for _, on_its_own in hits):
        yield from (finding for finding, _ in hits)
