"""The attribution's words come from its config: overriding a reader changes behaviour."""

from __future__ import annotations

import json

import pytest
import spacy
from handbuilt import SAID_AFTER, SAID_AFTER_TOKENS, entity, met, quote

from quotekit.errors import QuotekitError
from quotekit.registry import attribution_words_v1


def _minister(attribute, nlp):
    text, tokens = met("Jane Doe", "Tom Lee", [("the", "DET", "DT"), ("minister", "NOUN", "NN")])
    people = [
        entity(text, "e0", "PERSON", "Jane Doe", titles=["minister"]),
        entity(text, "e1", "PERSON", "Tom Lee", titles=["deputy minister"]),
    ]
    doc = attribute(text, tokens, [quote(text, '"We will win,"')], people, nlp=nlp)
    return doc._.quotekit_quotes[0]["speaker"]


def test_a_word_file_given_as_path_replaces_the_shipped_lists(attribute, make_nlp, tmp_path):
    words = attribution_words_v1()
    words["title_qualifiers"].remove("deputy")
    path = tmp_path / "words.json"
    path.write_text(json.dumps(words), encoding="utf-8")
    assert _minister(attribute, make_nlp()) == "e0"
    custom = make_nlp(words={"@misc": "quotekit.attribution_words.v1", "path": str(path)})
    # "deputy" no longer makes "deputy minister" another title: the nearer Tom Lee.
    assert _minister(attribute, custom) == "e1"


def test_extra_words_extend_the_shipped_lists(attribute, make_nlp):
    text, tokens = met("Tom Lee", "Jane Doe", [("ze", "PRON", "PRP")])
    people = [
        entity(text, "e0", "PERSON", "Jane Doe", gender="F"),
        entity(text, "e1", "PERSON", "Tom Lee", gender="M"),
    ]

    def speaker(nlp):
        doc = attribute(text, tokens, [quote(text, '"We will win,"')], people, nlp=nlp)
        return doc._.quotekit_quotes[0]["speaker"]

    assert speaker(make_nlp()) is None
    extra = {"pronoun_gender": {"ze": "F"}}
    assert speaker(make_nlp(words={"@misc": "quotekit.attribution_words.v1", "extra": extra})) == (
        "e0"
    )


def test_organisation_name_suffixes_come_from_the_organisation_words(attribute, make_nlp):
    def new_type(nlp):
        doc = attribute(
            SAID_AFTER, SAID_AFTER_TOKENS, [quote(SAID_AFTER, '"We will win,"')], nlp=nlp
        )
        return doc._.quotekit_entities[0]["type"]

    assert new_type(make_nlp()) == "PERSON"
    extra = {"name_suffixes": ["doe"]}
    config = {"organisation_words": {"@misc": "quotekit.organisation_words.v1", "extra": extra}}
    assert new_type(make_nlp(**config)) == "ORG"  # "Jane Doe" now reads as a firm's name


def test_fallback_cues_when_no_cue_class_counts(attribute, make_nlp):
    doc = attribute(
        SAID_AFTER,
        SAID_AFTER_TOKENS,
        [quote(SAID_AFTER, '"We will win,"')],
        [entity(SAID_AFTER, "e0", "PERSON", "Jane Doe")],
        nlp=make_nlp(cue_classes=[]),
    )
    q = doc._.quotekit_quotes[0]
    assert q["speaker"] == "e0" and q["cue"] is not None


def test_a_word_file_missing_lists_is_a_coded_error(make_nlp, tmp_path):
    path = tmp_path / "words.json"
    path.write_text(json.dumps({"title_qualifiers": ["deputy"]}), encoding="utf-8")
    with pytest.raises(QuotekitError, match=r"E040.*pronoun_gender"):
        make_nlp(words={"@misc": "quotekit.attribution_words.v1", "path": str(path)})


def test_a_malformed_list_is_a_coded_error(make_nlp, tmp_path):
    words = attribution_words_v1()
    words["pronoun_gender"] = ["he", "she"]
    path = tmp_path / "words.json"
    path.write_text(json.dumps(words), encoding="utf-8")
    with pytest.raises(QuotekitError, match="E041"):
        make_nlp(words={"@misc": "quotekit.attribution_words.v1", "path": str(path)})


def test_an_unknown_organisation_pronoun_mode_is_a_coded_error(make_nlp):
    extra = {"organisation_pronouns": {"one": "somewhere"}}
    with pytest.raises(QuotekitError, match="E042"):
        make_nlp(words={"@misc": "quotekit.attribution_words.v1", "extra": extra})


def test_a_config_without_the_new_keys_loads_with_the_shipped_words(make_nlp):
    """A pipeline saved before ``words``/``organisation_words`` existed gets them filled."""
    nlp = make_nlp()
    config = nlp.config.copy()
    for key in ("words", "organisation_words"):
        del config["components"]["quotekit_attribution"][key]
    again = spacy.util.load_model_from_config(config, auto_fill=True)
    assert (
        again.get_pipe("quotekit_attribution").words == nlp.get_pipe("quotekit_attribution").words
    )
