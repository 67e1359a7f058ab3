"""Several outlines → the versions of each document (grouped by symbol), each read against its base, and the
findings of the CD6xx rules at ``FILE:LINE:COL``.

The base is the version written in the original language (``language`` = ``original_language``), or the one
given; a document with several original languages takes the first one's version. The outline's
``check: disable:`` and ``# cddraft: disable=…`` comments declare a legitimate difference, as for ``check``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from cddraft.check.align.pair import Pair, Version
from cddraft.check.registry import rules_for, select
from cddraft.check.run import outline_disabled, positioned
from cddraft.errors import Diagnostic
from cddraft.model.document import Document
from cddraft.readers.outline.positions import Outline


@dataclass
class Group:
    """The versions of one document: the base and the others, each with its pair and findings."""

    symbol: str
    base: Version
    pairs: list[Pair] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)


def _base(versions: list[Version], chosen: str | None) -> Version | None:
    if chosen is not None:
        for v in versions:
            if Path(v.file).resolve() == Path(chosen).resolve():
                return v
    for v in versions:
        if v.doc.language == v.doc.originals[0]:
            return v
    return None


def groups(read: list[tuple[str, Outline, Document]], base: str | None = None, *,
           disable: AbstractSet[str] = frozenset(), lone: bool = True) -> tuple[list[Group], list[Diagnostic]]:
    """The versions grouped by symbol; a document with one version (unless ``lone`` is false), or none in its
    original language, is said. ``disable`` holds rule codes switched off for the whole run."""
    by_symbol: dict[str, list[Version]] = {}
    for file, outline, doc in read:
        by_symbol.setdefault(doc.symbol.rstrip("*"), []).append(Version(file, outline, doc))
    out: list[Group] = []
    problems: list[Diagnostic] = []
    if base is not None and not any(Path(f).resolve() == Path(base).resolve() for f, _, _ in read):
        problems.append(Diagnostic("--base names none of the outlines given; give the version to compare with "
                                   "among them", file=base))
        return out, problems
    for symbol, versions in by_symbol.items():
        if len(versions) < 2:
            if not lone:
                continue
            problems.append(Diagnostic(f"{symbol} has only this version here: give its other language versions to "
                                       "compare them", file=versions[0].file, severity="warning"))
            continue
        first = _base(versions, base)
        if first is None:
            names = ", ".join(v.name for v in versions)
            problems.append(Diagnostic(f"none of the versions of {symbol} ({names}) is in its original language "
                                       f"({versions[0].doc.originals[0]}); give the one to compare with as --base",
                                       file=versions[0].file))
            continue
        group = Group(symbol, first)
        for v in versions:
            if v is not first:
                pair = Pair(first, v)
                group.pairs.append(pair)
                group.findings.extend(findings(pair, disable))
        out.append(group)
    if lone and read and not out and not any(p.severity == "error" for p in problems):
        symbols = ", ".join(sorted(by_symbol))
        problems.append(Diagnostic(f"nothing was compared: the outlines are versions of different documents "
                                   f"({symbols}); give the language versions of one document (one symbol)",
                                   file=read[0][0]))
    return out, problems


def findings(pair: Pair, disable: AbstractSet[str] = frozenset()) -> list[Diagnostic]:
    """The CD6xx findings of one version against the base, positioned in the version's outline, less those the
    version declares (and those switched off in ``disable``)."""
    version = pair.version
    off, _ = select(outline_disabled(version.doc))
    enabled = rules_for("versions", disabled=off | set(disable))
    return positioned(((r, f) for r in enabled for f in r.check(pair)), version.outline, version.file)
