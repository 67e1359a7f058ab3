"""``cddraft import`` of a corpus of other people's Word files: what each keeps, what it loses unsaid (issue 28).

For every Word file of the corpus (``scripts/gather_word_corpus.py``; default ``~/.cache/cddraft-corpus``) the
import runs as ``cddraft import`` runs it (``pipeline.import_word``); a file refused for its tracked changes is
imported again with ``--revisions accept``; the outline written is built (``pipeline.build``). Reported per file
and in total:

- **words in the source**: the words of the text a reader of the file sees — the body (tables, text boxes, content
  controls, equations and field results included), the footnotes and the endnotes (not headers and footers, not
  comments, not deleted text, not field instructions). A text box Word stores twice (its drawing and a VML
  fallback) counts once. The file is read here with lxml, not with cddraft's reader.
- **in the outline**: those words found in the outline — its values, or the document it builds to (words the
  outline holds as keys, such as ``distribution: general`` → "Distr.: General", count so);
- **in warnings**: those found only in the import's warnings;
- **lost silently**: in neither.

A file whose language nothing tells (the file declares none of the six, its text is too short) is refused by the
import, which asks for ``--language``: it is imported again with ``--language en`` and counted so. A word is
counted with its occurrences: a word the source has three times and the outline and warnings twice is one word
lost.

A word is a run of letters or digits (case folded); each Chinese, Japanese or Korean character is a word. The
import is also checked for tracebacks (any exception but cddraft's own refusal), refusals (with their message)
and outlines that do not build. Usage::

    python bench/import_corpus.py [--corpus DIR] [--json FILE] [--lost]    # --lost: list each file's lost words
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import re
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

import yaml
from lxml import etree

DEFAULT_CORPUS = Path.home() / ".cache" / "cddraft-corpus"

_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MATH = ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True, recover=True)


def words(text: str) -> collections.Counter[str]:
    return collections.Counter(w.casefold() for w in _WORD.findall(text))


def _local(tag: object) -> tuple[str, str]:
    if not isinstance(tag, str) or not tag.startswith("{"):
        return "", ""
    ns, _, name = tag[1:].partition("}")
    return ns, name


def _text(root: etree._Element) -> str:
    """The text a reader sees in a WordprocessingML part, a paragraph a line."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        ns, name = _local(el.tag)
        if ns == _MC and name == "Fallback":  # the other drawing of a text box: counted once
            return
        if ns in (_TRANSITIONAL, _STRICT):
            if name in ("delText", "instrText", "delInstrText"):
                return
            if name in ("footnote", "endnote") and (el.get(f"{{{ns}}}type") or "normal") != "normal":
                return  # the separator lines
            if name in ("del", "moveFrom"):
                return
            if name == "t" and el.text:
                out.append(el.text)
            elif name in ("tab", "br", "cr"):
                out.append(" ")
            elif name == "p":
                out.append("\n")
        elif ns in _MATH and name == "t" and el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if ns in (_TRANSITIONAL, _STRICT) and name == "p":
            out.append("\n")

    walk(root)
    return "".join(out)


def _main_part(zf: zipfile.ZipFile) -> str:
    """The main document part, found through the package's relationships (as the standard says)."""
    try:
        rels = etree.fromstring(zf.read("_rels/.rels"), _PARSER)
        for rel in rels:
            if (rel.get("Type") or "").endswith("/officeDocument"):
                return (rel.get("Target") or "").lstrip("/")
    except KeyError:
        pass
    return "word/document.xml"


