"""``cddraft corrigendum``: for every bundled example, scripted edits (a word, a number and the letter's date
changed; a footnote, a paragraph and a heading inserted; a paragraph deleted) give a corrigendum that lists
exactly those corrections, in the document's order, at the right places.

The places expected are worked out here from the outline (its paragraphs counted as the UN numbers them), not
by cddraft; the corrigendum is read back from its outline (YAML) and from its .docx (docx2python).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass

import pytest
import yaml
from docx2python import docx2python

from tests.conftest import EXAMPLES, run_cli

#: The UN's words for "Annex", "Corrigendum" and "paragraph" (the Editorial Manual, issued corrigenda).
ANNEX = {"en": "Annex", "fr": "Annexe", "es": "Anexo", "ru": "Приложение", "zh": "附件", "ar": "المرفق"}
CORRIGENDUM = {"en": "Corrigendum", "fr": "Rectificatif", "es": "Corrección", "ru": "Исправление", "zh": "更正",
               "ar": "تصويب"}
CJK = re.compile(r"[\u4e00-\u9fff]")
#: The examples whose paragraphs the edits below go into (the table examples read rows from a CSV file beside
#: them and say most of what they say in tables: their corrections are tested on their own, at the end).
#: Resolutions and decisions have no headings to insert and are placed by their preambular paragraphs: their
#: corrections are tested on their own (tests/localise/test_resolution.py).
STEMS = [s for s, p in EXAMPLES.items() if yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] not in (
    "corrigendum", "resolution", "decision") and not s.startswith("ccw-tables")]


@dataclass
class Target:
    """A paragraph of the outline that an edit may change: where it is and the number a reader gives it."""

    holder: list
    index: int
    part: str  # "" in the body, "Annex" in the annex
    number: int

    @property
    def text(self) -> str:
        item = self.holder[self.index]
        return item if isinstance(item, str) else item["text"]

    @text.setter
    def text(self, value: str) -> None:
        if isinstance(self.holder[self.index], str):
            self.holder[self.index] = value
        else:
            self.holder[self.index]["text"] = value


def targets(data: dict) -> list[Target]:
    """Every paragraph in the document's order with its number: numbered bodies count numbered paragraphs,
    others every paragraph and quoted paragraph (a letter's paragraphs, an unnumbered annex)."""
    out: list[Target] = []
    language = data.get("language", "en")

    def walk(blocks: list, numbered: bool, part: str, count: list[int]) -> None:
        for i, b in enumerate(blocks):
            if isinstance(b, str) or "text" in b:
                if numbered and isinstance(b, dict) and b.get("numbered") is False:
                    continue
                count[0] += 1
                out.append(Target(blocks, i, part, count[0]))
            elif "heading" in b:
                walk(b.get("content", []), numbered, part, count)
            elif "quote" in b and not numbered:
                count[0] += len(b["quote"]) if isinstance(b["quote"], list) else 1

    if "letter" in data:
        for i in range(len(data["letter"]["paragraphs"])):
            out.append(Target(data["letter"]["paragraphs"], i, "", i + 1))
    if "report" in data:
        walk(data["report"]["content"], data["report"].get("numbered_paragraphs", True), "", [0])
    for annex in data.get("annexes", []):
        walk(annex["content"], annex.get("numbered_paragraphs", False), ANNEX[language], [0])
    return [t for t in out if not re.search(r"[*^{}\\~]", t.text)]  # plain text: edits stay simple


def edited(data: dict) -> tuple[dict, list[dict]]:
    """NEW and the corrections expected: each a dict of the expected part, number, form and texts."""
    new = copy.deepcopy(data)
    language = new.get("language", "en")
    expected: list[dict] = []
    if "letter" in new:
        old_date = dt.date.fromisoformat(str(new["letter"]["date"]))
        new["letter"]["date"] = (old_date + dt.timedelta(days=1)).isoformat()
        expected.append({"title": True, "form": "for"})
    found = targets(new)
    assert len(found) >= 3, "the example has paragraphs enough to edit"
    word = next(t for t in found if _word(t.text, language))
    rest = [t for t in found if t is not word]
    digits = next((t for t in rest if re.search(r"(?<![\d/])\d{1,2}(?![\d/])", t.text)), None) if len(
        rest) > 2 else None
    rest = [t for t in rest if t is not digits]
    blocks = [t for t in rest if t.holder is not new.get("letter", {}).get("paragraphs")]
    inserted, deleted = blocks[0], blocks[-1]
    note = next(t for t in rest if t is not deleted)
    planned = []
    old_word = _word(word.text, language)
    new_word = "修订" if CJK.search(old_word) else "Revisedword"
    word.text = word.text.replace(old_word, new_word, 1)
    planned.append((word, {"form": "for", "for": old_word, "read": new_word}))
    if digits is not None:
        m = re.search(r"(?<![\d/])(\d{1,2})(?![\d/])", digits.text)
        changed = str(int(m.group(1)) + 1)
        digits.text = digits.text[:m.start()] + changed + digits.text[m.end():]
        planned.append((digits, {"form": "for", "for": m.group(1), "read": changed}))
    note.text = note.text + "^[A note added in correction.]"
    planned.append((note, {"form": "whole", "whole": "footnote", "insert": "A note added in correction."}))
    planned.append((inserted, {"form": "whole", "whole": "paragraph", "insert": "A paragraph added in correction."}))
    planned.append((inserted, {"form": "whole", "whole": "heading", "insert": "A heading added in correction"}))
    planned.append((inserted, {"form": "whole", "whole": "paragraph", "insert": "The text under it."}))
    planned.append((deleted, {"form": "whole", "whole": "paragraph"}))
    order = {id(t): n for n, t in enumerate(found)}
    for t, want in sorted(planned, key=lambda p: order[id(p[0])]):
        expected.append({**want, "part": t.part, "number": t.number})
    gone = deleted.holder[deleted.index]
    inserted.holder[inserted.index + 1:inserted.index + 1] = [
        "A paragraph added in correction.",
        {"heading": "A heading added in correction", "content": ["The text under it."]}]
    del deleted.holder[next(i for i, b in enumerate(deleted.holder) if b is gone)]
    return new, expected


def _word(text: str, language: str) -> str | None:
    """A word to change: a long word (Chinese: two characters) found once in the paragraph."""
    pattern = r"[\u4e00-\u9fff]{2}" if language == "zh" else r"[^\W\d_]{7,}"
    for m in re.finditer(pattern, text):
        if text.count(m.group()) == 1 and (language != "zh" or m.start() > 4):
            return m.group()
    return None


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("corrigendum")
    out = {}
    for stem in STEMS:
        data = yaml.safe_load(EXAMPLES[stem].read_text(encoding="utf-8"))
        new_data, expected = edited(data)
        old, new = work / f"{stem}.yaml", work / f"{stem}-new.yaml"
        old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        new.write_text(yaml.safe_dump(new_data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = run_cli("corrigendum", str(old), str(new), "-o", str(work), "--date", "2024-05-02")
        assert result.exit_code == 0, result.output
        outline = yaml.safe_load((work / f"{stem}-corr1.yaml").read_text(encoding="utf-8"))
        out[stem] = (data, outline, expected, work / f"{stem}-corr1.docx")
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_the_corrigendum_lists_exactly_the_edits_in_order_at_their_places(drafted, stem):
    data, outline, expected, _ = drafted[stem]
    language = data.get("language", "en")
    got = outline["corrigendum"]["corrections"]
    assert len(got) == len(expected), yaml.safe_dump(got, allow_unicode=True)
    for correction, want in zip(got, expected, strict=True):
        where = correction["where"]
        if want.get("title"):
            assert set(correction) == {"where", "for", "read"}
            continue
        if want["part"]:
            assert where.startswith(want["part"]), where
        assert re.search(rf"(?<!\d){want['number']}(?!\d)", where), (where, want)
        if language == "en":
            place = f"paragraph {want['number']}"
            assert where in (f"{want['part']}, {place}", place.capitalize()) or where.startswith(
                (f"{want['part']}, {place}, ", f"{place.capitalize()}, ")), where
        if want["form"] == "for":
            assert want["for"] in correction["for"] and want["read"] in correction["read"], correction
            assert correction["for"].replace(want["for"], want["read"]) == correction["read"]
        else:
            assert correction.get("whole") == want["whole"], correction
            assert correction.get("insert") == want.get("insert"), correction
            assert set(correction) - {"where", "whole", "insert", "after"} == set()


@pytest.mark.parametrize("stem", STEMS)
def test_the_built_corrigendum_shows_its_symbol_heading_and_numbered_corrections(drafted, stem):
    data, _, expected, docx = drafted[stem]
    language = data.get("language", "en")
    with docx2python(docx) as doc:
        text = doc.text
    assert f"{data['symbol']}/Corr.1" in text
    assert CORRIGENDUM[language] in text
    for n in range(1, len(expected) + 1):
        assert re.search(rf"(?m)^\s*{n}(?:\.| -)\t", text), f"correction {n} is numbered"
    assert "A paragraph added in correction." in text


def test_the_corrigendum_outline_has_the_masthead_of_the_corrected_document(drafted):
    data, outline, _, _ = drafted["cd-way-ahead-en"]
    assert outline["kind"] == "corrigendum"
    assert outline["symbol"] == f"{data['symbol']}/Corr.1"
    assert str(outline["date"]) == "2024-05-02"
    assert outline["language"] == data["language"]
    assert outline["corrigendum"]["corrects"].startswith("Letter dated 14\u00a0September\u00a02017 from")


def test_a_tables_corrections_name_its_table_row_and_column_and_the_corrigendum_prints_them(tmp_path):
    """Issue 27: a figure corrected in a table read from a CSV file, and a row added to another: the corrigendum
    names each place as the table prints it, and its .docx prints the corrections in that form."""
    source = EXAMPLES["ccw-tables-en"]
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["report"]["content"][1]["content"][1]["rows_from"] = str(source.parent / "ccw-tables-contributions-en.csv")
    new = copy.deepcopy(data)
    new["report"]["content"][0]["content"][1]["rows"].insert(4, ["Specialized agencies", "2", "3"])
    new["report"]["content"][0]["content"][1]["rows"][0] = ["High Contracting Parties", "92", "97"]
    old_path, new_path = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    new_path.write_text(yaml.safe_dump(new, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli("corrigendum", str(old_path), str(new_path), "-o", str(tmp_path), "--date", "2025-10-20")
    assert result.exit_code == 0, result.output
    outline = yaml.safe_load((tmp_path / "old-corr1.yaml").read_text(encoding="utf-8"))
    assert outline["corrigendum"]["corrections"] == [
        {"where": "Table 1, row “High Contracting Parties”, column “2025”", "for": "96", "read": "97"},
        {"where": "Table 1, row “International organizations”", "whole": "row",
         "insert": "Specialized agencies | 2 | 3"}]
    with docx2python(tmp_path / "old-corr1.docx") as doc:
        text = " ".join(doc.text.split())
    assert "Table 1, row “High Contracting Parties”, column “2025”" in text
    assert "Insert after it a new row reading Specialized agencies | 2 | 3" in text
