"""Run the enabled rules over one document and turn their findings into positioned diagnostics.

Rules can be switched off three ways, all by code, code prefix (``CD5``) or rule name:

* for a whole run (``disable=``, the ``--disable`` option of ``cddraft check``);
* for one outline, in its ``check: {disable: [...]}`` mapping (read from the model when it has
  that field; see :func:`outline_disabled`);
* for one line, by a trailing comment ``# cddraft: disable=CD201,CD505`` on the line of the
  finding, or on the line where the value it points into begins (a comment cannot stand
  inside a folded paragraph, so it goes on the ``- >-`` line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from cddraft.check.context import Context
from cddraft.check.locate import SourceText
from cddraft.check.registry import rules_for, select
from cddraft.errors import Diagnostic, SourcePos
from cddraft.model.document import Document
from cddraft.outline.load import SourceMap

_DISABLE = re.compile(r"(?:^|\s)#\s*cddraft:\s*disable\s*=\s*([\w\-, ]+)", re.IGNORECASE)


def inline_disables(text: str) -> dict[int, set[str]]:
    """Line number → codes disabled there by a ``# cddraft: disable=…`` comment.

    The comment is found by pattern, not by the YAML parser (which drops comments); a ``#``
    preceded by a blank inside a quoted string would also count, which is harmless.
    """
    out: dict[int, set[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = _DISABLE.search(line)
        if m:
            codes, _ = select(re.split(r"[,\s]+", m.group(1)))
            out[n] = codes
    return out


def outline_disabled(doc: object) -> list[str]:
    """The outline's own ``check: {disable: [...]}`` list, once the model has that field."""
    settings = getattr(doc, "check", None)
    return list(getattr(settings, "disable", None) or [])


def run_rules(
    doc: Document,
    *,
    file: str,
    text: str,
    sources: SourceMap,
    disable: AbstractSet[str] = frozenset(),
    only: Iterable[str] | None = None,
) -> list[Diagnostic]:
    """Findings of the enabled outline rules as diagnostics at ``FILE:LINE:COL``, sorted.

    ``disable`` holds codes already resolved (see :func:`cddraft.check.registry.select`);
    ``only`` restricts the run to the given codes (tests run one rule at a time).
    """
    # Both scan the whole outline text (~50 ms at 4,000 paragraphs): made only once a rule finds something,
    # so that a clean outline costs the build (which runs the quick rules on every outline) nothing here.
    src: SourceText | None = None
    by_line: dict[int, set[str]] | None = None
    out: list[Diagnostic] = []
    per_outline = outline_disabled(doc)
    off, unknown = select(per_outline)
    for sel in unknown:
        i = per_outline.index(sel) if sel in per_outline else 0
        pos = sources.locate(("check", "disable", i))
        out.append(Diagnostic(f"unknown rule {sel!r} in check.disable; see `cddraft check --list-rules`",
                              pos=pos, file=file))
    ctx = Context(doc)
    for r in rules_for("outline", disabled=set(disable) | off, only=set(only) if only is not None else None):
        for finding in r.check(doc, ctx):
            if src is None or by_line is None:
                src, by_line = SourceText(text, sources), inline_disables(text)
            pos = src.locate(finding)
            start = sources.locate(finding.path, key=finding.key)
            if r.code in by_line.get(pos.line, ()) or r.code in by_line.get(start.line, ()):
                continue
            out.append(Diagnostic(finding.message, path=finding.path, pos=pos, severity=r.severity,
                                  code=r.code, file=file))
    return sorted(out, key=sort_key)


def sort_key(d: Diagnostic) -> tuple:
    pos = d.pos or SourcePos(0, 0)
    return (d.file, pos.line, pos.column, d.code, d.message)
