"""CD311: text left as the ``cddraft new`` starter outline wrote it (§1.4, §5)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.conventions import english_name
from cddraft.model.document import Document
from cddraft.model.walk import markups
from cddraft.readers.outline.load import parse_outline_text
from cddraft.readers.outline.validate import build_document

#: A starter text this long (in words) is flagged on its own: an English sentence or title no document
#: shares by chance. In another language's version even three English words are untranslated.
_ALONE_EN, _ALONE_OTHER = 6, 3
#: The language of the starter outlines' texts.
_STARTER_LANGUAGE = "en"


def _norm(text: str) -> str:
    return " ".join(text.split())


@cache
def starter_texts() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The visible texts of the starter outlines shipped in ``cddraft/scaffolds`` (footnotes apart), and
    their signatories as ``(name, *titles)``; read once, through the outline reader like any outline."""
    texts: set[str] = set()
    signatories: set[tuple[str, ...]] = set()
    for entry in sorted(resources.files("cddraft.scaffolds").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        text = entry.read_text("utf-8").replace("{language}", _STARTER_LANGUAGE)
        doc = build_document(parse_outline_text(text, entry.name))
        for markup, _path in markups(doc):
            seen = markup.visible
            texts.update(t for t in (_norm(seen.text), *(_norm(n.visible.text) for n in seen.notes)) if t)
        for sig in doc.letter.signatories if doc.letter else []:
            signatories.add(tuple(_norm(t.visible.text) for t in (sig.name, *sig.titles)))
    return frozenset(texts), frozenset(signatories)


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
    annex content. The symbol, job number and dates are placeholders too, but not texts.

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
    texts, signatories = starter_texts()
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
        if (text := _norm(seen.text)) in texts:
            hits.append((Finding(node.path, message(text)), len(text.split()) >= alone or node.path in anchored))
        for note in seen.notes:
            if (text := _norm(note.visible.text)) in texts:
                hits.append((ctx.at(node, note.visible, 0, message(text)), len(text.split()) >= alone))
    if any(on_its_own for _, on_its_own in hits):
        yield from (finding for finding, _ in hits)
