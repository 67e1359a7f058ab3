"""Stage 3: typed :class:`Document` + conventions data → :class:`Localised` (every string final).

Localise reads the parsed document tree and the version's conventions; it cannot fail on a document
that validation let through (references, required phrases and every other outline error are found
there, with their positions).
"""

from __future__ import annotations

from cddraft.conventions import Conventions, join_names, load_conventions
from cddraft.conventions.dates import footer_stamp, format_date
from cddraft.localise.body import Numberer, resolve_refs, text_spans
from cddraft.localise.contents import contents_table
from cddraft.localise.corrigendum import corrigendum_blocks
from cddraft.localise.numbering import marker
from cddraft.localise.resolution import resolution_parts
from cddraft.localise.session import item_numbers, joined, reissue_note, session_block
from cddraft.localise.table import TableCounter, localise_table
from cddraft.localise.types import Block, Footer, Heading, Localised, Masthead, Para, Script, Signatures
from cddraft.model.document import Document, Letter
from cddraft.model.fields import JOB_RE
from cddraft.model.inline import Span, plain_text
from cddraft.model.markup import Markup
from cddraft.model.table import Table


def _masthead(doc: Document, conv: Conventions) -> Masthead:
    served = doc.served_by
    date_conv = load_conventions(conv.masthead.date_language)
    lines = []
    distribution = doc.distribution or served.distribution(doc.symbol)
    if distribution != "none":
        lines.append(conv.masthead.distribution[distribution])
    lines.append(format_date(doc.date, date_conv))
    if conv.masthead.version_line and doc.language not in doc.originals:
        lines.append(conv.masthead.version_line)
    names = [conv.masthead.language_names[code] for code in doc.originals]
    lines.append(conv.masthead.original.format(language=join_names(names, conv.masthead.and_)))
    united_nations = served.body.united_nations if doc.united_nations is None else doc.united_nations
    return Masthead(
        issued=doc.date,
        symbol=doc.symbol.rstrip("*"),
        reissue=doc.symbol.endswith("*") or doc.reissued is not None,
        reissue_note=reissue_note(doc, conv),
        body=_plain(doc.body, conv) if doc.body else conv.bodies[served.code].name.format(**served.fields),
        united_nations=conv.masthead.united_nations if united_nations else None,
        lines=lines,
        lines_in_version_script=conv.masthead.date_language == conv.code,
        emblem=served.body.emblem,
        body_size=served.body.name_size,
        united_nations_wide=conv.masthead.united_nations_wide,
    )


def _footer(doc: Document, conv: Conventions) -> Footer:
    job_line = barcode = None
    if doc.job_number:
        stamps = " ".join(footer_stamp(d) for d in doc.footer_stamps)
        star = "*" if doc.job_number.endswith("*") else ""  # a reissue's: 11-37476* (E) (§12 [A/65/L.78*])
        job = doc.job_number.rstrip("*")
        job_line = f"{job}{star} ({conv.job_letter})" + (f" {stamps}" if stamps else "")
        found = JOB_RE.match(job)
        assert found is not None, "the model validates the job number against JOB_RE"
        yy, digits = found.groups()
        barcode = yy + digits
    return Footer(job_line, barcode, doc.qr or f"https://undocs.org/{doc.symbol}", conv.recycle)


def _plain(text: Markup, conv: Conventions) -> str:
    """A one-line field (sender, title, name) as printed: markup resolved (``~``, escapes), no styling."""
    return plain_text(text_spans(text, conv))


def script(conv: Conventions) -> Script:
    """The little the writers need to know of a version's language."""
    p = conv.proofing
    full_width = "".join((*conv.quotes.primary, *conv.quotes.secondary)) if conv.text.full_width_punctuation else ""
    return Script(conv.code, conv.lang_tag, conv.rtl, conv.fonts.east_asian, conv.fonts.complex,
                  (p.latin, p.east_asian, p.complex), conv.iso639_2b, full_width)


def country_key(country: str | None) -> str:
    """Sort key for English short country names: accents ignored (Côte d'Ivoire after Costa Rica)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", country or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def addressee(letter: Letter, conv: Conventions) -> str:
    """The outline's addressee as the title formula takes it: typed with its bare article where the language
    contracts it with the formula's preposition (French "le Président" → "au Président"), contracted."""
    text = _plain(letter.addressee, conv) if letter.addressee else ""
    for bare, contracted in conv.letter.addressee_contractions.items():
        if text[:len(bare)].lower() == bare:
            return contracted + text[len(bare):]
    return text


def letter_title(doc: Document, letter: Letter, conv: Conventions) -> str:
    """The title from the conventions' formula; ``{object}`` in the transmitting clause takes ``transmits``."""
    if letter.title:
        return _plain(letter.title, conv)
    strings = conv.letter
    nv = doc.kind == "note-verbale"
    own = letter.phrases.get("transmitting")
    clause = _plain(own, conv) if own else strings.note_verbale_transmitting if nv else strings.transmitting
    transmitting = clause.replace("{object}", _plain(letter.transmits, conv)) if letter.transmits else ""
    formula = strings.note_verbale_title if nv else strings.title
    return formula.format(
        date=format_date(letter.date, conv),
        sender=_plain(letter.sender, conv),
        addressee=addressee(letter, conv) if letter.addressee else conv.bodies[doc.served_by.code].addressee,
        transmitting=transmitting,
    )


