"""CD301-CD305, CD315, CD320: the masthead date, the job number and the footer date stamps (§1.1, §2); a placeholder
symbol; a document without a job number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.model.document import Document
from cddraft.model.fields import JOB_RE


@rule("CD301", "masthead-date-before-letter-date", "error", "The masthead date is earlier than the letter's date")
def masthead_date_before_letter_date(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a masthead ``date:`` earlier than the letter's own ``letter: date:``.

    Why: a letter carries three dates — the sender's date (in the title), the masthead date (when
    the document reached the Documents Management Section) and the issue date (footer). The
    secretariat cannot receive a letter before it was written; the two dates were swapped or
    mistyped.

    Example::

        date: 2017-09-10        # CD301: before the letter's date
        letter:
          date: 2017-09-14

    Manual: un-conventions.md §1.1 (Editorial Manual, masthead; UN documentation guide, letters).
    """
    if doc.letter is not None and doc.date < doc.letter.date:
        yield Finding(("date",), f"the masthead date {doc.date.isoformat()} is before the letter's date "
                                 f"{doc.letter.date.isoformat()}; a document is submitted after its letter is written")


@rule("CD302", "job-number-year-mismatch", "error", "The job number's year is not that of the masthead date or a stamp")
def job_number_year_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a job number ``GE.yy-nnnnn`` whose year is not the year of the masthead date or of a footer stamp.

    Why: the Documents Management Section assigns the job number when it processes the document,
    so its two-digit year is the year of submission or of processing. Another year means the
    number belongs to another document (a copied outline) or is mistyped.

    Example::

        date: 2017-09-15
        job_number: GE.16-16166     # CD302: expected GE.17-…

    The language letter "(E)" after the number is not typed: it is derived from ``language``.

    Manual: un-conventions.md §2.1, §2.3; lint rule L15.
    """
    if not doc.job_number:
        return
    m = JOB_RE.match(doc.job_number)
    if not m:
        return
    years = {doc.date.year % 100, *(d.year % 100 for d in doc.footer_stamps)}
    if int(m.group(1)) not in years:
        prefix = "GE." if doc.job_number.startswith("GE.") else ""
        expected = " or ".join(f"{prefix}{y:02d}-…" for y in sorted(years))
        yield Finding(("job_number",), f"the job number's year {m.group(1)} is not the year of the masthead date or "
                                       f"of a footer stamp; expected {expected}")


@rule("CD303", "masthead-date-after-footer-stamp", "error", "The masthead date is later than a footer date stamp")
def masthead_date_after_footer_stamp(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a footer stamp (``footer_stamps:``) earlier than the masthead date.

    Why: the stamps after the job number are the processing and issue dates; the masthead date
    is the submission date, which comes first.

    Example::

        date: 2017-09-15
        footer_stamps: [2017-09-12]      # CD303

    Manual: un-conventions.md §1.1, §2.3.
    """
    for i, stamp in enumerate(doc.footer_stamps):
        if stamp < doc.date:
            yield Finding(("footer_stamps", i),
                          f"the footer stamp {stamp.isoformat()} is before the masthead date {doc.date.isoformat()}; "
                          "a document is processed after it is submitted")


@rule("CD304", "footer-stamps-out-of-order", "error", "The second footer stamp is earlier than the first")
def footer_stamps_out_of_order(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags two footer stamps in the wrong order.

    Why: the first stamp is the processing date and the second the issue date, which cannot
    come before it.

    Example::

        footer_stamps: [2017-09-19, 2017-09-18]      # CD304

    Manual: un-conventions.md §2.3.
    """
    stamps = doc.footer_stamps
    if len(stamps) == 2 and stamps[1] < stamps[0]:
        yield Finding(("footer_stamps", 1), f"the issue stamp {stamps[1].isoformat()} is before the processing stamp "
                                            f"{stamps[0].isoformat()}; swap them")


@rule("CD305", "footer-stamps-without-job-number", "warning", "Footer stamps are given but no job number")
def footer_stamps_without_job_number(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags ``footer_stamps:`` in an outline that has no ``job_number:``.

    Why: the stamps are printed after the job number ("GE.17-16166 (E) 190917"); without a job
    number the footer line is left out and the stamps are silently dropped.

    Example::

        footer_stamps: [2017-09-19]      # CD305: add job_number: GE.17-…

    Manual: un-conventions.md §2.1, §2.3.
    """
    if doc.footer_stamps and not doc.job_number:
        yield Finding(("footer_stamps",), "footer stamps are printed after the job number, and there is none; add "
                                          "`job_number:` or remove the stamps", key=True)


@rule("CD315", "placeholder-symbol", "error", "The symbol is a placeholder (its numbers are all zeros)")
def placeholder_symbol(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a symbol whose numbers are all zeros (``CD/0000``), as ``cddraft import`` writes for a Word file with
    no masthead.

    Why: the symbol is given by the secretariat; a document built with a placeholder symbol would be filed,
    cross-referenced and found under a number that is no document's.

    Example::

        symbol: CD/0000             # CD315: put the symbol the secretariat gives

    Manual: un-conventions.md §1.3 (document symbols).
    """
    numbers = re.findall(r"\d+", doc.symbol)
    if numbers and all(set(n) == {"0"} for n in numbers):
        yield Finding(("symbol",), f"{doc.symbol} is a placeholder: put the symbol the secretariat gives the document")


@rule("CD320", "job-number-missing", "warning", "No job number: page 1 has no job number or barcode")
def job_number_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags an outline without ``job_number:``, at its symbol, naming the form its body's job numbers take:
    ``GE.yy-nnnnn`` for the bodies served in Geneva, ``yy-nnnnn`` for those served in New York (the Security
    Council, the General Assembly).

    Why: the job number is printed at the foot of page 1, with its barcode and the date stamps; the document is
    filed, translated and printed under it. It is given by the secretariat when the document is submitted, so a
    draft may not have one yet — the file is still built — but it is not issued without it. Switch the rule off
    in the outline (``check: {disable: [CD320]}``) while the number is not known.

    Example::

        symbol: CD/2101            # CD320: add job_number: GE.17-… once the secretariat gives it
        date: 2017-09-15

    Manual: un-conventions.md §2.1 (job number), §2.4 (barcode).
    """
    if doc.job_number is None:
        form = "GE.yy-nnnnn" if doc.served_by.body.job_number == "geneva" else "yy-nnnnn"
        yield Finding(("symbol",), "no job_number: page 1 has no job number or barcode; add the one the secretariat "
                                   f"gives ({form})")
