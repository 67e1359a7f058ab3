"""``cddraft align FILE…``: the language versions of each document read against the original (issue 17)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from cddraft.errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, CddraftError


def align_command(files: Sequence[str], *, fmt: str = "text", base: str | None = None, output: Path | None = None,
                  disable: Sequence[str] = ()) -> int:
    """Print (or write to ``output``) the findings; 1 when a version differs, 2 on unusable input."""
    from cddraft.batch.inputs import expand_inputs
    from cddraft.check.align.report import html_page, rich_table, text_lines
    from cddraft.check.align.run import groups
    from cddraft.check.registry import select
    from cddraft.commands.check import as_json
    from cddraft.pipeline import check_outline
    from cddraft.write import write_atomic

    codes, unknown = select(c.strip() for item in disable for c in item.split(","))
    if unknown:
        click.echo(f"unknown rule(s) {', '.join(unknown)} in --disable; see `cddraft check --list-rules`", err=True)
        return EXIT_UNUSABLE
    paths, broken = expand_inputs(list(files))
    read = []
    for path in paths:
        try:
            outline, document = check_outline(path)
            read.append((str(path), outline, document))
        except CddraftError as exc:
            broken.extend(exc.diagnostics)
    if broken:
        for d in broken:
            click.echo(d.format(), err=True)
        return EXIT_UNUSABLE
    found, problems = groups(read, base, disable=codes)
    if any(p.severity == "error" for p in problems):
        for p in problems:
            click.echo(p.format(), err=True)
        return EXIT_UNUSABLE
    findings = [d for g in found for d in g.findings]
    if fmt == "html":
        page = html_page(found, problems)
        if output is not None:
            write_atomic(output, page.encode("utf-8"))
            click.echo(f"wrote {output}", err=True)
        else:
            click.echo(page, nl=False)
    elif fmt == "json":
        text = json.dumps([as_json(d) for d in [*problems, *findings]], ensure_ascii=False, indent=2) + "\n"
        if output is not None:
            write_atomic(output, text.encode("utf-8"))
        else:
            click.echo(text, nl=False)
    else:
        for p in problems:
            click.echo(p.format(), err=True)
        if sys.stdout.isatty() and findings:
            from rich.console import Console

            Console().print(rich_table(found))
        else:
            click.echo(text_lines(findings), nl=False)
        versions = sum(len(g.pairs) for g in found)
        click.echo(f"{versions} version(s) of {len(found)} document(s) read against the original: "
                   f"{len(findings)} difference(s)", err=True)
    return EXIT_FINDINGS if findings else EXIT_OK
