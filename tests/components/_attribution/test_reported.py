"""Reported speech: the candidates the parse gives, how the model's choices are kept,
what the shipped model holds. (The records a user reads are tested in test_model.py.)"""

from __future__ import annotations

import numpy
import pytest

import quotekit
from quotekit.components._attribution.reported import (
    Candidate,
    ReportedModel,
    candidates,
    select,
)
from quotekit.registry import reported_model_v1

pytestmark = pytest.mark.model


def _cands(nlp, text):
    doc = nlp(text)
    return doc, [
        (c.kind, doc[c.cue].text, text[c.start : c.end], doc[c.source].text if c.source else None)
        for c in candidates(doc)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Mara Vos said that the bridge would reopen in May.",
            ("clause", "said", "that the bridge would reopen in May", "Vos"),
            id="that-clause",
        ),
        pytest.param(
            "According to the agency, talks have stalled.",
            ("according", "According", "talks have stalled", "agency"),
            id="according-to",
        ),
        pytest.param(
            "The union called for more spending on schools.",
            ("prep", "called", "more spending on schools", "union"),
            id="preposition-object",
        ),
        pytest.param(
            "The minister denied the report.",
            ("object", "denied", "the report", "minister"),
            id="object",
        ),
        pytest.param(
            "He was told by the minister that the plant would close.",
            ("clause", "told", "that the plant would close", "minister"),
            id="passive-agent-is-the-source",
        ),
    ],
)
def test_candidates_from_the_parse(nlp, text, expected):
    _, found = _cands(nlp, text)
    kind, cue, content, source = expected
    assert any(
        k == kind and c == cue and (content is None or t == content) and s == source
        for k, c, t, s in found
    ), found


def test_a_dateline_is_not_the_source(nlp):
    text = "WESTBURY (Reuters) - Mara Vos said on Monday that the bridge would reopen."
    _, found = _cands(nlp, text)
    said = [f for f in found if f[1] == "said" and f[0] == "clause"]
    assert said and all(s == "Vos" for *_, s in said)


def _cand(start, end, cue=0):
    return Candidate("clause", cue, start, end, cue, None)


def test_select_keeps_the_best_of_one_content_and_a_content_nested_in_it():
    outer, same, nested = _cand(10, 60), _cand(12, 60), _cand(40, 60, cue=5)
    kept = select([(0.9, outer), (0.8, same), (0.7, nested), (0.2, _cand(0, 5))], 0.5, [0])
    assert [c for c, _ in kept] == [outer, nested]


def test_select_compares_contents_within_a_sentence_only():
    a, b = _cand(10, 60, cue=1), _cand(10, 60, cue=20)
    kept = select([(0.9, a), (0.8, b)], 0.5, [0, 10])
    assert [c for c, _ in kept] == [a, b]


def test_model_score_ignores_vectors_of_another_width():
    model = ReportedModel({"w=said": 2.0}, -1.0, 0.5, dense={"cue": numpy.ones(4, "float32")})
    base = model.score(["w=said"])
    assert model.score(["w=said"], {"cue": numpy.ones(7, "float32")}) == base
    assert model.score(["w=said"], {"cue": numpy.ones(4, "float32")}) > base
    assert model.score(["unknown"]) < base


def test_the_shipped_model_holds_weights_not_texts():
    data = reported_model_v1()
    assert 0.0 < data["threshold"] < 1.0
    assert {len(v) for v in data["dense"].values()} == {96}
    assert "PolNeAR" in data["trained_on"]
    # each feature is a word, tag or label (or a cue-table lemma such as "according
    # to") with its kind, at most three of them: no stretch of text
    for name in data["weights"]:
        assert name and len(name.split("|")) <= 3 and len(name.split()) <= 3, name


def test_a_that_clause_is_reported_without_its_that(nlp):
    article = quotekit.extract("Mara Vos said that the bridge would reopen in May.", nlp=nlp)
    assert [r.text for r in article.reported] == ["the bridge would reopen in May"]


def test_content_running_over_a_quotes_cue_is_no_reported_speech(nlp):
    text = '"The bridge is safe," harbour master Ines Alvarado said, according to the Herald.'
    article = quotekit.extract(text, nlp=nlp)
    assert [r for r in article.reported if "said" in r.text] == []
    assert len(article.quotes) == 1


def test_it_seems_has_no_source(nlp):
    doc = nlp("It seems that the plan will fail.")
    (seems,) = [c for c in candidates(doc) if doc[c.cue].text == "seems"]
    assert seems.source is None


def test_what_a_cue_reports_stays_in_its_paragraph(nlp, monkeypatch):
    # a parse may join two paragraphs and give a cue a content in the one before
    from quotekit.components._attribution import reported
    from quotekit.components._attribution.index import CandidateIndex

    text = "The band has done it all.\n\nMara Vos thinks a break is inevitable."
    doc = nlp(text)
    cue = next(t.i for t in doc if t.text == "thinks")
    comp = next(t.i for t in doc if t.text == "is")
    inside = Candidate("clause", cue, text.index("a break"), len(text) - 1, comp, cue - 1)
    across = Candidate("clause", cue, 0, len(text) - 1, comp, cue - 1)
    monkeypatch.setattr(reported, "candidates", lambda doc, text=None: iter([inside, across]))
    att = nlp.get_pipe("quotekit_attribution")
    index = CandidateIndex(doc, [], att.words, att.phrase_matcher)
    assert [c for c, _ in reported.featured(index, [])] == [inside]


def test_a_quote_after_reported_speech_leaves_it_alone(nlp):
    # the quote's cue may be found inside the reported speech before it; the reported
    # speech does not overlap the quote, so it stays
    text = (
        "Mara Vos insisted she would be happy if she is charged so she can clear her "
        'name. "A trial means the case will be cleared."'
    )
    article = quotekit.extract(text, nlp=nlp)
    assert len(article.quotes) == 1
    assert any("she would be happy" in r.text for r in article.reported)


def test_reported_speech_ending_in_a_partial_quote_keeps_its_closing_mark(nlp):
    text = 'Ines Alvarado said the repairs would "take weeks, not months".'
    article = quotekit.extract(text, nlp=nlp)
    (r,) = [r for r in article.reported if "repairs" in r.text]
    assert r.text == 'the repairs would "take weeks, not months"'
    assert [q.text for q in article.quotes] == ["take weeks, not months"]
