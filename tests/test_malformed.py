"""The catalogue of malformed input: one case per class of mistake or attack.

Every case runs ``cddraft build`` on it and checks the three promises of issue 6: exit status 2, a
message that names the place (``FILE:LINE:COL`` wherever the file has a position, else ``FILE:``)
and says what to do, and no output — an earlier build of the same file is left byte for byte, and
no temporary file is left beside it. Nothing may end in a traceback or an "internal error".
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cddraft.readers.outline import limits
from tests.conftest import MINIMAL_REPORT, REPO, run_cli

#: A valid letter; the cases below break it in one place each. Line numbers matter to the cases.
LETTER = """\
kind: letter
symbol: CD/2101
language: en
date: 2017-09-15
job_number: GE.17-16166
letter:
  date: 2017-09-14
  sender: the Permanent Representative of Myanmar
  paragraphs:
    - I have the honour to transmit herewith the report.
  signatories:
    - name: Htin Lynn
      titles: [Ambassador]
"""

REPORT = MINIMAL_REPORT

RUSSIAN = """\
kind: letter
symbol: CD/2101
language: ru
original_language: en
date: 2017-09-15
job_number: GE.17-16166
letter:
  date: 2017-09-14
  sender: Постоянного представителя Республики Союз Мьянма
  transmits: доклад о неофициальных заседаниях
  paragraphs: [Имею честь препроводить доклад.]
  signatories:
    - name: Тин Линн
