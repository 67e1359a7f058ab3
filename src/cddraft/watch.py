"""Rebuild when an outline changes, by polling modification times.

Polling needs no new dependency and works on every file system, network shares included, where
change notifications are unreliable; two stat calls per outline every half second cost nothing.
The loop takes its clock and its stop condition as arguments so a test can drive it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

INTERVAL = 0.5

#: What identifies a version of a file: modification time, size and inode (an editor that saves by
#: writing a new file and renaming it changes the inode even within one clock tick).
Stamp = tuple[int, int, int] | None


def stamp(path: Path) -> Stamp:
    """The file's current version, or None while it does not exist (e.g. in the middle of a save)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def watch(sources: Callable[[], list[Path]], on_change: Callable[[list[Path]], None], *,
          interval: float = INTERVAL, cycles: int | None = None,
          sleep: Callable[[float], None] = time.sleep) -> None:
    """Call ``on_change`` with the files that changed or appeared since the previous poll.

    ``sources`` is asked again at every poll, so an outline added to a watched folder is picked
    up. Polls ``cycles`` times (for ever when None); Ctrl-C ends it with KeyboardInterrupt.
    """
    seen = {p: stamp(p) for p in sources()}
    polls = 0
    while cycles is None or polls < cycles:
        sleep(interval)
        polls += 1
        now = {p: stamp(p) for p in sources()}
        changed = [p for p, s in now.items() if s is not None and s != seen.get(p)]
        seen = now  # taken before the rebuild: a save during the rebuild is seen at the next poll
        if changed:
            on_change(changed)
