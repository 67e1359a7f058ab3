"""The localised document as Akoma Ntoso 3.0 (``build --to akn``): ``akomaNtoso/doc`` with FRBR identifiers after
the AKN4UN naming convention (docs/akn.md), the masthead and title in the preface, headings as ``hcontainer``s,
numbered paragraphs with ``num``, subparagraphs as ``point``s, bullets as ``blockList``s, tables as ``hcontainer
name="table"``s holding a ``table`` (:mod:`cddraft.writers.akn_table`), footnotes as ``authorialNote``s,
cross-references as ``ref``s to the target's ``eId``, signatures in ``conclusions`` and annexes as
``attachments``.

``eId``s are made from positions (the third paragraph of the first chapter: ``chp_1__para_3``), never from
printed numbers or words, so that they are stable across builds and the same in every language version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from cddraft.localise.types import (
    Block,
    BlockLine,
    Bullet,
    ContentsTable,
    Heading,
    Localised,
    Para,
    Signatures,
    Spans,
    Table,
)
from cddraft.model.inline import Footnote, Ref, Span
from cddraft.writers.akn_table import table_xml

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XHTML = "http://www.w3.org/1999/xhtml"
_CONTAINERS = {1: "chapter", 2: "section", 3: "subsection", 4: "subsection", 5: "subsection"}
_ABBR = {"chapter": "chp", "section": "sec", "subsection": "subsec"}


def _work(loc: Localised) -> str:
    """The work IRI (AKN4UN: /akn/un/doc/{type}/{date}/{number}): the symbol with its slashes as dashes."""
    number = re.sub(r"[^A-Za-z0-9.]+", "-", loc.masthead.symbol).strip("-").lower()
    date = loc.masthead.issued.isoformat() if loc.masthead.issued else "0000-00-00"
    root = "statement" if loc.kind in ("resolution", "decision") else "doc"  # AKN4UN: /akn/un/statement/…
    return f"/akn/un/{root}/{loc.kind}/{date}/{number}"


def identification(loc: Localised, component: str) -> str:
    work, lang = _work(loc), loc.script.iso639_2b
    date = loc.masthead.issued.isoformat() if loc.masthead.issued else "0000-00-00"
    when = f'<FRBRdate date="{date}" name="issued"/>'
    return (f'<identification source="#cddraft"><FRBRWork><FRBRthis value="{work}/{component}"/>'
            f'<FRBRuri value="{work}"/>{when}<FRBRauthor href="#body"/><FRBRcountry value="un"/></FRBRWork>'
            f'<FRBRExpression><FRBRthis value="{work}/{lang}@/{component}"/><FRBRuri value="{work}/{lang}@"/>{when}'
            f'<FRBRauthor href="#body"/><FRBRlanguage language="{lang}"/></FRBRExpression>'
            f'<FRBRManifestation><FRBRthis value="{work}/{lang}@/{component}.xml"/>'
            f'<FRBRuri value="{work}/{lang}@.akn"/>{when}<FRBRauthor href="#cddraft"/></FRBRManifestation>'
            "</identification>")


@dataclass
class _Writer:
    loc: Localised
    targets: dict[str, str]  # outline id → eId
    notes: int = 0
    out: list[str] = field(default_factory=list)
    page_marks: int = 0  # the notes of page 1 marked *, ** (a reissue's, the provisional agenda's, the title's)

    def page_note(self, spans: Spans) -> str:
        """A note of page 1, marked with asterisks as the .docx marks it (it takes no number)."""
        self.page_marks += 1
        return (f'<authorialNote marker="{"*" * self.page_marks}" placement="bottom" '
                f'eId="authorialNote_p{self.page_marks}"><p>{self.inline(spans)}</p></authorialNote>')

    def inline(self, spans: Spans) -> str:
        parts = []
        for s in spans:
            if isinstance(s, Span):
                text = escape(s.text)
                if s.sup:
                    text = f"<sup>{text}</sup>"
                if s.italic:
                    text = f"<i>{text}</i>"
                if s.bold:
                    text = f"<b>{text}</b>"
                parts.append(text)
            elif isinstance(s, Ref):
                eid = self.targets.get(s.target)
                shown = escape(s.number or "")
                parts.append(f'<ref href="#{eid}">{shown}</ref>' if eid else shown)
            elif isinstance(s, Footnote):
                self.notes += 1
                n = self.notes
                parts.append(f'<authorialNote marker="{n}" placement="bottom" eId="authorialNote_{n}">'
                             f"<p>{self.inline(list(s.content))}</p></authorialNote>")
        return "".join(parts)


def _eids(blocks: list[Block], prefix: str) -> list[str]:
    """Each block's eId from its place: containers by level, paragraphs and points counted within their parent."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (heading level, eId)
    counts: dict[str, int] = {}
    para = ""
    items: list[str] = []
    for b in blocks:
        while stack and isinstance(b, Heading) and stack[-1][0] >= b.level:
            stack.pop()
        parent = stack[-1][1] if stack else prefix
        if isinstance(b, Heading):
            kind = _ABBR[_CONTAINERS[b.level]]
            key = f"{parent}|{kind}"
            counts[key] = counts.get(key, 0) + 1
            eid = f"{parent}__{kind}_{counts[key]}" if parent else f"{kind}_{counts[key]}"
            stack.append((b.level, eid))
        elif isinstance(b, Para) and b.role == "item":
            host = items[b.depth - 2] if b.depth > 1 and len(items) >= b.depth - 1 else para
            key = f"{host}|point"
            counts[key] = counts.get(key, 0) + 1
            eid = f"{host}__point_{counts[key]}"
            items[b.depth - 1:] = [eid]
        elif isinstance(b, Para) and b.role == "closing":
            eid = ""  # a language's closing formula (此致 敬礼): printed by some versions only, so it has no eId
        else:
            kind = ("para" if isinstance(b, Para) else "list" if isinstance(b, Bullet)
                    else "table" if isinstance(b, Table) else "block")
            key = f"{parent}|{kind}"
            counts[key] = counts.get(key, 0) + 1
            eid = f"{parent}__{kind}_{counts[key]}" if parent else f"{kind}_{counts[key]}"
            if isinstance(b, Para):
                para, items = eid, []
        out.append(eid)
    return out


