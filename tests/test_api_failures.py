"""One bad article never costs a run: ``extract_many(on_error=...)``, ``ArticleError``,
and input that once crashed the pipeline (lone surrogates, cut-off phrases)."""

from __future__ import annotations

import json
import multiprocessing
import warnings

import pytest
from failing_pipeline import RAISE, failing_nlp
from invariants import article_violations

import quotekit
from quotekit import Article, ArticleError, QuotekitError
from quotekit.api import RemoteTraceback
from quotekit.corpus.formats import dumps_record
from quotekit.schema import validate_record

pytestmark = pytest.mark.model

GOOD = [
    '"We will build the bridge," the mayor, Ines Varga, said on Friday.',
    "The council met. Nobody spoke to reporters.",
    "Oskar Lind told the Valley Gazette: \u201cThe river is rising.\u201d",
    "",
]
BAD = f'"This one breaks," said {RAISE}.'


@pytest.fixture(scope="module")
def bad_nlp():
    return failing_nlp()


def _items():
    texts = GOOD[:2] + [BAD] + GOOD[2:] + [BAD]
    return [(t, f"id{i}") for i, t in enumerate(texts)]


@pytest.mark.parametrize("n_process, batch_size", [(1, 1), (1, 16), (2, 2), (2, 16)])
def test_a_failed_article_gets_an_error_result_in_its_place(bad_nlp, n_process, batch_size):
    items = _items()
    with pytest.warns(UserWarning, match=r"\[W010\].*\[E100\]") as caught:
        got = list(
            quotekit.extract_many(items, nlp=bad_nlp, n_process=n_process, batch_size=batch_size)
        )
    assert len([w for w in caught if "W010" in str(w.message)]) == 1  # once per call
    assert [a.id for a in got] == [rid for _, rid in items]
    assert [isinstance(a, ArticleError) for a in got] == [False, False, True, False, False, True]
    good = [a.to_dict() for a in quotekit.extract_many(GOOD, nlp=bad_nlp)]
    assert [a.to_dict() for a in got if not a.error] == [
        {**d, "id": rid} for d, rid in zip(good, ["id0", "id1", "id3", "id4"])
    ]
    err = got[2]
    assert isinstance(err, Article) and err.quotes == () and err.index == 2
    assert err.code == "E100" and "component failed on purpose" in err.message
    record = err.to_dict()
    validate_record(record)
    assert record["error"] == {"code": "E100", "message": err.message, "input": "item 2"}
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("n_process", [1, 2])
def test_on_error_raise_yields_the_articles_before_and_raises(bad_nlp, n_process):
    got = []
    with pytest.raises(ValueError, match="component failed on purpose") as info:
        for article in quotekit.extract_many(
            _items(), nlp=bad_nlp, n_process=n_process, batch_size=16, on_error="raise"
        ):
            got.append(article.id)  # kept up to the error
    assert got == ["id0", "id1"]
    if n_process > 1:  # the worker's traceback comes along as the cause
        assert isinstance(info.value.__cause__, RemoteTraceback)
        assert "_fail_on_marker" in str(info.value.__cause__)


def test_extract_raises_for_its_one_article(bad_nlp):
    with pytest.raises(ValueError, match="component failed on purpose"):
        quotekit.extract(BAD, nlp=bad_nlp)


def test_a_failing_part_fails_its_whole_long_article_only(bad_nlp):
    para = '"We are ready," said Jane Doe. The council agreed.\n\n'
    long_bad = para * 10 + BAD + "\n\n" + para * 10
    items = [(GOOD[0], "a"), (long_bad, "long"), (para * 20, "b")]
    with pytest.warns(UserWarning, match="W010"):
        got = list(quotekit.extract_many(items, nlp=bad_nlp, max_chars=200, on_error="record"))
    assert [(a.id, a.error["code"] if a.error else None) for a in got] == [
        ("a", None),
        ("long", "E100"),
        ("b", None),
    ]
    assert len(got[2].quotes) == 20
    assert article_violations(para * 20, got[2].to_dict()) == []


def test_items_that_are_not_texts_get_error_results_in_order(nlp):
    items = [GOOD[0], 42, (b"bytes", "id-b"), ("fine", "id-f"), None]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = list(quotekit.extract_many(items, nlp=nlp, batch_size=2))
    assert [(a.id, a.error["code"] if a.error else None) for a in got] == [
        (None, None),
        (None, "E003"),
        ("id-b", "E003"),
        ("id-f", None),
        (None, "E003"),
    ]
    assert "position 1" in got[1].message
    for a in got:
        validate_record(a.to_dict())


