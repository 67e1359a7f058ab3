"""CD501-CD504, CD511: English spelling and abbreviation rules that are mechanical (§6.8, §6.9)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.model.document import Document

#: Stems spelt with -is- (or -yz-) whose Oxford (UN) form is -iz- (or -ys-). A curated list, not a
#: suffix rule: advise, comprise, compromise, exercise, expertise, revise, supervise, surprise,
#: televise, enterprise, franchise, premise, promise … keep their -ise and are never matched.
_STEMS = (
    "apologis", "authoris", "capitalis", "categoris", "characteris", "civilis", "conceptualis",
    "contextualis", "criminalis", "criticis", "crystallis", "customis", "decentralis", "demilitaris",
    "democratis", "denuclearis", "destabilis", "emphasis", "energis", "equalis", "familiaris", "finalis",
    "formalis", "generalis", "globalis", "harmonis", "hospitalis", "idealis", "immunis", "industrialis",
    "institutionalis", "internationalis", "jeopardis", "legitimis", "localis", "marginalis", "materialis",
    "maximis", "mechanis", "memoris", "militaris", "minimis", "mobilis", "modernis", "monopolis",
    "nationalis", "neutralis", "normalis", "operationalis", "optimis", "organis", "penalis", "polaris",
    "prioritis", "privatis", "publicis", "rationalis", "realis", "recognis", "regularis", "reorganis",
    "revitalis", "scrutinis", "sensitis", "specialis", "stabilis", "standardis", "stigmatis", "subsidis",
    "summaris", "symbolis", "synchronis", "systematis", "utilis", "visualis", "weaponis",
)
_PAIRS = {s: s[:-1] + "z" for s in _STEMS} | {"analyz": "analys", "paralyz": "paralys", "catalyz": "catalys"}
_ENDINGS = r"(?:e|es|ed|ing|ation|ations|er|ers|able)"
_SPELLING = re.compile(rf"\b({'|'.join(sorted(_PAIRS, key=len, reverse=True))})({_ENDINGS})\b", re.IGNORECASE)


def _recase(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word[0].upper() + word[1:] if like[:1].isupper() else word


@rule("CD501", "non-oxford-spelling", "error", "English: -ise/-yze spelling where the UN writes -ize/-yse",
      languages=("en",))
def non_oxford_spelling(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags British -ise forms (organisation, recognise) and American -yze forms (analyze) in English.

    Why: UN English follows the first-listed spelling of the Concise Oxford English Dictionary:
    -ize (organization, recognize, prioritize, weaponization) but -yse (analyse, paralyse). Words
    whose -ise is not a suffix (advise, comprise, exercise, revise, surprise …) are not on the
    curated list and are never flagged.

    Example::

        - The organisation recognised the need …     # CD501: organization, recognized

    A proper name that really is spelt with -ise (a national body) can be let through with
    ``# cddraft: disable=CD501`` on its line.

    Manual: un-conventions.md §6.9 (Editorial Manual; Concise Oxford); lint rule L4.
    """
    for node, flat in ctx.visible_texts():
        for m in _SPELLING.finditer(flat.text):
            stem, ending = m.group(1), m.group(2)
            right = _recase(_PAIRS[stem.lower()], stem) + ending
            yield ctx.at(node, flat, m.start(), f"UN spelling is “{right}”, not “{m.group()}”")


#: Two-letter abbreviations that are written with full stops by mistake; other pairs of capitals
#: with stops are usually a person's initials (J.F. Kennedy) and are left alone.
_TWO_LETTER = frozenset({"U.N.", "U.S.", "U.K.", "E.U.", "A.U."})
#: Titles that keep their full stops: the Court's own series, in English and French.
_ALLOWED = re.compile(r"I\.C\.J\. Reports|C\.I\.J\. Recueil")
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,})(?![\w])")


@rule("CD502", "acronym-with-full-stops", "error", "An abbreviation is written with full stops (U.N., N.P.T.)",
      languages=("en", "fr", "es"))
