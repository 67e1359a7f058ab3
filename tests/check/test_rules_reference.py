"""docs/rules.md, the rules reference, is generated from the rules' docstrings and kept in step with them."""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

import pytest

from cddraft.check import rules
from cddraft.check.explain import _blocks, as_markdown
from cddraft.check.registry import RULES, Rule
from tests.conftest import REPO

REFERENCE = REPO / "docs" / "rules.md"
FIX = "run: python scripts/make_rules_reference.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_rules_reference", REPO / "scripts" / "make_rules_reference.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def page() -> str:
    rules.load()
    return REFERENCE.read_text(encoding="utf-8")


def test_committed_reference_is_what_the_script_generates(page):
    assert page == _generator().render(), FIX


def test_the_check_flag_tells_a_stale_reference(tmp_path, capsys):
    gen = _generator()
    fresh = tmp_path / "rules.md"
    assert gen.main([str(fresh)]) == 0
    assert gen.main([str(fresh), "--check"]) == 0
    fresh.write_text(fresh.read_text(encoding="utf-8").replace("CD316", "CD999"), encoding="utf-8")
    assert gen.main([str(fresh), "--check"]) == 1
    assert f"{fresh} is out of date" in capsys.readouterr().err


def test_every_rule_has_its_section_in_code_order(page):
    headings = re.findall(r"^### (CD\d{3}) (\S+)$", page, re.M)
    assert headings == [(code, RULES[code].name) for code in sorted(RULES)]
    for code, rule in RULES.items():
        section = page.split(f"### {code} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"Severity: **{rule.severity}**" in section
        assert re.sub(r"[\\`]", "", rule.summary) in re.sub(r"[\\`]", "", section), code
        assert f"[{code}](#{code.lower()}-{rule.name})" in page, f"{code} missing from the contents"


def test_the_contents_group_the_rules_by_family(page):
    contents = page.split("## Contents\n", 1)[1].split("\n## Rules\n", 1)[0]
    families = re.split(r"^### ", contents, flags=re.M)[1:]
    assert [f.split(" ", 1)[0] for f in families] == ["CD1xx", "CD2xx", "CD3xx", "CD4xx", "CD5xx", "CD6xx"]
    for family in families:
        digit = family[2]
        assert all(code[2] == digit for code in re.findall(r"^\| \[(CD\d{3})\]", family, re.M))


# --- read back with an independent Markdown parser (markdown-it-py, a dependency of rich) ---------------------------


def _sections(text: str) -> dict[str, list[tuple[str, str, int]]]:
    """The page's rule sections as CommonMark reads them: code → blocks, each ("p", plain text, emphasis count),
    ("fence", info string, content) or ("h", level, text); plain text has code spans' content and no markup."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    sections: dict[str, list] = {}
    current: list | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            title = tokens[i + 1].content
            m = re.match(r"(CD\d{3}) ", title)
            current = sections.setdefault(m.group(1), []) if tok.tag == "h3" and m else None
        elif current is None:
            continue
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            children = tok.children or []
            plain = "".join(" " if c.type == "softbreak" else c.content for c in children
                            if c.type in ("text", "code_inline", "softbreak"))
            current.append(("p", plain, sum(c.type == "em_open" for c in children)))
        elif tok.type == "fence":
            current.append(("fence", tok.info, tok.content))
        elif tok.block and tok.type not in ("paragraph_open", "paragraph_close", "inline", "heading_close"):
            current.append((tok.type, "", 0))
    return sections


def _expected(rule: Rule) -> list[tuple[str, str, int]]:
    """The docstring's paragraphs as text (literal markup gone) and examples, as the page should render them."""
    out = []
    for kind, text in _blocks(rule.doc):
        if kind == "pre":
            out.append(("fence", "yaml", text.rstrip() + "\n"))
        else:
            plain = " ".join(re.sub(r"``(.+?)``", r"\1", text).split())
            emphasised = len(re.findall(r"(?<![\w*])\*\S(?:.*?\S)?\*(?![\w*])", re.sub(r"``.+?``", "", text)))
            out.append(("p", plain.replace("*", "") if emphasised else plain, emphasised))
    return out


def test_markdown_parser_reads_each_rule_as_its_docstring(page):
    sections = _sections(page)
    assert sorted(sections) == sorted(RULES)
    for code, rule in RULES.items():
        blocks = sections[code]
        meta, summary, *body = blocks
        assert meta[0] == "p" and meta[1].startswith(f"Severity: {rule.severity} · Checks: "), code
        assert summary == ("p", rule.summary.replace("`", ""), 0), code
        # a "*" eaten by emphasis, a line read as a list item or a heading, a bracket lost: all show here
        assert body == [(k, t.replace("*", "") if n else t, n) for k, t, n in _expected(rule)], code


def test_markdown_escapes_what_commonmark_would_misread():
    def check():
        """Flags ``a*b`` and a lone * or [x] <y> _z_
        1. not a list
        - not a bullet
        # not a heading

        Why: *Emphasis* stays.

        Example::

            x: 1    # CD999
        """
        yield from ()

    rule = Rule("CD999", "made-up", "warning", "A `literal` summary (*)", check, languages=("fr",))
    text = as_markdown(rule, "French")
    assert text.startswith("### CD999 made-up\n\nSeverity: **warning** · Checks: an outline · Languages: French\n")
    assert "```yaml\nx: 1    # CD999\n```" in text
    (blocks,) = _sections(text).values()
    assert blocks[1:] == [
        ("p", "A literal summary (*)", 0),
        ("p", "Flags a*b and a lone * or [x] <y> _z_ 1. not a list - not a bullet # not a heading", 0),
        ("p", "Why: Emphasis stays.", 1),
        ("p", "Example:", 0),
        ("fence", "yaml", "x: 1    # CD999\n"),
    ]
