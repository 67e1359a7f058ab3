"""Report content: sections, numbered paragraphs, subparagraphs, bullets and quotations.

In the outline a block is either a plain string (a paragraph) or a mapping whose key says what
it is (``heading:``, ``bullets:``, ``quote:``, or ``text:`` for a paragraph with options).
Heading and paragraph numbers are never typed: the localise stage assigns them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag

from cddraft.model.base import Identifier, Model, empty
from cddraft.model.markup import Text
from cddraft.model.table import Table


def text_to_mapping(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Subparagraph(Model):
    """A subparagraph: ``(a)`` at the first level, ``(i)`` inside it (the outline lists them under ``items:``)."""

    text: Text
    items: list[SubparagraphEntry] = empty()


#: A subparagraph as written in the outline: a string, or a mapping with nested ``items:``.
SubparagraphEntry = Annotated[Subparagraph, BeforeValidator(text_to_mapping,
                                                            json_schema_input_type=str | Subparagraph)]
Subparagraph.model_rebuild()


class Paragraph(Model):
    """A body paragraph; numbered when its report numbers paragraphs, unless ``numbered: false``."""

    text: Text
    id: Identifier | None = None
    numbered: bool = True
    items: list[SubparagraphEntry] = empty()


class BulletItem(Model):
    text: Text
    bullets: list[BulletEntry] = empty()


#: A bullet as written in the outline: a string, or a mapping with nested ``bullets:``.
BulletEntry = Annotated[BulletItem, BeforeValidator(text_to_mapping, json_schema_input_type=str | BulletItem)]
BulletItem.model_rebuild()


class Bullets(Model):
    """A bullet list (``Bullet1G``; nested items ``Bullet2G``)."""

    bullets: list[BulletEntry] = Field(min_length=1)


def _quote_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Quote(Model):
    """A block quotation: indented, unnumbered paragraphs."""

    quote: Annotated[list[Text], BeforeValidator(_quote_list, json_schema_input_type=str | list[str]),
                     Field(min_length=1)]


class Section(Model):
    """A heading and what stands under it; the depth of nesting gives the heading level.

    In a body that numbers its headings, ``numbered: false`` leaves one without a number (a sub-heading under
    "A." that takes no "1."): it keeps its level's style and does not count in its level's sequence.
    """

    heading: Text
    id: Identifier | None = None
    numbered: bool = True
    content: list[Block] = empty()


#: The key that says what a block is → the tag of its kind (a tag is not a key of the block itself: a problem's path
#: in the outline is the error's location with the tags left out, and a tag that were a key would be taken for it).
BLOCK_KEYS = {"heading": "section", "bullets": "bullets", "quote": "quote", "table": "table-block"}


def _block_tag(value: Any) -> str:
    if isinstance(value, str):
        return "para"
    if isinstance(value, dict):
        for key, tag in BLOCK_KEYS.items():
            if key in value:
                return tag
        return "para"
    return "para"


Block = Annotated[
    Annotated[Paragraph, BeforeValidator(text_to_mapping, json_schema_input_type=str | Paragraph), Tag("para")]
    | Annotated[Section, Tag("section")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Quote, Tag("quote")]
    | Annotated[Table, Tag("table-block")],
    Discriminator(_block_tag),
]


class Contents(Model):
    """The contents table's depth: chapters only (1), or their sections too (2, 3)."""

    depth: int = Field(default=1, ge=1, le=3)


class TextBody(Model):
    """What a report and an annex have in common: a title, the numbering switches, a contents table, the blocks."""

    title: Text | None = None
    numbered_paragraphs: bool = True
    numbered_headings: bool = True
    contents: bool | Contents = Field(default=False, description="a 'Contents' table first: the chapters (and "
                                      "sections to `depth`), their paragraphs and pages")
    content: list[Block] = empty()


Section.model_rebuild()
Kind = Literal["letter", "note-verbale", "report", "corrigendum", "resolution", "decision"]
