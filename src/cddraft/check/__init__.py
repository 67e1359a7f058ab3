"""Preflight: the UN Editorial Manual's rules checked on an outline or a built .docx.

The rules live in :mod:`cddraft.check.rules`, one module per topic, each a small generator registered
under a code (:mod:`cddraft.check.registry`); :mod:`cddraft.check.run` runs them on an outline and
:mod:`cddraft.check.built` on a .docx. The ``cddraft check`` command is :mod:`cddraft.commands.check`.

``RULES`` (every rule, by code) is loaded on first use, by :func:`cddraft.check.rules.load` (the one way the
rules are loaded): importing a submodule (``cddraft.check.run`` for a build) does not import all the rules.
How a finding is ordered and written as JSON is :mod:`cddraft.check.diagnostics`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RULES"]


def __getattr__(name: str) -> Any:
    if name != "RULES":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from cddraft.check import rules

    return rules.load()
