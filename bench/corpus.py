"""Benchmark inputs: generated report outlines and the same content as Markdown and plain strings.

One deterministic description of a report (:func:`report_blocks`) is written three ways, so that
cddraft, pandoc and a bare docxtpl loop are given the same words:

* :func:`outline_yaml` — a cddraft outline (``kind: report``) with numbered paragraphs and headings;
* :func:`markdown` — pandoc Markdown (``#``/``##`` headings, inline ``^[notes]``, ``(a)`` lists);
* :func:`plain_paragraphs` — one string per output paragraph, for ``{%p for p in paras %}``.

:func:`outline_to_markdown` turns an existing outline (the bundled examples) into Markdown the same
way, for the "seed example against pandoc" comparison.

Shape of a generated report of *n* paragraphs: a level-1 section every 50 paragraphs, a level-2
section every 10 (so a heading every ~10 paragraphs, two levels), a footnote every 20th paragraph,
subparagraphs (a), (b) — the second with a nested (i) — on every 25th, an ``id`` on every 30th and a
``{ref:…}`` to the latest id 15 paragraphs later. Paragraphs are two sentences (~22 words) so
that 8,000 of them stay under the outline size limit (2 MiB). *n* counts body paragraphs only;
headings and subparagraphs (about +30 %) come on top.
"""

from __future__ import annotations

import gc
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

_VOCABULARY = (
    "the conference on disarmament delegations working group nuclear weapons negotiations treaty "
    "verification fissile material security assurances outer space arms race prevention programme "
    "of work mandate consensus proposal states parties informal meetings coordinator session report "
    "recommendations general exchange views legally binding instrument international cooperation "
    "confidence building measures transparency agenda item subsidiary body expressed support stressed "
    "importance recalled resolution declaration framework elements scope definitions compliance"
)
WORDS = _VOCABULARY.split()

SECTION_EVERY = 50
SUBSECTION_EVERY = 10
FOOTNOTE_EVERY = 20
ITEMS_EVERY = 25
ID_EVERY = 30


@dataclass
class Para:
    """One body paragraph of the generated report (text in cddraft markup)."""

    text: str
    id: str | None = None
    items: list[Any] = field(default_factory=list)  # str, or (str, [nested str])


@dataclass
class Heading:
    text: str
    level: int  # 1 or 2
    content: list[Any] = field(default_factory=list)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def report_blocks(n: int, seed: int = 7) -> list[Heading]:
    """The generated report as nested :class:`Heading` (level 1) → :class:`Heading` (2) → :class:`Para`."""
    rng = random.Random(seed)
    sections: list[Heading] = []
    last_id: str | None = None
    for i in range(1, n + 1):
        if (i - 1) % SECTION_EVERY == 0:
            sections.append(Heading(_sentence(rng, 5).rstrip("."), 1))
        if (i - 1) % SUBSECTION_EVERY == 0:
            sections[-1].content.append(Heading(_sentence(rng, 4).rstrip("."), 2))
        words = [_sentence(rng, rng.randint(8, 14)) for _ in range(2)]
        if i % 7 == 0:
            words[1] = f"*{words[1][:-1]}*."
        text = " ".join(words)
        if i % FOOTNOTE_EVERY == 0:
            text += f"^[{_sentence(rng, 14)}]"
        para = Para(text)
        if i % ID_EVERY == 0:
            para.id = last_id = f"p{i}"
        if i % ID_EVERY == ID_EVERY // 2 and last_id:
            para.text += f" See paragraph {{ref:{last_id}}} above."
        if i % ITEMS_EVERY == 0:
            para.text = para.text.rstrip(".") + ":"
            para.items = [_sentence(rng, 10), (_sentence(rng, 9), [_sentence(rng, 8)])]
        sections[-1].content[-1].content.append(para)
    return sections


# -- cddraft outline -----------------------------------------------------------------------------

def _para_node(p: Para) -> Any:
    if p.id is None and not p.items:
        return p.text
    node: dict[str, Any] = {"text": p.text}
    if p.id:
        node["id"] = p.id
    if p.items:
        node["items"] = [it if isinstance(it, str) else {"text": it[0], "items": it[1]} for it in p.items]
    return node


def _block_node(b: Heading | Para) -> Any:
    if isinstance(b, Para):
        return _para_node(b)
    return {"heading": b.text, "content": [_block_node(c) for c in b.content]}


