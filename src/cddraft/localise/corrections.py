"""The corrections between two versions of a document, in the Editorial Manual's words (``cddraft corrigendum``).

Both versions are localised (numbers assigned, texts final) and compared as the tracked-changes writer compares
them (:mod:`cddraft.localise.compare`). Each change becomes one correction: where it is in the document as
issued (OLD's paragraph and footnote numbers, the annex, the sentence), then *For* … *read* …, *Delete* …,
*After* … *insert* …, or a whole block inserted or deleted. A quoted text is made long enough to be found once
in its sentence. The result is the outline's ``corrections:`` list, its texts in markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cddraft.conventions import Conventions
from cddraft.localise.compare import Token, aligned, block_key, merged, opcodes, token_key, tokens
from cddraft.localise.places import Locator
from cddraft.localise.table_corrections import correct_table
from cddraft.localise.types import Block, Bullet, ContentsTable, Heading, Localised, Para, Spans, Table
from cddraft.model.charsets import CJK_LETTERS, char_class
from cddraft.model.inline import Footnote, Ref, Span, escape, stripped
from cddraft.model.markup import to_markup

Correction = dict[str, str]
#: Two changes this few tokens apart are one correction ("8 to 10" → "8, 9 and 10").
_JOIN_GAP = 2
#: The most tokens a quoted text is widened by to be found once in its sentence.
_WIDEN = 12
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_LONG_NUMBER = re.compile(r"\d{3}")
_WORD = re.compile(r"[^\W\d_]{3,}")
_HAN = re.compile(char_class(CJK_LETTERS))


def _key(t: Token) -> tuple:
    """Footnotes match footnotes (a changed note is corrected inside); references match by target, as their
    numbers are generated (a renumbering is not a correction); a word matches whatever blank follows it."""
    if isinstance(t, Footnote):
        return ("f",)
    if isinstance(t, Ref):
        return ("r", t.target, t.bold, t.italic, t.sup)
    return ("t", t.text.rstrip(), t.bold, t.italic, t.sup)  # "held " before "in" is "held" before "."


def _text(t: Token) -> str:
    if isinstance(t, Span):
        return t.text
    return t.number or "" if isinstance(t, Ref) else ""


def markup(items: Sequence[Token], *, notes: bool = False) -> str:
    """Outline markup for quoted tokens: references printed as their numbers, blanks at the ends dropped;
    footnotes kept only when a whole block is quoted."""
    spans = [Span(t.number or "", t.bold, t.italic, t.sup) if isinstance(t, Ref) else t
             for t in items if notes or not isinstance(t, Footnote)]
    return to_markup(stripped(merged(spans)))


class Sentences:
    """Where each token of a block is in its text, and which sentence that is (for "second sentence")."""

    _END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？])")

    def __init__(self, items: list[Token]) -> None:
        self.starts = [0]
        for t in items:
            self.starts.append(self.starts[-1] + len(_text(t)))
        self.text = "".join(_text(t) for t in items)
        bounds = [m.end() for m in self._END.finditer(self.text) if m.end() < len(self.text.rstrip())]
        self.bounds = [0, *bounds, len(self.text)]

    def sentence(self, i1: int, i2: int) -> int | None:
        """The index of the one sentence tokens ``i1:i2`` lie in (an insertion: ``i1 == i2``), if there are
        several sentences; None when there is one or the range crosses a sentence's end."""
        if len(self.bounds) < 3:
            return None
        begin, end = self.starts[i1], max(self.starts[i1], self.starts[i2] - 1)
        for n in range(len(self.bounds) - 1):
            if self.bounds[n] <= begin < self.bounds[n + 1]:
                return n if end < self.bounds[n + 1] else None
        return None

    def scope(self, n: int | None) -> str:
        return self.text if n is None else self.text[self.bounds[n]:self.bounds[n + 1]]

    def count(self) -> int:
        return len(self.bounds) - 1


