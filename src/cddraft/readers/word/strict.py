"""Strict Open XML (ISO/IEC 29500 Strict, Word's "Strict Open XML Document") read as the Transitional form the
reader knows: the same elements under other namespaces (``http://purl.oclc.org/ooxml/wordprocessingml/main`` for
:data:`cddraft.namespaces.W`, and so for relationships, math and DrawingML).

The names are mapped, part by part, before anything reads them; the values Strict writes otherwise (measures with
units, ``start``/``end`` alignment, ``true``/``false``) are ones the reader takes in either form."""

from __future__ import annotations

from lxml import etree

STRICT = "http://purl.oclc.org/ooxml/"
_TRANSITIONAL = "http://schemas.openxmlformats.org/"
_STRICT_TAG = "{" + STRICT


def transitional(uri: str) -> str:
    """The Transitional namespace of a Strict one (``…/ooxml/wordprocessingml/main`` →
    ``…/wordprocessingml/2006/main``); any other namespace as it is."""
    if not uri.startswith(STRICT):
        return uri
    family, _, rest = uri[len(STRICT):].partition("/")
    return f"{_TRANSITIONAL}{family}/2006/{rest}" if rest else uri


def _clark(name: str) -> str:
    uri, _, local = name[1:].partition("}")
    return f"{{{transitional(uri)}}}{local}"


def is_strict(root: etree._Element) -> bool:
    return isinstance(root.tag, str) and root.tag.startswith(_STRICT_TAG)


def to_transitional(root: etree._Element) -> None:
    """Rename ``root``'s elements and attributes in place from the Strict namespaces to the Transitional ones."""
    for el in root.iter():
        tag = el.tag
        if isinstance(tag, str) and tag.startswith(_STRICT_TAG):
            el.tag = _clark(tag)
        strict = [k for k in el.attrib if k.startswith(_STRICT_TAG)]
        for key in strict:
            value = el.attrib.pop(key)
            el.set(_clark(key), value)
