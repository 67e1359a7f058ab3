"""The XML namespaces of Word packages, defined once for every reader and writer of .docx files (and for the
house template's generator, which loads this file by path: standard library only, no imports)."""

from __future__ import annotations

#: WordprocessingML: the document, its styles, numbering, settings, footnotes, headers and footers.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Relationship ids inside a part (``r:id``, ``r:embed``).
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: DrawingML: pictures placed in text (the emblem, the barcode, the QR code) and the theme.
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
#: The package: its relationships, content types and core properties.
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
#: Word's own settings (compatibility mode).
WORD_2010 = "http://schemas.microsoft.com/office/word"

#: Prefix → namespace, for XPath and ElementPath.
PREFIXES = {"w": W, "r": R, "wp": WP, "a": A, "pic": PIC, "pr": PACKAGE_RELATIONSHIPS, "dc": DC}

