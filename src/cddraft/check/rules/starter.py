"""CD311: text left as the ``cddraft new`` starter outline wrote it (§1.4, §5)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.check.text import REF_STANDIN, flatten
from cddraft.conventions import load_conventions
from cddraft.model.document import Document

#: Keys of the starter outlines whose values are not printed text (placeholders the other rules check).
_NOT_TEXT = frozenset({"kind", "symbol", "language", "original_language", "date", "distribution", "job_number",
                       "footer_stamps", "qr", "id", "country", "check"})
#: A starter text this long (in words) is flagged on its own: an English sentence or title no document
#: shares by chance. In another language's version even three English words are untranslated.
_ALONE_EN, _ALONE_OTHER = 6, 3

# The rule runs with every build (CD3xx), so it must not flatten every paragraph of a long report (about
# 0.5 ms each): a cheap approximation of the visible text selects the candidates, and only those are
# compared exactly on the flattened text.
_MARKUP = re.compile(r"[\\*~^{]")
_NOTE = re.compile(r"\^\[((?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]", re.S)
_SUP = re.compile(r"\^\{((?:\\.|[^{}\\])*)\}", re.S)
_REF = re.compile(r"\{ref:[A-Za-z][\w.-]*\}")
_INLINE = re.compile(r"\\(.)|\*+|~", re.S)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _approx(raw: str) -> str:
    """Roughly the visible text of ``raw`` (footnotes left out), whitespace collapsed."""
    if _MARKUP.search(raw):
        raw = _REF.sub(REF_STANDIN, _SUP.sub(r"\1", _NOTE.sub("", raw)))
        raw = _INLINE.sub(lambda m: m.group(1) if m.group(1) is not None else (" " if m.group() == "~" else ""), raw)
    return _norm(raw)


def _texts(data: object, out: set[str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_TEXT:
                _texts(value, out)
    elif isinstance(data, list):
        for value in data:
            _texts(value, out)
    elif isinstance(data, str):
        flat = flatten(data)
        out.update(t for t in (_norm(flat.text), *(_norm(n.flat.text) for n in flat.notes)) if t)


@cache
def starter_texts() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The visible texts of the starter outlines shipped in ``cddraft/scaffolds`` (footnotes apart), and
    their signatories as ``(name, *titles)``; read once."""
    texts: set[str] = set()
    signatories: set[tuple[str, ...]] = set()
    for entry in sorted(resources.files("cddraft.scaffolds").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.load(entry.read_text("utf-8").replace("{language}", "en"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if not isinstance(data, dict):
            continue
        _texts(data, texts)
        for sig in ((data.get("letter") or {}).get("signatories") or []):
            signatories.add(tuple(_norm(flatten(str(t)).text) for t in (sig.get("name", ""), *sig.get("titles", []))))
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
    alone = _ALONE_EN if ctx.lang == "en" else _ALONE_OTHER
    anchored: set[tuple[str | int, ...]] = set()
    if doc.letter is not None:
        for i, sig in enumerate(doc.letter.signatories):
            if (_approx(sig.name), *map(_approx, sig.titles)) in signatories:
                anchored.add(("letter", "signatories", i, "name"))
                anchored.update(("letter", "signatories", i, "titles", j) for j in range(len(sig.titles)))
    language = load_conventions("en").masthead.language_names.get(ctx.lang, ctx.lang)

    def message(text: str) -> str:
        return (f"“{_shown(text)}” is still the text of the `cddraft new` starter outline; replace it with "
                f"this document's own text, in {language}")

    hits: list[tuple[Finding, bool]] = []
    for node in ctx.nodes:
        if _approx(node.raw) in texts and (text := _norm(node.flat.text)) in texts:
            hits.append((Finding(node.path, message(text)), len(text.split()) >= alone or node.path in anchored))
        if "^[" in node.raw and any(_approx(m.group(1)) in texts for m in _NOTE.finditer(node.raw)):
            for note in node.flat.notes:
                if (text := _norm(note.flat.text)) in texts:
                    hits.append((ctx.at(node, note.flat, 0, message(text)), len(text.split()) >= alone))
    if any(on_its_own for _, on_its_own in hits):
        yield from (finding for finding, _ in hits)
