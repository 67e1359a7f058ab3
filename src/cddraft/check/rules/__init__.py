"""The editorial rules, one module per topic; importing this package registers them all."""

from cddraft.check.rules import (  # noqa: F401  (imported for registration)
    dates,
    footnotes,
    length,
    letter,
    masthead,
    quotes,
    sentence_case,
    spelling,
    starter,
    structure,
    typography,
    wordfile,
)
