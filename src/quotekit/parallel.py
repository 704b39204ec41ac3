"""Worker processes for ``extract_many(n_process > 1)``.

spaCy's ``nlp.pipe(n_process=N)`` sends every finished ``Doc`` back to the parent as
bytes (140-500 KB an article), rebuilds it there, and deals batches to the workers in
a fixed rotation, so a worker that finishes a short batch waits for the other. Here
each worker builds the ``Article`` itself and sends back only that (about 10 KB
pickled), and takes the next batch as soon as it is free. On two cores this takes
``n_process=2`` from about x1.6 to about x1.9 of one process (docs/benchmarks.md).

Workers are forked on Linux, so they share the parent's loaded pipeline; elsewhere
(spawn) the pipeline is pickled to each worker once, at start. A worker ends when
its parent dies (killed with SIGKILL, say): on Linux the kernel tells it
(``PR_SET_PDEATHSIG``), elsewhere a watchdog thread notices within a second.
"""

from __future__ import annotations

import collections
import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from .errors import Errors, WorkerError
from .model import Article
from .processing import Batch, Failure, Part, Results, portable, process_batch

#: Batches queued or running per worker: enough that a worker never waits for the
#: parent, few enough that results held back for ordering stay small.
BATCHES_PER_WORKER = 4

#: How often a worker checks that its parent is alive (seconds), where the kernel
#: does not tell it (see ``end_with_parent``).
WATCH_INTERVAL = 1.0
#: The exit status of a worker that ends because its parent died.
EXIT_PARENT_GONE = 143
_PR_SET_PDEATHSIG = 1

_WORKER_NLP: Language | None = None


def pipe_batches(
    nlp: Language, batches: Iterator[Batch], n_process: int
) -> Generator[tuple[Article | Failure, Part], None, None]:
    """``(Article or Failure, Part)`` for every part of every batch, in input order.

    Each batch goes to one of ``n_process`` worker processes, which runs
    ``processing.process_batch`` on it: a text that raises gets a ``Failure`` and the
    other texts of its batch still come out. When the consumer stops early
    (``break``, an exception, garbage collection) the workers are terminated at
    once; a worker whose parent dies ends too (see ``_init_worker``).
    RAISES (WorkerError): when a worker process dies (killed, out of memory).
    """
    first = next(batches, None)
    if first is None:
        return
    executor = ProcessPoolExecutor(
        n_process,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(nlp, os.getpid()),
    )
    pending: collections.deque = collections.deque()
    done = 0  # texts whose results were yielded, for the error message
    finished = False
    try:
        for batch in itertools.chain(
            [first], itertools.islice(batches, BATCHES_PER_WORKER * n_process - 1)
        ):
            pending.append(executor.submit(_work, batch))
        while pending:
            try:
                results = pending.popleft().result()
            except BrokenProcessPool as exc:
                raise WorkerError(Errors.E019.format(n_process=n_process, done=done)) from exc
            for result in results:
                yield result
                done += 1
            # Read on only now: a blocking input (a pipe) does not hold back the
            # results already here; the other queued batches keep the workers busy.
            more = next(batches, None)
            if more is not None:
                pending.append(executor.submit(_work, more))
        finished = True
    finally:
        if not finished:
            _terminate(executor)
        executor.shutdown(wait=True, cancel_futures=True)


def _context() -> Any:
    """Fork on Linux (workers share the loaded pipeline); the platform's default elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _init_worker(nlp: Language, parent: int) -> None:
    global _WORKER_NLP
    _WORKER_NLP = nlp
    # Ctrl-C goes to the whole process group: the parent handles it and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(parent)


def end_with_parent(parent: int, interval: float = WATCH_INTERVAL) -> None:
    """Make this process end when the process ``parent`` dies.

    On Linux the kernel sends SIGTERM when the parent dies (``prctl(PR_SET_PDEATHSIG)``);
    everywhere, a daemon thread checks every ``interval`` seconds that the parent is
    still the same process and exits when it is not (the fallback for other systems,
    and for a parent that died before the ``prctl`` call).
    """
    _set_pdeathsig(signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(EXIT_PARENT_GONE)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(EXIT_PARENT_GONE)

    threading.Thread(target=watch, name="quotekit-parent-watch", daemon=True).start()


def _set_pdeathsig(sig: int) -> bool:
    """``prctl(PR_SET_PDEATHSIG, sig)`` on Linux; RETURNS whether it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):  # no libc, or no prctl in it
        return False


def _work(batch: Batch) -> Results:
    assert _WORKER_NLP is not None
    return portable(process_batch(_WORKER_NLP, batch))


def _terminate(executor: ProcessPoolExecutor) -> None:
    """End the workers now rather than after the batches they hold."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        proc.terminate()
