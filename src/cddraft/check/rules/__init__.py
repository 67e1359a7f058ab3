"""The editorial rules, one module per topic; a module registers its rules when it is imported.

:func:`load` is the one way the rules are loaded, and each module is imported once. Nothing outside the check
package calls it: :func:`cddraft.check.registry.rules_for` and :func:`~cddraft.check.registry.select` load what
they need, and ``cddraft.check.RULES`` is every rule. A build needs only :data:`BUILD_FAMILIES`, whose rules
live in :data:`BUILD_MODULES`, so that it does not pay for the text rules' imports (~15 ms).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module

from cddraft.check.registry import RULES, Rule

#: Every rule module, by topic.
ALL_MODULES = ("dates", "footnotes", "length", "letter", "masthead", "quotes", "resolutions", "revisions",
               "sentence_case", "session", "spelling", "starter", "structure", "tables", "titles", "typography",
               "version_tables", "versions", "wordfile")
#: The rule families every build runs: CD1xx structure, CD3xx masthead, dates and letters.
BUILD_FAMILIES = ("CD1", "CD3")
#: The modules holding the outline rules of :data:`BUILD_FAMILIES`.
BUILD_MODULES = ("letter", "masthead", "resolutions", "sentence_case", "session", "starter", "structure", "tables",
                 "titles")

_loaded: set[str] = set()


def load(families: Iterable[str] | None = None) -> dict[str, Rule]:
    """Register the rules — every one, or at least those of ``families`` (code prefixes such as ``CD1``) — and
    return the registry. Each module is imported once; a later call for more rules imports only the rest."""
    wanted = set(families) if families is not None else None
    modules = BUILD_MODULES if wanted is not None and wanted <= set(BUILD_FAMILIES) else ALL_MODULES
    for name in modules:
        if name not in _loaded:
            import_module(f"{__name__}.{name}")
            _loaded.add(name)
    return RULES
