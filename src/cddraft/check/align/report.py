"""The alignment shown: ``FILE:LINE:COL`` lines (or a rich table on a terminal), JSON for tools, and one HTML
page that sets the versions side by side, block by block, with the differences marked — one file, no server,
readable offline (its style is inline; it loads nothing)."""

from __future__ import annotations

import html
from collections.abc import Iterable

from cddraft.check.align.pair import Pair
from cddraft.check.align.run import Group
from cddraft.errors import Diagnostic

_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin-bottom:1em}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:start}
th{background:#f3f3f3}.kind{width:8em}td.kind{color:#666;font-size:.85em}
tr.differs td{background:#fff3cd}tr.missing td{background:#f8d7da}tr.extra td{background:#d1e7dd}
td.gap{color:#999;font-style:italic}.finding{color:#842029;font-size:.85em;margin-top:.3em}
.ok{color:#0f5132}
"""


def text_lines(findings: Iterable[Diagnostic]) -> str:
    return "".join(d.format() + "\n" for d in findings)


def rich_table(groups: list[Group]) -> object:
    """A terminal table of the findings, one per row: where in the version, the rule, what, and the base."""
    from rich.table import Table

    table = Table(title="Language versions against the original", show_lines=False)
    for column in ("version", "rule", "finding"):
        table.add_column(column, overflow="fold")
    for g in groups:
        for d in g.findings:
            where = f"{d.file}:{d.pos.line}:{d.pos.column}" if d.pos else d.file
            table.add_row(where, d.code, d.message)
    return table


def _cell(text: str, lang: str, rtl: bool) -> str:
    direction = ' dir="rtl"' if rtl else ""
    return f'<td lang="{lang}"{direction}>{html.escape(text)}</td>'


def _rows(pair: Pair, findings: list[Diagnostic]) -> list[str]:
    """One row per aligned block: the base's text beside the version's, marked where they differ."""
    by_path: dict[tuple, list[str]] = {}
    for d in findings:
        by_path.setdefault(tuple(d.path), []).append(f"{d.code}: {d.message}")
    base, version = pair.base, pair.version
    rtl = {v.doc.language: v.doc.language == "ar" for v in (base, version)}
    rows = []
    for i, j in pair.blocks:
        ub = base.units[i] if i is not None else None
        uv = version.units[j] if j is not None else None
        notes = by_path.pop(tuple(uv.path), []) if uv is not None else []
        state = "missing" if uv is None else "extra" if ub is None else "differs" if notes else ""
        unit = ub or uv
        assert unit is not None, "an aligned pair has a block on one side at least"
        kind = unit.kind
        left = _cell(ub.text, base.doc.language, rtl[base.doc.language]) if ub else '<td class="gap">—</td>'
        right = _cell(uv.text, version.doc.language, rtl[version.doc.language]) if uv else '<td class="gap">—</td>'
        if notes:
            right = right[:-5] + "".join(f'<div class="finding">{html.escape(n)}</div>' for n in notes) + "</td>"
        rows.append(f'<tr class="{state}"><td class="kind">{html.escape(kind)}</td>{left}{right}</tr>')
    for path, notes in by_path.items():  # findings on the masthead or between blocks
        text = "".join(f'<div class="finding">{html.escape(n)}</div>' for n in notes)
        rows.append(f'<tr class="differs"><td class="kind">{html.escape(".".join(map(str, path)))}</td>'
                    f"<td></td><td>{text}</td></tr>")
    return rows


def html_page(groups: list[Group], problems: list[Diagnostic]) -> str:
    """The page: for each document, each version beside the original, block by block."""
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>cddraft align: language versions</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>Language versions against the original</h1>"]
    for p in problems:
        parts.append(f'<p class="finding">{html.escape(p.format())}</p>')
    for g in groups:
        parts.append(f"<h2>{html.escape(g.symbol)}: {len(g.findings)} difference(s)</h2>")
        for pair in g.pairs:
            mine = [d for d in g.findings if d.file == pair.version.file]
            verdict = ('<span class="ok">aligned</span>' if not mine else f"{len(mine)} difference(s)")
            parts.append(f"<h3>{html.escape(pair.version.name)} against {html.escape(pair.base.name)}: {verdict}</h3>")
            parts.append(f'<table data-version="{html.escape(pair.version.doc.language)}">'
                         '<colgroup><col style="width:8em"><col><col></colgroup><thead><tr>'
                         f"<th class=\"kind\">block</th><th>{html.escape(pair.base.name)}</th>"
                         f"<th>{html.escape(pair.version.name)}</th></tr></thead><tbody>")
            parts.extend(_rows(pair, mine))
            parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
