"""Two versions of a localised document compared: blocks aligned, then the words inside a changed block.

The tracked-changes writer draws what this finds with Word's revisions; the corrigendum lists it in the
Editorial Manual's words. Both compare the same units, so both see the same changes (issue 15).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Iterator, Sequence
from functools import cache
from typing import TypeGuard

from cddraft.localise.types import Block, LocalInline, Marked, Restyled, Spans
from cddraft.model.charsets import CJK
from cddraft.model.inline import Footnote, Ref, Span

_CJK = CJK
#: A document symbol ("CD/2090", "CD/WP.580/Rev.1"), one CJK character, a word (digits too) or one other sign,
#: with the blank after it: the units compared inside a block. A word stops where CJK characters start ("14日").
#: Compiled when first used (by diff and corrigendum, not by a build): its CJK classes take 6 ms to compile.
@cache
def _token() -> re.Pattern[str]:
    return re.compile(rf"[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+\s*|[{_CJK}]|[^\W{_CJK}]+\s*|\s+"
                      rf"|[^\w\s]\s*")

Token = Span | Ref | Footnote
#: How many blocks ahead a changed block looks for the one it became, in a stretch where blocks were also inserted
#: or deleted (a paragraph rewritten in place is found at once; a longer search made two unrelated documents cost
#: time growing with the product of their lengths).
_LOOKAHEAD = 8


def token_key(item: LocalInline) -> tuple:
    if isinstance(item, Span):
        return ("t", item.text, item.bold, item.italic, item.sup)
    if isinstance(item, Ref):
        return ("r", item.target, item.number, item.bold, item.italic, item.sup)
    if isinstance(item, Footnote):
        return ("f", tuple(token_key(c) for c in item.content))
    raise _revised(item)


def _revised(item: Marked | Restyled) -> TypeError:
    """Documents are compared before revise() marks their revisions, never after."""
    return TypeError(f"a revised document's {type(item).__name__} cannot be compared")


def unrevised(spans: Spans) -> list[Token]:
    """A block's spans as localise makes them (before revise() marks revisions): spans, references and notes."""
    out: list[Token] = []
    for s in spans:
        if isinstance(s, Marked | Restyled):
            raise _revised(s)
        out.append(s)
    return out


def tokens(spans: Spans) -> list[Token]:
    """The units compared inside a block: words (CJK: characters) in their formatting, references, notes."""
    out: list[Token] = []
    for s in spans:
        if isinstance(s, Span):
            out.extend(Span(piece, s.bold, s.italic, s.sup) for piece in _token().findall(s.text))
        elif isinstance(s, Ref | Footnote):
            out.append(s)
        else:
            raise _revised(s)
    return out


Opcode = tuple[str, int, int, int, int]
#: Above this many comparisons (the product of the two changed stretches' lengths), the matcher takes difflib's
#: "popular items are junk" heuristic: a minimal diff of two long, repetitive sequences (20,000 repeated words,
#: a Chinese paragraph of a few distinct characters) costs time growing with the product of their lengths.
_EXACT = 400_000


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """difflib's opcodes turning ``a`` into ``b``, in time linear in what changed: the common beginning and end
    are taken off first (an edit is local), the rest matched exactly when it is small enough, else with
    difflib's heuristic (still a correct diff: equal stretches are equal, the rest replaced)."""
    ids: dict[Hashable, int] = {}  # each distinct item as a number: the matcher hashes items again and again
    a, b = [ids.setdefault(x, len(ids)) for x in a], [ids.setdefault(x, len(ids)) for x in b]
    n, m = len(a), len(b)
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:n - tail], b[head:m - tail]
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=len(mid_a) * len(mid_b) > _EXACT)
    out: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    out += [(op, i1 + head, i2 + head, j1 + head, j2 + head) for op, i1, i2, j1, j2 in matcher.get_opcodes()
            if i1 != i2 or j1 != j2]
    if tail:
        out.append(("equal", n - tail, n, m - tail, m))
    merged_ops: list[Opcode] = []
    for op in out:  # neighbouring equal stretches as one, as difflib gives them
        if merged_ops and op[0] == "equal" == merged_ops[-1][0]:
            prev = merged_ops.pop()
            op = ("equal", prev[1], op[2], prev[3], op[4])
        merged_ops.append(op)
    return merged_ops


def similarity(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """difflib's ratio of two sequences (2 × matches ÷ their lengths), bounded in time as :func:`opcodes`; its
    cheap upper bounds first."""
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=len(a) * len(b) > _EXACT)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return matcher.quick_ratio()
    return matcher.ratio()


def word_opcodes(old: Spans, new: Spans) -> tuple[list[Token], list[Token], list[Opcode]]:
    """The two blocks' tokens and the opcodes turning the old ones into the new ones."""
    a, b = tokens(old), tokens(new)
    return a, b, opcodes([token_key(t) for t in a], [token_key(t) for t in b])


