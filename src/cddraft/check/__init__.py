"""Preflight: the UN Editorial Manual's rules checked on an outline or a built .docx.

``run_check`` is what ``cddraft check`` calls; ``list_rules`` and ``explain`` serve
``--list-rules`` and ``--explain``. The rules live in :mod:`cddraft.check.rules`, one module per
topic, each a small generator registered under a code (:mod:`cddraft.check.registry`).
"""

from cddraft.check import rules as _rules  # noqa: F401  (registers every rule)
from cddraft.check.api import check_file, explain, list_rules, run_check
from cddraft.check.registry import RULES

__all__ = ["RULES", "check_file", "explain", "list_rules", "run_check"]
