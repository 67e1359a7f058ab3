"""Stage 3b of ``cddraft diff``: OLD and NEW localised → NEW with its revisions against OLD, as data.

The blocks are aligned and the words of a changed block compared (:mod:`.compare`, shared with the corrigendum),
and what changed is recorded in the tree: inline :class:`Marked` (inserted, deleted) and :class:`Restyled` words,
:class:`Revised` blocks (inserted or deleted whole, or kept in another form), the title's revisions and the
masthead as it was. The .docx writer draws them as Word's revisions; it compares nothing itself. Generated
numbers are NEW's and are not revisions (they follow from the structure, as cross-references do).
"""

from __future__ import annotations

from dataclasses import replace

from cddraft.localise.compare import aligned, block_key, block_kind, merged, restyled, token_key, word_opcodes
from cddraft.localise.revise_table import comparable, revised_table
from cddraft.localise.types import (
    Block,
    Bullet,
    Heading,
    LocalInline,
    Localised,
    Marked,
    Para,
    Plain,
    Restyled,
    Revised,
    Spans,
    Table,
)
from cddraft.model.inline import Span


def revised_spans(old: Spans, new: Spans) -> Spans:
    """NEW's spans with their changes against OLD's: words deleted, inserted, or only restyled."""
    if [token_key(t) for t in old] == [token_key(t) for t in new]:
        return new
    a, b, opcodes = word_opcodes(old, new)
    out: list[LocalInline] = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            out.extend(merged(b[j1:j2]))
        elif op == "replace" and (was := restyled(a[i1:i2], b[j1:j2])) is not None:
            for span in merged(b[j1:j2]):
                if isinstance(span, Span) and (span.bold, span.italic, span.sup) != was:
                    out.append(Restyled((span,), was))
                else:
                    out.append(span)
        else:
            if op in ("delete", "replace"):
                out.append(Marked("del", tuple(merged(a[i1:i2]))))
            if op in ("insert", "replace"):
                out.append(Marked("ins", tuple(merged(b[j1:j2]))))
    return out


def _plain(block: Block | None) -> Plain | None:
    if isinstance(block, Revised):
        raise TypeError("a revised document cannot be revised again")
    return block


def _blocks(old: list[Block], new: list[Block]) -> list[Block]:
    out: list[Block] = []
    for pair in aligned(old, new):
        before, after = _plain(pair[0]), _plain(pair[1])
        if before is None:
            if after is not None:  # aligned() gives one side at least
                out.append(Revised(after, "ins"))
        elif after is None:  # drawn without its bookmark: NEW's references cannot point at it
            gone = replace(before, anchor=None) if isinstance(before, Heading | Para) else before
            out.append(Revised(gone, "del"))
        elif isinstance(before, Heading | Para | Bullet) and isinstance(after, Heading | Para | Bullet):
            # blocks paired are of one kind or both have words (aligned): both have spans or neither
            if before.spans == after.spans and block_kind(before) == block_kind(after):
                out.append(after)  # unchanged, as most blocks are: nothing to compare or copy
                continue
            spans = revised_spans(before.spans, after.spans)
            if block_kind(before) != block_kind(after):  # the same words in another form: w:pPrChange
                out.append(Revised(replace(after, spans=spans), was=replace(before, spans=[])))
            else:
                out.append(replace(after, spans=spans))
        elif isinstance(before, Table) and isinstance(after, Table) and comparable(before, after):
            out.append(revised_table(before, after, revised_spans))
        elif block_key(before) != block_key(after):  # signatures, a table of other columns: the old out, the new in
            out += [Revised(before, "del"), Revised(after, "ins")]
        else:
            out.append(after)
    return out


def revise(old: Localised, new: Localised) -> Localised:
    """NEW, carrying its changes against OLD as revision data for the writer."""
    return replace(new, blocks=_blocks(old.blocks, new.blocks), lead=_blocks(old.lead, new.lead),
                   masthead=replace(new.masthead, was=old.masthead),
                   title_spans=revised_spans([Span(old.title)], [Span(new.title)]))
