"""Two versions of one document side by side: their blocks aligned so that one missing paragraph is one gap,
not a cascade of differences, and their footnotes paired in order.

Blocks are first matched on what they are and the numbers they state: blocks whose key is unique in both
versions fix the alignment (patience diff), difflib finds the runs that agree between them, and inside a
stretch that differs a small dynamic programme pairs blocks of one kind by likeness — the facts they share, and
their length relative to their document's (a paragraph is a similar share of every version).
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cddraft.check.align.units import Note, Unit, units
from cddraft.errors import SourcePos
from cddraft.model.document import Document
from cddraft.readers.outline.positions import Outline

#: The largest stretch aligned by likeness (cells of the programme); a larger one is paired in order.
_MAX_CELLS = 40_000
#: The least likeness at which two blocks are taken for one (below it, one is missing and one extra).
_LIKE = 0.35


@dataclass
class Version:
    """One language version: its file, outline (for positions), document and sequences."""

    file: str
    outline: Outline
    doc: Document
    units: list[Unit] = field(init=False)
    notes: list[Note] = field(init=False)
    share: list[float] = field(init=False)  # each block's length as a share of the document's text

    def __post_init__(self) -> None:
        self.units, self.notes = units(self.doc)
        total = sum(len(u.text) for u in self.units) or 1
        self.share = [len(u.text) / total for u in self.units]

    @property
    def name(self) -> str:
        return Path(self.file).name

    def at(self, unit: Unit | None, offset: int | None = None) -> SourcePos:
        """Where a block (or a character of its visible text) is written."""
        if unit is None:
            return SourcePos(1, 1)
        if offset is None or unit.node is None:
            return self.outline.position(unit.path)
        return self.outline.position(unit.path, offset=unit.node.visible.raw_offset(offset), text=unit.raw)

    def where(self, unit: Unit | None, offset: int | None = None) -> str:
        pos = self.at(unit, offset)
        return f"{self.name}:{pos.line}:{pos.column}"


def _keys(units: list[Unit]) -> list[tuple]:
    """What difflib matches blocks on: their kind and numbers; a signatory by its place among the signatories
    (names are written in each version's script: the first signs first)."""
    out: list[tuple] = []
    signatory = 0
    for u in units:
        if u.kind == "signatory":
            out.append((u.kind, signatory))
            signatory += 1
        else:
            out.append((u.kind, tuple(sorted(f.value for f in u.facts if f.kind != "date"))))  # any order
    return out


def _likeness(a: Version, i: int, b: Version, j: int) -> float:
    ua, ub = a.units[i], b.units[j]
    family = ua.kind.split(" ")[0] == ub.kind.split(" ")[0]
    if not family:
        return 0.0
    weight = 1.0 if ua.kind == ub.kind else 0.8  # a heading of another level is still that heading
    fa, fb = [f.value for f in ua.facts], [f.value for f in ub.facts]
    shared = difflib.SequenceMatcher(None, fa, fb, autojunk=False).ratio() if fa or fb else 1.0
    sa, sb = a.share[i], b.share[j]
    # a name's length says nothing across scripts (Htin Lynn, 廷林): signatories pair in order
    size = 1.0 if ua.kind == "signatory" or max(sa, sb) == 0 else min(sa, sb) / max(sa, sb)
    return weight * (0.4 + 0.3 * shared + 0.3 * size)


def _gap(a: Version, i1: int, i2: int, b: Version, j1: int, j2: int) -> list[tuple[int | None, int | None]]:
    """The pairs of one stretch that differs: aligned by likeness (or in order, when it is very large)."""
    n, m = i2 - i1, j2 - j1
    if n * m > _MAX_CELLS:
        pairs: list[tuple[int | None, int | None]] = list(zip(range(i1, i2), range(j1, j2), strict=False))
        pairs += [(i, None) for i in range(i1 + m, i2)] + [(None, j) for j in range(j1 + n, j2)]
        return pairs
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 pair, 1 base only, 2 version only
    for x in range(1, n + 1):
        move[x][0] = 1
    for y in range(1, m + 1):
        move[0][y] = 2
    for x in range(1, n + 1):
        for y in range(1, m + 1):
            like = _likeness(a, i1 + x - 1, b, j1 + y - 1)
            best, how = score[x - 1][y], 1
            if score[x][y - 1] > best:
                best, how = score[x][y - 1], 2
            if like >= _LIKE and score[x - 1][y - 1] + like > best:  # a tie: the earlier blocks are paired
                best, how = score[x - 1][y - 1] + like, 0
            score[x][y], move[x][y] = best, how
    out: list[tuple[int | None, int | None]] = []
    x, y = n, m
    while x or y:
        how = move[x][y]
        if how == 0:
            out.append((i1 + x - 1, j1 + y - 1))
            x, y = x - 1, y - 1
        elif how == 1:
            out.append((i1 + x - 1, None))
            x -= 1
        else:
            out.append((None, j1 + y - 1))
            y -= 1
    return out[::-1]


def _anchors(ka: list[tuple], kb: list[tuple]) -> list[tuple[int, int]]:
    """Blocks whose key is unique in both versions, in an order both agree on (patience diff): the
    alignment's fixed points. Most paragraphs state numbers no other paragraph states."""
    ca, cb = Counter(ka), Counter(kb)
    at = {k: i for i, k in enumerate(ka) if ca[k] == 1}
    candidates = [(at[k], j) for j, k in enumerate(kb) if cb[k] == 1 and k in at]
    # the longest run increasing in both (patience sorting)
    piles: list[int] = []
    tops: list[int] = []
    back: list[int] = [-1] * len(candidates)
    for n, (i, _) in enumerate(candidates):
        k = bisect.bisect_left(piles, i)
        if k:
            back[n] = tops[k - 1]
        if k == len(piles):
            piles.append(i)
            tops.append(n)
        else:
            piles[k], tops[k] = i, n
    out = []
    n = tops[-1] if tops else -1
    while n >= 0:
        out.append(candidates[n])
        n = back[n]
    return out[::-1]


def _segment(a: Version, i1: int, i2: int, b: Version, j1: int, j2: int, ka: list, kb: list
             ) -> list[tuple[int | None, int | None]]:
    """The pairs between two fixed points: the same keys in order, else difflib's runs and likeness between."""
    if i2 - i1 == j2 - j1 and all(x[0] == y[0] for x, y in zip(ka[i1:i2], kb[j1:j2], strict=True)):
        return list(zip(range(i1, i2), range(j1, j2), strict=True))  # the same blocks, some facts differing
    if (i2 - i1) * (j2 - j1) > _MAX_CELLS * 25:
        return _gap(a, i1, i2, b, j1, j2)  # too long to search: in order
    out: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, ka[i1:i2], kb[j1:j2], autojunk=False)
    for op, x1, x2, y1, y2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(zip(range(i1 + x1, i1 + x2), range(j1 + y1, j1 + y2), strict=True))
        else:
            out.extend(_gap(a, i1 + x1, i1 + x2, b, j1 + y1, j1 + y2))
    return out


