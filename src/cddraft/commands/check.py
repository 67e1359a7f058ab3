"""``cddraft check``: check files, print the findings, return the exit status; list and explain the rules.

Outlines are validated first (schema errors are reported as ``cddraft check`` always reported
them, and make the file unusable); a valid outline then goes through the editorial rules.
A ``.docx`` is opened safely and checked by the .docx rules.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TextIO

import click

from cddraft.batch.inputs import expand_inputs
from cddraft.check.diagnostics import as_json, ordered
from cddraft.check.explain import as_text
from cddraft.check.registry import every_rule, select
from cddraft.check.run import run_rules
from cddraft.conventions import english_name
from cddraft.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, CddraftError, Diagnostic, fail

DOCX_SUFFIXES = (".docx", ".docm")


def check_command(files: Sequence[Path], *, fmt: str = "text", disable: Sequence[str] = (), list_all: bool = False,
                  explain_code: str | None = None) -> int:
    """The whole of ``cddraft check``: list the rules, explain one, or check ``files``.

    ``disable`` holds the ``--disable`` values as given: each may name several rules, separated by commas.
    """
    if list_all:
        click.echo(list_rules())
        return EXIT_OK
    if explain_code:
        click.echo(explain(explain_code))
        return EXIT_OK
    if not files:
        raise click.UsageError("give at least one outline or .docx (or --list-rules)")
    codes = {c.strip() for item in disable for c in item.split(",") if c.strip()}
    return run_check(list(files), fmt=fmt, disable=codes, stdout=sys.stdout, stderr=sys.stderr)


def _versions(read: list, codes: AbstractSet[str]) -> list[Diagnostic]:
    """Several versions of one symbol among the outlines: read against each other, as ``cddraft align`` does."""
    symbols = [doc.symbol.rstrip("*") for _, _, doc in read]
    if len(symbols) == len(set(symbols)):
        return []
    from cddraft.check.align.run import groups

    found, problems = groups(read, disable=codes, lone=False)
    return [d for g in found for d in g.findings] + problems


def run_check(
    files: Iterable[Path],
    *,
    fmt: str = "text",
    disable: AbstractSet[str] = frozenset(),
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Check outlines and .docx files; print every finding; return the exit status.

    ``files`` are read as ``cddraft build`` reads them (:func:`~cddraft.batch.inputs.expand_inputs`): a
    file, a folder (the ``*.yaml``/``*.yml`` outlines in it) or a glob pattern the shell left
    unexpanded (``'outlines/*.yaml'``); a folder without outlines or a pattern matching nothing
    makes the run unusable.

    ``fmt="text"`` prints ``FILE:LINE:COL: CODE severity: message`` lines on ``stdout`` (a .docx
    has no lines: ``FILE: CODE …``, naming the paragraph in the message), schema errors on
    ``stderr`` as before, and a one-line summary on ``stderr``. ``fmt="json"`` prints one JSON
    list on ``stdout`` of objects with file, line, column, code, severity and message (schema
    errors first, with code null): :func:`cddraft.check.diagnostics.as_json`, in the order of
    :func:`~cddraft.check.diagnostics.sort_key`, as ``cddraft serve`` shows them. ``disable``
    holds codes, code prefixes (``CD5``) or rule names.

    Exit status: 0 no findings of severity error (warnings allowed), 1 findings of severity
    error, 2 an unusable file (unreadable, invalid outline, not a Word file) or an unknown rule in
    ``disable``.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    if fmt not in ("text", "json"):
        raise ValueError(f"unknown format {fmt!r}; use text or json")
    codes, unknown = select(disable)
    if unknown:
        err.write(f"unknown rule(s) {', '.join(unknown)} in --disable; see `cddraft check --list-rules`\n")
        return EXIT_UNUSABLE
    findings: list[Diagnostic] = []
    paths, broken = expand_inputs(files)  # as `cddraft build` reads them: files, folders, glob patterns
    read = []
    for path in paths:
        try:
            if path.suffix.lower() in DOCX_SUFFIXES:
                from cddraft.check.built import check_docx  # python-docx: only where a .docx is checked

                findings.extend(check_docx(path, disable=codes))
                continue
            from cddraft.pipeline import check_outline

            outline, document = check_outline(path)
            findings.extend(run_rules(document, outline, disable=codes))
            read.append((str(path), outline, document))
        except CddraftError as exc:
            broken.extend(exc.diagnostics)
    # one order (cddraft.check.diagnostics.sort_key), and in JSON the objects of the `cddraft serve` page
    broken, findings = ordered(broken), ordered([*findings, *_versions(read, codes)])
    if fmt == "json":
        json.dump([as_json(d) for d in [*broken, *findings]], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for d in broken:
            err.write(d.format() + "\n")
        for d in findings:
            out.write(d.format() + "\n")
        errors = sum(d.severity == "error" for d in findings)
        warnings = len(findings) - errors
        err.write(f"{len(paths)} file(s) checked: {errors} error(s), {warnings} warning(s)"
                  f"{f', {len(broken)} problem(s) making files unusable' if broken else ''}\n")
    if broken:
        return EXIT_UNUSABLE
    if any(d.severity == "error" for d in findings):
        return EXIT_FINDINGS
    return EXIT_OK


def list_rules() -> str:
    """One line per rule: code, name, severity and what it flags (``cddraft check --list-rules``)."""
    rules = every_rule()
    width = max(len(r.name) for r in rules)
    return "\n".join(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}" for r in rules) + "\n"


#: A citation of the conventions reference in a rule's docstring, by its bare file name.
def explain(code: str) -> str:
    """A rule's documentation (its docstring) for ``cddraft check --explain CODE``; code or name."""
    matched = [r for r in every_rule() if r.code == code.strip().upper() or r.name == code.strip().lower()]
    if not matched:
        raise fail(f"unknown rule {code!r}; see `cddraft check --list-rules`")
    r = matched[0]
    return as_text(r, ", ".join(english_name(c) for c in r.languages or ()))