def merged(items: Sequence[Token]) -> list[Token]:
    """Neighbouring words of one formatting as one span again (one run, not one a word)."""
    out: list[Token] = []
    words: list[Span] = []

    def flush() -> None:
        if words:
            first = words[0]
            out.append(Span("".join(w.text for w in words), first.bold, first.italic, first.sup))
            words.clear()

    for item in items:
        if not isinstance(item, Span) or (words and (words[0].bold, words[0].italic, words[0].sup)
                                          != (item.bold, item.italic, item.sup)):
            flush()
        if isinstance(item, Span):
            words.append(item)
        else:
            out.append(item)
    flush()
    return out


def block_key(block: Block) -> tuple:
    """What a block is and says: :func:`block_kind` and its words (blocks without words: their whole value)."""
    spans = getattr(block, "spans", None)
    content = tuple(token_key(t) for t in spans) if spans is not None else repr(block)
    return (*block_kind(block), content)


def aligned(old: list[Block], new: list[Block], *, inserts_first: bool = False
            ) -> Iterator[tuple[Block | None, Block | None]]:
    """(old, new) block pairs in NEW's order: both when kept or changed, one side when deleted or inserted.

    Where several blocks changed together, a changed block is paired with the new one of its kind it is most
    like (a paragraph deleted next to one rewritten is not read as one paragraph rewritten into the other), or
    with the one that says the same in another form (a paragraph become a quotation).
    In a gap where blocks were both deleted and inserted, the deletions come first, or the insertions with
    ``inserts_first`` (a corrigendum inserts after the block before the gap, then deletes).
    """
    for op, i1, i2, j1, j2 in opcodes([block_key(b) for b in old], [block_key(b) for b in new]):
        if op == "equal":
            yield from zip(old[i1:i2], new[j1:j2], strict=True)
        else:
            yield from _gap(old[i1:i2], new[j1:j2], inserts_first)


def _gap(olds: list[Block], news: list[Block], inserts_first: bool) -> Iterator[tuple[Block | None, Block | None]]:
    """The pairs of one changed stretch: like blocks paired in order, the others deleted or inserted."""
    pairs: list[tuple[int, int]] = []
    if len(olds) == len(news) and all(_one(a, b) for a, b in zip(olds, news, strict=True)):
        pairs = [(i, i) for i in range(len(olds))]  # the same blocks, each changed
    else:
        j = 0
        for i, a in enumerate(olds):  # looked for a few blocks ahead: a stretch of any length pairs in linear time
            like = next((k for k in range(j, min(len(news), j + _LOOKAHEAD)) if _one(a, news[k]) and (
                block_kind(a) != block_kind(news[k]) or _like(a, news[k]))), None)
            if like is not None:
                pairs.append((i, like))
                j = like + 1
    i = j = 0
    for pi, pj in [*pairs, (len(olds), len(news))]:
        deleted = [(b, None) for b in olds[i:pi]]
        inserted = [(None, b) for b in news[j:pj]]
        yield from (inserted + deleted if inserts_first else deleted + inserted)
        if pi < len(olds):
            yield olds[pi], news[pj]
        i, j = pi + 1, pj + 1


def block_kind(block: Block) -> tuple:
    """What a block is (a paragraph, a quotation, a heading of level 2 …), whatever it says."""
    return type(block).__name__, getattr(block, "role", None), getattr(block, "level", None)


def _one(a: Block, b: Block) -> bool:
    """Whether two blocks may be one block changed: of one kind, or saying the same thing in another form (a
    paragraph become a quotation, a heading moved up a level)."""
    ka, kb = block_key(a), block_key(b)
    return ka[:3] == kb[:3] or (ka[3] == kb[3] and hasattr(a, "spans") and hasattr(b, "spans"))


def _like(a: Block, b: Block) -> bool:
    """Whether two blocks are one block changed: at least half their words in common."""
    ta, tb = tokens(getattr(a, "spans", None) or []), tokens(getattr(b, "spans", None) or [])
    return similarity([token_key(t) for t in ta], [token_key(t) for t in tb]) >= 0.5


def _words(items: Sequence[Token]) -> TypeGuard[Sequence[Span]]:
    return all(isinstance(t, Span) for t in items)


def restyled(old: Sequence[Token], new: Sequence[Token]) -> tuple[bool, bool, bool] | None:
    """The words' formatting before (bold, italic, sup) where a replacement only changes formatting: the same
    text, from words of one formatting; else ``None``."""
    if not (_words(old) and _words(new)):
        return None
    if ("".join(t.text for t in old) == "".join(t.text for t in new)
            and len(was := {(t.bold, t.italic, t.sup) for t in old}) == 1):
        return was.pop()
    return None