def acronym_with_full_stops(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags abbreviations and acronyms written with full stops: U.N., N.P.T., I.A.E.A.

    Why: abbreviations and acronyms are written without full stops (UNDP, not U.N.D.P.).
    Three or more dotted capitals are always flagged; two only when they are a known
    abbreviation (U.N., U.S., U.K., E.U., A.U.), since otherwise they are usually initials of a
    name. The title of the Court's series, *I.C.J. Reports*, keeps its stops.

    Example::

        - … the N.P.T. review cycle …       # CD502: NPT

    Manual: un-conventions.md §6.9 (Editorial Manual; Correspondence Manual, abbreviations);
    lint rule L5.
    """
    for node, flat in ctx.visible_texts():
        allowed = {m.start() for m in _ALLOWED.finditer(flat.text)}
        for m in _DOTTED.finditer(flat.text):
            dotted = m.group(1)
            if m.start() in allowed or (len(dotted) == 4 and dotted not in _TWO_LETTER):
                continue
            right = "United Nations" if dotted == "U.N." else dotted.replace(".", "")
            yield ctx.at(node, flat, m.start(), f"write abbreviations without full stops: “{right}”, not “{dotted}”")


_POSSESSIVE = re.compile(r"\b([A-Z]{2,})['’]s\b")


@rule("CD503", "acronym-possessive", "error", "English: an acronym is used in the possessive (NPT's)",
      languages=("en",))
def acronym_possessive(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags an acronym in the possessive: "the NPT's review", "UNIDIR's report".

    Why: UN English does not use abbreviations in the possessive; write "the review of the
    NPT", "the report of UNIDIR".

    Example::

        - … the NPT's three pillars …       # CD503: the three pillars of the NPT

    Manual: un-conventions.md §6.9 (Editorial Manual); lint rule L5.
    """
    for node, flat in ctx.visible_texts():
        for m in _POSSESSIVE.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), f"do not use “{m.group(1)}” in the possessive; rephrase with “of” "
                                                "(“the pillars of the NPT”)")


_PERCENT = re.compile(r"\bpercent\b|(?<=\d)\s?%", re.IGNORECASE)


@rule("CD504", "percent-not-per-cent", "error", "English: “percent” or “%” where the UN writes “per cent”",
      languages=("en",))
def percent_not_per_cent(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags "percent" and "%" after a figure in English text.

    Why: percentages are written in figures with "per cent" spelt out as two words ("15 per
    cent"); the sign % is used only in tables (§6.10), whose cells are not flagged.

    Example::

        - … fell by 15% …                  # CD504: 15 per cent

    Manual: un-conventions.md §6.8 (Editorial Manual, numbers); lint rule L6.
    """
    for node, flat in ctx.visible_texts():
        if node.role == "cell":  # "The % sign may be used in tables if space is limited" (Editorial Manual)
            continue
        for m in _PERCENT.finditer(flat.text):
            yield ctx.at(node, flat, m.start(), f"write “per cent”, not “{m.group().strip()}”")


#: "UN" is never a word of its own, except in the names of UN-Women, UN-Habitat and similar entities.
_UN = re.compile(r"\bUN\b(?![-‑–]\w)(?!\s+Women\b)|\bS-?G\b|\bSecGen\b")


@rule("CD511", "abbreviated-united-nations", "error", "English: “UN” or “SG” for United Nations, Secretary-General",
      languages=("en",))
def abbreviated_united_nations(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags "UN" (as a word) and "SG"/"S-G" in English text.

    Why: "United Nations" and "Secretary-General" are never abbreviated in UN documents. Entity
    names that contain "UN" (UN-Women, UN-Habitat, UNIDIR) are not flagged.

    Example::

        - … the UN disarmament machinery …       # CD511: United Nations

    Manual: un-conventions.md §6.9 (Correspondence Manual, abbreviations); lint rule L17.
    """
    for node, flat in ctx.visible_texts():
        for m in _UN.finditer(flat.text):
            full = "United Nations" if m.group() == "UN" else "Secretary-General"
            yield ctx.at(node, flat, m.start(), f"write “{full}” in full, not “{m.group()}”")
