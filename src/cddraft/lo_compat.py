"""What LibreOffice needs to show a UNOG .docx as Word does; applied to the copy it converts, never to the .docx.

The .docx follows the UNOG template (§4.1a); three of its forms LibreOffice renders differently from Word:

* the footnote separator is a paragraph with an underlined tab: LibreOffice does not draw the content of a
  separator footnote, so the footnotes lose their rule; the copy gets Word's standard separator mark;
* a footnote starts with a tab so that its number sits right-aligned at the 1021 tab: LibreOffice moves the
  number to the margin and pushes the text far right; the copy drops that tab and clears the tab stop;
* Chinese is justified: LibreOffice drops a full-width comma that ends a justified CJK line (the PDF loses
  text); in the copy of a document whose language sets full-width punctuation (conventions
  ``text.full_width_punctuation``: Chinese) the justified paragraph styles are ranged left;
* footnote numbers restart in each section (§4.1a, ``w:numRestart eachSect``): LibreOffice reads that as
  "restart at each chapter" (at every heading of outline level 1), so a report printed its notes 1, 1, 2
  where Word prints 2, 3, 4. The copy numbers its notes continuously; where Word's numbering does restart
  (a document of several sections), the notes Word numbers differently carry Word's number as their custom mark;
* LibreOffice reads a custom footnote mark one character to a run: a mark of several characters in one run, as
  Word writes it (page 1's second note, ``**``; a note numbered 10), becomes a number; the copy writes the mark
  one character to a run, and leaves out the mark typed at the note, which LibreOffice prints itself.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable

from lxml import etree

from cddraft import namespaces as ns
from cddraft.conventions import load_conventions
from cddraft.languages import LANGUAGES
from cddraft.writers.docx.styles import FOOTNOTE_NUMBER_TAB

_W = f"{{{ns.W}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_MAIN, _SETTINGS = "word/document.xml", "word/settings.xml"


def _separator(root: etree._Element) -> bool:
    """A separator drawn with content becomes ``w:separator``, which LibreOffice draws."""
    changed = False
    for note in root.iterfind(f"{_W}footnote[@{_W}type='separator']"):
        paragraphs = note.findall(f"{_W}p")
        if note.find(f".//{_W}separator") is not None or not paragraphs:
            continue
        for extra in paragraphs[1:]:
            note.remove(extra)
        for child in [c for c in paragraphs[0] if c.tag != f"{_W}pPr"]:
            paragraphs[0].remove(child)
        etree.SubElement(etree.SubElement(paragraphs[0], f"{_W}r"), f"{_W}separator")
        changed = True
    return changed


def _is_tab_run(run: etree._Element) -> bool:
    return run.tag == f"{_W}r" and [c.tag for c in run if c.tag != f"{_W}rPr"] == [f"{_W}tab"]


def _is_mark_run(run: etree._Element) -> bool:
    """The footnote's number (``w:footnoteRef``) or its custom mark (``*`` in the FootnoteReference style)."""
    style = run.find(f"{_W}rPr/{_W}rStyle")
    marked = style is not None and style.get(f"{_W}val") == "FootnoteReference"
    return run.find(f"{_W}footnoteRef") is not None or marked


def _number_at_margin(root: etree._Element) -> bool:
    """Footnotes of the form tab, number, tab, text become number, tab, text with the 1021 stop cleared."""
    changed = False
    for note in root.iterfind(f"{_W}footnote"):
        if note.get(f"{_W}type") not in (None, "normal"):
            continue
        para = note.find(f"{_W}p")
        if para is None:
            continue
        runs = [c for c in para if c.tag == f"{_W}r"]
        if len(runs) < 2 or not _is_tab_run(runs[0]) or not _is_mark_run(runs[1]):
            continue
        para.remove(runs[0])
        ppr = para.find(f"{_W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{_W}pPr")
            para.insert(0, ppr)
        tabs = ppr.find(f"{_W}tabs")
        if tabs is None:  # tabs follows pStyle (and keepNext … shd, which footnote paragraphs do not carry)
            tabs = etree.Element(f"{_W}tabs")
            style = ppr.find(f"{_W}pStyle")
            ppr.insert(0 if style is None else ppr.index(style) + 1, tabs)
        etree.SubElement(tabs, f"{_W}tab", {f"{_W}val": "clear", f"{_W}pos": str(FOOTNOTE_NUMBER_TAB)})
        changed = True
    return changed


