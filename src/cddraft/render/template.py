"""Open the Word template: the generated house template or a user's ``--template``.

The template supplies layout only (styles, page set-up, numbering, theme). If it carries Jinja
tags they are rendered by docxtpl in Jinja's *sandbox* with autoescaping on, from a context of
plain strings: outline text is data, never template code.
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

from cddraft.errors import CddraftError, Diagnostic
from cddraft.render import styles as st

MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def house_template() -> Path:
    """The bundled template: inside the installed package, or ``templates/`` in a source checkout."""
    packaged = resources.files("cddraft").joinpath("templates", "house.docx")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates" / "house.docx"


def read_docx_bytes(path: Path) -> bytes:
    """Read a .docx/.dotx, refusing what is not one, zip bombs and oversized parts."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise CddraftError([Diagnostic("is a directory, not a Word file", file=name)]) from None
    except FileNotFoundError:
        raise CddraftError([Diagnostic("template not found", file=name)]) from None
    except OSError as exc:
        raise CddraftError([Diagnostic(f"cannot read the file: {exc.strerror}", file=name)]) from None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                    raise CddraftError(
                        [Diagnostic(f"part {info.filename} unpacks to more than the limit "
                                    f"({MAX_PART_BYTES // 2**20} MiB per part, {MAX_TOTAL_BYTES // 2**20} MiB "
                                    "in all); this is not a normal Word file", file=name)]
                    )
            if "word/document.xml" not in zf.namelist():
                raise CddraftError([Diagnostic("not a Word file (no word/document.xml)", file=name)])
    except zipfile.BadZipFile:
        raise CddraftError([Diagnostic("not a Word file (not a zip package; is it a .doc?)", file=name)]) from None
    return raw


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


def _render_jinja(raw: bytes, context: dict[str, str], name: str) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    tpl = DocxTemplate(io.BytesIO(raw))
    try:
        tpl.render(context, jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    except TemplateError as exc:
        raise CddraftError(
            [Diagnostic(f"template error: {exc.message or exc}; templates may only use the documented "
                        f"variables ({', '.join(sorted(context))})", file=name)]
        ) from None
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def missing_styles(doc: DocxDocument) -> list[str]:
    ids = {s.style_id for s in doc.styles}
    return [s for s in st.REQUIRED if s not in ids]


def open_template(path: Path | None, context: dict[str, str]) -> DocxDocument:
    """Open and (if it has Jinja tags) render the template; check the style contract."""
    path = path or house_template()
    raw = _as_document(read_docx_bytes(path))
    if _has_jinja(raw):
        raw = _render_jinja(raw, context, str(path))
    try:
        doc = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise CddraftError([Diagnostic(f"cannot open the Word file: {exc}", file=str(path))]) from None
    missing = missing_styles(doc)
    if missing:
        raise CddraftError(
            [Diagnostic(f"the template lacks the style(s) {', '.join(missing)}; add them (the UNOG 'G' "
                        "style ids) or build without --template", file=str(path))]
        )
    return doc
