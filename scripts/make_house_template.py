#!/usr/bin/env python3
"""Generate ``templates/house.docx``, cddraft's house template, from the layout table.

The values (page set-up, styles, bullets, fonts) live in ``src/cddraft/layout.py``, where they
can be reviewed against un-conventions.md §4.1a and where the renderer reads them too; this script only
writes them out as WordprocessingML. The output is byte-for-byte reproducible (fixed zip timestamps and
order); a test checks that the committed template matches this script.

    python scripts/make_house_template.py            # writes templates/house.docx
    python scripts/make_house_template.py OUT.docx
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cddraft"


def _load(name: str) -> ModuleType:
    """A data module of this checkout (``layout``, ``namespaces``, ``languages``), loaded by path: always the file
    beside this script (not another installed cddraft), and no dependency beyond the standard library."""
    path = PACKAGE / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"cddraft_house_{name}", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


layout = _load("layout")
ns = _load("namespaces")
languages = _load("languages")


class Fonts(NamedTuple):
    """The template's default fonts per script (docDefaults ``w:rFonts`` and the theme)."""

    latin: str
    east_asian: str
    complex: str


def _conventions_fonts() -> dict[str, dict[str, str | None]]:
    """Each language's ``fonts:`` from its conventions file (read with PyYAML, which cddraft requires)."""
    import yaml

    data = PACKAGE / "conventions" / "data"
    return {code: yaml.safe_load((data / f"{code}.yaml").read_text(encoding="utf-8"))["fonts"]
            for code in languages.LANGUAGES}


def house_fonts() -> Fonts:
    """The English version's fonts, with the Chinese version's East Asian font: the template serves every
    language, and the renderer sets each version's own (conventions ``fonts:``)."""
    fonts = _conventions_fonts()
    english, chinese = fonts["en"], fonts["zh"]
    return Fonts(latin=str(english["latin"]), east_asian=str(chinese["east_asian"]), complex=str(english["complex"]))


def font_table() -> list[tuple[str, str, str | None]]:
    """(name, family, localised name) of every font a version uses, in the layout table's order."""
    used = {f for fonts in _conventions_fonts().values() for f in fonts.values() if f}
    missing = used - set(layout.FONT_TABLE)
    if missing:
        raise SystemExit(f"add {', '.join(sorted(missing))} to FONT_TABLE in src/cddraft/layout.py")
    return [(name, family, alt) for name, (family, alt) in layout.FONT_TABLE.items() if name in used]

W, R = ns.W, ns.R
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _attrs(values: Any) -> str:
    return " ".join(f'w:{k}="{v}"' for k, v in values.items())


def _ppr(s: Any) -> str:
    out = []
    if s.keep_next:
        out.append("<w:keepNext/>")
    if s.keep_lines:
        out.append("<w:keepLines/>")
    if s.num_id is not None:
        out.append(f'<w:numPr><w:numId w:val="{s.num_id}"/></w:numPr>')
    if s.border_bottom:
        out.append('<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>')
    if s.tabs:
        out.append("<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:pos="{p}"/>' for k, p in s.tabs) + "</w:tabs>")
    if s.suppress_auto_hyphens:
        out.append("<w:suppressAutoHyphens/>")
    if s.spacing:
        out.append(f"<w:spacing {_attrs(s.spacing)}/>")
    if s.ind:
        out.append(f"<w:ind {_attrs(s.ind)}/>")
    if s.jc:
        out.append(f'<w:jc w:val="{s.jc}"/>')
    if s.outline_level is not None:
        out.append(f'<w:outlineLvl w:val="{s.outline_level}"/>')
    return f"<w:pPr>{''.join(out)}</w:pPr>" if out else ""


def _rpr(s: Any) -> str:
    out = []
    if s.font:
        out.append(f'<w:rFonts w:ascii="{s.font}" w:hAnsi="{s.font}" w:cs="{s.font}"/>')
    if s.bold:
        out.append("<w:b/><w:bCs/>")
    if s.italic:
        out.append("<w:i/><w:iCs/>")
    if s.size:
        half = int(s.size * 2)
        out.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if s.superscript:
        out.append('<w:vertAlign w:val="superscript"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def _style(s: Any) -> str:
    default = ' w:default="1"' if s.default else ""
    parts = [f'<w:name w:val="{s.name}"/>']
    if s.alias:
        parts.append(f'<w:aliases w:val="{s.alias}"/>')
    if s.kind == "paragraph" and s.id != "Normal":
        parts.append(f'<w:basedOn w:val="{s.based_on}"/>')
    if s.next:
        parts.append(f'<w:next w:val="{s.next}"/>')
    if s.gallery:
        parts.append("<w:qFormat/>")
    if s.kind == "paragraph":
        parts.append(_ppr(s))
    parts.append(_rpr(s))
    return f'<w:style w:type="{s.kind}"{default} w:styleId="{s.id}">{"".join(parts)}</w:style>'


def styles_xml() -> str:
    f = house_fonts()
    half = int(layout.STYLES["Normal"].size * 2)
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{f.latin}" w:eastAsia="{f.east_asian}" w:hAnsi="{f.latin}" w:cs="{f.complex}"/>'
        f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
    )
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" "
        'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
    )
    body = "".join(_style(s) for s in (*layout.PARAGRAPH_STYLES, *layout.CHARACTER_STYLES))
    return f'{HEAD}<w:styles xmlns:w="{W}">{defaults}{body}{table}</w:styles>'


