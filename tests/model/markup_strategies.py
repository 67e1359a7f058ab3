"""Hypothesis strategies for outline markup: strings dense in markup characters, valid or not."""

from __future__ import annotations

from hypothesis import strategies as st

#: Pieces of outline text: letters (Latin, accented, Chinese, Arabic), blanks, line breaks and every markup form.
PIECES = [*"ab é中ب\t\n*~^{}[]\\", "**", "^[", "^{", "{ref:x}", "\\*", "\\~", "\r\n", "x ",
          "^[note]", "^[a *b* {ref:x}]", "^{er}", "^{a {ref:x}}", "*it*", "**bold**"]

markup_strings = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
