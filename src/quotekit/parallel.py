"""Worker processes for ``extract_many(n_process > 1)``.

spaCy's ``nlp.pipe(n_process=N)`` sends every finished ``Doc`` back to the parent as
bytes (140-500 KB an article), rebuilds it there, and deals batches to the workers in
a fixed rotation, so a worker that finishes a short batch waits for the other. Here
each worker builds the ``Article`` itself and sends back only that (about 10 KB
pickled), and takes the next batch as soon as it is free. On two cores this takes
``n_process=2`` from about x1.6 to about x1.9 of one process (docs/benchmarks.md).

Workers are forked on Linux, so they share the parent's loaded pipeline; elsewhere
(spawn) the pipeline is pickled to each worker once, at start.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import signal
import sys
from collections.abc import Generator, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from .errors import Errors, WorkerError
from .model import Article

#: Batches queued or running per worker: enough that a worker never waits for the
#: parent, few enough that results held back for ordering stay small.
BATCHES_PER_WORKER = 4

_WORKER_NLP: Language | None = None


def pipe_articles(
    nlp: Language, parts: Iterator[tuple[str, tuple]], n_process: int, batch_size: int
) -> Generator[tuple[Article, tuple], None, None]:
    """``(Article, context)`` for every ``(text, context)`` in ``parts``, in input order.

    ``context[-1]`` is the id given to the Article. Texts go to ``n_process`` worker
    processes in batches of ``batch_size``. When the consumer stops early (``break``,
    an exception, garbage collection) the workers are terminated at once.
    RAISES (WorkerError): when a worker process dies (killed, out of memory).
    """
    batches = _batches(parts, batch_size)
    first = next(batches, None)
    if first is None:
        return
    executor = ProcessPoolExecutor(
        n_process, mp_context=_context(), initializer=_init_worker, initargs=(nlp,)
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
            more = next(batches, None)
            if more is not None:
                pending.append(executor.submit(_work, more))
            for result in results:
                yield result
                done += 1
        finished = True
    finally:
        if not finished:
            _terminate(executor)
        executor.shutdown(wait=True, cancel_futures=True)


def _batches(parts: Iterator[tuple[str, tuple]], size: int) -> Iterator[list]:
    while batch := list(itertools.islice(parts, size)):
        yield batch


def _context() -> Any:
    """Fork on Linux (workers share the loaded pipeline); the platform's default elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _init_worker(nlp: Language) -> None:
    global _WORKER_NLP
    _WORKER_NLP = nlp
    # Ctrl-C goes to the whole process group: the parent handles it and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(batch: list[tuple[str, tuple]]) -> list[tuple[Article, tuple]]:
    assert _WORKER_NLP is not None
    docs = _WORKER_NLP.pipe((text for text, _ in batch), batch_size=len(batch))
    return [(Article.from_doc(doc, id=ctx[-1]), ctx) for doc, (_, ctx) in zip(docs, batch)]


def _terminate(executor: ProcessPoolExecutor) -> None:
    """End the workers now rather than after the batches they hold."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        proc.terminate()
