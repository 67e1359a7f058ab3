"""What ties the values of a document together, checked once pydantic has checked each value.

Any reader (the YAML outline, an imported Word file) calls :func:`semantic_problems`; each problem
names the model path of the value to change, which the reader turns into a position.
"""

from __future__ import annotations

from cddraft.errors import Diagnostic, Path_, closest
from cddraft.model.document import Document


def semantic_problems(doc: Document) -> list[Diagnostic]:
    """Rules that tie sections together, each pointing at the key to change."""
    out: list[Diagnostic] = []
    if doc.kind in ("letter", "note-verbale"):
        if doc.letter is None:
            out.append(Diagnostic(f"a {doc.kind} needs a `letter:` section", path=("kind",)))
        elif doc.kind == "letter" and not doc.letter.signatories:
            out.append(Diagnostic("a letter needs at least one signatory", path=("letter", "signatories")))
        elif doc.kind == "note-verbale" and doc.letter.signatories:
            out.append(Diagnostic("a note verbale is unsigned; remove `signatories:`", path=("letter", "signatories")))
        if doc.report is not None:
            out.append(
                Diagnostic(f"a {doc.kind} has no `report:` section; put the report in an annex", path=("report",))
            )
    else:
        if doc.report is None:
            out.append(Diagnostic("a report needs a `report:` section", path=("kind",)))
        elif doc.report.title is None:
            out.append(Diagnostic("a report needs a title: add `title:` under `report:` (it is printed under the "
                                  "masthead, e.g. \"Report of the Coordinator on agenda item 1\")", path=("report",)))
        if doc.letter is not None:
            out.append(Diagnostic("a report has no `letter:` section; use `kind: letter`", path=("letter",)))
    out.extend(_id_checks(doc))
    return out


def _id_checks(doc: Document) -> list[Diagnostic]:
    from cddraft.model.walk import iter_ids, iter_refs

    out: list[Diagnostic] = []
    seen: dict[str, Path_] = {}
    for ident, path in iter_ids(doc):
        if ident in seen:
            out.append(Diagnostic(f"id {ident!r} is used twice; ids must be unique", path=path))
        seen.setdefault(ident, path)
    for target, path in iter_refs(doc):
        if target not in seen:
            hint = closest(target, list(seen))
            tip = f"; did you mean {hint!r}?" if hint else ""
            out.append(Diagnostic(f"{{ref:{target}}} names no paragraph with `id: {target}`{tip}", path=path))
    return out