def outline_yaml(n: int) -> str:
    """A cddraft report outline with *n* body paragraphs."""
    data = {
        "kind": "report",
        "symbol": "CD/2199",
        "language": "en",
        "date": "2017-09-20",
        "job_number": "GE.17-16400",
        "report": {
            "title": f"Generated report of {n} paragraphs for the cddraft benchmark",
            "numbered_paragraphs": True,
            "numbered_headings": True,
            "content": [_block_node(s) for s in report_blocks(n)],
        },
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


# -- Markdown (pandoc) -----------------------------------------------------------------------------

_SUP = re.compile(r"\^\{([^}]*)\}")
_REF = re.compile(r"\{ref:([A-Za-z][\w.-]*)\}")


def _md_inline(text: str, refs: dict[str, str]) -> str:
    """cddraft markup → pandoc Markdown: ``*`` ``**`` ``^[…]`` are the same; ``^{x}`` is ``^x^``."""
    text = " ".join(text.split())
    text = _SUP.sub(lambda m: "^" + m.group(1).replace(" ", "\\ ") + "^", text)
    text = _REF.sub(lambda m: refs.get(m.group(1), m.group(1)), text)
    return text.replace("~", "\u00a0")


def _md_items(items: list[Any], refs: dict[str, str], depth: int = 0) -> list[str]:
    out = []
    for k, it in enumerate(items):
        text, nested = (it, []) if isinstance(it, str) else it
        label = chr(ord("a") + k) if depth == 0 else ["i", "ii", "iii", "iv"][k]
        out.append("    " * depth + f"({label})" + " " + _md_inline(text, refs))
        if nested:
            out.append("")
            out.extend(_md_items(nested, refs, depth + 1))
    return out


def markdown(n: int) -> str:
    """The generated report as pandoc Markdown (the same words, notes and references resolved)."""
    sections = report_blocks(n)
    refs: dict[str, str] = {}
    number = 0
    for s in sections:
        for sub in s.content:
            for p in sub.content:
                number += 1
                if p.id:
                    refs[p.id] = str(number)
    lines = [f"# Generated report of {n} paragraphs for the cddraft benchmark", ""]
    for s in sections:
        lines += [f"# {s.text}", ""]
        for sub in s.content:
            lines += [f"## {sub.text}", ""]
            for p in sub.content:
                lines += [_md_inline(p.text, refs), ""]
                if p.items:
                    lines += [*_md_items(p.items, refs), ""]
    return "\n".join(lines)


def plain_paragraphs(n: int) -> list[str]:
    """One string per output paragraph (headings, paragraphs, subparagraphs; notes appended in text)."""
    out = [f"Generated report of {n} paragraphs for the cddraft benchmark"]

    def items(its: list[Any]) -> None:
        for it in its:
            text, nested = (it, []) if isinstance(it, str) else it
            out.append(text)
            items(nested)

    for s in report_blocks(n):
        out.append(s.text)
        for sub in s.content:
            out.append(sub.text)
            for p in sub.content:
                out.append(p.text.replace("^[", " [").replace("*", ""))
                items(p.items)
    return out


# -- existing outlines → Markdown ----------------------------------------------------------------

def _md_blocks(blocks: list[Any], refs: dict[str, str], depth: int, lines: list[str]) -> None:
    for b in blocks:
        if isinstance(b, str):
            lines += [_md_inline(b, refs), ""]
        elif "heading" in b:
            lines += ["#" * min(depth, 6) + " " + _md_inline(b["heading"], refs), ""]
            _md_blocks(b.get("content", []), refs, depth + 1, lines)
        elif "bullets" in b:
            for it in b["bullets"]:
                text = it if isinstance(it, str) else it["text"]
                lines.append("- " + _md_inline(text, refs))
            lines.append("")
        elif "quote" in b:
            quotes = b["quote"] if isinstance(b["quote"], list) else [b["quote"]]
            lines += [*("> " + _md_inline(q, refs) for q in quotes), ""]
        else:
            lines += [_md_inline(b["text"], refs), ""]
            its = [it if isinstance(it, str) else (it["text"], it.get("items", [])) for it in b.get("items", [])]
            if its:
                lines += [*_md_items(its, refs), ""]


def outline_to_markdown(path: str) -> str:
    """An outline's text (letter, report, annexes) as Markdown, for pandoc on the same content."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    refs: dict[str, str] = {}
    lines: list[str] = [f"**{data.get('symbol', '')}**", ""]
    letter = data.get("letter")
    if letter:
        title = letter.get("title") or f"Letter from {letter.get('sender', '')}"
        lines += ["# " + _md_inline(title, refs), ""]
        for p in letter.get("paragraphs", []):
            lines += [_md_inline(p, refs), ""]
        for s in letter.get("signatories", []):
            lines += [f"({s['name']})", "", *(t + "\n" for t in s.get("titles", []))]
    report = data.get("report")
    if report:
        lines += ["# " + _md_inline(report.get("title", ""), refs), ""]
        _md_blocks(report.get("content", []), refs, 2, lines)
    for annex in data.get("annexes", []) or []:
        lines += ["# Annex", ""]
        if annex.get("title"):
            lines += ["# " + _md_inline(annex["title"], refs), ""]
        _md_blocks(annex.get("content", []), refs, 2, lines)
    return "\n".join(lines)


def timed(fn: Callable[[], object]) -> float:
    """Seconds ``fn`` takes, wall clock (the in-process benches compare medians of these). The heap is collected
    first, as a command's fresh process starts with none: otherwise one run pays for collecting the garbage the run
    before it left (a build after a diff, a diff after a build), which moved the ratios by a tenth or more."""
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
