"""Gather a development corpus of Word files for ``cddraft import``: the test files of public Word readers.

The files go to a folder outside the repository (default ``~/.cache/cddraft-corpus``), one sub-folder a
project, with ``MANIFEST.json`` naming for each file its project, the commit and path it was taken from, its
licence and its SHA-256 (a file two projects share is kept once, the later copies recorded as duplicates).
``bench/import_corpus.py`` imports every file and reports what each keeps.

Sources, pinned to the commits measured in bench/README.md ("Importing other people's Word files"):

=============================  =========================================  ===============================
project                        files                                      licence
=============================  =========================================  ===============================
jgm/pandoc                     ``test/docx/**``, ``test/command/*.docx``  GPL-2.0-or-later — NOT to be
                                                                          committed to cddraft: used here,
                                                                          by hand, as test input only
python-openxml/python-docx     ``features/steps/test_files``,             MIT
                               ``tests/test_files``
ShayHill/docx2python           ``tests/resources``                        MIT
mwilliamson/python-mammoth     ``tests/test-data``                        BSD-2-Clause
mwilliamson/mammoth.js         ``test/test-data``                         BSD-2-Clause
=============================  =========================================  ===============================

Small MIT/BSD files may be committed as test data with their notices (tests/readers/word/thirdparty/README.md);
never a pandoc file. Usage::

    python scripts/gather_word_corpus.py                      # clones each project (git, network)
    python scripts/gather_word_corpus.py --mirror DIR         # or reads git directories already on disk:
                                                              # DIR/<owner>+<name>/repo or DIR/<owner>/<name>.git
    python scripts/gather_word_corpus.py --into /tmp/corpus --list

Standard library and the ``git`` command only.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INTO = Path.home() / ".cache" / "cddraft-corpus"


@dataclass(frozen=True)
class Source:
    name: str  # the sub-folder
    repo: str  # owner/name on GitHub
    commit: str  # the commit measured; HEAD is taken (and said) when a mirror lacks it
    licence: str
    globs: tuple[str, ...]
    committable: bool  # whether cddraft may commit its files as test data (with their notices)


SOURCES = (
    Source("pandoc", "jgm/pandoc", "0a9a2f261510322ee5a33a2a7facce54b8a718ec", "GPL-2.0-or-later",
           ("test/docx/*.docx", "test/docx/golden/*.docx", "test/command/*.docx"), committable=False),
    Source("python-docx", "python-openxml/python-docx", "e45454602b53e8e572b179ccf1c91093ec9f4ed7", "MIT",
           ("features/steps/test_files/*.docx", "tests/test_files/*.docx"), committable=True),
    Source("docx2python", "ShayHill/docx2python", "fd4f0653eb861ad4a7431e9a4f62f9a74ab9d9a1", "MIT",
           ("tests/resources/*",), committable=True),
    Source("python-mammoth", "mwilliamson/python-mammoth", "1cac2458ea3c0a68754f1cc86df3aee50b02782b",
           "BSD-2-Clause", ("tests/test-data/*.docx",), committable=True),
    Source("mammoth.js", "mwilliamson/mammoth.js", "e3b9cecdaa3df0d9007ed7b06add53c65516e429", "BSD-2-Clause",
           ("test/test-data/*.docx",), committable=True),
)

#: What a Word file starts with (a zip archive): files of the docx2python folder that are not Word files are left.
_ZIP = b"PK\x03\x04"


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True,
                          timeout=600).stdout


def _git_dir(source: Source, mirror: Path | None, scratch: Path) -> Path:
    """A git directory holding ``source``: in the mirror folder, or cloned (blobs on demand) into ``scratch``."""
    owner, name = source.repo.split("/")
    if mirror is not None:
        for candidate in (mirror / f"{owner}+{name}" / "repo", mirror / owner / f"{name}.git", mirror / name):
            if candidate.is_dir():
                return candidate
        raise SystemExit(f"{source.repo}: not found under {mirror} (looked for {owner}+{name}/repo, "
                         f"{owner}/{name}.git, {name})")
    target = scratch / f"{owner}+{name}.git"
    subprocess.run(["git", "clone", "--bare", "--filter=blob:none", f"https://github.com/{source.repo}.git",
                    str(target)], check=True, timeout=1800)
    return target


def _commit(git_dir: Path, wanted: str) -> str:
    try:
        _git(git_dir, "cat-file", "-e", f"{wanted}^{{commit}}")
        return wanted
    except subprocess.CalledProcessError:
        head = _git(git_dir, "rev-parse", "HEAD").decode().strip()
        print(f"  note: commit {wanted[:12]} not in {git_dir}; taking HEAD {head[:12]}", file=sys.stderr)
        return head


def _files(git_dir: Path, commit: str, globs: tuple[str, ...]) -> list[str]:
    """The paths at ``commit`` that a glob names (its ``*`` within one folder: ``test/docx/*.docx`` does not take
    ``test/docx/golden/…``)."""
    listed = _git(git_dir, "ls-tree", "-r", "-z", "--name-only", commit).decode("utf-8").split("\0")

    def named(path: str, glob: str) -> bool:
        folder, _, name = path.rpartition("/")
        where, _, pattern = glob.rpartition("/")
        return folder == where and fnmatch.fnmatchcase(name, pattern)

    return sorted(p for p in listed if p and any(named(p, g) for g in globs))


def _local_name(path: str) -> str:
    return path.replace("/", "__").replace(" ", "_")


def gather(into: Path, mirror: Path | None, *, listing: bool = False) -> list[dict]:
    into.mkdir(parents=True, exist_ok=True)
    manifest: list[dict] = []
    seen: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for source in SOURCES:
            git_dir = _git_dir(source, mirror, Path(scratch))
            commit = _commit(git_dir, source.commit)
            paths = _files(git_dir, commit, source.globs)
            kept = 0
            for path in paths:
                try:
                    data = _git(git_dir, "show", f"{commit}:{path}")
                except subprocess.CalledProcessError:  # a blob the snapshot lacks (large files, LFS)
                    print(f"  {source.repo}:{path}: not available, left out", file=sys.stderr)
                    continue
                if not data.startswith(_ZIP):
                    continue
                digest = hashlib.sha256(data).hexdigest()
                local = f"{source.name}/{_local_name(path)}"
                if not local.endswith(".docx"):
                    local += ".docx"
                entry = {"file": local, "project": source.repo, "commit": commit, "path": path,
                         "licence": source.licence, "committable": source.committable, "sha256": digest,
                         "bytes": len(data)}
                if digest in seen:
                    entry["duplicate_of"] = seen[digest]
                    manifest.append(entry)
                    continue
                seen[digest] = local
                (into / source.name).mkdir(exist_ok=True)
                (into / local).write_bytes(data)
                manifest.append(entry)
                kept += 1
                if listing:
                    print(f"  {local}")
            print(f"{source.repo} @ {commit[:12]} ({source.licence}): {kept} file(s)", file=sys.stderr)
    (into / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    files = sum("duplicate_of" not in e for e in manifest)
    print(f"{files} Word file(s) in {into} (MANIFEST.json lists them with their sources and licences)",
          file=sys.stderr)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=DEFAULT_INTO, help=f"the corpus folder (default {DEFAULT_INTO})")
    parser.add_argument("--mirror", type=Path, help="a folder of git directories to read instead of cloning")
    parser.add_argument("--list", action="store_true", help="print each file gathered")
    args = parser.parse_args(argv)
    gather(args.into.expanduser(), args.mirror, listing=args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
