"""``cddraft serve FILE…``: the live preview (issue 18)."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from cddraft.errors import EXIT_OK, fail


def serve_command(files: list[Path], *, port: int = 0, host: str | None = None, open_browser: bool = False) -> int:
    """Serve until Ctrl-C; refuses a file that is not there, and says when it listens beyond this machine."""
    from cddraft.serve import is_loopback, serve

    for f in files:
        if not Path(f).is_file():
            raise fail("no such outline", file=str(f))
    bind = host or "127.0.0.1"
    if host is not None and not is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can read the documents "
                   "served; use the default (127.0.0.1) unless you mean it", err=True)

    def ready(url: str) -> None:
        click.echo(f"serving {url} (Ctrl-C to stop)", err=True)
        click.echo(url)
        if open_browser:
            webbrowser.open(url)

    closed = serve([Path(f) for f in files], host=bind, port=port, ready=ready)
    click.echo("stopped; LibreOffice closed" if closed else "stopped; LibreOffice could not be closed: end it "
               "yourself (its processes are named soffice.bin)", err=True)
    return EXIT_OK