def test_bad_arguments_are_coded(nlp):
    with pytest.raises(QuotekitError, match="E101"):
        quotekit.extract_many(GOOD, nlp=nlp, on_error="ignore")
    # Regression: a model name given as nlp raised AttributeError from deep inside.
    with pytest.raises(TypeError, match=r"E102.*quotekit.load\('en_core_web_sm'\)"):
        quotekit.extract("text", nlp="en_core_web_sm")
    with pytest.raises(TypeError, match="E102"):
        quotekit.extract_many(GOOD, nlp="en_core_web_sm")


# ------------------------------------------------------------------ any Python str
SURROGATES = '\ud800"We will \udfffwin,"\ud83d Jane Doe said \udc00.\n\n\u201cNo.\u201d She told Reuters\ud800.'


@pytest.mark.parametrize("max_chars", [100_000, 40])
def test_lone_surrogates_keep_offsets_into_the_input(nlp, max_chars):
    # Regression: a lone surrogate (valid in JSON) raised UnicodeEncodeError in spaCy.
    article = quotekit.extract(SURROGATES, "s", nlp=nlp, max_chars=max_chars)
    assert article.text == SURROGATES
    out = article.to_dict()
    assert article_violations(SURROGATES, out) == []
    assert out["quotes"][0]["text"] == "We will \udfffwin,"  # the input as given
    speaker = out["quotes"][0]["speaker_mention"]
    assert SURROGATES[speaker["start"] : speaker["end"]] == speaker["text"]
    # written as JSON escapes, the record reads back as the very same strs
    line = dumps_record(out)
    line.encode("utf-8")
    assert json.loads(line) == out


def test_cut_off_reporting_phrases(nlp):
    # Regression: a text ending "... in an interview with the" raised IndexError in
    # the sources component.
    for cut in (
        '"We will win," she said in an interview with the',
        '"We will win," she told',
        '"We will win," she said, according to',
        "According to the",
        '"Yes," he told the BBC in an interview with',
    ):
        article = quotekit.extract(cut, nlp=nlp)
        assert article_violations(cut, article.to_dict()) == []


def test_a_text_that_cannot_be_cut_fails_alone(nlp, monkeypatch):
    from quotekit import api

    def broken_split(text, max_chars, **kwargs):
        if "CUT-FAILS" in text:
            raise RuntimeError("cannot cut")
        return [(0, len(text))]

    monkeypatch.setattr(api, "split_text", broken_split)
    items = [GOOD[0], "CUT-FAILS here", GOOD[1]]
    with pytest.warns(UserWarning, match="W010"):
        got = list(quotekit.extract_many(items, nlp=nlp))
    assert [a.error["code"] if a.error else None for a in got] == [None, "E100", None]
    assert "RuntimeError: cannot cut" in got[1].message
    seen = []
    with pytest.raises(RuntimeError, match="cannot cut"):
        for a in quotekit.extract_many(items, nlp=nlp, on_error="raise"):
            seen.append(a.text)  # kept up to the error
    assert seen == [GOOD[0]]


def test_a_failing_merge_fails_its_article_alone(nlp, monkeypatch):
    from quotekit import api

    def broken_merge(text, rid, parts):
        raise KeyError("merge broke")

    monkeypatch.setattr(api, "merge_articles", broken_merge)
    para = '"We are ready," said Jane Doe.\n\n'
    items = [(GOOD[0], "a"), (para * 10, "long"), (GOOD[1], "b")]
    with pytest.warns(UserWarning, match="W010"):
        got = list(quotekit.extract_many(items, nlp=nlp, max_chars=100))
    assert [(a.id, a.error["code"] if a.error else None) for a in got] == [
        ("a", None),
        ("long", "E100"),
        ("b", None),
    ]


def test_a_surrogate_pair_in_a_str_is_two_code_points(nlp):
    # A high surrogate then a low one: two code points of a Python str, offsets count
    # both; JSON writes them as an escaped pair, which JSON readers read as one
    # character (found by the hostile-text property).
    text = '"0\ud800\udc00 ok," she said.'
    article = quotekit.extract(text, nlp=nlp)
    out = article.to_dict()
    assert article_violations(text, out) == []
    assert out["quotes"][0]["text"] == "0\ud800\udc00 ok,"
    assert json.loads(dumps_record(out))["quotes"][0]["text"] == "0\U00010000 ok,"