def circulation_request(doc: Document, conv: Conventions) -> str:
    """The conventions' standard request for circulation: for a letter or a note verbale, with or without annexes,
    from one signatory or several ("We …"), as a document of the body the symbol belongs to."""
    strings = conv.letter.circulation
    annexed = bool(doc.annexes)
    if doc.kind == "note-verbale":
        template = strings.note_verbale_with_annex if annexed else strings.note_verbale
    elif doc.letter is not None and len(doc.letter.signatories) > 1:
        template = strings.joint_letter_with_annex if annexed else strings.joint_letter
    else:
        template = strings.letter_with_annex if annexed else strings.letter
    strings_of_body = conv.bodies[doc.served_by.code]
    several = len(doc.agenda_items) > 1 and strings_of_body.document_items
    form = strings_of_body.document_items if several and strings_of_body.document_items else strings_of_body.document
    document = form.format(item=joined(item_numbers(doc, conv), conv) if doc.agenda_item else "")
    return template.format(document=document)


def _letter_blocks(doc: Document, letter: Letter, conv: Conventions, tables: TableCounter) -> list[Block]:
    blocks: list[Block] = [localise_table(b, lambda t: text_spans(t, conv), conv, tables) if isinstance(b, Table)
                           else Para(text_spans(b, conv), role="letter") for b in letter.paragraphs]
    request = letter.circulation_request
    if request is True:
        blocks.append(Para([Span(circulation_request(doc, conv))], role="letter"))
    elif isinstance(request, Markup):
        blocks.append(Para(text_spans(request, conv), role="letter"))
    if letter.closing:
        blocks.append(Para(text_spans(letter.closing, conv), role="letter"))
    if doc.kind == "letter":  # 此致 / 敬礼 close a letter; a note verbale ends with its own formula
        for i, line in enumerate(conv.letter.closing):
            blocks.append(Para([Span(line)], role="closing", depth=0 if i == 0 else 1, align="left"))
    if doc.kind == "letter":  # in the outline's order (the senders' in the title) unless asked to sort them
        signatories = letter.signatories
        if letter.signatory_order == "by_country":
            signatories = sorted(signatories, key=lambda s: country_key(s.country))
        signed = [_signature(_plain(s.name, conv), [_plain(t, conv) for t in s.titles], conv) for s in signatories]
        blocks.append(Signatures(signed, letter.side_by_side, [_plain(s.name, conv) for s in signatories]))
    return blocks


def _signature(name: str, titles: list[str], conv: Conventions) -> list[str]:
    signed = conv.letter.signed.format(name=name)
    return [signed, *titles] if conv.letter.signature_order == "name_first" else [*titles, signed]


def _original_note(originals: tuple[str, ...], conv: Conventions) -> str:
    """"[Original: French]" under an annex heading; several languages joined as the language joins them."""
    strings = conv.annex
    names = join_names([strings.language_names[code] for code in originals], strings.and_)
    several = len(originals) > 1 and strings.original_note_several
    return (strings.original_note_several if several and strings.original_note_several
            else strings.original_note).format(language=names)


def _annex_heading(n: int, total: int, conv: Conventions) -> str:
    return conv.annex.heading if total == 1 else marker(conv.annex.heading_numbered, n, conv)


def localise(doc: Document) -> Localised:
    """Resolve every string, date and number of the document in its version language."""
    conv = load_conventions(doc.language)
    blocks: list[Block] = []
    ids: dict[str, str | None] = {}
    lead: list[Block] = []
    tables = TableCounter()  # the tables are numbered through the document
    if doc.resolution is not None:
        parts = resolution_parts(doc, doc.resolution, conv)
        title, lead = parts.title, parts.lead
        blocks.extend(parts.blocks)
        ids.update(parts.ids)
    elif doc.letter is not None:
        title = letter_title(doc, doc.letter, conv)
        blocks.extend(_letter_blocks(doc, doc.letter, conv, tables))
    elif doc.corrigendum is not None:
        title = _plain(doc.corrigendum.corrects, conv)
        blocks.extend(corrigendum_blocks(doc.corrigendum, conv))
    else:
        assert doc.report is not None
        title = _plain(doc.report.title, conv) if doc.report.title else ""
        walker = Numberer(conv, doc.report.numbered_paragraphs, doc.report.numbered_headings, tables)
        walker.blocks(doc.report.content, 1)
        if doc.report.contents:
            blocks.append(contents_table(walker.out, doc.report.contents, conv, "r"))
        blocks.extend(walker.out)
        ids.update(walker.ids)
    for n, annex in enumerate(doc.annexes, 1):
        blocks.append(Heading(1, [Span(_annex_heading(n, len(doc.annexes), conv))], page_break=True))
        # Only an annex whose original differs from the document's ("Original:" in the masthead) says so
        # (§1.1); the seed's Chinese version of an English annex to an English letter has no note.
        originals = annex.original_language or doc.originals
        if originals != doc.originals:
            blocks.append(Para([Span(_original_note(originals, conv))], role="note", align="right"))
        if annex.title:
            blocks.append(Heading(1, text_spans(annex.title, conv)))
        if doc.table_numbering == "annex":
            tables.n = 0
        walker = Numberer(conv, annex.numbered_paragraphs, annex.numbered_headings, tables)
        walker.blocks(annex.content, 1)
        if annex.contents:
            blocks.append(contents_table(walker.out, annex.contents, conv, f"a{n}_"))
        blocks.extend(walker.out)
        ids.update(walker.ids)
    ids.update(tables.ids)
    resolve_refs(blocks, ids)
    owner = doc.letter or doc.report
    note = text_spans(owner.title_note, conv) if owner is not None and owner.title_note else None
    return Localised(script(conv), _masthead(doc, conv), _footer(doc, conv), title, blocks, note, kind=doc.kind,
                     session=session_block(doc, conv), lead=lead)
