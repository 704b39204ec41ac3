"""``quotekit.processing``: batches bounded in parts and characters; a failing text
gets a Failure and the other texts of its batch still come out."""

from __future__ import annotations

import pickle

import pytest
from failing_pipeline import RAISE, failing_nlp

from quotekit.model import Article
from quotekit.processing import Failure, Part, batches, portable, process_batch


def _parts(sizes: list[int]) -> list[tuple[str, Part]]:
    return [("x" * n, Part(i, 1, 0, None)) for i, n in enumerate(sizes)]


def _sizes(got) -> list[list[int]]:
    return [[len(text) for text, _ in batch] for batch in got]


def test_batches_hold_at_most_batch_size_parts():
    assert _sizes(batches(_parts([1] * 7), 3)) == [[1, 1, 1], [1, 1, 1], [1]]


def test_batches_hold_at_most_batch_chars_characters():
    # Regression: the 15 parts of a 1.5M-character article went to the parser as one
    # batch and took 4.5 GB; parts of a long text now go a few at a time.
    got = _sizes(batches(_parts([60, 60, 30, 10, 100, 5]), 16, batch_chars=100))
    assert got == [[60], [60, 30, 10], [100], [5]]
    assert all(sum(b) <= 100 or len(b) == 1 for b in got)


def test_a_part_longer_than_the_budget_goes_alone():
    assert _sizes(batches(_parts([5, 500, 5]), 16, batch_chars=100)) == [[5], [500], [5]]


def test_a_full_batch_is_given_without_waiting_for_the_next_part():
    def parts():
        yield from _parts([1, 1])
        raise AssertionError("read past a full batch")

    assert _sizes([next(batches(parts(), 2))]) == [[1, 1]]


def test_portable_replaces_unpicklable_exceptions():
    class Local(Exception):
        pass  # a local class does not pickle

    part = Part(0, 1, 0, "a")
    ((result, _),) = portable([(Failure(Local("boom"), "tb"), part)])
    assert isinstance(result.exception, RuntimeError) and result.remote
    assert "Local: boom" in str(result.exception)
    pickle.loads(pickle.dumps(result))


@pytest.mark.model
def test_a_failing_text_does_not_cost_its_batch():
    nlp = failing_nlp()
    texts = ['"Yes," she said.', f"Text {RAISE}.", "No quotes here.", '"No," he said.']
    batch = [(t, Part(i, 1, 0, f"id{i}")) for i, t in enumerate(texts)]
    results = process_batch(nlp, batch)
    assert [part.id for _, part in results] == ["id0", "id1", "id2", "id3"]
    kinds = [type(r).__name__ for r, _ in results]
    assert kinds == ["Article", "Failure", "Article", "Article"]
    failure = results[1][0]
    assert isinstance(failure.exception, ValueError) and "ValueError" in failure.traceback
    assert isinstance(results[0][0], Article) and results[0][0].quotes[0].text == "Yes,"
