"""Property tests on the real pipeline: whatever the text, the output is valid.

Each property combines several checks so that the model-backed pipeline runs as
few times as possible: the invariants of ``tests/invariants.py`` (offsets inside
the text, span texts equal ``text[start:end]``, quote content between the marks,
sorted non-overlapping quotes, unique ids, speakers and vias that resolve, JSON),
determinism (a second run, through ``quotekit.extract``, gives the same dict) and,
for news-like texts, the ``DocBin(store_user_data=True)`` round trip.
Run with the ``ci`` profile of ``conftest.py`` (2,000 examples each).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from invariants import article_violations, json_view
from spacy.tokens import DocBin
from strategies import hostile_texts, news_texts, robust_texts

import quotekit
from quotekit import Article
from quotekit.api import DEFAULT_MAX_CHARS
from quotekit.corpus.formats import dumps_record
from quotekit.longdoc import split_text
from quotekit.text import encodable

pytestmark = pytest.mark.model


def check_text(nlp, text: str, docbin: bool = True) -> None:
    # spaCy cannot encode lone surrogates: the pipeline gets placeholders, the
    # Article the input as given (as quotekit.extract does).
    doc = nlp(encodable(text))
    out = Article.from_doc(doc, text=text).to_dict()
    assert article_violations(text, out) == [], (text, out)

    if docbin:
        data = DocBin(docs=[doc], store_user_data=True).to_bytes()
        restored = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
        assert Article.from_doc(restored, text=text).to_dict() == out, (
            "DocBin round trip changed the output"
        )

    again = quotekit.extract(text, nlp=nlp).to_dict()
    if len(split_text(text, DEFAULT_MAX_CHARS)) == 1:
        assert again == out, "a second run gave another result"
    else:  # processed in parts: another (still valid) result
        assert article_violations(text, again) == [], (text, again)


@given(news_texts)
def test_news_like_texts(nlp, text):
    check_text(nlp, text)


@given(hostile_texts)
def test_hostile_texts(nlp, text):
    # The DocBin round trip is checked on the news-like texts (where there are spans
    # to keep); here the pipeline runs twice per example already.
    check_text(nlp, text, docbin=False)


#: ``QUOTEKIT_PROPERTY_EXAMPLES=10000`` runs the robustness property with that many
#: examples (the profiles of conftest.py give 100 locally, 2,000 on CI).
_EXAMPLES = os.environ.get("QUOTEKIT_PROPERTY_EXAMPLES")


def _examples(test):
    return settings(max_examples=int(_EXAMPLES))(test) if _EXAMPLES else test


@_examples
@given(robust_texts, st.sampled_from([DEFAULT_MAX_CHARS, 60]))
def test_any_str_gives_a_valid_article(nlp, text, max_chars):
    """Whatever the str (lone surrogates, control characters, cut off mid-phrase), in
    one part or many: a valid Article, every text sliced from the input as given,
    and a record that JSON writes and reads back as the same strs."""
    article = quotekit.extract(text, "x", nlp=nlp, max_chars=max_chars)
    assert article.text == text and article.error is None
    out = article.to_dict()
    assert article_violations(text, out) == [], (text, out)
    for m in _mentions(out):
        assert text[m["start"] : m["end"]] == m["text"]
    line = dumps_record(out)
    line.encode("utf-8")
    assert json.loads(line) == json_view(out)


def _mentions(out: dict) -> list[dict]:
    found = [m for e in out["entities"] + out["sources"] for m in e["mentions"]]
    for q in out["quotes"]:
        found += [q[k] for k in ("speaker_mention", "cue") if q[k]]
    return found


# ------------------------------------------------------------------ wrong types
@pytest.mark.parametrize("bad", [None, b'"Hi," she said.', 42, ["text"]])
def test_extract_rejects_non_str(bad):
    with pytest.raises(TypeError, match=r"E002.*takes the article text as a str"):
        quotekit.extract(bad)


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_names_the_bad_position(nlp, n_process):
    items = ['"Hi," she said.', ("Text.", "id1"), b"bytes", "never reached"]
    with pytest.raises(TypeError, match=r"E003.*got bytes at position 2"):
        list(quotekit.extract_many(items, nlp=nlp, n_process=n_process, on_error="raise"))


def test_extract_many_rejects_a_single_str(nlp):
    with pytest.raises(TypeError, match="E018"):
        list(quotekit.extract_many('"Hi," she said.', nlp=nlp))


@pytest.mark.parametrize(
    "kwargs",
    [{"n_process": 0}, {"batch_size": 0}, {"max_chars": 0}, {"max_chars": -5}, {"n_process": True}],
)
def test_extract_many_rejects_bad_sizes(nlp, kwargs):
    with pytest.raises(ValueError):
        list(quotekit.extract_many(["text"], nlp=nlp, **kwargs))


# --------------------------------------------------------------------- odd text
EDGE_TEXTS = {
    "empty": "",
    "whitespace": " \n\n\t \r\n \u00a0\u2028",
    "nul_and_controls": '\x00"We\x00 will\x01 win,"\x07 Jane\x1b Doe said.\x7f\x00',
    "all_controls": "".join(chr(i) for i in range(32)) * 3,
    "html": '<p class="lead">"We will <b>win</b>," said <a href="/p/jd">Jane Doe</a>.</p>'
    '<script>var s = "a \\"quoted\\" string";</script><!-- "comment" -->',
    "emoji_rtl": '\u202e"\u05e9\u05dc\u05d5\u05dd \U0001f600,"\u202c said \u200fJane Doe\u200e '
    "\U0001f1ec\U0001f1e7. \u00ab\u0645\u0631\u062d\u0628\u0627\u00bb \U0001f44d\U0001f3fd",
    "lone_marks": "\u201c \u201d \u2018 \u2019 \u00ab \u00bb \u201e \u201a \u2039 \u203a \" '",
    "newlines_only": "\n" * 10_000,
    "mixed_marks_run": "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a" * 200,
}


@pytest.mark.parametrize("name", list(EDGE_TEXTS))
def test_odd_texts_give_an_article(nlp, name):
    text = EDGE_TEXTS[name]
    article = quotekit.extract(text, nlp=nlp)
    assert isinstance(article, Article)
    assert article_violations(text, article.to_dict()) == []


@pytest.mark.slow
@pytest.mark.parametrize("mark", ['"', "\u201c", "'"])
def test_twenty_thousand_marks_in_a_row(nlp, mark):
    # One Doc would take about a minute (spaCy's tokenizer is quadratic in a run of
    # punctuation); longdoc cuts the run into pieces.
    text = 'Before. "A quote," she said. ' + mark * 20_000 + ' After. "Another," he said.'
    article = quotekit.extract(text, nlp=nlp)
    assert article_violations(text, article.to_dict()) == []
    # (After a run of opening marks the scanner may take the rest as one open quote.)
    assert article.quotes[0].text == "A quote,"
