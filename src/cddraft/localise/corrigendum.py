"""A corrigendum's body: "Corrigendum", then each correction numbered — where, then *For* … *read* … (§12).

The forms of a correction are conventions data in markup (``*For* {old} *read* {new}``): the template's pieces
are parsed as markup and the outline's texts, already parsed, go between them.
"""

from __future__ import annotations

import re

from cddraft.conventions import Conventions
from cddraft.localise.body import text_spans
from cddraft.localise.numbering import marker
from cddraft.localise.types import Block, Heading, Para
from cddraft.model.document import Correction, Corrigendum
from cddraft.model.inline import Inline, Span, parse
from cddraft.model.markup import Markup

_FIELD = re.compile(r"\{(old|new|after)\}")


def _form(correction: Correction, conv: Conventions) -> tuple[str, dict[str, Markup]]:
    strings = conv.corrigendum
    if correction.whole is not None:
        if correction.insert is None:
            return strings.delete_whole[correction.whole], {}
        texts = {"new": correction.insert}
        if correction.after is not None:
            texts["after"] = correction.after
        return strings.insert_whole[correction.whole], texts
    if correction.for_ is not None and correction.read is not None:
        return strings.for_read, {"old": correction.for_, "new": correction.read}
    if correction.delete is not None:
        return strings.delete, {"old": correction.delete}
    assert correction.insert is not None  # validation lets one form through
    if correction.after is not None:
        return strings.insert_after, {"after": correction.after, "new": correction.insert}
    return strings.insert, {"new": correction.insert}


def instruction(correction: Correction, conv: Conventions) -> list[Inline]:
    """The correction as printed: the template's words (italic where it says so) with the outline's texts."""
    template, texts = _form(correction, conv)
    out: list[Inline] = []
    for i, piece in enumerate(_FIELD.split(template)):
        if i % 2:
            out.extend(text_spans(texts[piece], conv))
        elif piece:
            out.extend(parse(piece))
    return out


def corrigendum_blocks(corrigendum: Corrigendum, conv: Conventions) -> list[Block]:
    """The heading, then for each correction its number and place, and the instruction under it."""
    blocks: list[Block] = [Heading(2, [Span(conv.corrigendum.heading)])]
    for n, correction in enumerate(corrigendum.corrections, 1):
        number = marker(conv.numbering.paragraph, n, conv)
        blocks.append(Para(text_spans(correction.where, conv), number=number, keep_next=True))
        blocks.append(Para(instruction(correction, conv), role="quote"))
    return blocks