"""

PREVIOUS = b"the previous build, which must survive"


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def house_with(tmp: Path, edit: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of the house template with its parts edited (``None`` drops a part)."""
    out = tmp / "custom.docx"
    with zipfile.ZipFile(REPO / "templates" / "house.docx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = edit(item.filename, zin.read(item.filename))
            if data is not None:
                zout.writestr(item, data)
    return out


def alias_bomb() -> str:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return LETTER + "\n".join(lines) + "\n"


def directory(tmp: Path) -> Path:
    d = tmp / "o.yaml"
    d.mkdir()
    return d


@dataclass
class Case:
    """One class of bad input. ``where`` is ``LINE:COL``, or ``""`` where the input has no position."""

    id: str
    outline: str | bytes | Callable[[Path], Path]
    where: str
    says: str  # a fragment of the message; it holds what to do
    template: Callable[[Path], Path] | None = None
    blame_template: bool = False  # the message names the template rather than the outline
    monkeypatch: Callable[[pytest.MonkeyPatch, Path], None] | None = None
    in_subprocess: bool = False  # a regression here could take the test process down with it
    check_says: str = ""  # what `cddraft check` says, when it differs from `build`


def _unreadable(mp: pytest.MonkeyPatch, outline: Path) -> None:
    """chmod 000 does not stop root (the tests run as root in CI); refuse the open instead."""
    real_open = Path.open

    def guarded(self: Path, *args, **kwargs):
        if self == outline:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    mp.setattr(Path, "open", guarded)


CASES = [
    # -- the file itself ------------------------------------------------------------------------
    Case("empty-file", "", "1:1", "the outline is empty; start from `cddraft new letter`"),
    Case("only-comments", "# kind: letter\n# symbol: CD/2101\n", "1:1", "the outline is empty"),
    Case("utf16-file", LETTER.encode("utf-16"), "1:1", "save it as UTF-8"),
    Case("non-utf8-byte", replace(LETTER, "Htin Lynn", "Htin Lyñn").encode("latin-1"), "12:20",
         "byte 0xf1 is not UTF-8; save the file as UTF-8"),
    Case("raw-c0-control", replace(LETTER, "herewith", "here\x07with"), "10:41",
         "control character U+0007 cannot appear in an outline; delete it"),
    Case("raw-c1-control-nel", replace(LETTER, "herewith", "here\x85with"), "10:41", "U+0085"),
    Case("huge-file", LETTER + "#" * (limits.MAX_BYTES + 10) + "\n", "",
         f"outlines are limited to {limits.MAX_BYTES:,} bytes: split the document"),
    Case("missing-file", lambda tmp: tmp / "nope.yaml", "", "no such file"),
    Case("directory-without-outlines", directory, "", "no .yaml outlines in this folder"),
    Case("unreadable-file", LETTER, "", "cannot read the file (permission denied)", monkeypatch=_unreadable),
    # -- YAML syntax -----------------------------------------------------------------------------
    Case("unclosed-flow-list", replace(LETTER, "titles: [Ambassador]", "titles: [Ambassador"), "14:1",
         "(while parsing a flow sequence at line 13, column 15); close the [ … ] list"),
    Case("unclosed-quote", replace(LETTER, "sender: the", 'sender: "the'), "14:1",
         "(while scanning a quoted scalar at line 8, column 11); close the quote"),
    Case("bad-indentation", replace(LETTER, "  sender:", "   sender:"), "8:10",
         "this line is indented 3 spaces, unlike every key above it: start the key in column 3, as on line 7"),
    Case("list-item-indented-one-less", REPORT + "    - heading: Two\n      content:\n        - text: B.\n"
         "          id: b\n       - C.\n", "13:8",
         "this line is indented 7 spaces, unlike every list item above it: start '- ' in column 9, as on line 11"),
    Case("colon-inside-a-value", replace(LETTER, "the Permanent Representative of Myanmar",
                                         "the Permanent Representative of Myanmar: Ambassador"), "8:50",
         "a ': ' inside a value: put the value in quotes"),
    Case("tab-indentation", replace(LETTER, "    - I have", "\t- I have"), "10:1",
         "indent with spaces, not tabs"),
    Case("duplicate-key", LETTER + "date: 2017-09-16\n", "14:1",
         "duplicate key 'date' (first given at line 4); keep one of them"),
    Case("two-documents", LETTER + "---\nkind: report\n", "14:1", "an outline holds one document: remove the '---'"),
    Case("text-starting-with-asterisk", replace(LETTER, "- I have", "- *Noting that I have"), "10:7",
         "a value that starts with * is read as YAML syntax: put the whole text in quotes"),
    Case("text-starting-with-italic", replace(LETTER, "- I have", "- *Noting* that I have"), "10:14",
         "a value that starts with * is read as YAML syntax: put the whole text in quotes"),
    Case("text-starting-with-brace", replace(LETTER, "- I have", "- {ref:x} I have"), "10:15",
         "a value that starts with { is read as YAML syntax: put the whole text in quotes"),
    Case("undefined-alias", LETTER + "body: *nope\n", "14:7", "found undefined alias; a value that starts with *"),
    Case("complex-key", LETTER + "? [a, b]\n: x\n", "14:3", "a key must be plain text"),
    Case("merge-key", LETTER + "x: &x {a: 1}\ny:\n  <<: *x\n", "16:3", "merge keys (<<) are not supported; "
         "write the keys out"),
    # -- YAML that would build objects, or explode -----------------------------------------------
    Case("python-object-tag", LETTER + "body: !!python/object/apply:os.system [echo hacked]\n", "14:7",
         "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in an outline; remove it"),
    Case("python-name-tag", replace(LETTER, "sender: the", "sender: !!python/name:os.system the"), "8:11",
         "is not allowed in an outline; remove it"),
    Case("custom-tag", LETTER + "body: !include secrets.yaml\n", "14:7", "YAML tag '!include' is not allowed"),
    Case("alias-bomb", alias_bomb(), "14:26", "an alias bomb? each use of an alias such as *name counts again"),
    Case("recursive-alias", LETTER + "body: &b [*b]\n", "14:7", "nested more than 40 levels deep; flatten it"),
    Case("deep-nesting", LETTER + "body: " + "[" * 50_000 + "]" * 50_000 + "\n", "14:46",
         "nested more than 40 levels deep; flatten it", in_subprocess=True),
    # -- shape -----------------------------------------------------------------------------------
    Case("list-at-top", "- kind: letter\n- symbol: CD/2101\n", "1:1", "the outline must be a mapping of keys"),
    Case("text-at-top", "just a sentence\n", "1:1", "the outline must be a mapping of keys"),
    Case("list-where-mapping-expected", replace(LETTER, "    - name: Htin Lynn\n      titles: [Ambassador]\n",
                                                "    - Htin Lynn\n"), "12:7",
         "signatories: expected a mapping (key: value lines), found 'Htin Lynn'"),
    Case("mapping-where-list-expected", replace(LETTER, "  paragraphs:\n    - I have", "  paragraphs:\n    a: I have"),
         "10:5", "paragraphs: expected a list (lines starting with '- '), found a mapping"),
    Case("empty-list-entry", replace(LETTER, "    - I have the honour to transmit herewith the report.",
                                     "    - I have the honour.\n    -"), "11:6",
         "paragraphs: entry 2 is empty; write it after the '- ', or delete the line"),
    Case("unknown-key", replace(LETTER, "symbol:", "symbl:"), "2:1", "unknown key 'symbl'; did you mean 'symbol'?"),
    Case("key-in-wrong-block", REPORT + "    - heading: Two\n      bullets: [a]\n", "10:7",
         "key 'bullets' does not belong here; check its indentation"),
    Case("missing-required-key", replace(LETTER, "  sender: the Permanent Representative of Myanmar\n", ""), "7:3",
         "missing required key 'sender'; add `sender: …` under `letter:`"),
    Case("report-without-title", replace(REPORT, "  title: Report of the Coordinator\n", ""), "6:3",
         "a report needs a title: add `title:` under `report:`"),
    Case("missing-section", replace(REPORT, "report:\n  title: Report of the Coordinator\n  content:\n"
                                    "    - A first paragraph.\n", ""), "1:7", "a report needs a `report:` section"),
    # -- wrong values ----------------------------------------------------------------------------
    Case("text-instead-of-switch", LETTER + "united_nations: maybe\n", "14:17",
         "united_nations: expected true or false, found 'maybe'"),
    Case("list-instead-of-text", replace(LETTER, "sender: the Permanent Representative of Myanmar", "sender: [a, b]"),
         "8:11", "sender: expected text, found a list"),
    Case("empty-text", replace(LETTER, "    - I have the honour to transmit herewith the report.", '    - "  "'),
         "10:7", "paragraphs: must not be empty"),
    Case("circulation-request-list", replace(LETTER, "  signatories:", "  circulation_request: [a]\n  signatories:"),
         "11:24", "circulation_request: write true, false or the wording of the request, not a list"),
    Case("impossible-date", replace(LETTER, "date: 2017-09-15", "date: 2017-02-30"), "4:7",
         "is not a valid date (day value is outside expected range); write it as YYYY-MM-DD"),
    Case("day-first-date", replace(LETTER, "  date: 2017-09-14", "  date: 14/09/2017"), "7:9",
         "'14/09/2017' is not a date in the form YYYY-MM-DD; write 2017-09-14"),
    Case("ambiguous-date", replace(LETTER, "  date: 2017-09-14", "  date: 04/09/2017"), "7:9",
         "it is ambiguous: write 2017-09-04 if the day comes first, 2017-04-09 if the month does"),
    Case("date-without-dashes", replace(LETTER, "date: 2017-09-15", "date: 20170915"), "4:7",
         "write it as 2017-09-15"),
    Case("day-first-date-that-does-not-exist", replace(LETTER, "  date: 2017-09-14", "  date: 31/02/2017"), "7:9",
         "'31/02/2017' is not a date: February 2017 has 28 days; write the intended date as YYYY-MM-DD"),
    Case("month-first-date-that-does-not-exist", replace(LETTER, "  date: 2017-09-14", "  date: 04/31/2017"),
         "7:9", "'04/31/2017' is not a date: April 2017 has 30 days"),
    Case("date-without-zeros", replace(LETTER, "date: 2017-09-15", "date: 2017-9-5"), "4:7",
         "'2017-9-5' is not a date in the form YYYY-MM-DD; write 2017-09-05"),
    Case("date-without-zeros-that-does-not-exist", replace(LETTER, "date: 2017-09-15", "date: 2017-2-29"), "4:7",
         "'2017-2-29' is not a date: February 2017 has 28 days"),
    Case("date-with-time", replace(LETTER, "date: 2017-09-15", "date: 2017-09-15T10:00:00"), "4:7",
         "is not a date in the form YYYY-MM-DD"),
    Case("symbol-format", replace(LETTER, "symbol: CD/2101", "symbol: CD-2101"), "2:9",
         "'CD-2101' is not a document symbol of a body cddraft knows; did you mean one like CD/2101?"),
    Case("symbol-of-an-unknown-series", replace(LETTER, "symbol: CD/2101", "symbol: SC/2024/105"), "2:9",
         "'SC/2024/105' is not a document symbol of a body cddraft knows; did you mean one like S/2024/105"),
    Case("job-number-format", replace(LETTER, "GE.17-16166", "GE17-1616"), "5:13",
         "'GE17-1616' is not a job number; write GE.yy-nnnnn (Geneva, e.g. GE.17-16166) or yy-nnnnn (New York"),
    Case("job-number-full-width-digits", replace(LETTER, "GE.17-16166", "GE.１７-１６１６６"), "5:13",
         "'GE.１７-１６１６６' has digits of another script; write the job number with the digits 0-9: GE.17-16166"),
    Case("job-number-arabic-indic-digits", replace(LETTER, "GE.17-16166", "GE.١٧-١٦١٦٦"), "5:13",
         "write the job number with the digits 0-9: GE.17-16166"),
    Case("symbol-full-width-digits", replace(LETTER, "symbol: CD/2101", "symbol: CD/２１０１"), "2:9",
         "'CD/２１０１' has digits of another script; write the symbol with the digits 0-9: CD/2101"),
    Case("qr-control-character", LETTER + 'qr: "https://x\\0y"\n', "14:5",
         "qr: control character U+0000 at character 10 cannot appear in a document"),
    Case("qr-escape-character", LETTER + 'qr: "https://x\\x1by"\n', "14:5", "control character U+001B"),
    Case("unknown-language", replace(LETTER, "language: en", "language: english"), "3:11",
         "language: 'english' is not allowed; use 'ar', 'zh', 'en', 'fr', 'ru' or 'es'"),
    Case("unknown-annex-original-language", LETTER + "annexes:\n  - original_language: xx\n    content: [a]\n",
         "15:24", "original_language: 'xx' is not allowed; use 'ar', 'zh', 'en', 'fr', 'ru' or 'es'"),
    Case("unknown-kind", replace(LETTER, "kind: letter", "kind: memo"), "1:7",
         "kind: 'memo' is not allowed; use 'letter', 'note-verbale', 'report', 'corrigendum', 'resolution' or "
         "'decision'"),
    Case("too-many-footer-stamps", LETTER + "footer_stamps: [2017-09-15, 2017-09-16, 2017-09-17]\n", "14:16",
         "footer_stamps: at most 2 entries"),
    Case("qr-payload-too-large", LETTER + "qr: https://undocs.org/" + "x" * 3000 + "\n", "14:5",
         "a QR code holds at most 2,000 here: give a short address"),
    Case("masthead-body-too-long", LETTER + "body: " + "Conference " * 30 + "\n", "14:7",
         "body: the name of the body is 329 characters long; at most 255 fit"),
    Case("russian-without-grammar-phrase", RUSSIAN, "10:14",
         "ru versions need `phrases: transmitting:` under `letter:`, written in that language"),
    Case("grammar-phrase-without-object", replace(RUSSIAN, "  paragraphs:", "  phrases: {transmitting: "
                                                 "', препровождающее'}\n  paragraphs:"), "11:27",
         "lacks {object}, where the text of `transmits` goes; write e.g."),
    Case("letter-without-signatory", replace(LETTER, "  signatories:\n    - name: Htin Lynn\n      titles: "
                                             "[Ambassador]\n", ""), "7:3", "a letter needs at least one signatory"),
    # -- text ------------------------------------------------------------------------------------
    Case("control-character-escape", replace(LETTER, "titles: [Ambassador]", 'titles: ["Amb\\x1bassador"]'),
         "13:16", "control character U+001B at character 4 cannot appear in a document; delete it"),
    Case("c1-control-escape", replace(LETTER, "- I have the honour", '- "I have\\x9b"\n    - I have the honour'),
         "10:14", "control character U+009B at character 7 cannot appear in a document"),
    Case("unclosed-bold", replace(LETTER, "herewith the report.", "herewith **the report."), "10:46",
         "opens bold that is never closed; close it with ** or write \\* for a literal asterisk"),
    Case("nested-superscripts", replace(LETTER, "herewith the report.", "herewith " + "^{" * 2000 + "x" + "}" * 2000),
         "10:48", "a superscript cannot hold another superscript (character 42); write \\^ for a literal caret"),
    Case("footnote-in-one-line-field", replace(LETTER, "of Myanmar", "of Myanmar^[a note]"), "8:50",
         "footnotes (^[…]) and {ref:…} cannot be used here"),
    Case("footnote-in-report-title", replace(REPORT, "Report of the Coordinator", "Report^[note]"), "6:16",
         "put the note in a paragraph"),
    Case("reference-to-unknown-id", REPORT + "    - text: See {ref:intro}.\n      id: intr\n", "9:17",
         "{ref:intro} names no paragraph or table with `id: intro`; did you mean 'intr'?"),
    Case("duplicate-id", REPORT + "    - {text: a, id: p1}\n    - {text: b, id: p1}\n", "10:21",
         "id 'p1' is used twice; ids must be unique"),
    # -- templates -------------------------------------------------------------------------------
    Case("missing-template", LETTER, "", "file not found; check the path",
         template=lambda tmp: tmp / "missing.docx", blame_template=True),
    Case("template-is-a-directory", LETTER, "", "is a directory, not a Word file",
         template=lambda tmp: tmp, blame_template=True),
    Case("template-missing-a-style", LETTER, "", "lacks the style(s) H23G (\"_ H_2/3_G\" in Word); add them",
         template=lambda tmp: house_with(tmp, lambda n, d: d.replace(b'w:styleId="H23G"', b'w:styleId="Other"')
                                         if n == "word/styles.xml" else d), blame_template=True),
    Case("template-not-a-zip", LETTER, "", "not a Word file, or a damaged one",
         template=lambda tmp: (tmp / "t.docx").write_bytes(b"\xd0\xcf\x11\xe0 an old .doc") and tmp / "t.docx",
         blame_template=True),
    Case("template-truncated", LETTER, "", "not a Word file, or a damaged one",
         template=lambda tmp: (tmp / "t.docx").write_bytes((REPO / "templates" / "house.docx").read_bytes()[:3000])
         and tmp / "t.docx", blame_template=True),
    Case("template-without-page-setup", LETTER, "", "has no page set-up",
         template=lambda tmp: house_with(tmp, lambda n, d: re.sub(rb"<w:sectPr.*?</w:sectPr>", b"", d, flags=re.S)
                                         if n == "word/document.xml" else d), blame_template=True),
    Case("template-sandbox-escape", LETTER, "", "template error: attribute access (.__mro__) is not allowed",
         template=lambda tmp: house_with(tmp, lambda n, d: d.replace(
             b"<w:body>", b"<w:body><w:p><w:r><w:t>{{ ''.__class__.__mro__ }}</w:t></w:r></w:p>")
             if n == "word/document.xml" else d), blame_template=True),
]


def _run_in_subprocess(outline: Path, out: Path) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-X", "faulthandler", "-m", "cddraft.cli", "build", str(outline),
                           "-o", str(out)], capture_output=True, text=True, timeout=120, cwd=outline.parent)
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_refused_with_a_position_and_nothing_written(case: Case, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    if callable(case.outline):
        outline = case.outline(work)
    else:
        outline = work / "o.yaml"
        if isinstance(case.outline, bytes):
            outline.write_bytes(case.outline)
        else:
            outline.write_text(case.outline, encoding="utf-8", newline="")
    out = tmp_path / "out"
    out.mkdir()
    previous = out / "o.docx"
    previous.write_bytes(PREVIOUS)
    args = ["build", str(outline), "-o", str(out)]
    template = case.template(work) if case.template else None
    if template is not None:
        args += ["--template", str(template)]
    if case.monkeypatch:
        case.monkeypatch(monkeypatch, outline)

    if case.in_subprocess:
        status, output = _run_in_subprocess(outline, out)
    else:
        result = run_cli(*args)
        status, output = result.exit_code, result.output

    assert status == 2, output
    assert "Traceback" not in output and "internal error" not in output, output
    blamed = str(template) if case.blame_template else str(outline)
    place = f"{blamed}:{case.where}: " if case.where else f"{blamed}: "
    lines = [ln for ln in output.splitlines() if ln.startswith(place)]
    assert lines, f"no message at {place!r}:\n{output}"
    assert any(case.says in ln for ln in lines), f"expected {case.says!r} in:\n{output}"
    assert sorted(p.name for p in out.iterdir()) == ["o.docx"], "nothing else is written, no temporary file"
    assert previous.read_bytes() == PREVIOUS, "the earlier output is untouched"

    if template is None and not case.in_subprocess:  # `cddraft check` finds the same problem at the same place
        checked = run_cli("check", str(outline))
        assert checked.exit_code == 2, checked.output
        says = case.check_says or case.says
        assert any(ln.startswith(place) and says in ln for ln in checked.output.splitlines()), checked.output


def test_the_catalogue_covers_at_least_thirty_classes():
    assert len({c.id for c in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize(("name", "data"), [
    ("bom", b"\xef\xbb\xbf" + LETTER.encode()),
    ("crlf-line-ends", LETTER.replace("\n", "\r\n").encode()),
    ("bom-and-crlf", b"\xef\xbb\xbf" + LETTER.replace("\n", "\r\n").encode()),
])
def test_a_byte_order_mark_and_windows_line_ends_are_accepted(tmp_path, name, data):
    """Notepad and Word write a BOM and CRLF: they are not errors, and positions stay right."""
    outline = tmp_path / "o.yaml"
    outline.write_bytes(data)
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "o.docx").stat().st_size > 10_000
    # and an error further down is still reported at its own line and column
    outline.write_bytes(data.replace(b"CD/2101", b"CD-2101"))
    result = run_cli("check", str(outline))
    assert result.exit_code == 2 and f"{outline}:2:9: symbol: 'CD-2101'" in result.output, result.output


def test_an_annex_in_another_language_gets_the_original_language_note(tmp_path):
    """The note is generated from `original_language`, so it cannot be forgotten; the same
    language gives no note."""
    import docx

    outline = tmp_path / "o.yaml"
    outline.write_text(LETTER + "annexes:\n  - original_language: fr\n    content: [Texte.]\n"
                       "  - original_language: en\n    content: [Text.]\n", encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(tmp_path / "o.docx")).paragraphs]
    assert texts.count("[Original: French]") == 1, texts
    assert not any("Original: English" in t for t in texts)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_chmod_000_outline_is_refused(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads a chmod 000 file; the unreadable-file case simulates it with monkeypatch")
    outline = tmp_path / "o.yaml"
    outline.write_text(LETTER, encoding="utf-8")
    outline.chmod(0)
    try:
        result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    finally:
        outline.chmod(0o644)
    assert result.exit_code == 2 and f"{outline}: cannot read the file (permission denied)" in result.output


def test_a_huge_docx_part_in_a_template_is_refused_without_unpacking_it(tmp_path):
    bomb = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/document.xml", b" " * (51 * 2**20))
    bomb.write_bytes(buf.getvalue())
    assert bomb.stat().st_size < 200_000, "a highly compressible part"
    outline = tmp_path / "o.yaml"
    outline.write_text(LETTER, encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--template", str(bomb))
    assert result.exit_code == 2
    assert f"{bomb}: part word/document.xml unpacks to more than the limit" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("depth", [41, 400])
def test_block_nesting_too_deep_is_refused_whether_or_not_it_is_prescanned(tmp_path, depth):
    """Below the pre-scan's bound the composer builds the tree and the converter refuses depth > 40; the
    message and its position are the same either way."""
    nested = "".join(" " * (2 * i) + f"k{i}:\n" for i in range(depth)) + " " * (2 * depth) + "leaf\n"
    outline = tmp_path / "o.yaml"
    outline.write_text(LETTER + "body:\n" + "".join("  " + line for line in nested.splitlines(True)),
                       encoding="utf-8")
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "nested more than 40 levels deep; flatten it" in result.output
    assert f"o.yaml:{14 + 40}:" in result.output, result.output
    assert not (tmp_path / "out").exists()

