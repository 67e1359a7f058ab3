"""Where a block is in a document as issued, as a corrigendum names it: "Annex, paragraph 5", "footnote 3".

The document is read in order: an annex heading starts a part ("Annex", "Annex II"); numbered paragraphs are
named by their numbers, a letter's unnumbered paragraphs by their count, subparagraphs and bullets by the
paragraph they follow; footnotes are numbered through the document, as Word numbers them.
"""

from __future__ import annotations

from cddraft.conventions import Places
from cddraft.localise.compare import unrevised
from cddraft.localise.types import Block, Bullet, ContentsTable, Heading, Para, Revised, Signatures, Table
from cddraft.model.inline import Footnote, plain_text


def _number(printed: str | None) -> str:
    return (printed or "").strip().rstrip(" .-")  # "5." "5 -" (Arabic) → "5"


def _numbered_parts(blocks: list[Block]) -> list[bool]:
    """For each part (the body, then each annex), whether it numbers its paragraphs."""
    out = [False]
    for b in blocks:
        if isinstance(b, Heading) and b.page_break:
            out.append(False)
        elif isinstance(b, Para) and b.role in ("body", "letter") and b.number:
            out[-1] = True
    return out


class Locator:
    """Walks the blocks of the document as issued, saying where each one is."""

    def __init__(self, places: Places, blocks: list[Block]) -> None:
        self.places = places
        self._numbered = _numbered_parts(blocks)
        self._part_no = 0
        self.part = ""  # "Annex II"; empty in the document's body
        self.current = places.title  # the place of the last block seen: a new block goes after it
        self.after = places.title  # where a new paragraph or heading goes: after a subparagraph, after its paragraph
        self._number: str | None = None  # the last paragraph number seen in this part
        self._counted = 0  # unnumbered paragraphs so far (a letter's)
        self._preamble = 0  # a resolution's formula and preambular paragraphs so far
        self._paragraph = ""  # the place of the last paragraph, for its subparagraphs and bullets
        self._markers: list[str] = []  # the subparagraph markers in force: "(a)", "(i)"
        self._bullets = 0
        self._notes = 0
        self._title_next = False  # an annex's unnumbered heading after "Annex" is its title

    def where(self, place: str, detail: str | None = None) -> str:
        """The full place: the annex, the place in it, the sentence; the first letter capitalised."""
        text = self.places.separator.join(p for p in (self.part, place, detail) if p)
        return text[:1].upper() + text[1:]

    def see(self, block: Block) -> tuple[str, int]:
        """The place of the next block of the document and the number of its first footnote."""
        first_note = self._notes + 1
        spans = getattr(block, "spans", None) or []
        self._notes += sum(isinstance(s, Footnote) for s in spans)
        place = self._place(block)
        self.current = place
        below = isinstance(block, Bullet) or (isinstance(block, Para) and block.role == "item")
        self.after = self._paragraph if below and self._paragraph else place
        return place, first_note

    def _place(self, block: Block) -> str:
        p = self.places
        if isinstance(block, Heading):
            return self._heading(block)
        self._title_next = self._title_next and isinstance(block, Para) and block.role == "note"
        if isinstance(block, Signatures):
            return p.signature
        if isinstance(block, ContentsTable):  # generated from the headings: never corrected itself
            return self.current
        if isinstance(block, Table):
            return block.label or self.current
        if isinstance(block, Bullet):
            self._bullets += 1
            return p.separator.join(x for x in (self._paragraph, p.bullet.format(n=self._bullets)) if x)
        if isinstance(block, Revised):
            raise TypeError("corrections are found between documents as issued, never in a revised one")
        if block.role == "note":  # "[Original: French]" under the annex heading
            return ""
        if block.role == "preamble":  # a resolution's formula, then its preambular paragraphs, by their order
            self._preamble += 1
            n = self._preamble - 1
            if n == 0:
                return self.current
            self._bullets, self._markers = 0, []
            ordinal = p.ordinals[n - 1] if n <= len(p.ordinals) else str(n)
            self._paragraph = p.preambular.format(ordinal=ordinal, n=n)
            return self._paragraph
        if block.role == "item":
            self._markers[block.depth - 1:] = [block.number or ""]
            return p.subparagraph.format(paragraph=self._paragraph, marker=" ".join(self._markers)).strip()
        self._bullets, self._markers = 0, []
        if block.number:
            self._number = _number(block.number)
            self._paragraph = p.paragraph.format(n=self._number)
        elif self._numbered[self._part_no] and self._number is not None:
            return p.text_after.format(n=self._number)
        else:
            self._counted += 1
            self._paragraph = p.counted.format(n=self._counted)
        return self._paragraph

    def _heading(self, block: Heading) -> str:
        p = self.places
        if block.page_break:  # an annex: a new part
            self._part_no += 1
            self.part = plain_text(unrevised(block.spans))
            self._number, self._counted, self._paragraph = None, 0, ""
            self._title_next = True
            return ""
        self._bullets, self._markers, self._paragraph = 0, [], ""
        if self._title_next and not block.number:
            self._title_next = False
            return p.title
        self._title_next = False
        if block.number:
            return p.heading.format(number=_number(block.number))
        return p.heading_text.format(text=plain_text(unrevised(block.spans)))