class Differ:
    """Turns OLD and NEW into corrections, walking OLD's places with a :class:`Locator`."""

    def __init__(self, conv: Conventions, old: Localised) -> None:
        self.conv = conv
        self.strings = conv.corrigendum
        self.at = Locator(conv.corrigendum.places, old.blocks)
        self.out: list[Correction] = []

    def document(self, old: Localised, new: Localised) -> list[Correction]:
        if old.title != new.title:
            self.words(self.at.places.title, [Span(old.title)], [Span(new.title)])
        if (old.title_note or new.title_note) and [token_key(t) for t in old.title_note or []] != [
                token_key(t) for t in new.title_note or []]:
            self.words(self.at.places.footnote.format(n="*"), old.title_note or [], new.title_note or [])
        deleted_paragraph = False  # its subparagraphs go with it
        for before, after in aligned(old.blocks, new.blocks, inserts_first=True):
            if isinstance(before or after, ContentsTable):  # generated from the headings, which are corrected
                if before is not None:
                    self.at.see(before)
                continue
            if before is None:
                if after is not None:  # aligned() gives one side at least
                    self.inserted(after)
                continue
            place, first_note = self.at.see(before)
            if after is None:
                kind = _kind(before)
                if not (deleted_paragraph and kind == "subparagraph"):
                    self.add(self.at.where(place), whole=kind)
                    deleted_paragraph = kind == "paragraph"
                continue
            deleted_paragraph = False
            if isinstance(before, Table) and isinstance(after, Table):
                if block_key(before) != block_key(after):
                    correct_table(self, self.conv, before, after)
            elif block_key(before) != block_key(after):
                old_spans, new_spans = getattr(before, "spans", None), getattr(after, "spans", None)
                if old_spans is None or new_spans is None:  # signatures: the lines as they stand
                    self.add(self.at.where(place), **{"for": _lines(before), "read": _lines(after)})
                else:
                    self.words(place, old_spans, new_spans, first_note)
        return self.out

    def add(self, where: str, **form: str) -> None:
        self.out.append({"where": escape(where), **form})

    def placed(self, place: str) -> str:
        """The full place (the annex first): :meth:`Locator.where`."""
        return self.at.where(place)

    def inserted(self, block: Block) -> None:
        spans = getattr(block, "spans", None)
        text = markup(tokens(spans), notes=True) if spans is not None else escape(_lines(block))
        kind = _kind(block)
        place = self.at.current if kind in ("subparagraph", "bullet", "footnote") else self.at.after
        self.add(self.at.where(place), whole=kind, insert=text)

    def words(self, place: str, old: Spans, new: Spans, first_note: int = 0) -> None:
        """The corrections inside one block (or footnote), word by word; footnotes by their own numbers."""
        a, b = tokens(old), tokens(new)
        sentences = Sentences(a)
        ops = opcodes([_key(t) for t in a], [_key(t) for t in b])
        notes = [i for i, t in enumerate(a) if isinstance(t, Footnote)]

        def note_place(i: int) -> str:
            return self.at.places.footnote.format(n=first_note + notes.index(i))

        for op, i1, i2, j1, j2 in _joined(ops, a):
            if op == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    note, new_note = a[i], b[j]  # equal keys (_key): both notes or neither
                    if isinstance(note, Footnote) and isinstance(new_note, Footnote) \
                            and token_key(note) != token_key(new_note):
                        self.words(note_place(i), note.content, new_note.content)
                continue
            olds = [t for t in a[i1:i2] if not isinstance(t, Footnote)]
            news = [t for t in b[j1:j2] if not isinstance(t, Footnote)]
            if _plain(olds).strip() or _plain(news).strip():  # not only a blank moved by a new footnote
                self.text_change(place, a, b, (i1, i2, j1, j2), sentences)
            for i in range(i1, i2):
                if isinstance(a[i], Footnote):
                    self.add(self.at.where(note_place(i)), whole="footnote")
            for j in range(j1, j2):
                if isinstance(note := b[j], Footnote):
                    after = _widened_left(b, j, sentences.text)
                    self.add(self.at.where(place), whole="footnote", insert=markup(note.content),
                             after=markup(b[after:j]))

    def text_change(self, place: str, a: list[Token], b: list[Token], span: tuple[int, int, int, int],
                    sentences: Sentences) -> None:
        i1, i2, j1, j2 = span
        n = sentences.sentence(i1, i2)
        where = self.at.where(place, self._sentence(n, sentences.count()))
        scope = sentences.scope(n)
        olds = _plain(a[i1:i2])
        news = _plain(b[j1:j2])
        if olds.strip() and _findable(olds, scope):
            if news.strip():
                self.add(where, **{"for": markup(a[i1:i2]), "read": markup(b[j1:j2])})
            else:
                self.add(where, delete=markup(a[i1:i2]))
            return
        if not olds.strip() and i1 > 0:  # an insertion: after the words before it
            k = _widened_left(a, i1, scope)
            if _findable(_plain(a[k:i1]), scope):
                self.add(where, insert=markup(b[j1:j2]), after=markup(a[k:i1]))
                return
        # a mark, a short number or a repeated word: quoted with the words around it until it is found once
        # (a number with the word after it, "10 August", then with the words before it)
        k, m = i1, i2
        while not _findable(_plain(a[k:m]), scope) and (i1 - k) + (m - i2) < _WIDEN:
            right = m < len(a) and not isinstance(a[m], Footnote)
            left = k > 0 and not isinstance(a[k - 1], Footnote)
            if right and (not left or (m == i2 and _DIGIT.search(_plain(a[k:m])) and _LETTER.search(_text(a[m])))):
                m += 1
            elif left:
                k -= 1
            else:
                break
        before, after = a[k:i1], a[i2:m]
        self.add(where, **{"for": markup(a[k:m]), "read": markup([*before, *b[j1:j2], *after])})

    def _sentence(self, n: int | None, count: int) -> str | None:
        places = self.at.places
        if n is None:
            return None
        if n == count - 1:
            return places.last_sentence
        return places.sentence.format(ordinal=places.ordinals[n]) if n < len(places.ordinals) else None


