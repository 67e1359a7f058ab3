"""A LibreOffice user profile made once and copied for every instance after it.

Why: every conversion runs LibreOffice with a private profile (so that it works while the user has LibreOffice
open, and two runs never share one), and a LibreOffice starting with an empty profile first builds it — the
registry, the extension databases, its graphics tests: about 0.3 s of a 1.3 s start on this machine. The first
run that keeps LibreOffice running (:mod:`.office`) closes one instance politely and keeps its profile in the
user's cache folder; later runs copy it (a few milliseconds) for each instance. The copy is still private and
temporary. The profile holds settings only, LibreOffice's defaults: the PDFs are the same with it or without.

A profile is kept per LibreOffice installation and version, and per locale (LibreOffice records the interface
language in it); one that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from cddraft.cache import cache_dir

#: What a profile holds that must not be copied: the lock of the LibreOffice that used it.
_SKIP = shutil.ignore_patterns(".lock", "*.log")
_LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def template_for(soffice: str) -> Path | None:
    """Where the profile for ``soffice`` is kept (None: no version to tell it by, or no cache folder)."""
    program = Path(shutil.which(soffice) or soffice).resolve().parent
    folder = cache_dir()
    try:
        version = (program / "versionrc").read_bytes()
    except OSError:
        return None
    if folder is None:
        return None
    locale = "|".join(os.environ.get(name, "") for name in _LOCALE)
    key = hashlib.sha256(b"\0".join([str(program).encode(), version, locale.encode()])).hexdigest()[:16]
    return folder / f"libreoffice-profile-{key}"


def seed(template: Path | None, profile: Path) -> bool:
    """Copy the kept profile to ``profile`` (a folder that does not exist yet); whether there was one to copy."""
    if template is None or not (template / "user" / "registrymodifications.xcu").is_file():
        return False
    try:
        shutil.copytree(template, profile, ignore=_SKIP)
        return True
    except OSError:  # unreadable, or half gone: LibreOffice makes a new profile
        shutil.rmtree(profile, ignore_errors=True)
        return False


def keep(profile: Path, template: Path) -> None:
    """Keep the profile of a LibreOffice that has ended normally as ``template``, unless one is kept already.

    Copied beside it and renamed into place: two runs doing it at once leave one whole profile, never a mix."""
    if template.exists() or not (profile / "user" / "registrymodifications.xcu").is_file():
        return
    staging = template.with_name(f"{template.name}.{os.getpid()}.tmp")
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(profile, staging, ignore=_SKIP)
        os.rename(staging, template)
    except OSError:  # kept by another run meanwhile, or nowhere to write: nothing lost
        pass
    finally:
        shutil.rmtree(staging, ignore_errors=True)
