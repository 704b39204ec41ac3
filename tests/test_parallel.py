"""``extract_many(n_process > 1)``: quotekit's own worker pool.

Same results as one process, in input order; errors inside a worker reach the
caller; a dead worker is a ``WorkerError``, not a hang; no worker outlives the call.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from failing_pipeline import failing_nlp as make_failing_nlp

import quotekit
from quotekit import parallel

TEXTS = [
    '"We will build the bridge by May," the mayor, Ines Varga, said on Friday.',
    "The council met. Nobody spoke to reporters.",
    "Oskar Lind told the Valley Gazette: \u201cThe river is rising faster than last year.\u201d",
    "",
    "\u2018It is too early,\u2019 she said.\n\n\u2018Ask me in June.\u2019",
] * 7


@pytest.fixture(scope="module")
def failing_nlp():
    return make_failing_nlp()


def as_dicts(articles):
    return [a.to_dict() for a in articles]


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_same_records_in_input_order(nlp, batch_size):
    items = [(text, f"id{i}") for i, text in enumerate(TEXTS)]
    one = as_dicts(quotekit.extract_many(items, nlp=nlp))
    two = as_dicts(quotekit.extract_many(items, nlp=nlp, n_process=2, batch_size=batch_size))
    assert two == one
    assert [a["id"] for a in two] == [f"id{i}" for i in range(len(TEXTS))]
    assert not multiprocessing.active_children()


def test_more_workers_than_batches(nlp):
    assert as_dicts(quotekit.extract_many(TEXTS[:2], nlp=nlp, n_process=3)) == as_dicts(
        quotekit.extract_many(TEXTS[:2], nlp=nlp)
    )


def test_empty_input_starts_no_worker(nlp, monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # would fail if used
    assert list(quotekit.extract_many([], nlp=nlp, n_process=2)) == []


def test_error_in_a_worker_reaches_the_caller(failing_nlp):
    texts = TEXTS[:6] + ["Text RAISE-HERE."] + TEXTS[:6]
    for n_process in (1, 2):
        got = []
        with pytest.raises(ValueError, match="component failed on purpose"):
            for article in quotekit.extract_many(
                texts, nlp=failing_nlp, n_process=n_process, batch_size=2, on_error="raise"
            ):
                got.append(article)  # noqa: PERF402 (kept up to the error)
        # every article before the failing one came out
        assert len(got) == 6
    assert not multiprocessing.active_children()


def test_dead_worker_is_a_worker_error(failing_nlp):
    texts = TEXTS[:6] + ["Text DIE-HERE."] + TEXTS[:6]
    with pytest.raises(quotekit.WorkerError, match=r"\[E019\].*n_process=2"):
        list(quotekit.extract_many(texts, nlp=failing_nlp, n_process=2, batch_size=2))
    assert not multiprocessing.active_children()


def test_stopping_early_ends_the_workers(nlp):
    stream = quotekit.extract_many(TEXTS * 10, nlp=nlp, n_process=2, batch_size=2)
    assert next(stream).quotes
    assert multiprocessing.active_children()
    stream.close()
    assert not multiprocessing.active_children()


def test_spawned_workers_get_a_pickled_pipeline(nlp, monkeypatch):
    # The path for platforms without fork (macOS, Windows): the pipeline is pickled.
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    items = TEXTS[:5]
    assert as_dicts(quotekit.extract_many(items, nlp=nlp, n_process=2, batch_size=2)) == (
        as_dicts(quotekit.extract_many(items, nlp=nlp))
    )


@pytest.mark.parametrize(
    "text",
    [
        TEXTS[0],
        # a PERSON entity that names a firm, kept as a span between two steps
        "Shares in Contrack International fell. Contrack said it would appeal.",
        # a lone "person" demoted to a firm
        "Yukos said it would appeal. Yukos shares fell.",
    ],
)
def test_a_used_pipeline_still_pickles(nlp, text):
    # Regression: the entities component kept the last Doc's tokens and spans, so a
    # pipeline that had processed a text could not be pickled for spawned workers.
    import pickle

    before = quotekit.extract(text, nlp=nlp).to_dict()
    copy = pickle.loads(pickle.dumps(nlp))
    assert quotekit.extract(text, nlp=copy).to_dict() == before


# ------------------------------------------------------------------ parent death
PARENT = """
import multiprocessing, sys, time
import quotekit
from corpus_examples import article

nlp = quotekit.load()
texts = (article(i) for i in range(10**6))
stream = quotekit.extract_many(texts, nlp=nlp, n_process=2, batch_size=1)
next(stream)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
for _ in stream:
    pass
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped is not)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    # Regression: after the parent of --n-process 2 was killed, its workers ran on.
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    proc = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        line = proc.stdout.readline()
        workers = [int(pid) for pid in line.split()]
        assert len(workers) == 2, line
        assert all(_alive(pid) for pid in workers)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_the_watchdog_ends_a_process_whose_parent_changes():
    # The portable fallback (no prctl): a child that watches a "parent" it does not have.
    code = (
        "import os, time\n"
        "import quotekit.parallel as p\n"
        "p._set_pdeathsig = lambda sig: False\n"
        "p.end_with_parent(os.getppid(), interval=0.05)\n"
        "os.getppid = lambda: 1  # as after the parent died\n"
        "time.sleep(60)\n"
        "print('still running')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert "still running" not in done.stdout
    assert done.returncode == parallel.EXIT_PARENT_GONE
