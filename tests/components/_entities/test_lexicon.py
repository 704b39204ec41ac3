"""The word lists of quotekit_entities: the entity_words lexicon, its reader, and the
sets the component builds from it and from organisation_words."""

from __future__ import annotations

import pytest

from quotekit.components._entities.countries import country_index
from quotekit.components._entities.lexicon import read_words
from quotekit.errors import QuotekitError
from quotekit.registry import entity_words_v1, organisation_words_v1


def test_entity_words_reader_extends_and_copies():
    words = entity_words_v1(extra={"state_words": ["junta"]})
    assert words["state_words"][0] == "ministry" and words["state_words"][-1] == "junta"
    words["state_words"].clear()
    assert "junta" not in entity_words_v1()["state_words"]
    assert entity_words_v1()["state_words"]


def test_entity_words_reader_rejects_malformed_extra_with_a_coded_error():
    with pytest.raises(QuotekitError, match="E020"):
        entity_words_v1(extra={"state_words": 3})


def test_read_words_builds_the_sets():
    words = read_words(entity_words_v1(), organisation_words_v1())
    assert "deputy" in words.title_modifiers and "the" in words.determiners
    assert "New" in words.region_prefixes and "new" not in words.region_prefixes
    assert "MPs" in words.not_organisations
    assert "gold" in words.org_suffixes and "corp." in words.org_suffixes
    assert {"lt", "sen", "st"} <= words.rank_abbreviations
    assert words.affiliation_prepositions == {"of", "for", "at", "with"}
    # Ordered, multi-word: the first that matches wins.
    assert words.generic_suffixes[:3] == (("news", "agency"), ("news", "service"), ("newspaper",))
    assert words.fallback_honorifics["mrs"] == "F" and words.fallback_honorifics["dr"] is None


def test_read_words_from_empty_lexicons_is_empty():
    words = read_words({}, {})
    assert not words.title_modifiers and not words.org_suffixes and not words.generic_suffixes


def test_a_form_of_two_countries_is_a_coded_error():
    table = [
        {"iso2": "AA", "names": ["Atlantis"], "capitals": ["Port Royal"]},
        {"iso2": "BB", "names": ["Borduria"], "capitals": ["Port Royal"]},
    ]
    with pytest.raises(QuotekitError, match=r"\[E021\].*Port Royal.*AA.*BB"):
        country_index(table)