def align(a: Version, b: Version) -> list[tuple[int | None, int | None]]:
    """Pairs of block indexes of ``a`` (the base) and ``b`` in reading order; None where one side has none."""
    ka, kb = _keys(a.units), _keys(b.units)
    out: list[tuple[int | None, int | None]] = []
    i0 = j0 = 0
    for i, j in [*_anchors(ka, kb), (len(ka), len(kb))]:
        out.extend(_segment(a, i0, i, b, j0, j, ka, kb))
        if i < len(ka):
            out.append((i, j))
        i0, j0 = i + 1, j + 1
    return out


def note_pairs(a: Version, b: Version) -> list[tuple[int | None, int | None]]:
    """Footnotes paired in order of their calls, by the facts they state where their numbers differ."""
    if len(a.notes) == len(b.notes):
        return list(zip(range(len(a.notes)), range(len(b.notes)), strict=True))
    keys_a = [tuple(f.value for f in n.facts) or (n.visible.text[:0],) for n in a.notes]
    keys_b = [tuple(f.value for f in n.facts) or (n.visible.text[:0],) for n in b.notes]
    out: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            out.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            out.extend((i, None) for i in range(i1, i2))
            out.extend((None, j) for j in range(j1, j2))
    return out


@dataclass
class Pair:
    """A version read against the base: the aligned blocks and footnotes."""

    base: Version
    version: Version
    blocks: list[tuple[int | None, int | None]] = field(init=False)
    notes: list[tuple[int | None, int | None]] = field(init=False)

    def __post_init__(self) -> None:
        self.blocks = align(self.base, self.version)
        self.notes = note_pairs(self.base, self.version)

    def partner(self) -> dict[int, int]:
        """Base block index → the version's block it is aligned with."""
        return {i: j for i, j in self.blocks if i is not None and j is not None}

    def near(self, k: int) -> Unit | None:
        """The version's block after which pair ``k``'s block would stand (the first one when none precedes it):
        where a block the version lacks is reported, and declared."""
        for _, j in reversed(self.blocks[:k]):
            if j is not None:
                return self.version.units[j]
        for _, j in self.blocks[k:]:
            if j is not None:
                return self.version.units[j]
        return None
