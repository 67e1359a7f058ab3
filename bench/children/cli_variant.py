"""``cddraft`` as a whole process with its PDFs made one of three ways, for :mod:`waiting` (issue 30).

Usage: ``python bench/children/cli_variant.py WAY ARGS…`` — WAY is ``kept`` (as shipped: LibreOffice started with
the run and kept for it, one instance per idle core), ``one`` (the same with a single instance: what more cores
add) or ``cold`` (LibreOffice's own ``--convert-to``, started once every .docx is written: cddraft before issue 30).
ARGS are the command line's (``build … --pdf``). The process is otherwise ``cddraft`` itself.
"""

import sys


def main(way: str, args: list[str]) -> None:
    import cddraft.batch.office as office

    if way == "one":
        office.MAX_INSTANCES = 1
    elif way == "cold":
        office.usable = lambda soffice: False
    elif way != "kept":
        raise SystemExit(f"unknown way {way!r}: kept, one or cold")
    from cddraft.cli import main as cli

    sys.argv = ["cddraft", *args]
    cli()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