def _ranged_left(root: etree._Element) -> bool:
    """Justified paragraph styles become ranged left (in a document with full-width punctuation: see the caller)."""
    changed = False
    for jc in root.iterfind(f"{_W}style[@{_W}type='paragraph']/{_W}pPr/{_W}jc[@{_W}val='both']"):
        jc.set(f"{_W}val", "left")
        changed = True
    return changed


def _word_numbers(document: etree._Element,
                  settings: etree._Element | None) -> list[tuple[etree._Element, int]] | None:
    """Each numbered note call of the body with the number Word gives it (ECMA-376 §17.11.19, 17.11.11).

    A section's ``w:footnotePr`` (in its ``w:sectPr``, which ends it) overrides the document's (settings);
    ``eachSect`` restarts at the section's first note, ``continuous`` runs on through the sections. Word's
    ``eachPage`` depends on the page breaks, which LibreOffice computes itself: None, the numbering is left alone.
    """

    def setting(pr: etree._Element | None, name: str, default: str) -> str:
        el = pr.find(f"{_W}{name}") if pr is not None else None
        return el.get(f"{_W}val", default) if el is not None else default

    doc_pr = settings.find(f"{_W}footnotePr") if settings is not None else None
    body = document.find(f"{_W}body")
    if body is None:
        return []
    numbered: list[tuple[etree._Element, int]] = []
    calls: list[etree._Element] = []
    number: int | None = None
    # A paragraph's w:sectPr ends its section after the paragraph's own content: read at the paragraph's end.
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if el.tag == f"{_W}footnoteReference" and el.get(f"{_W}customMarkFollows") not in ("1", "true", "on"):
                calls.append(el)
            continue
        if el.tag == f"{_W}p":
            sect = el.find(f"{_W}pPr/{_W}sectPr")
        elif el.tag == f"{_W}sectPr" and el.getparent() is body:
            sect = el
        else:
            continue
        if sect is None:
            continue
        pr = sect.find(f"{_W}footnotePr")
        restart = setting(pr, "numRestart", setting(doc_pr, "numRestart", "continuous"))
        start = int(re.sub(r"\D", "", setting(pr, "numStart", setting(doc_pr, "numStart", "1"))) or 1)
        if restart == "eachPage":
            return None
        if restart == "eachSect" or number is None:
            number = start - 1
        for call in calls:
            number += 1
            numbered.append((call, number))
        calls = []
    return numbered


def _numbers_as_word(document: etree._Element, settings: etree._Element | None,
                     footnotes: etree._Element) -> list[etree._Element]:
    """Numbering that restarts per section made continuous; a note Word numbers otherwise gets Word's number as
    its custom mark (decimal numbers only: a custom mark is text). The parts changed."""
    numbered = _word_numbers(document, settings)
    if numbered is None:
        return []
    changed: list[etree._Element] = []
    for root in (document, settings):
        for restart in list(root.iter(f"{_W}numRestart")) if root is not None else ():
            pr = restart.getparent()
            if restart.get(f"{_W}val") == "eachSect" and pr is not None and pr.tag == f"{_W}footnotePr":
                pr.remove(restart)
                if root not in changed:
                    changed.append(root)
    if not changed or _number_format(document, settings) != "decimal":
        return changed
    notes = {n.get(f"{_W}id"): n for n in footnotes.iterfind(f"{_W}footnote")}
    for position, (call, number) in enumerate(numbered):
        if number == numbered[0][1] + position:  # LibreOffice's continuous number
            continue
        note = notes.get(call.get(f"{_W}id"))
        call.set(f"{_W}customMarkFollows", "1")
        run = call.getparent()
        mark = etree.Element(f"{_W}r")
        if run.find(f"{_W}rPr") is not None:
            mark.append(copy.deepcopy(run.find(f"{_W}rPr")))
        etree.SubElement(mark, f"{_W}t").text = str(number)
        run.addnext(mark)
        for ref in list(note.iter(f"{_W}footnoteRef")) if note is not None else ():
            ref.getparent().remove(ref)  # LibreOffice prints a custom mark at the note itself
        if footnotes not in changed:
            changed.append(footnotes)
    return changed


