"""A rule's explanation (its docstring, written in reStructuredText) rendered once per medium: plain text for
``cddraft check --explain`` and HTML for the ``serve`` page — not the raw markup in either.

Only what the rules' docstrings use is understood: paragraphs, ``literal`` text, a paragraph ending in ``::``
followed by an indented literal block (the examples).
"""

from __future__ import annotations

import html
import re
import textwrap

from cddraft.check.registry import Rule

#: The conventions reference cited by its bare file name in the docstrings: its path in the repository.
_MANUAL = re.compile(r"(?<![\w/.-])un-conventions\.md")
_LITERAL = re.compile(r"``(.+?)``")


def _heading(rule: Rule, languages: str) -> str:
    target = " — checks a built .docx" if rule.target == "docx" else ""
    if languages:
        target += f" — checks {languages} versions"
    return f"{rule.code} {rule.name} ({rule.severity}){target}"


def _blocks(doc: str) -> list[tuple[str, str]]:
    """The docstring as ("p", text) paragraphs and ("pre", text) literal blocks."""
    out: list[tuple[str, str]] = []
    literal_next = False
    for chunk in re.split(r"\n\s*\n", _MANUAL.sub("docs/un-conventions.md", doc.strip())):
        if literal_next and chunk.startswith((" ", "\t")):
            out.append(("pre", textwrap.dedent(chunk)))
            continue
        literal_next = chunk.rstrip().endswith("::")
        text = chunk.rstrip()
        if literal_next:
            text = text[:-2].rstrip() + (":" if not text[:-2].rstrip().endswith(":") else "")
        if text:
            out.append(("p", "\n".join(line.strip() for line in text.splitlines())))
    return out


def as_text(rule: Rule, languages: str = "") -> str:
    """For a terminal: literal text between single backquotes, examples indented as written."""
    lines = [_heading(rule, languages), rule.summary, ""]
    for kind, text in _blocks(rule.doc):
        if kind == "pre":
            lines.extend([textwrap.indent(text.rstrip(), "    "), ""])
        else:
            lines.extend([_LITERAL.sub(r"`\1`", text), ""])
    return "\n".join(lines).rstrip() + "\n"


def as_html(rule: Rule, languages: str = "") -> str:
    """For the serve page: escaped, literal text as ``<code>``, examples as ``<pre>``."""
    parts = [f"<p><strong>{html.escape(_heading(rule, languages))}</strong><br>{html.escape(rule.summary)}</p>"]
    for kind, text in _blocks(rule.doc):
        if kind == "pre":
            parts.append(f"<pre>{html.escape(text.rstrip())}</pre>")
        else:
            escaped = html.escape(" ".join(text.split()))
            parts.append("<p>" + _LITERAL.sub(lambda m: f"<code>{m.group(1)}</code>", escaped) + "</p>")
    return "".join(parts)
