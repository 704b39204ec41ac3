"""``quotekit.extract`` / ``extract_many`` from many threads on the shared default
pipeline: the same results as one thread, with thread switches as often as Python
allows (``sys.setswitchinterval(1e-5)``). The components keep no per-document state
on themselves (each call makes its own work object), and the lazily built default
pipeline is built once."""

from __future__ import annotations

import sys
import threading

import pytest
from corpus_examples import article

import quotekit
from quotekit import api

pytestmark = pytest.mark.model

EXTRA = [
    "LONDON (Reuters) - \u201cWe are not leaving,\u201d Maria Lindqvist told the BBC on Monday.",
    (
        "Shares in Contrack International fell. Contrack said it would appeal. "
        '"It is unfair," a spokesman said, according to AFP.'
    ),
    "\u2018It is too early,\u2019 she said.\n\n\u2018Ask me in June,\u2019 added Dr Amina Yusuf.",
    "France and Germany disagreed. 'Never,' said the French minister, Jean-Luc Marchetti.",
]


def _texts(n: int) -> list[str]:
    return [EXTRA[i % len(EXTRA)] if i % 3 == 0 else article(i) for i in range(n)]


@pytest.fixture
def tiny_switch_interval():
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(before)


def _in_threads(n_threads: int, work) -> list:
    results: list = [None] * n_threads
    errors: list[BaseException] = []

    def run(k: int) -> None:
        try:
            results[k] = work(k)
        except BaseException as exc:  # noqa: BLE001  reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return results


def _check_threads(nlp, n_threads: int, n_texts: int) -> None:
    texts = _texts(n_texts)
    api._DEFAULT_NLP = nlp  # the shared default pipeline
    sequential = [quotekit.extract(t).to_dict() for t in texts]

    def work(k: int) -> list[dict]:
        # half the threads call extract, half extract_many, each in its own order
        order = texts[k % n_texts :] + texts[: k % n_texts]
        if k % 2:
            got = [a.to_dict() for a in quotekit.extract_many(order, batch_size=1 + k % 4)]
        else:
            got = [quotekit.extract(t).to_dict() for t in order]
        return got[n_texts - k % n_texts :] + got[: n_texts - k % n_texts]

    for got in _in_threads(n_threads, work):
        assert got == sequential


def test_four_threads_give_what_one_gives(nlp, tiny_switch_interval, monkeypatch):
    monkeypatch.setattr(api, "_DEFAULT_NLP", None)
    _check_threads(nlp, n_threads=4, n_texts=12)


@pytest.mark.slow
def test_eight_threads_fifty_articles(nlp, tiny_switch_interval, monkeypatch):
    monkeypatch.setattr(api, "_DEFAULT_NLP", None)
    _check_threads(nlp, n_threads=8, n_texts=50)


def test_the_default_pipeline_is_built_once(nlp, monkeypatch):
    monkeypatch.setattr(api, "_DEFAULT_NLP", None)
    built = []

    def fake_load():
        built.append(1)
        return nlp

    monkeypatch.setattr(api, "load", fake_load)
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        got = _in_threads(8, lambda k: quotekit.extract(EXTRA[0]).to_dict())
    finally:
        sys.setswitchinterval(before)
    assert built == [1]
    assert all(g == got[0] for g in got)