def _number_format(document: etree._Element, settings: etree._Element | None) -> str:
    """The notes' number format (``w:numFmt``), the same in every section of the documents cddraft converts."""
    formats = {el.get(f"{_W}val") for root in (document, settings) if root is not None
               for el in root.iterfind(f".//{_W}footnotePr/{_W}numFmt")}
    return formats.pop() if len(formats) == 1 else "decimal" if not formats else "mixed"


def _split_run(run: etree._Element) -> bool:
    """A run whose only text is several characters becomes one run per character (same properties)."""
    texts = run.findall(f"{_W}t")
    if len(texts) != 1 or len(texts[0].text or "") < 2 or len(run) != len(texts) + (run.find(f"{_W}rPr") is not None):
        return False
    for ch in reversed(texts[0].text or ""):
        single = copy.deepcopy(run)
        single.find(f"{_W}t").text = ch
        run.addnext(single)
    run.getparent().remove(run)
    return True


def _marks_one_char_to_a_run(document: etree._Element | None, footnotes: etree._Element) -> bool:
    """Each custom mark after its call one character to a run; the mark typed at the start of its note left out."""
    changed = False
    custom: set[str] = set()
    for ref in document.iter(f"{_W}footnoteReference") if document is not None else ():
        if ref.get(f"{_W}customMarkFollows") in ("1", "true", "on"):
            custom.add(ref.get(f"{_W}id", ""))
            mark = ref.getparent().getnext() if ref.getparent() is not None else None
            if mark is not None and mark.tag == f"{_W}r":
                changed |= _split_run(mark)
    for note in footnotes.iterfind(f"{_W}footnote"):
        if note.get(f"{_W}id") not in custom:
            continue
        mark = next((r for r in note.iter(f"{_W}r") if _is_mark_run(r) and r.find(f"{_W}t") is not None), None)
        if mark is not None:  # LibreOffice prints the call's mark at the note itself: the typed one would repeat it
            mark.getparent().remove(mark)
            changed = True
    return changed


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rewrite(xml: bytes, *fixes: Callable[[etree._Element], bool]) -> bytes | None:
    root = etree.fromstring(xml, _PARSER)
    changed = [fix(root) for fix in fixes]  # every fix runs
    return _serialise(root) if any(changed) else None


def _full_width_punctuation(core: str) -> bool:
    """Whether the document's language (``dc:language`` in its properties) sets full-width punctuation."""
    m = re.search(r"<dc:language>\s*([A-Za-z]+)", core)
    code = m.group(1).lower() if m else ""
    return code in LANGUAGES and load_conventions(code).text.full_width_punctuation


def for_libreoffice(docx: bytes) -> bytes:
    """The bytes LibreOffice should convert: ``docx`` itself, or a copy it renders as Word renders the file."""
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        names = set(src.namelist())
        replaced: dict[str, bytes] = {}
        if "word/footnotes.xml" in names:
            footnotes = etree.fromstring(src.read("word/footnotes.xml"), _PARSER)
            changed = [_separator(footnotes), _number_at_margin(footnotes)]
            parts = {"word/footnotes.xml": footnotes}
            if _MAIN in names:
                parts[_MAIN] = etree.fromstring(src.read(_MAIN), _PARSER)
                if _SETTINGS in names:
                    parts[_SETTINGS] = etree.fromstring(src.read(_SETTINGS), _PARSER)
                renumbered = _numbers_as_word(parts[_MAIN], parts.get(_SETTINGS), footnotes)
                if _marks_one_char_to_a_run(parts[_MAIN], footnotes):
                    renumbered.extend((parts[_MAIN], footnotes))
                changed.append(footnotes in renumbered)
                replaced.update({name: _serialise(root) for name, root in parts.items()
                                 if root in renumbered and root is not footnotes})
            if any(changed):
                replaced["word/footnotes.xml"] = _serialise(footnotes)
        core = src.read("docProps/core.xml").decode("utf-8", "replace") if "docProps/core.xml" in names else ""
        if _full_width_punctuation(core) and "word/styles.xml" in names:
            fixed = _rewrite(src.read("word/styles.xml"), _ranged_left)
            if fixed is not None:
                replaced["word/styles.xml"] = fixed
        if not replaced:
            return docx
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, replaced.get(item.filename) or src.read(item.filename))
    return out.getvalue()
