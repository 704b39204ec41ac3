"""``extract_many(n_process > 1)``: quotekit's own worker pool.

Same results as one process, in input order; errors inside a worker reach the
caller; a dead worker is a ``WorkerError``, not a hang; no worker outlives the call.
"""

from __future__ import annotations

import multiprocessing

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
