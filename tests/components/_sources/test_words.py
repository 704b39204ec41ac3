"""quotekit_sources: the word lists built from the config (``_sources.words``) and the
slash-agency pattern built from them (``_sources.patterns``). No model needed."""

from __future__ import annotations

import pytest

from quotekit.components._sources.patterns import slash_agency_pattern
from quotekit.components._sources.words import build_words, cue_forms
from quotekit.errors import QuotekitError
from quotekit.registry import forenames_v1, reporting_cues_v1, source_words_v1

CUES = {
    "verbs": {
        "tell": {"forms": ["tell", "tells", "told", "telling"]},
        "report": {"forms": ["report", "reports", "reported", "reporting"]},
        "mutter": {"forms": ["mutter", "muttered", "muttering"]},
    }
}


def _lexicon(**extra) -> dict:
    lexicon = source_words_v1()
    lexicon.update(extra)
    return lexicon


def test_cue_forms_with_and_without_ing():
    assert cue_forms(CUES, ["tell"], ing=True) == {"tell", "tells", "told", "telling"}
    assert cue_forms(CUES, ["tell", "absent"], ing=False) == {"tell", "tells", "told"}


def test_verb_forms_derive_from_the_cues():
    words = build_words(_lexicon(subject_lemmas=["report"], subject_forms=["blogged"]), CUES, {})
    assert words.tell_forms == {"tell", "tells", "told", "telling"}
    assert words.report_forms == {"report", "reports", "reported"}
    assert words.subject_forms == {"report", "reports", "reported", "blogged"}
    assert words.quote_forms == set()  # the cue table given has no "quote"
    # every finite form of every cue verb is a speech form, and "telling"
    assert {"muttered", "telling", "blogged"} <= words.speech_forms
    assert "muttering" not in words.speech_forms
    assert words.relay_forms == words.subject_forms | words.tell_forms


def test_shipped_words_build():
    words = build_words(source_words_v1(), reporting_cues_v1(), forenames_v1())
    assert words.frame_nouns["agency"] == "news_agency"
    assert {"said", "reported", "quoted", "reporting", "broadcast"} <= words.subject_forms
    assert {"jk", "j.k."} <= words.forenames
    assert words.slash_agency is not None


def test_forenames_from_every_group():
    words = build_words(_lexicon(forename_extras=["Jk"]), CUES, {"a": ["Zelda"], "b": ["Otto"]})
    assert words.forenames == {"jk", "zelda", "otto"}


@pytest.mark.parametrize(
    "change",
    [
        {"speak_words": "speaking"},
        {"speak_words": ["speaking", 3]},
        {"frame_nouns": ["agency"]},
        {"frame_nouns": {"agency": 1}},
    ],
)
def test_malformed_lists_raise(change):
    with pytest.raises(QuotekitError, match=r"\[E030\]"):
        build_words(_lexicon(**change), CUES, {})


def test_missing_list_raises():
    lexicon = source_words_v1()
    del lexicon["aux_words"]
    with pytest.raises(QuotekitError, match=r"\[E030\].*aux_words"):
        build_words(lexicon, CUES, {})


def test_slash_agency_pattern_from_names():
    pattern = slash_agency_pattern(["Images", "Photo Agency"])
    assert pattern is not None
    found = [
        m.group("org") for m in pattern.finditer("Jane Doe/Getty Images; A B/East Photo Agency")
    ]
    assert found == ["Getty Images", "East Photo Agency"]
    assert pattern.search("Jane Doe/Getty Imagesque") is None
    assert slash_agency_pattern([]) is None
    assert slash_agency_pattern([""]) is None
