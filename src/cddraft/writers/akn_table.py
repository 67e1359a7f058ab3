"""A localised table as Akoma Ntoso 3.0 (issue 27, docs/akn.md "Tables").

``hcontainer name="table"`` — a hierarchy element, so it stands where the writer's other blocks stand (in a
chapter, in the main body, in an annex) — with the "Table 1" line as ``num``, the title as ``heading``, the unit
line as ``subheading``, then ``content`` holding the ``table`` (rows of ``th`` for the column heads, of ``td``
for the body, each cell's text in a ``p``, spans as ``colspan``/``rowspan``) and after it the lines printed
under the table as ``p``: the source (``class="tableSource"``) and general note (``class="tableNote"``), their
label in the text, and the
notes the cells call (``class="tableFootnote"``, the call as the table prints it). A note's call in a cell stays
the table's own ``<sup>a</sup>``: table notes are not document footnotes (Editorial Manual, "Footnotes", ch. II),
so they are never ``authorialNote``s; a footnote of the title is one, like any other text's.

This is the shape DGACM's own AKN4UN files give a table (a container holding the table, notes as paragraphs
after it, calls as ``sup``: the General Assembly's resolutions, docs/un-conventions.md §6.10 [AKN-GA]), with the
caption kept as structure; the schema's content model decides the rest (``table`` is a block: inside a
hierarchy element it must stand in ``content``).
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from cddraft.localise.types import Spans, Table, TableCell, TableNote

#: Writes spans as AKN inline markup (the writer's own: footnotes numbered in reading order, references to eIds).
Inline = Callable[[Spans], str]


def _cell(inline: Inline, cell: TableCell, tag: str) -> str:
    attrs = ""
    if cell.span > 1:
        attrs += f' colspan="{cell.span}"'
    if cell.rows > 1:
        attrs += f' rowspan="{cell.rows}"'
    if cell.align != "left":
        attrs += f' class="{cell.align}"'
    text = inline(cell.spans)
    return f"<{tag}{attrs}><p>{text}</p></{tag}>" if text else f"<{tag}{attrs}/>"


def _note(inline: Inline, note: TableNote) -> str:
    if note.call is None:  # the source or the general note: its label is its first spans (*Source*: …)
        return f'<p class="{"tableSource" if note.kind == "source" else "tableNote"}">{inline(note.spans)}</p>'
    call = f"<sup>{escape(note.call)}</sup>" if note.raised else escape(note.call)
    return f'<p class="tableFootnote">{call} {inline(note.spans)}</p>'


def table_xml(inline: Inline, table: Table, eid: str) -> str:
    """The table at ``eid`` (``chp_1__table_2``); its ``table`` element is ``{eid}__table``."""
    out = [f'<hcontainer name="table" eId="{eid}"' + (f' class="{table.width}"' if table.width != "text" else "")
           + ">"]
    if table.label:
        out.append(f"<num>{escape(table.label)}</num>")
    if table.title:
        out.append(f"<heading>{inline(table.title)}</heading>")
    if table.unit:
        out.append(f"<subheading>{inline(table.unit)}</subheading>")
    out.append(f'<content><table eId="{eid}__table">')
    for row in table.rows:
        tag = "th" if row.head else "td"
        css = ' class="total"' if row.total else ""
        out.append(f"<tr{css}>{''.join(_cell(inline, cell, tag) for cell in row.cells)}</tr>")
    out.append("</table>")
    out.extend(_note(inline, note) for note in table.notes)
    out.append("</content></hcontainer>")
    return "".join(out)
