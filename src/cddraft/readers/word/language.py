"""The language of the version being imported: the words of its masthead, else the script of its text (Arabic,
Chinese, Cyrillic) or, in Latin script, its commonest short words (the, of / le, les / el, los); the language the
file declares only where these say nothing — Word declares the proofing language of the template the file was
made from, often English for an Arabic or a French text. ``--language`` is asked for only when nothing tells."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from lxml import etree

from cddraft.conventions import load_conventions
from cddraft.conventions.dates import parse_date
from cddraft.languages import LANGUAGES
from cddraft.model.charsets import HANGUL, IDEOGRAPHS, KANA, char_class
from cddraft.readers.word.forms import language_code
from cddraft.readers.word.package import Parts, w

#: Characters of text read to tell the language (the start of the body: enough, and quick on a long report).
SAMPLE = 20_000
_ARABIC = char_class("\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc")
_SCRIPTS = {"ar": re.compile(_ARABIC), "zh": re.compile(char_class(IDEOGRAPHS)),
            "ru": re.compile("[\u0400-\u04ff]"), "latin": re.compile("[A-Za-z\u00c0-\u024f]"),
            "other": re.compile(char_class(KANA + HANGUL + "\u0370-\u03ff\u0590-\u05ff\u0900-\u0dff\u0e00-\u0eff"))}
#: Short words each of the three Latin-script languages uses often and the other two do not (none of one letter:
#: "y", "a" are as often a symbol's or a list's).
_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "by", "be", "are", "this", "was", "it",
           "as", "at", "which", "have", "has", "from", "not", "or", "an", "its", "their", "were", "been", "shall"},
    "fr": {"le", "les", "des", "et", "du", "une", "est", "dans", "pour", "qui", "sur", "au", "aux", "par", "pas", "ce",
           "cette", "sont", "il", "elle", "ne", "avec", "qu", "été", "ont", "leur"},
    "es": {"el", "los", "las", "del", "una", "es", "por", "para", "con", "al", "su", "sus", "lo", "como", "más",
           "pero", "este", "esta", "ha", "han", "fue", "sobre", "entre", "también"},
}
_TOKEN = re.compile(r"[^\W\d_]+")


def text_sample(body: etree._Element, limit: int = SAMPLE) -> str:
    """The first ``limit`` characters of the body's text."""
    out: list[str] = []
    size = 0
    for t in body.iter(w("t")):
        if t.text:
            out.append(t.text)
            size += len(t.text)
            if size >= limit:
                break
    return " ".join(out)


_SCRIPT_OF = {"ar": "ar", "zh": "zh", "ru": "ru", "en": "latin", "fr": "latin", "es": "latin"}
#: How much text overrides the language a file declares: letters of another script, or short words of another
#: Latin-script language (the declared language's own script still under this share of the letters).
_STRONG_LETTERS, _STRONG_WORDS, _DECLARED_SHARE = 20, 5, 0.3


def by_text(text: str, declared: str | None = None) -> str | None:
    """The language the text is written in, when its script or its short words tell; None when they do not. With
    the language the file declares, only text that plainly says otherwise overrides it: mostly another script
    (the declared one under a third of the letters), or many short words of another Latin-script language."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    letters = sum(counts.values())
    if not letters:
        return declared
    own = counts[_SCRIPT_OF[declared]] / letters if declared else 0.0
    for code in ("ar", "zh", "ru"):
        if counts[code] >= 0.4 * letters and counts[code] >= counts["other"]:
            if declared is None or declared == code or (counts[code] >= _STRONG_LETTERS and own < _DECLARED_SHARE):
                return code
            return declared
    if counts["latin"] < 0.5 * letters:
        return declared
    if declared is not None and _SCRIPT_OF[declared] != "latin":
        return declared
    tokens = _TOKEN.findall(text.lower())
    found = Counter(t for t in tokens if any(t in words for words in _WORDS.values()))
    scores = {code: sum(n for t, n in found.items() if t in words) for code, words in _WORDS.items()}
    code = max(scores, key=lambda c: scores[c])
    best, second = scores[code], max(n for c, n in scores.items() if c != code)
    if declared is None:
        return code if best and best >= 2 * second and (best >= 3 or second == 0) else None
    if code != declared and best >= max(_STRONG_WORDS, len(tokens) // 10) and best >= 3 * max(second, 1) and \
            scores[declared] * 3 <= best:  # a tenth of the words at least: real text, not a list of names
        return code
    return declared


@cache
def _masthead_words() -> list[tuple[str, str]]:
    """(a masthead line, the language it is written in or names as the version's), the version-language lines
    first ("Arabic", "Français" …), then the lines only one language writes: "Distr. générale", "Naciones Unidas",
    the bodies' names ("Conférence du désarmement", "مؤتمر نزع السلاح")."""
    lines: list[tuple[str, str]] = []
    for code in LANGUAGES:
        lines.append((_key(load_conventions(code).masthead.version_line), code))
    owners: dict[str, set[str]] = {}
    for code in LANGUAGES:
        conv = load_conventions(code)
        names = [b.name for b in conv.bodies.values() if "{" not in b.name]
        for line in (conv.masthead.united_nations, *conv.masthead.distribution.values(), *names):
            owners.setdefault(_key(line), set()).add(code)
    lines += [(line, next(iter(codes))) for line, codes in owners.items() if len(codes) == 1]
    return lines


def _key(line: str | None) -> str:
    line = line or ""
    return " ".join(line.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


def by_masthead(lines: Iterable[str]) -> str | None:
    """The version's language as its masthead gives it: its version-language line, lines in its language, or a date
    in French or Spanish (the other versions date their mastheads in English)."""
    keys = {_key(line) for line in lines}
    found = next((code for line, code in _masthead_words() if line and line in keys), None)
    if found is None:
        for code in ("fr", "es"):
            if any(parse_date(line, load_conventions(code)) for line in lines if re.search(r"\d{4}", line)):
                return code
    return found


def decide(parts: Parts, forced: str | None, masthead: list[str] | None) -> tuple[str | None, str | None]:
    """(the language, a warning when it is not the one the file declares); (None, None) when nothing tells."""
    if forced:
        return forced, None
    declared = language_code(parts.language)
    told = by_masthead(masthead) if masthead else None
    how = "its masthead names"
    if told is None:
        told, how = by_text(text_sample(parts.body), declared), "its text is in"
    if told is None:
        return None, None
    if declared and declared != told:
        names = load_conventions("en").masthead.language_names
        return told, (f"the file declares its language as {parts.language} ({names[declared]}), but {how} "
                      f"{names[told]}: imported as {told} (--language to choose another)")
    return told, None
