"""The run and paragraph writer every part of the body goes through, inside the revision mark in force.

A revised document (``cddraft diff``) carries its revisions as data (:mod:`cddraft.localise.revise`); whoever draws
a block — the body writer, the masthead — asks the pen for its runs and paragraphs, and the pen writes them as
Word does inside a revision: deleted text as ``w:delText``, the runs of a marked stretch under one ``w:ins`` or
``w:del``, the paragraph mark of a block inserted or deleted whole, the properties a block had (``w:pPrChange``).
Nothing is rewritten after it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, TypedDict, Unpack

from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx.revisions import WHOLE_BLOCK_MINUTE, Revisions

Kind = Literal["ins", "del"]


class ParagraphProps(TypedDict, total=False):
    """The properties a block asks of :meth:`Pen.ppr`: :func:`ooxml.ppr`'s, less those the pen decides."""

    bidi: bool
    keep_next: bool
    page_break: bool
    tabs: tuple[tuple[str, int] | tuple[str, int, str], ...]
    ind: Mapping[str, int] | None
    jc: str | None
    spacing: Mapping[str, int | str] | None
    outline: int | None


@dataclass
class Pen:
    """Runs and paragraphs in the version's script; the revision state of what is being drawn."""

    script: x.ScriptProps
    revisions: Revisions | None = None
    parts: list[str] = field(default_factory=list)
    _deleting: bool = False  # inside a deletion: text is deleted text
    _whole: Kind | None = None  # the block being drawn is inserted or deleted whole
    _change: str = ""  # the w:pPrChange of the block being drawn (its properties before)
    _rprs: dict[tuple[bool, bool, bool], str] = field(default_factory=dict)  # run properties by emphasis

    # -- runs -------------------------------------------------------------------------------
    def text(self, text: str, *, bold: bool = False, italic: bool = False, sup: bool = False) -> str:
        """``text`` as runs in the version's script (deleted text inside a deletion)."""
        full_width = self.script.full_width
        if not full_width or not any(c in text for c in full_width):  # one run: its properties made once
            key = (bold, italic, sup)
            props = self._rprs.get(key)
            if props is None:
                props = self._rprs[key] = x.rpr(self.script, bold=bold, italic=italic, sup=sup)
            return x.run(text, props, deleted=self._deleting)
        return x.runs(text, self.script, deleted=self._deleting, bold=bold, italic=italic, sup=sup)

    def run(self, text: str, props: str) -> str:
        """One run with the given properties (the masthead's own sizes and scripts)."""
        return x.run(text, props, deleted=self._deleting)

    def field(self, instruction: str, placeholder: str, props: str) -> str:
        return x.field(instruction, placeholder, props, deleted=self._deleting)

    def _attrs(self, minute: int) -> str:
        assert self.revisions is not None, "a revision is drawn with the revisions' author and date"
        return self.revisions.attrs(minute)

    def marked(self, kind: Kind, draw: Callable[[], str], minute: int = 0) -> str:
        """What ``draw`` writes, inserted or deleted: its runs under one mark, as Word marks neighbouring runs."""
        before, self._deleting = self._deleting, kind == "del"
        try:
            runs = draw()
        finally:
            self._deleting = before
        return f"<w:{kind} {self._attrs(minute)}>{runs}</w:{kind}>" if runs else ""

    def changed(self, new: str, old: str | None, draw: Callable[[str], str]) -> str:
        """``new`` drawn; where it replaces a different ``old``, the old one deleted and the new one inserted."""
        if old is None or old == new:
            return draw(new)
        return self.marked("del", lambda: draw(old)) + self.marked("ins", lambda: draw(new))

    # -- paragraphs -------------------------------------------------------------------------
    def paragraph_mark(self) -> str:
        """The revision of the paragraph mark of a block inserted or deleted whole ("" otherwise)."""
        return f"<w:{self._whole} {self._attrs(WHOLE_BLOCK_MINUTE)}/>" if self._whole else ""

    def ppr(self, style: str, **props: Unpack[ParagraphProps]) -> str:
        """Paragraph properties with the version's direction and CJK line-breaking, and the revision in force."""
        props.setdefault("bidi", self.script.rtl)
        # Chinese is justified like every version (SingleTxtG); LibreOffice drops a full-width comma that
        # ends a justified CJK line, so the copy it converts is ranged left instead (cddraft.lo_compat).
        return x.ppr(style, cjk=bool(self.script.east_asian_font), mark=self.paragraph_mark(), change=self._change,
                     **props)

    def paragraph(self, props: str, runs: str) -> str:
        """A paragraph; in a block inserted or deleted whole, its runs under one mark."""
        if self._whole and runs:
            runs = f"<w:{self._whole} {self._attrs(WHOLE_BLOCK_MINUTE)}>{runs}</w:{self._whole}>"
        return x.paragraph(props, runs)

    # -- the revision state -----------------------------------------------------------------
    @contextmanager
    def whole(self, kind: Kind | None) -> Iterator[None]:
        """Draw a block inserted or deleted whole (``None``: as it is)."""
        saved = self._whole, self._deleting
        self._whole, self._deleting = kind, kind == "del"
        try:
            yield
        finally:
            self._whole, self._deleting = saved

    @contextmanager
    def changed_from(self, old_props: str) -> Iterator[None]:
        """Draw a block whose paragraph properties were ``old_props`` (a ``w:pPr``)."""
        saved, self._change = self._change, f"<w:pPrChange {self._attrs(0)}>{old_props}</w:pPrChange>"
        try:
            yield
        finally:
            self._change = saved

    @contextmanager
    def unmarked(self) -> Iterator[None]:
        """Draw outside the revision in force (a footnote's text: its call carries the revision)."""
        saved = self._whole, self._deleting, self._change
        self._whole, self._deleting, self._change = None, False, ""
        try:
            yield
        finally:
            self._whole, self._deleting, self._change = saved
