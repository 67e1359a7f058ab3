"""Diagnostics and the exceptions that carry them.

Every stage reports problems as :class:`Diagnostic` values (a message plus a model path or a
source position); the CLI prints them all at once as ``FILE:LINE:COL: message`` and maps the
exception class to an exit status. Nothing is written when an error is raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Exit statuses used by the command line (see README).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class SourcePos:
    """A 1-based line and column in an outline file."""

    line: int
    column: int


@dataclass
class Diagnostic:
    """One problem: what is wrong and what to do, with where it is."""

    message: str
    path: Path_ = ()
    pos: SourcePos | None = None
    severity: str = "error"
    code: str = ""
    file: str = ""
    offset: int | None = None  # a character inside the value at ``path`` (``text``, as written), when known
    text: str | None = None

    def format(self) -> str:
        where = self.file or "<input>"
        if self.pos is not None:
            where += f":{self.pos.line}:{self.pos.column}"
        if self.code:
            prefix = f"{self.code} {self.severity}: "
        else:
            prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"

    def sort_key(self) -> tuple:
        pos = self.pos or SourcePos(0, 0)
        return (self.file, pos.line, pos.column, self.message)


@dataclass
class CddraftError(Exception):
    """Input that cannot be turned into a document; carries every diagnostic found."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def closest(word: str, choices: list[str]) -> str | None:
    """The nearest known word, for "did you mean"; difflib is imported only when a message needs it."""
    import difflib

    found = difflib.get_close_matches(word, choices, n=1)
    return found[0] if found else None


def fail(message: str, *, file: str = "", pos: SourcePos | None = None, path: Path_ = ()) -> CddraftError:
    """Build an error with a single diagnostic (``raise fail(...)``)."""
    return CddraftError([Diagnostic(message, path=path, pos=pos, file=file)])
