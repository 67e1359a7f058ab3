"""Read a Word package safely: what is not one, zip bombs, encrypted files and DTDs are refused.

Every .docx cddraft opens — a ``--template``, a file to check, convert or import — is read through
:func:`read_docx_bytes` first, so nothing downstream (python-docx, LibreOffice) sees a hostile package.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from cddraft.errors import CddraftError, Diagnostic
from cddraft.readcap import read_capped

MAX_PART_BYTES = 50 * 1024 * 1024  # one part, unpacked
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all parts unpacked, and the file itself
MAX_PARTS = 10_000
_CHUNK = 1 << 20
#: The package relationship that names the main part (Transitional, and ISO 29500 Strict).
_MAIN_RELATIONSHIPS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                       "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
_PACKAGE_RELS = "_rels/.rels"
_CONTENT_TYPES = "[Content_Types].xml"
#: Main parts of other Office files, by the content type [Content_Types].xml gives them: what the file is.
_OTHER_OFFICE = {"spreadsheetml": "an Excel workbook", "presentationml": "a PowerPoint presentation"}


def _not_word(message: str, name: str) -> CddraftError:
    return CddraftError([Diagnostic(message, file=name)])


def _limit_message(part: str) -> str:
    return (f"part {part} unpacks to more than the limit ({MAX_PART_BYTES // 2**20} MiB per part, "
            f"{MAX_TOTAL_BYTES // 2**20} MiB in all); this is not a normal Word file (a zip bomb?): "
            "open it in Word and save it again")


def _xml_parser() -> etree.XMLParser:
    """A parser that reads no DTD, expands no entity and fetches nothing: a well-formedness check only."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _check_package(zf: zipfile.ZipFile, name: str, keep: bool = False) -> dict[str, etree._Element]:
    """Unpack every part once, counting real sizes (a zip can understate them) and checking CRCs; every XML
    part is parsed as it streams, so a part that is not XML, or declares a DTD in any encoding, is named here
    rather than failing in a reader further on."""
    infos = zf.infolist()
    kept: dict[str, etree._Element] = {}
    if len(infos) > MAX_PARTS:
        raise _not_word(f"the package has {len(infos):,} parts (at most {MAX_PARTS:,}); this is not a normal "
                        "Word file", name)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _not_word("the file is encrypted (password-protected); save a copy without a password", name)
        if info.file_size > MAX_PART_BYTES or total + info.file_size > MAX_TOTAL_BYTES:
            raise _not_word(_limit_message(info.filename), name)
        size = 0
        parser = _xml_parser() if info.filename.endswith((".xml", ".rels")) else None
        try:
            with zf.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_PART_BYTES or total + size > MAX_TOTAL_BYTES:
                        raise _not_word(_limit_message(info.filename), name)
                    if parser is not None:
                        parser.feed(chunk)
            root = parser.close() if parser is not None else None
        except etree.XMLSyntaxError as exc:
            raise _not_word(f"part {info.filename} is not well-formed XML ({exc.msg}); this is not a normal Word "
                            "file: open it in Word and save it again", name) from None
        total += size
        if root is not None and root.getroottree().docinfo.doctype:  # entities could expand in a later reader
            raise _not_word(f"part {info.filename} declares a DTD, which Word files never do; open the file in "
                            "Word and save it again", name)
        if root is not None and (keep or info.filename in (_PACKAGE_RELS, _CONTENT_TYPES)):
            kept[info.filename] = root
    names = set(zf.namelist())
    main = main_part(kept.get(_PACKAGE_RELS))
    for required in (_CONTENT_TYPES, main):
        if required not in names:
            raise _not_word(f"not a Word file (no {required}); save it from Word as .docx", name)
    kind = _content_type(kept.get(_CONTENT_TYPES), main)
    other = next((what for key, what in _OTHER_OFFICE.items() if key in kind), None)
    if other is not None:
        raise _not_word(f"this is {other}, not a Word file; cddraft reads .docx files", name)
    return kept


def main_part(rels: etree._Element | None) -> str:
    """The name of the package's main part: the target of its ``officeDocument`` relationship in ``_rels/.rels``
    (ECMA-376 Part 2, §9.3), Transitional or Strict; ``word/document.xml`` when the package does not say."""
    if rels is not None:
        for rel in rels:
            if rel.get("Type") in _MAIN_RELATIONSHIPS and rel.get("TargetMode") != "External":
                target = (rel.get("Target") or "").replace("\\", "/").lstrip("/")
                if target:
                    return posixpath.normpath(target)
    return "word/document.xml"


def _content_type(types: etree._Element | None, part: str) -> str:
    """The content type [Content_Types].xml gives ``part`` (by its name, else its extension); "" when none."""
    if types is None:
        return ""
    by_extension = ""
    for entry in types:
        if entry.get("PartName", "").lstrip("/").lower() == part.lower():
            return entry.get("ContentType", "")
        if entry.get("Extension", "").lower() == posixpath.splitext(part)[1][1:].lower():
            by_extension = entry.get("ContentType", "")
    return by_extension


def read_docx_bytes(path: Path) -> bytes:
    """Read a .docx/.dotx, refusing what is not one, zip bombs and oversized parts."""
    return read_docx_parts(path, keep=False)[0]


def read_docx_parts(path: Path, *, keep: bool = True) -> tuple[bytes, dict[str, etree._Element]]:
    """Read a .docx as :func:`read_docx_bytes` does, keeping the XML parts the check parsed (by part name), so
    that a reader does not parse them twice."""
    name = str(path)
    try:
        raw = read_capped(path, MAX_TOTAL_BYTES)
    except IsADirectoryError:
        raise _not_word("is a directory, not a Word file", name) from None
    except FileNotFoundError:
        raise _not_word("file not found; check the path", name) from None
    except PermissionError:
        raise _not_word("cannot read the file (permission denied)", name) from None
    except OSError as exc:
        raise _not_word(f"cannot read the file: {exc.strerror}", name) from None
    if len(raw) > MAX_TOTAL_BYTES:
        raise _not_word(f"the file is larger than {MAX_TOTAL_BYTES // 2**20} MiB; this is not a normal Word file",
                        name)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            kept = _check_package(zf, name, keep)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        reason = str(exc) or type(exc).__name__
        raise _not_word(f"not a Word file, or a damaged one ({reason}); is it a .doc? save it from Word as .docx",
                        name) from None
    except NotImplementedError as exc:  # a compression method Word does not use
        raise _not_word(f"not a Word file ({exc}); save it from Word as .docx", name) from None
    return raw, kept