def numbering_xml() -> str:
    """One single-level bullet list per list style, at that style's indents."""
    b = layout.BULLET
    abstract, nums = [], []
    for s in sorted((s for s in layout.PARAGRAPH_STYLES if s.num_id is not None), key=lambda s: s.num_id):
        left, hanging = s.ind["left"], s.ind["hanging"]
        abstract.append(
            f'<w:abstractNum w:abstractNumId="{s.num_id - 1}"><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{b.symbol}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{b.font}" w:hAnsi="{b.font}" w:hint="default"/></w:rPr>'
            "</w:lvl></w:abstractNum>"
        )
        nums.append(f'<w:num w:numId="{s.num_id}"><w:abstractNumId w:val="{s.num_id - 1}"/></w:num>')
    return f'{HEAD}<w:numbering xmlns:w="{W}">{"".join(abstract)}{"".join(nums)}</w:numbering>'


def settings_xml() -> str:
    return (
        f'{HEAD}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="567"/>'
        '<w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>'
        # no footnotePr: it names the separator footnotes, which the build writes with the footnotes part
        f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="{ns.WORD_2010}" '
        'w:val="15"/></w:compat></w:settings>'
    )


def document_xml() -> str:
    p = layout.PAGE
    margins = _attrs(dataclasses.asdict(layout.MARGINS))
    return (
        f'{HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p/>'
        # §4.1a (S): footnote numbers restart in each section (an editor may add section breaks)
        '<w:sectPr><w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
        f'<w:pgSz w:w="{p.width}" w:h="{p.height}" w:code="{p.code}"/><w:pgMar {margins}/>'
        '<w:cols w:space="720"/><w:titlePg/></w:sectPr></w:body></w:document>'
    )


def font_table_xml() -> str:
    body = "".join(
        f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
        + f'<w:family w:val="{family}"/></w:font>'
        for name, family, alt in font_table()
    )
    return f'{HEAD}<w:fonts xmlns:w="{W}">{body}</w:fonts>'


def theme_xml() -> str:
    """A minimal Office theme (Word requires the part); fonts match the house fonts."""
    colors = [("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
              ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
              ("dk2", '<a:srgbClr val="1F497D"/>'), ("lt2", '<a:srgbClr val="EEECE1"/>'),
              ("accent1", '<a:srgbClr val="4F81BD"/>'), ("accent2", '<a:srgbClr val="C0504D"/>'),
              ("accent3", '<a:srgbClr val="9BBB59"/>'), ("accent4", '<a:srgbClr val="8064A2"/>'),
              ("accent5", '<a:srgbClr val="4BACC6"/>'), ("accent6", '<a:srgbClr val="F79646"/>'),
              ("hlink", '<a:srgbClr val="0000FF"/>'), ("folHlink", '<a:srgbClr val="800080"/>')]
    clr = "".join(f"<a:{n}>{v}</a:{n}>" for n, v in colors)
    f = house_fonts()
    font = f'<a:latin typeface="{f.latin}"/><a:ea typeface="{f.east_asian}"/><a:cs typeface="{f.complex}"/>'
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{solid}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{HEAD}<a:theme xmlns:a="{ns.A}" name="cddraft">'
        f'<a:themeElements><a:clrScheme name="cddraft">{clr}</a:clrScheme>'
        f'<a:fontScheme name="cddraft"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont>'
        "</a:fontScheme>"
        f'<a:fmtScheme name="cddraft"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst><a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )


CONTENT_TYPES = (
    f'{HEAD}<Types xmlns="{ns.CONTENT_TYPES}">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/fontTable.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/theme/theme1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
)
RELS = (
    f'{HEAD}<Relationships xmlns="{ns.PACKAGE_RELATIONSHIPS}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/></Relationships>'
)
DOC_RELS = (
    f'{HEAD}<Relationships xmlns="{ns.PACKAGE_RELATIONSHIPS}">'
    + "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(
            [("styles", "styles.xml"), ("settings", "settings.xml"), ("numbering", "numbering.xml"),
             ("fontTable", "fontTable.xml"), ("theme", "theme/theme1.xml")], 1)
    )
    + "</Relationships>"
)
CORE = (
    f'{HEAD}<cp:coreProperties xmlns:cp="{ns.CORE_PROPERTIES}" xmlns:dc="{ns.DC}" xmlns:dcterms="{ns.DCTERMS}" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>cddraft house template</dc:title>'
    "<dc:creator>cddraft</dc:creator></cp:coreProperties>"
)
APP = (
    f'{HEAD}<Properties xmlns="{ns.EXTENDED_PROPERTIES}">'
    "<Application>cddraft</Application></Properties>"
)


def parts() -> dict[str, str]:
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "docProps/app.xml": APP,
        "docProps/core.xml": CORE,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/styles.xml": styles_xml(),
        "word/theme/theme1.xml": theme_xml(),
    }


def write(out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts().items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1] / "templates" / "house.docx"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    write(target)
    print(target)
