"""``cddraft schema``: the outline's JSON Schema, for editors that complete and validate outlines."""

from __future__ import annotations

import json

import click

from cddraft.errors import EXIT_OK
from cddraft.model.document import Document


def schema_command() -> int:
    """Print the JSON Schema of an outline as the model validates it."""
    click.echo(json.dumps(Document.model_json_schema(mode="validation"), indent=2, ensure_ascii=False))
    return EXIT_OK