def _plain(items: Sequence[Token]) -> str:
    return "".join(_text(t) for t in items)


def _findable(text: str, scope: str) -> bool:
    """Quoted text a reader finds: a word of three letters or more (two Chinese characters) or a long number (a
    year), found once in its sentence."""
    text = text.strip()
    words = _WORD.search(text) or len(_HAN.findall(text)) >= 2 or _LONG_NUMBER.search(text)
    return bool(words) and scope.count(text) == 1


def _widened_left(items: list[Token], i: int, scope: str) -> int:
    """Where the words before ``items[i]`` start that are found once in the scope (at most a few words)."""
    k = i - 1
    while k > 0 and i - k < _WIDEN and not isinstance(items[k - 1], Footnote) \
            and not _findable(_plain(items[k:i]), scope):
        k -= 1
    return max(k, 0)


def _joined(ops: list[tuple[str, int, int, int, int]], a: list[Token]) -> list[tuple[str, int, int, int, int]]:
    """Changes a word or two apart joined into one (no footnote in between)."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if len(out) >= 2 and op[0] != "equal" and out[-1][0] == "equal" and out[-2][0] != "equal":
            gap = out[-1]
            if gap[2] - gap[1] <= _JOIN_GAP and not any(isinstance(t, Footnote) for t in a[gap[1]:gap[2]]):
                first = out[-2]
                out[-2:] = [("replace", first[1], op[2], first[3], op[4])]
                continue
        out.append(op)
    return out


def _kind(block: Block) -> str:
    if isinstance(block, Heading):
        return "heading"
    if isinstance(block, Bullet):
        return "bullet"
    if isinstance(block, Para) and block.role == "item":
        return "subparagraph"
    return "paragraph"


def _lines(block: Block) -> str:
    return "; ".join(", ".join(lines) for lines in getattr(block, "blocks", []))


def corrections(old: Localised, new: Localised, conv: Conventions) -> list[Correction]:
    """Every change from OLD to NEW as a correction (``where`` plus its form), in the document's order."""
    return Differ(conv, old).document(old, new)
