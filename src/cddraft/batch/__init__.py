"""Many outlines in one run: expand the arguments, build on the machine's cores, write, convert.

:mod:`~cddraft.batch.inputs` turns the arguments (files, folders, glob patterns) into outlines and names the
outputs; :mod:`~cddraft.batch.runner` builds, writes and converts them; :mod:`~cddraft.batch.report` shows
the progress, the problems and the summary. The commands (``build``, ``pdf``, ``preview``, ``check``) put
them together; nothing here knows about the command line.
"""
