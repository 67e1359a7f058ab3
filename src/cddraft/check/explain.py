"""A rule's explanation (its docstring, written in reStructuredText) rendered once per medium: plain text for
``cddraft check --explain``, HTML for the ``serve`` page and Markdown for ``docs/rules.md`` — not the raw markup in
any.

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
#: Markdown: a literal (the summaries quote with single backquotes), an RST *emphasis*, what else must be escaped.
_MD_CODE = re.compile(r"``(.+?)``|`([^`]+)`")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<])")
#: A line start Markdown would read as a list item, heading, quotation or heading underline.
_MD_LINE_START = re.compile(r"^(\d+)(?=[.)](?:\s|$))|^(?=[-+](?:\s|$)|[#>]|[-=]+\s*$)", re.M)
_MD_LABEL = re.compile(r"^(Why|How|Example|Manual):")
_MD_TARGET = {"outline": "an outline", "docx": "a built .docx", "versions": "the language versions of a document",
              "compare": "a revision against the outline it is compared with"}


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


def _md_prose(text: str) -> str:
    """Plain text escaped for Markdown, its RST ``*emphasis*`` kept."""
    parts = [_MD_SPECIAL.sub(r"\\\1", part) for part in _MD_EMPHASIS.split(text)]  # odd items: emphasised
    return "".join(part if i % 2 == 0 else f"*{part}*" for i, part in enumerate(parts))


def markdown_inline(text: str) -> str:
    """Text with literals (``double`` or `single` backquotes) as Markdown code, the rest escaped (a summary, a
    paragraph)."""
    out: list[str] = []
    end = 0
    for m in _MD_CODE.finditer(text):
        code = m.group(1) or m.group(2)
        out += [_md_prose(text[end:m.start()]), f"`` {code} ``" if "`" in code else f"`{code}`"]
        end = m.end()
    out.append(_md_prose(text[end:]))
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\" if m.group(1) else "\\", "".join(out))


def as_markdown(rule: Rule, languages: str = "") -> str:
    """For ``docs/rules.md``: a ``###`` heading, severity, target and languages on a line, the summary, then the
    docstring — literal text as code, examples as fenced YAML, "Why:", "Example:" … in bold."""
    languages = languages or ", ".join(rule.languages or ()) or "every language"
    target = _MD_TARGET.get(rule.target, rule.target)
    lines = [
        f"### {rule.code} {rule.name}", "",
        f"Severity: **{rule.severity}** · Checks: {target} · Languages: {languages}", "",
        markdown_inline(rule.summary), "",
    ]
    for kind, text in _blocks(rule.doc):
        if kind == "pre":
            fence = "````" if "```" in text else "```"
            lines.extend([f"{fence}yaml", text.rstrip(), fence, ""])
        else:
            lines.extend([_MD_LABEL.sub(r"**\1:**", markdown_inline(text)), ""])
    return "\n".join(lines).rstrip() + "\n"
