"""The commands, one module per command: each does its command's work from plain arguments and returns the
exit status (or raises :class:`~cddraft.errors.CddraftError` for input it cannot use).

:mod:`cddraft.cli` declares the options and calls them. Commands sit on top of the engines (the pipeline,
the rules in :mod:`cddraft.check`, :mod:`cddraft.batch`, :mod:`cddraft.export`); no engine imports a command.
"""
