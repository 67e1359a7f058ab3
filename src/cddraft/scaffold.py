"""Commented starter outlines for ``cddraft new`` (kept as YAML files under ``scaffolds/``)."""

from __future__ import annotations

from importlib import resources


def scaffold(kind: str, language: str = "en") -> str:
    """The starter outline of ``kind`` with ``language`` filled in; it builds as it is."""
    text = resources.files("cddraft.scaffolds").joinpath(f"{kind}.yaml").read_text("utf-8")
    return text.replace("{language}", language)
