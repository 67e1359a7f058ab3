"""The editorial rules, one module per topic; a module registers its rules when it is imported.

``load()`` imports them all (``cddraft check``); a build imports only :data:`BUILD_MODULES`, the
quick structure and masthead/letter rules, so that it does not pay for the text rules' imports.
"""

from __future__ import annotations

from importlib import import_module

#: Every rule module, by topic.
ALL_MODULES = ("dates", "footnotes", "length", "letter", "masthead", "quotes", "sentence_case", "session",
               "spelling", "starter", "structure", "titles", "typography", "versions", "wordfile")
#: The modules of the rule families every build runs (CD1xx structure, CD3xx masthead and letters).
BUILD_MODULES = ("letter", "masthead", "sentence_case", "session", "starter", "structure", "titles")


def load(modules: tuple[str, ...] = ALL_MODULES) -> None:
    """Register the rules of ``modules`` (all by default); importing twice registers once."""
    for name in modules:
        import_module(f"{__name__}.{name}")
