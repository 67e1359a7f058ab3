"""LibreOffice kept running for a whole batch: one instance or several, each with its own profile, fed over UNO.

Why: a LibreOffice start costs about a second and a file a tenth of one. ``soffice --convert-to``
(:func:`cddraft.export.convert`) can start only once every .docx is written; these instances start with the run,
so they come up while the outlines are built, convert each .docx as soon as it is :meth:`Offices.submit`-ted, and
on a machine with several idle cores several convert at once, each taking the next file when it is done. Each
instance is ``soffice`` listening on a private pipe and :mod:`.office_worker` beside it under the system Python,
which has LibreOffice's UNO bridge (Debian: ``python3-uno``), as ``cddraft serve`` keeps its LibreOffice; the
worker has LibreOffice's main thread do each conversion, as ``--convert-to`` does. A profile made by the first
run is copied for each instance (:mod:`.lo_profile`).

Used only where it can work: LibreOffice's own launcher (a stand-in script named by ``CDDRAFT_SOFFICE`` is run
the ``--convert-to`` way) and a system Python with the bridge. Whatever the instances could not convert (none came
up, or one died) is converted the ``--convert-to`` way after them; the checks, the files written and the
messages are :mod:`cddraft.export`'s, so the PDFs and what the user reads are the same either way.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import select
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cddraft.batch import lo_profile
from cddraft.errors import CddraftError, Diagnostic
from cddraft.export import (
    DEFAULT_PROFILE,
    DEFAULT_TIMEOUT,
    PDF_PROFILES,
    Outcome,
    PdfJob,
    convert,
    deliver,
    find_soffice,
    font_environment,
    prepare,
    stop_group,
    timed_out,
)

#: The Python that has LibreOffice's UNO bridge (Debian's python3-uno installs it for this one only).
SYSTEM_PYTHON = "/usr/bin/python3"
WORKER = Path(__file__).with_name("office_worker.py")
#: Files one more instance must have to pay for its start (about 1 s of a core against ~0.1 s a file; measured on
#: 2 idle cores: 19 examples 2.0 s with two instances, 2.8 s with one; six files gained nothing from a second).
FILES_PER_INSTANCE = 8
#: Each instance holds some 150-250 MB: more than this many would cost memory for little time.
MAX_INSTANCES = 4


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _load() -> float:
    """How many cores other work keeps busy: the 1-minute load average, or fewer if fewer processes run right
    now (the average still counts a run that has just ended; this process is one of those running)."""
    try:
        average = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - Windows
        return 0.0
    try:
        running = int(Path("/proc/loadavg").read_text().split()[3].split("/")[0]) - 1
    except (OSError, IndexError, ValueError):  # not Linux
        return average
    return min(average, max(0, running))


def instances_for(files: int, cores: int | None = None, load: float | None = None) -> int:
    """How many LibreOffice instances ``files`` conversions should share: one per idle core, when each has
    enough files. A core busy with other work is not counted: a second instance's start would then take its
    time from the first (measured under a load of 2 on 2 cores: 19 files 20 % slower with two)."""
    idle = round((cores or _cores()) - (_load() if load is None else load))
    return max(1, min(idle, MAX_INSTANCES, files // FILES_PER_INSTANCE))


def usable(soffice: str | None) -> bool:
    """Whether ``soffice`` can be kept running over UNO: LibreOffice's own launcher (its ``soffice.bin`` beside it)
    and a system Python to run the worker. The worker itself says whether that Python has the bridge."""
    if soffice is None or os.name != "posix" or not Path(SYSTEM_PYTHON).exists():
        return False
    found = shutil.which(soffice) or soffice
    return Path(found).resolve().with_name("soffice.bin").exists()


class _Late(Exception):
    """An instance did not answer in time (not TimeoutError: that is an OSError, which means a broken pipe here)."""


@dataclass
class _Instance:
    """One ``soffice`` listening on its pipe and the worker that talks to it."""

    office: subprocess.Popen
    worker: subprocess.Popen
    profile: Path
    converted: int = 0  # files it converted (read after its thread has ended)

    def send(self, request: dict[str, object]) -> None:
        assert self.worker.stdin is not None
        self.worker.stdin.write((json.dumps(request) + "\n").encode())
        self.worker.stdin.flush()

    def answer(self, deadline: float) -> dict[str, object] | None:
        """The worker's next line, or None if it or its LibreOffice ended; raises :class:`_Late` at ``deadline``."""
        assert self.worker.stdout is not None
        pipe = self.worker.stdout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Late
            if self.office.poll() is not None:  # LibreOffice ended (it could not start, or it crashed)
                return None
            if select.select([pipe], [], [], min(left, 0.5))[0]:
                line = pipe.readline()
                if not line:
                    return None
                try:
                    answer = json.loads(line)
                except json.JSONDecodeError:  # not ours (a library's message): the worker speaks JSON only
                    continue
                return answer if isinstance(answer, dict) else None

    def end_politely(self, wait: float = 10.0) -> bool:
        """Its worker told to end, which asks LibreOffice to quit; whether LibreOffice ended within ``wait``."""
        with contextlib.suppress(OSError):
            if self.worker.stdin is not None:
                self.worker.stdin.close()
        try:
            self.office.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            return False
        return True

    def stop(self) -> None:
        """LibreOffice and everything it started stopped, and its worker: nothing of either is kept (the
        profile is temporary), so neither is asked to end politely, which would cost the user time."""
        stop_group(self.office)
        self.worker.kill()
        self.worker.wait()
        for pipe in (self.worker.stdin, self.worker.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()


class Offices:
    """LibreOffice instances started now, for the conversions of this run; ``close()`` stops them.

    Start it before the work that makes the .docx files, then :meth:`convert` them: the instances come up
    meanwhile. Without a usable LibreOffice (:func:`usable`) nothing is started and :meth:`convert` is
    :func:`cddraft.export.convert`.
    """

    def __init__(self, files: int, soffice: str | None = None, instances: int | None = None) -> None:
        self.soffice = soffice if soffice is not None else find_soffice()
        self._instances: list[_Instance] = []
        self._tmp: Path | None = None
        self._template: Path | None = None
        self._finished = False  # every conversion asked for was answered (a profile worth keeping)
        self._jobs: list[PdfJob] = []  # by ticket
        self._outcomes: list[Outcome] = []
        self._cold: list[int] = []  # tickets for the --convert-to way (no instance was started)
        self._claimed: dict[str, Path] = {}
        self._ready: queue.Queue[int | None] = queue.Queue()  # submitted, to be checked and staged
        self._todo: queue.Queue[int | None] = queue.Queue()  # staged, to be converted
        self._preparer: threading.Thread | None = None
        self._done: queue.Queue[tuple[str, int, str]] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._timeout: float = DEFAULT_TIMEOUT
        self._profile = DEFAULT_PROFILE
        if not usable(self.soffice):
            return
        assert self.soffice is not None
        self._tmp = Path(tempfile.mkdtemp(prefix="cddraft-lo-"))
        self._template = lo_profile.template_for(self.soffice)
        env = font_environment(self._tmp)
        try:
            for n in range(instances if instances is not None else instances_for(files) if files else 0):
                self._instances.append(self._start(n, env))
        except OSError:  # cannot start processes: the --convert-to way will say why
            self.close()

    @property
    def started(self) -> int:
        """How many instances were started."""
        return len(self._instances)

    def _start(self, n: int, env: dict[str, str]) -> _Instance:
        assert self._tmp is not None and self.soffice is not None
        pipe = f"cddraft{os.getpid()}x{n}x{secrets.token_hex(4)}"
        profile = self._tmp / f"profile{n}"
        lo_profile.seed(self._template, profile)
        office = subprocess.Popen([self.soffice, f"-env:UserInstallation={profile.as_uri()}",
                                   "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                                   f"--accept=pipe,name={pipe};urp;"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True, env=env)
        try:
            worker = subprocess.Popen([SYSTEM_PYTHON, str(WORKER), pipe], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            stop_group(office)
            raise
        return _Instance(office, worker, profile)

    def __enter__(self) -> Offices:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every instance and remove their profiles; after a run without trouble, and when no profile is
        kept yet, the first instance is closed politely and its profile kept (:mod:`.lo_profile`)."""
        self._ready.put(None)
        for _ in self._threads:
            self._todo.put(None)  # a feeder still waiting for work ends
        instances, self._instances = self._instances, []
        first = instances[0] if instances and self._finished and instances[0].converted else None
        template = self._template
        if first is not None and template is not None and not template.exists():
            for inst in instances[1:]:
                inst.stop()
            instances = [first]
            if first.end_politely():
                lo_profile.keep(first.profile, template)
        for inst in instances:
            inst.stop()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def submit(self, job: PdfJob, timeout: float = DEFAULT_TIMEOUT, profile: str = DEFAULT_PROFILE) -> int:
        """Give one job to the instances now: it is checked as :func:`cddraft.export.convert` checks it, in the
        order given, and converted while the caller goes on; :meth:`collect` gives its outcome under the number
        returned. The checks and LibreOffice's copy are made in a thread of their own, beside the caller's work."""
        ticket = len(self._jobs)
        self._jobs.append(job)
        self._outcomes.append(CddraftError([Diagnostic("not converted", file=str(job.source))]))
        self._timeout, self._profile = timeout, profile
        if not self._instances:
            self._cold.append(ticket)
            return ticket
        if self._preparer is None:
            self._preparer = threading.Thread(target=self._prepare, daemon=True)
            self._threads = [threading.Thread(target=self._feed, args=(inst,), daemon=True)
                             for inst in self._instances]
            for t in [self._preparer, *self._threads]:
                t.start()
        self._ready.put(ticket)
        return ticket

    def _prepare(self) -> None:
        """The jobs checked and staged in the order submitted (so the same PDF asked for twice is refused the
        second time, as in :func:`cddraft.export.convert`), then handed to the instances."""
        try:
            while (i := self._ready.get()) is not None:
                job = self._jobs[i]
                try:
                    outcomes, ready = prepare([job], self._claimed)
                except Exception as exc:  # a bug must not cost the other files their PDFs
                    outcomes, ready = [CddraftError([Diagnostic(f"internal error ({type(exc).__name__}: {exc})",
                                                                file=str(job.source))])], {}
                if not ready:
                    self._outcomes[i] = outcomes[0]
                    continue
                self._staged(i).parent.mkdir(parents=True)
                self._staged(i).write_bytes(ready[0])
                self._todo.put(i)
        finally:
            for _ in self._threads:
                self._todo.put(None)  # no more jobs: each feeder ends when it takes one of these

    def collect(self, progress: Callable[[int], None] | None = None,
                delivered: Callable[[Path], None] | None = None) -> list[Outcome]:
        """The outcome of every job submitted, by its number, once all are converted (once: no job can be
        submitted after); raises what :func:`cddraft.export.convert` raises (a file not finished in time).
        ``delivered`` is told of each PDF as soon as it is written, while the others are still converting."""
        self._ready.put(None)
        left, count, retry = len(self._threads), 0, list(self._cold)
        try:
            while left:
                with contextlib.suppress(queue.Empty):
                    what, i, message = self._done.get(timeout=0.5)  # short waits: Ctrl-C is seen
                    if what == "timeout":
                        raise timed_out(self._timeout)
                    if what == "end":
                        left -= 1
                    elif what == "lost":  # its LibreOffice died: converted again below, the cold way
                        retry.append(i)
                    else:
                        produced = self._staged(i).with_suffix(".pdf")
                        self._outcomes[i] = outcome = deliver(self._jobs[i], produced, message)
                        if delivered is not None and isinstance(outcome, Path):
                            delivered(outcome)
                        count += 1
                        if progress:
                            progress(count)
        except BaseException:
            self.close()
            raise
        if self._preparer is not None:
            self._preparer.join()
        retry += [i for i in self._todo.queue if i is not None]  # no instance came up, or they all died
        self._finished = not retry
        if retry:
            again = convert([self._jobs[i] for i in retry], self._timeout,
                            (lambda n: progress(count + n)) if progress else None, self._profile)
            for i, outcome in zip(retry, again, strict=True):
                self._outcomes[i] = outcome
        return list(self._outcomes)

    def convert(self, jobs: list[PdfJob], timeout: float = DEFAULT_TIMEOUT,
                progress: Callable[[int], None] | None = None, profile: str = DEFAULT_PROFILE,
                delivered: Callable[[Path], None] | None = None) -> list[Outcome]:
        """One outcome per job, as :func:`cddraft.export.convert` gives them (and raises what it raises). Jobs
        already :meth:`submit`-ted are not converted twice; the others go longest first, so that the last file
        converted is a short one. ``delivered``: as for :meth:`collect`."""
        pending: dict[PdfJob, list[int]] = {}
        for ticket, job in enumerate(self._jobs):
            pending.setdefault(job, []).append(ticket)
        tickets: dict[int, int] = {}
        for n in sorted(range(len(jobs)), key=lambda n: -_size(jobs[n].source)):
            waiting = pending.get(jobs[n])
            tickets[n] = waiting.pop(0) if waiting else self.submit(jobs[n], timeout, profile)
        if not self._instances:  # the --convert-to way, all at once: one LibreOffice start
            return convert(jobs, timeout, progress, profile)
        outcomes = self.collect(progress, delivered)
        return [outcomes[tickets[n]] for n in range(len(jobs))]

    def _staged(self, ticket: int) -> Path:
        assert self._tmp is not None
        return self._tmp / "jobs" / str(ticket) / f"{self._jobs[ticket].target.stem}.docx"

    def _feed(self, inst: _Instance) -> None:
        """One instance's loop: wait until it is up, then convert the next file until told there are no more."""
        version = PDF_PROFILES[self._profile]
        done = self._done
        try:
            answer = inst.answer(time.monotonic() + self._timeout)  # the start counts in the first file's time
            if answer is None or not answer.get("ready"):  # no UNO bridge, or LibreOffice did not start
                stop_group(inst.office)  # its files go the --convert-to way: this one would only take a core
                return
            while True:
                i = self._todo.get()
                if i is None:
                    return
                source = self._staged(i)
                try:
                    inst.send({"docx": str(source), "pdf": str(source.with_suffix(".pdf")), "version": version})
                    answer = inst.answer(time.monotonic() + self._timeout)
                except OSError:
                    answer = None
                if answer is None:
                    done.put(("lost", i, ""))
                    return
                if answer.get("ok"):
                    inst.converted += 1
                done.put(("converted", i, str(answer.get("error", ""))))
        except _Late:
            done.put(("timeout", -1, ""))
        finally:
            done.put(("end", -1, ""))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported when the job is checked
        return 0