def source_text(data: bytes) -> str:
    """The body, footnotes and endnotes of a Word file (see the module's docstring)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        main = _main_part(zf)
        folder = str(PurePosixPath(main).parent)
        names = set(zf.namelist())
        parts = [main]
        rels_name = f"{folder}/_rels/{PurePosixPath(main).name}.rels"
        if rels_name in names:
            for rel in etree.fromstring(zf.read(rels_name), _PARSER):
                notes = (rel.get("Type") or "").endswith(("/footnotes", "/endnotes"))
                if notes and rel.get("TargetMode") != "External":
                    target = str(PurePosixPath(folder, rel.get("Target") or "")).lstrip("/")
                    parts.append(re.sub(r"[^/]+/\.\./", "", target))
        texts = []
        for name in parts:
            if name in names:
                root = etree.fromstring(zf.read(name), _PARSER)
                if root is not None:
                    texts.append(_text(root))
        return "\n".join(texts)


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value is not None else []


@dataclass
class Result:
    file: str
    outcome: str  # imported | imported (revisions accepted) | refused | traceback
    message: str = ""
    builds: bool | None = None
    warnings: int = 0
    source: int = 0
    outline: int = 0
    in_warnings: int = 0
    lost: int = 0
    lost_words: list[str] = field(default_factory=list)
    seconds: float = 0.0


def measure(path: Path, work: Path) -> Result:
    from cddraft import pipeline
    from cddraft.errors import CddraftError

    result = Result(str(path), "imported")
    start = time.perf_counter()
    data = path.read_bytes()
    imported = None
    language = None
    try:
        try:
            imported = pipeline.import_word(path, outline_file="imported.yaml")
        except CddraftError as e:
            if "--language" in str(e):  # nothing tells the language: the officer gives one
                language, result.outcome = "en", "imported with --language en"
                result.message = " ".join(str(e).split(": ", 1)[-1].split())[:200]
            elif "tracked change" not in str(e):
                raise
            try:
                imported = pipeline.import_word(path, outline_file="imported.yaml", language=language)
            except CddraftError as again:
                if "tracked change" not in str(again):
                    raise
                imported = pipeline.import_word(path, outline_file="imported.yaml", language=language,
                                                revisions="accept")
                result.outcome = "imported (revisions accepted)" if language is None else \
                    "imported with --language en, revisions accepted"
    except CddraftError as e:
        result.outcome, result.message = "refused", " ".join(str(e).split())[:300]
    except Exception:  # what the bench is here to find
        result.outcome, result.message = "traceback", traceback.format_exc(limit=-3)
    result.seconds = time.perf_counter() - start
    try:
        source = words(source_text(data))
    except Exception:  # a file the plain reader cannot open (the import refused it too)
        source = collections.Counter()
    result.source = sum(source.values())
    if imported is None:
        return result
    outline = work / "imported.yaml"
    outline.write_text(imported.outline_text, encoding="utf-8")
    have = words(" ".join(_strings(yaml.safe_load(imported.outline_text))))
    result.builds = not imported.problems
    if result.builds:
        try:
            built = pipeline.build(outline, findings=False)
            have |= words(source_text(built.docx))
        except CddraftError:
            result.builds = False
    warned = words(" ".join(w.message for w in imported.warnings))
    result.warnings = len(imported.warnings)
    for word, count in source.items():
        in_outline = min(count, have[word])
        in_warning = min(count - in_outline, warned[word])
        result.outline += in_outline
        result.in_warnings += in_warning
        missing = count - in_outline - in_warning
        if missing:
            result.lost += missing
            result.lost_words.append(word if missing == 1 else f"{word}×{missing}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="write every file's figures here")
    parser.add_argument("--lost", action="store_true", help="list the words each file loses silently")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.corpus.expanduser().rglob("*.docx") if p.is_file())
    if not files:
        print(f"no Word files under {args.corpus}: run scripts/gather_word_corpus.py first", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            with contextlib.redirect_stderr(io.StringIO()):
                r = measure(path, Path(tmp))
            r.file = str(path.relative_to(args.corpus.expanduser()))
            results.append(r)
            flag = {"traceback": "TRACEBACK", "refused": "refused"}.get(r.outcome, "")
            if r.builds is False:
                flag = "DOES NOT BUILD"
            print(f"| {r.file} | {r.source} | {r.outline} | {r.in_warnings} | {r.lost} | {r.warnings} | "
                  f"{flag or r.outcome} {r.message[:120] if r.outcome != 'traceback' else ''}|")
            if args.lost and r.lost_words:
                print(f"    lost: {' '.join(r.lost_words[:60])}")
            if r.outcome == "traceback":
                print(r.message)
    total = {k: sum(getattr(r, k) for r in results) for k in ("source", "outline", "in_warnings", "lost", "warnings")}
    count = collections.Counter(r.outcome for r in results)
    unbuilt = sum(r.builds is False for r in results)
    print()
    asked = sum(n for k, n in count.items() if "--language" in k)
    print(f"files: {len(results)}; imported: {count['imported']}; imported with --revisions accept: "
          f"{count['imported (revisions accepted)']}; imported with --language (nothing tells it): {asked}; "
          f"refused: {count['refused']}; tracebacks: {count['traceback']}; outlines that do not build: {unbuilt}")
    print(f"words in the sources: {total['source']:,}; in the outlines: {total['outline']:,}; in warnings only: "
          f"{total['in_warnings']:,}; lost silently: {total['lost']:,} (in {sum(r.lost > 0 for r in results)} "
          f"file(s)); warnings: {total['warnings']:,}")
    for r in results:
        if r.outcome == "refused" or "--language" in r.outcome:
            print(f"{r.outcome}: {r.file}: {r.message}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if count["traceback"] or unbuilt or total["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
