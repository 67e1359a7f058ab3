"""Read a file up to a size limit without reserving the limit in memory.

``fh.read(limit + 1)`` allocates ``limit + 1`` bytes up front (200 MiB for a template), whatever
the file's size; reading in chunks costs only what the file holds, and still stops at the limit for
devices and pipes, which have no size to look at.
"""

from __future__ import annotations

from pathlib import Path

_CHUNK = 1 << 20


def read_capped(path: str | Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path`` (one more than allowed tells the caller it is too big)."""
    parts: list[bytes] = []
    total = 0
    with Path(path).open("rb") as fh:
        while total <= limit:
            chunk = fh.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    return b"".join(parts)
