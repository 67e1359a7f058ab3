"""CD101-CD107: paragraph numbering and the heading hierarchy (un-conventions §6.1, §6.2; L8, L13)."""

from __future__ import annotations

from collections.abc import Iterator

from cddraft.check.context import Context
from cddraft.check.registry import Finding, rule
from cddraft.check.rules.markers import LEVEL_NAMES, PARAGRAPH_NUMBER, heading_marker
from cddraft.check.walk import SectionNode, bodies, paragraphs, sections
from cddraft.model.blocks import Section
from cddraft.model.document import Document

#: Deepest heading level the manual defines (I., A., 1., (a), (i)); the renderer has five styles.
MAX_LEVEL = 5


@rule("CD101", "typed-paragraph-number", "error", "A paragraph starts with a typed number that must not be there")
def typed_paragraph_number(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a hand-typed number ("1.", "2)", "(a)") at the start of a paragraph that must not carry one.

    Why: paragraphs of letters and notes verbales from Member States are not numbered (Editorial
    Manual, paragraphs and subparagraphs); in a report, cddraft numbers paragraphs itself so
    that the numbers run consecutively and match across the six language versions, and a typed
    number would print next to the generated one.

    Example::

        letter:
          paragraphs:
            - 1. I have the honour to transmit herewith …     # CD101: remove "1."

    Subparagraphs are written as ``items:`` (they become (a), (b) …). In an annex that does not
    number its paragraphs (the default), typed numbers are the annex's own and are not flagged.

    Manual: un-conventions.md §5.1, §6.2; lint rule L13.
    """
    for node in ctx.texts("letter", "paragraph"):
        if node.role == "paragraph" and not node.numbered:
            continue
        m = PARAGRAPH_NUMBER.match(node.visible.text)
        if not m:
            continue
        typed = m.group(1)
        if node.role == "letter":
            msg = f"paragraphs of letters from Member States are not numbered; remove the typed “{typed}”"
        else:
            msg = (f"cddraft numbers this paragraph; the typed “{typed}” would print beside the generated "
                   "number — remove it (write subparagraphs as `items:`)")
        yield ctx.at(node, node.visible, m.start(1), msg)


@rule("CD102", "report-paragraphs-unnumbered", "error", "A report switches paragraph numbering off")
def report_paragraphs_unnumbered(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags ``numbered_paragraphs: false`` on a report (``kind: report``).

    Why: paragraphs of reports are numbered consecutively with arabic numerals, so that
    cross-references and citations ("para. 12") match in every language version. Only summaries,
    front matter and communications from Member States go unnumbered — mark single paragraphs
    ``numbered: false`` for those.

    Example::

        report:
          numbered_paragraphs: false     # CD102: remove the line (numbering is the default)

    Manual: un-conventions.md §6.2 (Editorial Manual, paragraphs); lint rule L13.
    """
    if doc.kind == "report" and doc.report is not None and not doc.report.numbered_paragraphs:
        yield Finding(("report", "numbered_paragraphs"),
                      "paragraphs of a report are numbered consecutively; remove `numbered_paragraphs: false`")


@rule("CD103", "unnumbered-paragraph-in-sequence", "warning", "An unnumbered paragraph interrupts numbered ones")
def unnumbered_paragraph_in_sequence(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags ``numbered: false`` on a paragraph that stands between numbered paragraphs.

    Why: numbering runs consecutively through a report; an unnumbered paragraph in the middle
    cannot be cited and reads as part of the paragraph before it. Unnumbered paragraphs belong
    before the first numbered one (a summary, front matter) or after the last (a closing line).

    Example::

        - First paragraph.
        - text: An aside that should be a sentence of paragraph 1.
          numbered: false                # CD103
        - Second paragraph.

    Manual: un-conventions.md §6.2 (Editorial Manual, paragraphs); lint rule L13.
    """
    for body, bpath in bodies(doc):
        if not body.numbered_paragraphs:
            continue
        paras = list(paragraphs(body, bpath))
        numbered = [i for i, (p, _) in enumerate(paras) if p.numbered]
        if not numbered:
            continue
        first, last = numbered[0], numbered[-1]
        for i in range(first + 1, last):
            para, path = paras[i]
            if not para.numbered:
                yield Finding((*path, "numbered"),
                              "this unnumbered paragraph interrupts the numbered ones; number it or make it part "
                              "of the paragraph before")


def _level(node: SectionNode) -> int:
    """The heading level a section gets (1 = I., or the H1G subheading when headings are unnumbered)."""
    return node.depth if node.body.numbered_headings else node.depth + 1


@rule("CD104", "heading-nested-too-deep", "error", "Headings are nested deeper than the five levels of the manual")
def heading_nested_too_deep(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a section nested deeper than the manual's heading levels.

    Why: the Editorial Manual defines chapters (I.), first-degree subheadings (A.), then 1.,
    (a), (i) — five levels, which the UNOG styles (HChG, H1G, H23G, H4G) render. A deeper section
    would repeat the last level's style and numbering, so the hierarchy is lost. When headings are
    unnumbered the top level is already a subheading, so four levels of nesting remain.

    Example: a ``heading:`` inside five other ``heading:`` sections. Merge the innermost into its
    parent, or turn it into subparagraphs (``items:``).

    Manual: un-conventions.md §6.1 (Editorial Manual, headings); lint rule L8.
    """
    for node in sections(doc):
        level = _level(node)
        if level > MAX_LEVEL:
            yield Finding((*node.path, "heading"),
                          f"this heading is at level {level}; the manual has {MAX_LEVEL} (I., A., 1., (a), (i)) — "
                          "merge it into its parent or use subparagraphs")


@rule("CD105", "heading-level-skipped", "error", "Hand-numbered headings skip a level (I. then 1. without A.)")
def heading_level_skipped(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a hand-numbered heading whose marker skips a level of the hierarchy.

    Why: headings descend I., A., 1., (a), (i) without skipping; a "1." directly under "I."
    tells the reader a level is missing. Where cddraft numbers headings the level follows the
    nesting and cannot skip; this rule checks bodies with ``numbered_headings: false`` whose
    headings carry typed markers (an annexed report keeps its own numbering); each marked heading
    is compared with the marker of the heading directly above it.

    Example::

        - heading: I. Introduction
          content:
            - heading: 1. Background     # CD105: expected an A. heading here

    Manual: un-conventions.md §6.1 (Editorial Manual, headings); lint rule L8.
    """
    marks: dict[int, tuple[str, int] | None] = {}
    for node in sections(doc):
        if node.body.numbered_headings:
            continue
        above = marks.get(id(node.parent.section)) if node.parent is not None else None
        found = heading_marker(node.section.heading.visible.text, above[1] if above else None)
        marks[id(node.section)] = found
        if found and above and found[1] > above[1] + 1:
            yield Finding((*node.path, "heading"),
                          f"“{found[0]}” under “{above[0]}” skips a level: the next level down is "
                          f"“{LEVEL_NAMES[above[1] + 1]}” (I., A., 1., (a), (i))", offset=0,
                          text=node.section.heading.raw)


@rule("CD106", "typed-heading-number", "error", "A heading cddraft numbers starts with a typed number")
def typed_heading_number(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a typed marker ("I.", "A.", "1.", "(a)") at the start of a heading that cddraft numbers.

    Why: with ``numbered_headings: true`` (the default in reports) cddraft writes the marker of
    each heading from its nesting depth, in the form of the version's language; a typed marker
    would print beside it (``I. I. Introduction``).

    Example::

        - heading: I. Introduction       # CD106: write "Introduction"

    Manual: un-conventions.md §6.1 (Editorial Manual, headings).
    """
    for node in sections(doc):
        if not node.body.numbered_headings:
            continue
        found = heading_marker(node.section.heading.visible.text)
        if found:
            yield Finding((*node.path, "heading"),
                          f"cddraft numbers this heading; the typed “{found[0]}” would print beside the generated "
                          "marker — remove it", offset=0, text=node.section.heading.raw)


@rule("CD107", "lone-subsection", "error", "A section has exactly one sub-section (an A. without a B.)")
def lone_subsection(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Flags a section that holds exactly one sub-section.

    Why: "if there is an A there must be a B". A single subdivision divides nothing; the
    Editorial Manual has it dropped or merged into its parent.

    Example::

        - heading: Organization of work
          content:
            - heading: Meetings          # CD107: the only sub-section of its section
              content: [...]

    Manual: un-conventions.md §6.1 (Editorial Manual, headings); lint rule L8.
    """
    for node in sections(doc):
        subs = [i for i, b in enumerate(node.section.content) if isinstance(b, Section)]
        if len(subs) == 1:
            yield Finding((*node.path, "content", subs[0], "heading"),
                          "this is the only sub-section of its section (an A. without a B.); merge it into "
                          "its parent or add a second one")
