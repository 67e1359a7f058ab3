"""The page-1 masthead: a table anchored to the page, as in UNOG documents (§4.1a).

Row 1 (851 twips): [emblem column] [United Nations] [symbol, right, "CD" in 20 pt, rest 10 pt]
Row 2 (2835 twips): [emblem] [body name, bold 20 pt: XLargeG] [Distr./date/version/Original lines]
Right-to-left versions mirror the columns (``w:bidiVisual``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import zip_longest

from cddraft import layout
from cddraft.localise.types import Masthead
from cddraft.writers.docx import ooxml as x
from cddraft.writers.docx import styles as st
from cddraft.writers.docx.pen import Pen

_M = layout.MASTHEAD
COLS = _M.columns
_THIN = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
_THICK = '<w:{side} w:val="single" w:sz="12" w:space="0" w:color="auto"/>'


def _cell(width: int, content: str, *, span: int = 1, borders: str = "", valign: str = "top") -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}<w:tcBorders>{borders}</w:tcBorders>'
        f'<w:vAlign w:val="{valign}"/></w:tcPr>{content or "<w:p/>"}</w:tc>'
    )


def _p(pen: Pen, runs: str, script: x.ScriptProps, *, style: str = st.NORMAL, jc: str | None = None,
       spacing: Mapping[str, int | str] | None = None, ind: Mapping[str, int] | None = None) -> str:
    props = x.ppr(style, bidi=script.rtl, jc=jc, spacing=spacing or {"line": 240, "lineRule": "exact"}, ind=ind,
                  mark=pen.paragraph_mark())
    return pen.paragraph(props, runs)


def _body_name(pen: Pen, runs: str, index: int, size: float, script: x.ScriptProps) -> str:
    """One line of the organ name (a second one for identical letters to two bodies): bold 20 pt from UNOG's
    masthead style, a long name set smaller; the cell's spacing and zero indents stay the paragraph's own (the
    style's are those of a masthead line across the page, §4.1a)."""
    line = round(size * _M.name_line)  # 420 twips at 20 pt, as §4.1a
    # a long name wraps 0.5 cm short of the date lines beside it, as a short one never reaches them
    return _p(pen, runs, script, style=st.ORGAN_NAME, ind={"left": 0, "right": _M.name_gap},
              spacing={"before": 120 if index == 0 else 0, "after": 0, "line": line, "lineRule": "exact"})


def _compared(pen: Pen, new: list[str], old: list[str] | None, paragraph: Callable[[int, str], str],
              draw: Callable[[str], str]) -> str:
    """The paragraphs of ``new``'s lines, their text drawn by ``draw``; against ``old`` (a revised document's),
    a changed line's words marked and a line only one of them has inserted or deleted whole."""
    out = []
    for i, (now, was) in enumerate(zip_longest(new, old if old is not None else new)):
        if now is None or was is None:
            with pen.whole("del" if now is None else "ins"):
                out.append(paragraph(i, draw(was or now or "")))
        else:
            out.append(paragraph(i, pen.changed(now, was, draw)))
    return "".join(out)


def masthead_xml(m: Masthead, script: x.ScriptProps, pen: Pen, symbol_call: str = "") -> str:
    """The masthead table, drawn with ``pen``; a revised document's (``m.was``: the masthead as it was) with a
    changed symbol, "United Nations", body name and distribution, date or language lines marked.
    ``symbol_call`` follows the symbol (a reissue's *, calling its note)."""
    old = m.was
    latin = x.ScriptProps(lang=script.lang)  # the symbol stays in Latin letters, left-to-right
    bottom_thin = _THIN.format(side="bottom")
    row2_borders = _THIN.format(side="top") + _THICK.format(side="bottom")

    def symbol(text: str) -> str:
        head, _, rest = text.partition("/")
        return pen.run(head, x.rpr(latin, size=20)) + pen.run("/" + rest, x.rpr(latin, size=10))

    symbol_runs = pen.changed(m.symbol, old.symbol if old else None, symbol) + symbol_call
    un = _compared(pen, [m.united_nations] if m.united_nations else [],
                   ([old.united_nations] if old.united_nations else []) if old else None,
                   lambda _i, runs: _p(pen, runs, script), lambda text: pen.run(text, x.rpr(script, size=14)))
    # "United Nations" on one line: where the words are long (Организация Объединенных Наций) they take the
    # third column too, and the symbol keeps the fourth.
    un_cols = 2 if m.united_nations_wide else 1
    row1 = (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{_M.top_row}" w:hRule="exact"/></w:trPr>'
        + _cell(COLS[0], "", borders=bottom_thin, valign="bottom")
        + _cell(sum(COLS[1:1 + un_cols]), un, span=un_cols, borders=bottom_thin, valign="bottom")
        # the symbol sits at the outer edge: right, or left in a mirrored (right-to-left) masthead
        + _cell(sum(COLS[1 + un_cols:]), _p(pen, symbol_runs, latin, jc="left" if script.rtl else "right"),
                span=3 - un_cols, borders=bottom_thin, valign="bottom")
        + "</w:tr>"
    )
    props = x.rpr(script) if m.body_size == st.ORGAN_NAME_SIZE else x.rpr(script, size=m.body_size)
    body = _compared(pen, m.body.split("\n"), old.body.split("\n") if old else None,
                     lambda i, runs: _body_name(pen, runs, i, m.body_size, script), lambda text: pen.run(text, props))
    lines_script = script if m.lines_in_version_script else latin

    def line_run(text: str) -> str:
        return pen.run(text, x.rpr(lines_script, size=10))

    def line(i: int, runs: str) -> str:
        return _p(pen, runs, lines_script,
                  spacing={"before": 240 if i == 0 else 0, "line": 240, "lineRule": "exact"})

    lines = _compared(pen, m.lines, old.lines if old else None, line, line_run)
    row2 = (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{_M.name_row}" w:hRule="exact"/></w:trPr>'
        + _cell(COLS[0], "", borders=row2_borders)
        + _cell(COLS[1] + COLS[2], body, span=2, borders=row2_borders)
        + _cell(COLS[3], lines, borders=row2_borders)
        + "</w:tr>"
    )
    bidi = "<w:bidiVisual/>" if script.rtl else ""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in COLS)
    return (
        "<w:tbl><w:tblPr>"
        '<w:tblpPr w:leftFromText="142" w:rightFromText="142" w:vertAnchor="page" w:horzAnchor="page" '
        f'w:tblpX="{_M.x}" w:tblpY="{_M.y}"/>'
        f'{bidi}<w:tblW w:w="{sum(COLS)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="0"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{row1}{row2}</w:tbl>"
        # An empty, hairline paragraph anchors the floating table: without it LibreOffice lays out
        # the paragraph after the first one (the title) without its left indent.
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
    )