def _body(w: _Writer, blocks: list[Block], eids: list[str]) -> str:
    """The main body: headings open containers, a paragraph gathers its points, bullets their list."""
    out: list[str] = []
    open_levels: list[int] = []
    i = 0
    while i < len(blocks):
        b, eid = blocks[i], eids[i]
        if isinstance(b, Heading):
            while open_levels and open_levels[-1] >= b.level:
                out.append("</hcontainer>")
                open_levels.pop()
            num = f"<num>{escape(b.number)}</num>" if b.number else ""
            out.append(f'<hcontainer name="{_CONTAINERS[b.level]}" eId="{eid}">{num}'
                       f"<heading>{w.inline(b.spans)}</heading>")
            open_levels.append(b.level)
            i += 1
        elif isinstance(b, Bullet):
            bullets: list[Bullet] = []
            j = i
            while j < len(blocks) and isinstance(bullet := blocks[j], Bullet):
                bullets.append(bullet)
                j += 1
            entries = "".join(f'<item eId="{eid}__item_{k + 1}"><p>{w.inline(x.spans)}</p></item>'
                              for k, x in enumerate(bullets))
            out.append(f'<hcontainer name="bullets" eId="{eid}"><content><blockList eId="{eid}__list">{entries}'
                       "</blockList></content></hcontainer>")
            i = j
        elif isinstance(b, Para) and b.role == "quote":
            out.append(f'<hcontainer name="quote" eId="{eid}"><content><blockContainer class="quote">'
                       f"<p>{w.inline(b.spans)}</p></blockContainer></content></hcontainer>")
            i += 1
        elif isinstance(b, Table):
            out.append(table_xml(w.inline, b, eid))
            i += 1
        elif isinstance(b, Para) and b.role == "closing":
            i += 1  # in the conclusions, with the signatures
        elif isinstance(b, Para):
            items: list[tuple[Para, str]] = []
            j = i + 1
            while j < len(blocks) and isinstance(item := blocks[j], Para) and item.role == "item":
                items.append((item, eids[j]))
                j += 1
            out.append(_paragraph(w, b, eid, items))
            i = j
        else:
            i += 1  # signatures (conclusions) and the contents table (navigation, not text) are elsewhere
    out.extend("</hcontainer>" for _ in open_levels)
    return "".join(out)


def _paragraph(w: _Writer, p: Para, eid: str, items: list[tuple[Para, str]]) -> str:
    num = f"<num>{escape(p.number)}</num>" if p.number and p.role != "item" else ""
    css = f' class="{p.role}"' if p.role not in ("body",) else ""
    if not items:
        return f'<paragraph eId="{eid}"{css}>{num}<content><p>{w.inline(p.spans)}</p></content></paragraph>'
    return (f'<paragraph eId="{eid}"{css}>{num}<intro><p>{w.inline(p.spans)}</p></intro>'
            f"{_points(w, items, 1)}</paragraph>")


