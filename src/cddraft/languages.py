"""The six official languages cddraft writes, defined once: each has its conventions file
(``conventions/data/<code>.yaml``); the outline, the command line and the readers take them from here.
Standard library only: the command line imports it at start-up."""

from __future__ import annotations

from typing import Literal, get_args

#: A version's language, by its code (in the order the UN lists its official languages: the English alphabet).
Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
LANGUAGES: tuple[str, ...] = get_args(Language)
