"""The bodies whose documents cddraft drafts, as data (``data/bodies.yaml``): which symbols each one's
documents carry, and what its masthead, footer and letters need. A document's body is told by its symbol.

Wording that depends on the language is in each language's file, under ``bodies:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import BaseModel, ConfigDict

from cddraft.cache import read_pickle, source_digest, write_pickle

#: The final components every body's symbols may take: revision, corrigendum, addendum, amendment; a
#: final ``*`` marks a reissue (§1.3).
MODIFIERS = r"(?:/(?:Rev|Corr|Add|Amend)\.[0-9]{1,2})*\*?"


#: The final revision and corrigendum components of a symbol (and a reissue's ``*``): what a Rev. or Corr. revises.
_REVISION = re.compile(r"(?:/(?:Rev|Corr)\.[0-9]{1,2})+\*?$")


def revised_document(symbol: str) -> str | None:
    """The symbol of the document a revision or corrigendum replaces or corrects (``CD/2101/Rev.1`` →
    ``CD/2101``); None for a symbol that is neither."""
    m = _REVISION.search(symbol)
    return symbol[:m.start()] if m else None


def same_document(a: str, b: str) -> bool:
    """Whether two symbols name one document or its revisions (``CD/2101``, ``CD/2101*``, ``CD/2101/Rev.2``)."""
    def base(s: str) -> str:
        return revised_document(s) or s.rstrip("*")

    return base(a) == base(b)


#: A masthead's Distr. line, or none.
Distribution = Literal["none", "general", "limited", "restricted"]


class Body(BaseModel):
    """One body: its symbol grammar and what its documents carry."""

    # defer_build: validated once and kept in the user's cache (:func:`bodies`), like the languages' conventions.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    symbol: str
    example: str
    united_nations: bool
    emblem: bool
    distribution: Distribution
    job_number: Literal["geneva", "new_york"]
    agenda_item: bool
    name_size: float
    #: The session line under the masthead: the General Assembly's, a conference's numbered session, or none.
    session: Literal["assembly", "numbered", "none"]
    #: How the agenda item is printed there: the Assembly's forms, a meeting's, or none (no agenda line).
    agenda: Literal["assembly", "meeting", "none"]
    #: Whether its documents print the meeting's place and dates under the masthead.
    meeting: bool


@dataclass(frozen=True)
class BodyMatch:
    """The body of a symbol, and what its symbol says (``year`` of an NPT review conference)."""

    code: str
    body: Body
    fields: dict[str, str]

    def distribution(self, symbol: str) -> Distribution:
        """The masthead's Distr. line by default: an L. document's (a draft resolution or decision) is limited
        (Editorial Manual; docs/un-conventions.md §13), any other the body's."""
        return "limited" if "/L." in symbol else self.body.distribution


@cache
def bodies() -> dict[str, Body]:
    """Every body, by its code (``CD``, ``S``, ``A+S`` …), read once (and kept validated in the user's cache)."""
    name = f"bodies-{source_digest(_SOURCES, PYDANTIC_VERSION)}.pickle"
    kept = read_pickle(name)
    if isinstance(kept, dict):
        return kept
    text = resources.files("cddraft.conventions").joinpath("data", "bodies.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found = {code: Body.model_validate(value) for code, value in data.items()}
    write_pickle(name, found, replacing="bodies-*.pickle")
    return found


#: What :func:`bodies` follows from.
_SOURCES = (("cddraft.conventions", "data/bodies.yaml"), ("cddraft.conventions", "bodies.py"))


@cache
def _pattern(code: str) -> re.Pattern[str]:
    """A body's symbol grammar, compiled when first tried (a build tries its own body's, not all fifteen)."""
    return re.compile(f"^(?:{bodies()[code].symbol}){MODIFIERS}$")


def body_of(symbol: str) -> BodyMatch | None:
    """The body whose symbol grammar ``symbol`` follows, or None."""
    for code in bodies():
        m = _pattern(code).match(symbol)
        if m:
            return BodyMatch(code, bodies()[code], {k: v for k, v in m.groupdict().items() if v is not None})
    return None


def _series(symbol: str) -> str:
    """What a symbol starts with, up to its numbers: ``CD/``, ``S/``, ``NPT/CONF.`` …"""
    return re.split(r"[0-9]", symbol, maxsplit=1)[0]


def closest_examples(symbol: str) -> list[str]:
    """Example symbols of the bodies nearest to ``symbol`` (same series first), for a "did you mean"."""
    import difflib

    examples = {code: body.example for code, body in bodies().items()}
    same = [ex for ex in examples.values() if _series(ex).split("/")[0] == _series(symbol).split("/")[0]]
    if same:
        return same
    by_series = {_series(ex): ex for ex in examples.values()}
    near = difflib.get_close_matches(_series(symbol), list(by_series), n=2, cutoff=0.4)
    return [by_series[s] for s in near]
