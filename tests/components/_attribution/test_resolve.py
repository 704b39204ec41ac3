"""Resolution on hand-built documents: pronouns, titles and descriptions to entities."""

from __future__ import annotations

import pytest
from handbuilt import entity, met, quote


@pytest.mark.parametrize(
    "pronoun,expected", [("she", "e0"), ("he", "e1")], ids=["she-object", "he-subject"]
)
def test_pronoun_resolves_to_the_nearest_agreeing_person(attribute, pronoun, expected):
    text, tokens = met("Tom Lee", "Jane Doe", [(pronoun, "PRON", "PRP")])
    people = [
        entity(text, "e0", "PERSON", "Jane Doe", gender="F"),
        entity(text, "e1", "PERSON", "Tom Lee", gender="M"),
    ]
    doc = attribute(text, tokens, [quote(text, '"We will win,"')], people)
    (q,) = doc._.quotekit_quotes
    assert doc.text[q["speaker_mention"]["start"] : q["speaker_mention"]["end"]] == pronoun
    assert q["speaker"] == expected
    assert q["rule"] == "cue"


def test_a_pronoun_nobody_agrees_with_has_no_speaker(attribute):
    text, tokens = met("Tom Lee", "Jim Doe", [("she", "PRON", "PRP")])
    people = [
        entity(text, "e0", "PERSON", "Jim Doe", gender="M"),
        entity(text, "e1", "PERSON", "Tom Lee", gender="M"),
    ]
    doc = attribute(text, tokens, [quote(text, '"We will win,"')], people)
    (q,) = doc._.quotekit_quotes
    assert q["speaker"] is None and q["speaker_mention"] is not None


def test_title_resolves_to_the_entity_holding_it(attribute):
    text, tokens = met("Jane Doe", "Tom Lee", [("the", "DET", "DT"), ("minister", "NOUN", "NN")])
    people = [
        entity(text, "e0", "PERSON", "Jane Doe", gender="F", titles=["finance minister"]),
        entity(text, "e1", "PERSON", "Tom Lee", gender="M"),
    ]
    doc = attribute(text, tokens, [quote(text, '"We will win,"')], people)
    (q,) = doc._.quotekit_quotes
    assert doc.text[q["speaker_mention"]["start"] : q["speaker_mention"]["end"]] == "the minister"
    assert q["speaker"] == "e0"  # Tom Lee is nearer, but holds no such title


def test_a_qualified_title_is_another_title(attribute):
    text, tokens = met("Jane Doe", "Tom Lee", [("the", "DET", "DT"), ("minister", "NOUN", "NN")])
    people = [
        entity(text, "e0", "PERSON", "Jane Doe", titles=["minister"]),
        entity(text, "e1", "PERSON", "Tom Lee", titles=["deputy minister"]),
    ]
    doc = attribute(text, tokens, [quote(text, '"We will win,"')], people)
    assert doc._.quotekit_quotes[0]["speaker"] == "e0"


def test_organisation_noun_resolves_to_the_organisation_of_that_kind(attribute):
    text, tokens = met("Acme Corp", "Bolt Bank", [("the", "DET", "DT"), ("company", "NOUN", "NN")])
    orgs = [
        entity(text, "e0", "ORG", "Acme Corp", descriptors=["firm"]),
        entity(text, "e1", "ORG", "Bolt Bank", descriptors=["lender"]),
    ]
    doc = attribute(text, tokens, [quote(text, '"We will win,"')], orgs)
    # "company" and "firm" are nouns of one kind; the nearer bank is a lender.
    assert doc._.quotekit_quotes[0]["speaker"] == "e0"
