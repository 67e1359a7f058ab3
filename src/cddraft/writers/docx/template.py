"""Open the Word template: the generated house template or a user's ``--template``.

The template supplies layout only (styles, page set-up, numbering, theme). If it carries Jinja
tags they are rendered by docxtpl in Jinja's *sandbox* with autoescaping on, from a context of
plain strings: outline text is data, never template code.
"""

from __future__ import annotations

import copy
import io
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument

import cddraft.writers.docx.footnotes  # noqa: F401  (registers FootnotesPart: a template's notes load as XML)
from cddraft import layout
from cddraft.errors import CddraftError, Diagnostic
from cddraft.readers.docx_package import read_docx_bytes
from cddraft.writers.docx import styles as st

_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def house_template() -> Path:
    """The bundled template: inside the installed package, or ``templates/`` in a source checkout."""
    packaged = resources.files("cddraft").joinpath("templates", "house.docx")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[4] / "templates" / "house.docx"


def _as_document(raw: bytes) -> bytes:
    """A .dotx is a .docx with another main content type; python-docx only opens the latter."""
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        ct = zf.read("[Content_Types].xml")
        if _TEMPLATE_CT.encode() not in ct:
            return raw
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in zf.infolist():
                data = zf.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(_TEMPLATE_CT.encode(), _DOCUMENT_CT.encode())
                dst.writestr(item, data)
        return out.getvalue()


def _has_jinja(raw: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                data = zf.read(name)
                if b"{{" in data or b"{%" in data:
                    return True
    return False


#: What a template's Jinja tags may use: the context variables, these filters and tests, ``{% if %}``.
#: Anything else (attributes, calls, loops, arithmetic, includes) is refused before rendering, so a
#: template can neither reach Python internals nor make the build run away.
_FILTERS = frozenset({"upper", "lower", "title", "capitalize", "trim", "default", "d", "e", "escape", "string"})
_TESTS = frozenset({"defined", "undefined", "none", "string"})


def _refusal(node: Any, variables: frozenset[str]) -> str | None:
    from jinja2 import nodes

    allowed = (nodes.Output, nodes.TemplateData, nodes.Const, nodes.If, nodes.Not, nodes.And, nodes.Or,
               nodes.Compare, nodes.Operand, nodes.Concat, nodes.CondExpr, nodes.Keyword)
    if isinstance(node, nodes.Name):
        ok = node.ctx == "load" and node.name in variables
        return None if ok else f"the name {node.name!r}"
    if isinstance(node, nodes.Filter):
        return None if node.name in _FILTERS else f"the filter |{node.name}"
    if isinstance(node, nodes.Test):
        return None if node.name in _TESTS else f"the test 'is {node.name}'"
    if isinstance(node, allowed):
        return None
    if isinstance(node, nodes.Getattr):
        return f"attribute access (.{node.attr})"
    if isinstance(node, nodes.Getitem):
        return "item access ([…])"
    if isinstance(node, nodes.Call):
        return "a call"
    if isinstance(node, nodes.BinExpr | nodes.UnaryExpr):
        return f"the operator {node.operator!r}"
    statements = {nodes.For: "for", nodes.Assign: "set", nodes.AssignBlock: "set", nodes.Include: "include",
                  nodes.Import: "import", nodes.FromImport: "from … import", nodes.Extends: "extends",
                  nodes.Macro: "macro", nodes.CallBlock: "call", nodes.FilterBlock: "filter", nodes.With: "with"}
    tag = statements.get(type(node))
    return f"{{% {tag} %}}" if tag else f"the construct {type(node).__name__}"


def _environment(variables: frozenset[str], *, autoescape: bool = True) -> Any:
    from jinja2 import StrictUndefined, nodes
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class TemplateEnvironment(SandboxedEnvironment):
        """The sandbox, plus a check of every template docxtpl compiles (body, headers, properties)."""

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            tree = source if isinstance(source, nodes.Template) else self.parse(source or "")
            for node in tree.find_all(nodes.Node):
                what = _refusal(node, variables)
                if what is not None:
                    raise SecurityError(f"{what} is not allowed")
            return super().from_string(tree, globals, template_class)

    return TemplateEnvironment(autoescape=autoescape, undefined=StrictUndefined)


def _render_jinja(raw: bytes, context: dict[str, str], name: str) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    allowed = (f"templates may use only the variables {', '.join(sorted(context))}, the filters "
               f"{', '.join(sorted(_FILTERS))} and {{% if %}}")
    variables = frozenset(context)

    class Template(DocxTemplate):
        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            # Properties are set as text through python-docx, which escapes them itself: rendering
            # them with XML escaping too would print "&amp;" for "&".
            super().render_properties(context, _environment(variables, autoescape=False))

    try:
        tpl = Template(io.BytesIO(raw))
        tpl.render(context, jinja_env=_environment(variables), autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except TemplateError as exc:
        raise CddraftError([Diagnostic(f"template error: {exc.message or exc}; {allowed}", file=name)]) from None
    except Exception as exc:  # docxtpl and lxml raise many types for broken tags or XML
        raise CddraftError(
            [Diagnostic(f"template error: its Jinja tags could not be rendered ({type(exc).__name__}: {exc}); "
                        f"fix or remove them ({allowed})", file=name)]
        ) from None
    return out.getvalue()


def missing_styles(doc: DocxDocument) -> list[str]:
    ids = {s.style_id for s in doc.styles}
    return [s for s in st.REQUIRED if s not in ids]


@lru_cache(maxsize=1)
def _house() -> DocxDocument:
    return docx.Document(str(house_template()))


def add_missing_styles(doc: DocxDocument) -> list[str]:
    """Give a template the used styles it may lack (:data:`styles.ADDED_IF_MISSING`); return their ids.

    The definition is the layout table's, taken from the house template (the table written out; a test
    keeps the two equal). A style the template defines is left as the template has it.
    """
    ids = {s.style_id for s in doc.styles}
    added = [sid for sid in st.USED if sid in st.ADDED_IF_MISSING and sid not in ids]
    if added:  # the house template itself has them all: it is read only for a --template that lacks one
        house = {s.style_id: s.element for s in _house().styles}
        for sid in added:
            doc.styles.element.append(copy.deepcopy(house[sid]))
    return added


def _named(style_ids: list[str]) -> str:
    """``H4G ("_ H_4_G" in Word)``: the id and the name Word shows, from the layout table."""
    return ", ".join(f'{i} ("{layout.STYLES[i].name}" in Word)' for i in style_ids)


def open_template(path: Path | None, context: dict[str, str]) -> DocxDocument:
    """Open and (if it has Jinja tags) render the template; check the style contract, add the optional styles."""
    path = path or house_template()
    raw = _as_document(read_docx_bytes(path))
    if _has_jinja(raw):
        raw = _render_jinja(raw, context, str(path))
    try:
        doc = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise CddraftError([Diagnostic(f"cannot open the Word file: {exc}", file=str(path))]) from None
    if not doc.element.xpath("./w:body/w:sectPr"):
        raise CddraftError(
            [Diagnostic("the template has no page set-up (no section properties at the end of the body); open "
                        "it in Word and save it again", file=str(path))]
        )
    missing = missing_styles(doc)
    if missing:
        raise CddraftError(
            [Diagnostic(f"the template lacks the style(s) {_named(missing)}; add them (the UNOG 'G' "
                        "style ids) or build without --template", file=str(path))]
        )
    add_missing_styles(doc)
    return doc