def _points(w: _Writer, items: list[tuple[Para, str]], depth: int) -> str:
    out, i = [], 0
    while i < len(items):
        item, eid = items[i]
        j = i + 1
        while j < len(items) and items[j][0].depth > depth:
            j += 1
        num = f"<num>{escape(item.number or '')}</num>"
        text = w.inline(item.spans)
        if j > i + 1:
            out.append(f'<point eId="{eid}">{num}<intro><p>{text}</p></intro>{_points(w, items[i + 1:j], depth + 1)}'
                       "</point>")
        else:
            out.append(f'<point eId="{eid}">{num}<content><p>{text}</p></content></point>')
        i = j
    return "".join(out)


def _signatures(blocks: list[Block], people: list[str], roles: list[str]) -> str:
    """Each signature block: the signed line as its person, the title lines as its roles (TLCPerson, TLCRole)."""
    out = [f'<blockContainer class="closing"><p>{escape("".join(x.text for x in b.spans if isinstance(x, Span)))}'
           "</p></blockContainer>" for b in blocks if isinstance(b, Para) and b.role == "closing"]
    for b in blocks:
        if isinstance(b, Signatures):
            for k, lines in enumerate(b.blocks):
                name = b.names[k] if k < len(b.names) else lines[0]
                signed = next((i for i, line in enumerate(lines) if name and name in line), 0)
                people.append(name)  # the person is the name: "(Signed)" is what the document prints of them
                n = len(people)
                before, _, after = lines[signed].partition(name)
                person = f'{escape(before)}<person refersTo="#person_{n}">{escape(name)}</person>{escape(after)}'
                shown = []
                for i, line in enumerate(lines):
                    if i == signed:
                        shown.append(person)
                        continue
                    roles.append(line)
                    shown.append(f'<role refersTo="#role_{len(roles)}">{escape(line)}</role>')
                out.append(f'<blockContainer eId="signature_{n}"><p><signature>{"".join(shown)}</signature></p>'
                           "</blockContainer>")
    return f"<conclusions>{''.join(out)}</conclusions>" if out else ""


def _parts(blocks: list[Block]) -> list[list[Block]]:
    parts: list[list[Block]] = [[]]
    for b in blocks:
        if isinstance(b, Heading) and b.page_break:
            parts.append([])
        if not isinstance(b, ContentsTable):
            parts[-1].append(b)
    return parts


def _resolution_parts(w: _Writer, main: list[Block]) -> tuple[str, list[Block], str]:
    """A resolution's ``preamble`` (the organ's formula, the preambular paragraphs as containers), the blocks of
    its operative part, and its adoption (meeting and date) as the conclusions' first lines (AKN4UN's
    ``statement``: A/RES/79/75)."""
    preamble: list[str] = []
    rest = list(main)
    while rest and isinstance(first := rest[0], Para) and first.role in ("preamble", "item"):
        rest.pop(0)
        text = (f"{escape(first.number or '')}\t" if first.role == "item" else "") + w.inline(first.spans)
        if not preamble:
            preamble.append(f'<formula name="enactingFormula" eId="formula_1"><p>{text}</p></formula>')
        elif first.role == "item":  # a preambular subparagraph: a line of its paragraph's container
            preamble[-1] = preamble[-1].replace("</container>", f"<p>{text}</p></container>")
        else:
            preamble.append(f'<container name="preambularParagraph" eId="container_{len(preamble)}"><p>{text}</p>'
                            "</container>")
    adoption = [b for b in rest if isinstance(b, Para) and b.role == "adoption"]
    lines = "<eol/>".join(w.inline(b.spans) for b in adoption if isinstance(b, Para))
    closing = f'<blockContainer class="adoption"><p>{lines}</p></blockContainer>' if adoption else ""
    body = [b for b in rest if not (isinstance(b, Para) and b.role == "adoption")]
    return (f"<preamble>{''.join(preamble)}</preamble>" if preamble else ""), body, closing


