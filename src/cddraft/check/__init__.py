"""Preflight: the UN Editorial Manual's rules checked on an outline or a built .docx.

``run_check`` is what ``cddraft check`` calls; ``list_rules`` and ``explain`` serve
``--list-rules`` and ``--explain``. The rules live in :mod:`cddraft.check.rules`, one module per
topic, each a small generator registered under a code (:mod:`cddraft.check.registry`).

The names below are loaded on first use, with every rule registered: importing a submodule
(``cddraft.check.run`` for a build) does not import all the rules.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RULES", "check_file", "explain", "list_rules", "run_check"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from cddraft.check import api, registry, rules

    rules.load()
    return registry.RULES if name == "RULES" else getattr(api, name)
