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
from cddraft.localise.types import Block, Heading, Localised, Marked, Para, Restyled, Revised, Spans
from cddraft.model.inline import Span


def revised_spans(old: Spans, new: Spans) -> Spans:
    """NEW's spans with their changes against OLD's: words deleted, inserted, or only restyled."""
    if [token_key(t) for t in old] == [token_key(t) for t in new]:  # type: ignore[arg-type]
        return new
    a, b, opcodes = word_opcodes(old, new)  # type: ignore[arg-type]
    out: Spans = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            out.extend(merged(b[j1:j2]))
        elif op == "replace" and restyled(a[i1:i2], b[j1:j2]):
            before = a[i1]
            was = (before.bold, before.italic, before.sup)  # type: ignore[union-attr]
            for span in merged(b[j1:j2]):
                same = isinstance(span, Span) and (span.bold, span.italic, span.sup) == was
                out.append(span if same else Restyled((span,), was))  # type: ignore[arg-type]
        else:
            if op in ("delete", "replace"):
                out.append(Marked("del", tuple(merged(a[i1:i2]))))  # type: ignore[arg-type]
            if op in ("insert", "replace"):
                out.append(Marked("ins", tuple(merged(b[j1:j2]))))  # type: ignore[arg-type]
    return out


def _with_spans(block: Block, spans: Spans) -> Block:
    return replace(block, spans=spans)  # type: ignore[type-var]


def _blocks(old: list[Block], new: list[Block]) -> list[Block]:
    out: list[Block] = []
    for before, after in aligned(old, new):
        if before is None:
            out.append(Revised(after, "ins"))  # type: ignore[arg-type]
        elif after is None:  # drawn without its bookmark: NEW's references cannot point at it
            gone = replace(before, anchor=None) if isinstance(before, Heading | Para) else before
            out.append(Revised(gone, "del"))  # type: ignore[arg-type]
        elif getattr(after, "spans", None) is None:
            if block_key(before) != block_key(after):  # signatures: the old ones out, the new ones in
                out += [Revised(before, "del"), Revised(after, "ins")]  # type: ignore[arg-type]
            else:
                out.append(after)
        else:
            spans = revised_spans(before.spans, after.spans)  # type: ignore[union-attr]
            if block_kind(before) != block_kind(after):  # the same words in another form: w:pPrChange
                bare = replace(before, spans=[])  # type: ignore[type-var]
                out.append(Revised(_with_spans(after, spans), was=bare))  # type: ignore[arg-type]
            else:
                out.append(_with_spans(after, spans))
    return out


def revise(old: Localised, new: Localised) -> Localised:
    """NEW, carrying its changes against OLD as revision data for the writer."""
    return replace(new, blocks=_blocks(old.blocks, new.blocks),
                   masthead=replace(new.masthead, was=old.masthead),
                   title_spans=revised_spans([Span(old.title)], [Span(new.title)]))
