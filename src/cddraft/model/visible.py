"""What a reader sees of one outline string, read off its parsed spans, for the editorial rules.

Rules match regular expressions against the visible text (``~`` is a no-break space, escapes are
resolved, emphasis markers and footnotes are gone) and report a position in the outline:
:meth:`Visible.raw_offset` gives, for a visible character, its offset in the written string, which
the spans carry from the parser. Nothing here parses: the text is the spans' text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from cddraft.model.inline import Footnote, Inline, Ref, Span

#: What a ``{ref:ID}`` stands for in the visible text before numbers are assigned: one figure.
REF_STANDIN = "1"


@dataclass(frozen=True)
class NoteCall:
    """A footnote: where its call stands in the host text, the offset of its ``^``, and its own text."""

    at: int
    raw: int
    visible: Visible


class Visible:
    """The visible text of spans (footnotes set aside in :attr:`notes`), with per-character origins and emphasis.

    Only :attr:`text` is made at once (rules that find nothing need no more); the rest on first use.
    """

    def __init__(self, spans: tuple[Inline, ...] | list[Inline]) -> None:
        self._spans = spans
        self._notes: list[NoteCall] | None = None
        self.text = "".join(s.text if isinstance(s, Span) else REF_STANDIN for s in spans
                            if not isinstance(s, Footnote))

    @property
    def notes(self) -> list[NoteCall]:
        """Each footnote: where its call stands in :attr:`text`, its ``^``, and its own visible text.

        Made on first use and kept (by hand: ``cached_property`` locks on every access in Python 3.11, and the
        rules of every build ask each text for its notes)."""
        if self._notes is None:
            out, n = [], 0
            for s in self._spans:
                if isinstance(s, Footnote):
                    out.append(NoteCall(n, s.start, Visible(s.content)))
                else:
                    n += len(s.text) if isinstance(s, Span) else len(REF_STANDIN)
            self._notes = out
        return self._notes

    @cached_property
    def _pieces(self) -> tuple[list[int], list[Span | Ref]]:
        starts: list[int] = []
        pieces: list[Span | Ref] = []
        n = 0
        for s in self._spans:
            if not isinstance(s, Footnote):
                starts.append(n)
                pieces.append(s)
                n += len(s.text) if isinstance(s, Span) else len(REF_STANDIN)
        return starts, pieces

    def raw_offset(self, index: int) -> int:
        """The written offset of visible character ``index`` (clamped to the text; a reference: its brace)."""
        if not self.text:
            return 0
        index = max(0, min(index, len(self.text) - 1))
        starts, pieces = self._pieces
        k = bisect.bisect_right(starts, index) - 1
        piece = pieces[k]
        return piece.offset(index - starts[k]) if isinstance(piece, Span) else piece.start

    def _flags(self, name: str) -> list[bool]:
        out: list[bool] = []
        for piece in self._pieces[1]:
            size = len(piece.text) if isinstance(piece, Span) else len(REF_STANDIN)
            out.extend([getattr(piece, name)] * size)
        return out

    @cached_property
    def bold(self) -> list[bool]:
        return self._flags("bold")

    @cached_property
    def italic(self) -> list[bool]:
        return self._flags("italic")

    @cached_property
    def sup(self) -> list[bool]:
        return self._flags("sup")

    @staticmethod
    def runs(flags: list[bool]) -> list[tuple[int, int]]:
        """``(start, end)`` of each stretch where ``flags`` (e.g. :attr:`bold`) is true."""
        out, start = [], None
        for i, on in enumerate([*flags, False]):
            if on and start is None:
                start = i
            elif not on and start is not None:
                out.append((start, i))
                start = None
        return out
