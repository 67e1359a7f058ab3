"""Run the enabled rules over one outline and turn their findings into diagnostics at ``FILE:LINE:COL``, in the
one order (:mod:`cddraft.check.diagnostics`): all of them for ``cddraft check`` (:func:`run_rules`), the quick
families for every build (:func:`build_findings`), and the compare rules over two states of one document for
``cddraft diff`` and ``cddraft corrigendum`` (:func:`compare_findings`).

Rules can be switched off three ways, all by code, code prefix (``CD5``) or rule name:

* for a whole run (``disable=``, the ``--disable`` option of ``cddraft check``);
* for one outline, in its ``check: {disable: [...]}`` mapping (:func:`outline_disabled`);
* for one line, by a trailing comment ``# cddraft: disable=CD201,CD505`` on the line of the
  finding, or on the line where the value it points into begins (a comment cannot stand
  inside a folded paragraph, so it goes on the ``- >-`` line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from cddraft.check.context import Compared, Context
from cddraft.check.diagnostics import ordered
from cddraft.check.registry import Finding, Rule, rules_for, select
from cddraft.check.rules import BUILD_FAMILIES
from cddraft.errors import Diagnostic
from cddraft.model.document import Document
from cddraft.readers.outline.positions import Outline

#: The editorial rule families every build runs: structure (CD1xx) and masthead, dates and letters (CD3xx).
#: The text-scanning families — footnote calls (CD2xx), length (CD4xx), typography, spelling and dates in
#: the text (CD5xx) — read every character of every paragraph (~2 s at 4,000 paragraphs): `cddraft check` only.
BUILD_RULES = BUILD_FAMILIES


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


def outline_disabled(doc: Document) -> list[str]:
    """The outline's own ``check: {disable: [...]}`` list."""
    return list(doc.check.disable)


def run_rules(
    doc: Document,
    outline: Outline,
    *,
    disable: AbstractSet[str] = frozenset(),
    only: Iterable[str] | None = None,
    families: tuple[str, ...] | None = None,
) -> list[Diagnostic]:
    """Findings of the enabled outline rules as diagnostics at ``FILE:LINE:COL``, in the one order.

    ``outline`` is what the reader read ``doc`` from: it positions the findings and holds the line comments.
    ``disable`` holds codes already resolved (see :func:`cddraft.check.registry.select`);
    ``only`` restricts the run to the given codes (tests run one rule at a time), ``families`` to some code
    prefixes (a build: :data:`BUILD_RULES`).
    """
    out: list[Diagnostic] = []
    per_outline = outline_disabled(doc)
    off, unknown = select(per_outline)
    for sel in unknown:
        i = per_outline.index(sel) if sel in per_outline else 0
        out.append(Diagnostic(f"unknown rule {sel!r} in check.disable; see `cddraft check --list-rules`",
                              pos=outline.position(("check", "disable", i)), file=outline.file))
    ctx = Context(doc)
    enabled = rules_for("outline", disabled=set(disable) | off, only=set(only) if only is not None else None,
                        language=doc.language, families=families)
    out += positioned(((r, f) for r in enabled for f in r.check(doc, ctx)), outline)
    return ordered(out)


def positioned(found: Iterable[tuple[Rule, Finding]], outline: Outline, file: str | None = None) -> list[Diagnostic]:
    """Rules' findings as diagnostics positioned in ``outline`` (reported as ``file``, by default the outline's),
    less those a ``# cddraft: disable=…`` comment switches off, in the one order."""
    # The comments are found by scanning the whole outline text: only once a rule finds something, so that a
    # clean outline costs the build (which runs the quick rules on every outline) nothing here.
    by_line: dict[int, set[str]] | None = None
    out: list[Diagnostic] = []
    for r, finding in found:
        if by_line is None:
            by_line = inline_disables(outline.text)
        start = outline.position(finding.path, key=finding.key)
        pos = outline.position(finding.path, key=finding.key, offset=finding.offset, text=finding.text)
        source = outline.file_of(finding.path)
        in_outline = source == outline.file  # not in a file of rows, which has no comments
        if in_outline and (r.code in by_line.get(pos.line, ()) or r.code in by_line.get(start.line, ())):
            continue
        out.append(Diagnostic(finding.message, path=finding.path, pos=pos, severity=r.severity, code=r.code,
                              file=(outline.file if file is None else file) if in_outline else source))
    return ordered(out)


def build_findings(document: Document, outline: Outline) -> list[Diagnostic]:
    """The findings of the quick editorial rules (:data:`BUILD_RULES`), as ``cddraft check`` reports them.

    The outline's ``check: disable:`` list and ``# cddraft: disable=`` comments apply as in ``cddraft
    check``. They are reported with the build's warnings whatever the rule's severity: the file is still
    written. Only the build's rule modules are loaded (the text rules' imports cost ~15 ms), unless the
    outline disables rules by code: then every code must be known (:func:`~cddraft.check.registry.select`).
    """
    found = run_rules(document, outline, families=BUILD_RULES)
    for d in found:
        if not d.code:  # an unknown rule in check.disable: `cddraft check` refuses it; the build only says so
            d.severity = "warning"
    return found


def compare_findings(old: Document, new: Document, outline: Outline, old_file: str, *,
                     disable: AbstractSet[str] = frozenset()) -> list[Diagnostic]:
    """The findings of the ``compare`` rules on NEW (read from ``outline``) against OLD (read from ``old_file``):
    what ``cddraft diff`` and ``cddraft corrigendum`` report besides the build's findings. They are switched
    off as the outline rules are: ``disable``, NEW's ``check: disable:`` list and its line comments."""
    off, _ = select(outline_disabled(new))  # an unknown code there is reported by the build's findings
    compared = Compared(old, new, old_file)
    enabled = rules_for("compare", disabled=set(disable) | off)
    return positioned(((r, f) for r in enabled for f in r.check(compared)), outline)