def write_akn(loc: Localised, _options: object = None) -> bytes:
    """The Akoma Ntoso document of ``loc``, UTF-8, validated by the tests against the official 3.0 schema."""
    main, *annexes = _parts(loc.blocks)
    statement = loc.kind in ("resolution", "decision")
    preamble = adoption = ""
    if statement:
        preamble, main, adoption = _resolution_parts(_Writer(loc, {}), main)
    prefixes = ["", *(f"att_{n}" for n in range(1, len(annexes) + 1))]
    eids = [_eids(part if k == 0 else part[1:], prefixes[k]) for k, part in enumerate([main, *annexes])]
    targets: dict[str, str] = {}
    for part, ids in zip([main, *[a[1:] for a in annexes]], eids, strict=True):
        for b, eid in zip(part, ids, strict=True):
            if isinstance(b, Heading | Para | Table) and b.anchor:  # a table's: its container
                targets[b.anchor[0]] = eid
    w = _Writer(loc, targets)
    people: list[str] = []
    roles: list[str] = []
    body = _body(w, main, eids[0]) or '<p class="empty"/>'
    conclusions = _signatures(main, people, roles)
    if adoption:
        conclusions = f"<conclusions>{adoption}{conclusions[len('<conclusions>'):-len('</conclusions>')]}</conclusions>"
    attachments = []
    for n, annex in enumerate(annexes, 1):
        heading, rest = annex[0], annex[1:]
        assert isinstance(heading, Heading), "_parts starts an annex at its heading"
        preface = f'<p class="annex">{w.inline(heading.spans)}</p>'
        ids = eids[n]
        while rest and ((isinstance(rest[0], Para) and rest[0].role == "note") or (
                isinstance(rest[0], Heading) and not rest[0].number and rest[0].level == 1
                and "annex_title" not in preface)):
            first = rest.pop(0)
            ids = ids[1:]
            if isinstance(first, Heading):
                preface += f'<p class="annex_title"><docTitle>{w.inline(first.spans)}</docTitle></p>'
            elif isinstance(first, Para):  # the note (the loop takes nothing else)
                preface += f'<p class="original">{w.inline(first.spans)}</p>'
        inner = _body(w, rest, ids) or '<p class="empty"/>'
        attachments.append(f'<attachment eId="att_{n}"><doc name="annex"><meta>{identification(loc, f"!annex_{n}")}'
                           f"</meta><preface>{preface}</preface><mainBody>{inner}</mainBody></doc></attachment>")
    m = loc.masthead
    date = m.issued.isoformat() if m.issued else ""
    title = escape(loc.title)
    reissue = w.page_note([Span(m.reissue_note)]) if m.reissue_note else ""
    references = ('<references source="#cddraft">'
                  f'<TLCOrganization eId="body" href="/ontology/organization/un/{_slug(m.body)}" '
                  f"showAs={quoteattr(m.body.replace(chr(10), ' '))}/>"
                  '<TLCOrganization eId="cddraft" href="/ontology/organization/cddraft" showAs="cddraft"/>'
                  + "".join(f'<TLCPerson eId="person_{n}" href="/ontology/person/{_slug(p)}" showAs={quoteattr(p)}/>'
                            for n, p in enumerate(people, 1))
                  + "".join(f'<TLCRole eId="role_{n}" href="/ontology/role/{_slug(r)}" showAs={quoteattr(r)}/>'
                            for n, r in enumerate(roles, 1))
                  + "</references>")
    # the language of the text (xml:lang) and, for Arabic, its direction (AKN has no attribute of its own for it:
    # XHTML's dir, in its namespace, which the schema lets every element carry)
    lang = f' xml:lang="{loc.script.tag.split("-")[0]}"' + (' h:dir="rtl"' if loc.script.rtl else "")
    shown_date = next((line for line in m.lines if m.issued and str(m.issued.year) in line), date)
    session = "".join(_session_line(w, line, column) for column, lines in (
        ("session", loc.session.left if loc.session else []), ("session_council", loc.session.right if loc.session
                                                                 else [])) for line in lines)
    note = w.page_note(loc.title_note) if loc.title_note else ""
    lead = "".join(f'<p class="{b.role if isinstance(b, Para) else "adopted"}">{w.inline(b.spans)}</p>'
                   for b in loc.lead if isinstance(b, Para | Heading))  # a draft's sponsors
    root = "statement" if statement else "doc"  # AKN4UN: a resolution or decision is a statement
    if preamble:
        preamble = preamble.replace("<preamble>", f"<preamble{lang}>", 1)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{NS}" xmlns:h="{XHTML}">'
           f'<{root} name="{loc.kind}">'
           f"<meta>{identification(loc, '!main')}{references}</meta>"
           f"<preface{lang}><p class=\"symbol\"><docNumber>{escape(m.symbol)}</docNumber>{reissue}</p>"
           f"<p class=\"date\"><docDate date=\"{date}\">{escape(shown_date)}</docDate>"
           f"</p>{session}{lead}<p class=\"title\"><docTitle>{title}</docTitle>{note}</p></preface>{preamble}"
           f"<mainBody{lang}>{body}</mainBody>{conclusions.replace('<conclusions>', f'<conclusions{lang}>', 1)}"
           + (f"<attachments>{''.join(attachments)}</attachments>" if attachments else "")
           + f"</{root}></akomaNtoso>\n")
    return xml.encode("utf-8")


def _session_line(w: _Writer, line: BlockLine, column: str) -> str:
    """A line under the masthead (session, agenda item, its title), its note (the provisional agenda) inline."""
    text = line.text[:line.note_at] if line.note else line.text
    inner = w.inline([Span(text, bold=line.bold)])
    if line.note is not None:
        inner += w.page_note([Span(line.note)]) + w.inline([Span(line.text[line.note_at:], bold=line.bold)])
    return f'<p class="{column}">{inner}</p>'


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "unnamed"
