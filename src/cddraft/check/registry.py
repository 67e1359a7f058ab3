"""The rule registry: every editorial rule is a small function registered under a code.

A rule yields :class:`Finding` values — a model path and a message, never a position (the
runner adds it, so every rule reports the same way). Its docstring is its documentation (what it
flags, why, an example, the manual section), shown by ``cddraft check --explain CODE``. Codes are
assigned here once and never reused; their hundreds say the topic (CD1xx structure, CD2xx
footnotes, CD3xx masthead and letter, CD4xx length, CD5xx typography, spelling, dates and
quotation marks, CD6xx the language versions of one document against each other, and a revision against the
outline it is compared with; x90-x99 check a built .docx).

A rule's target says what it reads: ``outline`` rules a document and its :class:`~cddraft.check.context.Context`
(``cddraft check``, and the CD1xx/CD3xx ones in every build), ``docx`` rules a built Word file, ``versions`` rules
a :class:`~cddraft.check.align.pair.Pair` of language versions (``cddraft align``), ``compare`` rules a
:class:`~cddraft.check.context.Compared` pair of states of one document (``cddraft diff``, ``cddraft corrigendum``).
:func:`rules_for`, :func:`select` and :func:`every_rule` load the rules they need (:func:`cddraft.check.rules.load`,
the one way they are loaded).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

from cddraft.errors import Path_

Severity = Literal["error", "warning"]
Target = Literal["outline", "docx", "versions", "compare"]
_CODE = re.compile(r"^CD[1-6]\d\d$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Finding:
    """One problem found by a rule.

    ``path`` is the outline path of the value concerned; ``offset`` (with ``text``, the raw
    string at ``path``) narrows it to a character inside that value; ``key`` points at the key
    rather than its value.
    """

    path: Path_
    message: str
    offset: int | None = None
    text: str | None = None
    key: bool = False


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Callable[..., Iterator[Finding]]
    target: Target = "outline"
    #: The version languages the rule checks (its patterns are words of these languages); None: every one.
    languages: tuple[str, ...] | None = None

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""


#: Every registered rule, by code.
RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: Severity, summary: str, *, target: Target = "outline",
    languages: tuple[str, ...] | None = None,
) -> Callable[[Callable[..., Iterator[Finding]]], Callable[..., Iterator[Finding]]]:
    """Register ``fn`` as rule ``code``; refuse malformed, duplicate or undocumented rules."""

    def register(fn: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        if not _CODE.match(code):
            raise ValueError(f"rule code {code!r} must be CD1xx-CD6xx")
        if not _NAME.match(name):
            raise ValueError(f"rule name {name!r} must be kebab-case")
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"rule {code} {name} is registered twice")
        if not inspect.getdoc(fn):
            raise ValueError(f"rule {code} needs a docstring: it is the rule's documentation")
        if "\n" in summary or len(summary) > 100:
            raise ValueError(f"rule {code}: the summary is one short line")
        RULES[code] = Rule(code, name, severity, summary, fn, target, languages)
        return fn

    return register


def select(selectors: Iterable[str]) -> tuple[set[str], list[str]]:
    """Codes matched by ``selectors`` (a code, a code prefix such as ``CD5``, or a rule name).

    Returns the matched codes and the selectors that matched nothing (for a message). Every rule is loaded
    first (when there is something to match): a selector may name any of them.
    """
    matched: set[str] = set()
    unknown: list[str] = []
    wanted = [sel for raw in selectors if (sel := raw.strip())]
    if wanted:
        _load()
    for sel in wanted:
        up = sel.upper()
        hits = {c for c in RULES if up.startswith("CD") and c.startswith(up)}
        hits |= {c for c, r in RULES.items() if r.name == sel.lower()}
        if not hits:
            unknown.append(sel)
        matched |= hits
    return matched, unknown


def rules_for(
    target: Target, *, disabled: AbstractSet[str] = frozenset(), only: AbstractSet[str] | None = None,
    language: str | None = None, families: tuple[str, ...] | None = None,
) -> list[Rule]:
    """The enabled rules of one target (and, when given, of one version language and of some families: code
    prefixes such as ``CD1``), in code order; loaded first (only the build's modules for the build's families)."""
    _load(families)
    return [
        r
        for code, r in sorted(RULES.items())
        if r.target == target and code not in disabled and (only is None or code in only)
        and (language is None or r.languages is None or language in r.languages)
        and (families is None or code.startswith(families))
    ]


def every_rule() -> list[Rule]:
    """Every rule, in code order (``cddraft check --list-rules``, ``--explain``); loaded first."""
    _load()
    return [RULES[code] for code in sorted(RULES)]


def _load(families: tuple[str, ...] | None = None) -> None:
    from cddraft.check import rules  # the rule modules import this one

    rules.load(families)
