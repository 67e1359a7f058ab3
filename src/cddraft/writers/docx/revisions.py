"""Who revised the document and when: the attributes of each of Word's revision marks (``cddraft diff``).

What is revised is data of the document (:mod:`cddraft.localise.revise`); the body writer draws it, taking its
marks from here. Every mark gets its own id, clear of the bookmarks' ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cddraft.writers.docx import ooxml as x

#: The minute whole blocks are stamped at (words changed inside a block: minute 0). LibreOffice joins touching
#: revisions of one author and kind stamped within a minute or so of each other, and a word inserted at the end of
#: one paragraph, joined with an inserted paragraph after it, took the first one's mark with it when rejected.
WHOLE_BLOCK_MINUTE = 5


@dataclass
class Revisions:
    """The author and date of the revisions; each mark gets the next id."""

    author: str
    date: dt.date
    next_id: int = 9000  # clear of the bookmarks' ids

    def attrs(self, minute: int = 0) -> str:
        self.next_id += 1
        stamp = f"{self.date.isoformat()}T00:{minute:02d}:00Z"
        return f'w:id="{self.next_id}" w:author="{x.esc(self.author)}" w:date="{stamp}"'
