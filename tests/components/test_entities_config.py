"""quotekit_entities' config: its word lists as registered tables, its declarations, and
its per-call state (one component may serve several threads).

Every text is invented (real countries, invented people and firms).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import spacy

from quotekit.components.entities import EntityResolver
from quotekit.registry import entity_words_v1

pytestmark = pytest.mark.model

REGION = "Officials in New Mexico said the drought would last, and Mexico agreed."
COLLECTIVE = "Ingrid Dahl Collective said the plan was flawed."  # the model: PERSON
SYNDICATE = "Tomas Varga Syndicate said on Monday it would build a new plant."  # the model: ORG


def _entities(doc):
    return [(e["type"], e["name"]) for e in doc._.quotekit_entities]


def _countries(doc):
    return {e["iso"]: e["mentions"] for e in doc._.quotekit_entities if e["type"] == "COUNTRY"}


def test_default_config_has_the_word_lists(nlp):
    config = nlp.config["components"]["quotekit_entities"]
    assert config["words"]["@misc"] == "quotekit.entity_words.v1"
    assert config["organisation_words"]["@misc"] == "quotekit.organisation_words.v1"


def test_organisation_suffix_through_config_extra_types_org_not_person(nlp):
    assert _entities(nlp(COLLECTIVE)) == [("PERSON", "Ingrid Dahl Collective")]
    assert _entities(nlp(SYNDICATE)) == [("PERSON", "Tomas Varga Syndicate")]
    comp = nlp.create_pipe(
        "quotekit_entities",
        config={
            "organisation_words": {
                "@misc": "quotekit.organisation_words.v1",
                "extra": {"name_suffixes": ["collective", "syndicate"]},
            }
        },
    )
    # A PERSON label on a name ending so is a firm's; an ORG label is not taken for a person.
    assert _entities(comp(nlp(COLLECTIVE))) == [("ORG", "Ingrid Dahl Collective")]
    assert _entities(comp(nlp(SYNDICATE))) == [("ORG", "Tomas Varga Syndicate")]


def _words_without_new(tmp_path):
    words = entity_words_v1()
    words["region_prefixes"].remove("New")
    path = tmp_path / "entity_words.json"
    path.write_text(json.dumps(words), encoding="utf-8")
    return path


def test_entity_words_through_config_path(nlp, tmp_path):
    assert _countries(nlp(REGION)) == {"MX": [[57, 63]]}  # "New Mexico" is a region
    comp = nlp.create_pipe(
        "quotekit_entities",
        config={
            "words": {
                "@misc": "quotekit.entity_words.v1",
                "path": str(_words_without_new(tmp_path)),
            }
        },
    )
    assert _countries(comp(nlp(REGION))) == {"MX": [[17, 23], [57, 63]]}


def test_entity_words_through_config_extra(nlp):
    text = "Volunteers from the NWKA said the dogs were safe."
    assert ("ORG", "NWKA") in _entities(nlp(text))
    comp = nlp.create_pipe(
        "quotekit_entities",
        config={
            "words": {"@misc": "quotekit.entity_words.v1", "extra": {"not_organisations": ["NWKA"]}}
        },
    )
    assert ("ORG", "NWKA") not in _entities(comp(nlp(text)))


def test_entity_words_path_in_a_saved_pipeline(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    custom = spacy.load(
        tmp_path / "p",
        config={"components.quotekit_entities.words.path": str(_words_without_new(tmp_path))},
    )
    assert _countries(custom(REGION)) == {"MX": [[17, 23], [57, 63]]}


def test_declarations_name_what_it_reads_and_writes(nlp):
    meta = nlp.get_pipe_meta("quotekit_entities")
    assert set(meta.assigns) == {"doc._.quotekit_entities", "doc.spans"}
    assert {"doc.ents", "token.dep", "token.pos", "token.tag", "doc._.quotekit_boilerplate"} <= set(
        meta.requires
    )
    assert nlp.analyze_pipes(pretty=False)["problems"]["quotekit_entities"] == []


ARTICLES = [
    (
        "Finnish Foreign Minister Anna Berg met Jens Lund, 54, in Oslo. Berg said Finland "
        "would sign. Lund, the mayor of Westbury, said Moscow warned Washington."
    ),
    (
        "The North Atlantic Treaty Organization (NATO) met on Monday. NATO said Russian troops "
        "had left. Acme Holdings and its chief, Mr Omar Haddad, said the Kremlin's offer stood."
    ),
    (
        "Helga Brandt of Brandt Logistics said the U.S.-backed plan would fail. Brandt Logistics "
        "said the European Commission agreed; the Commission declined to comment."
    ),
]


def test_component_keeps_no_document_state_and_serves_threads(nlp):
    comp = nlp.get_pipe("quotekit_entities")
    assert isinstance(comp, EntityResolver)
    docs = list(nlp.pipe(ARTICLES * 4))
    expected = [doc._.quotekit_entities for doc in docs]
    assert set(vars(comp)) == {"name", "spans_key", "lexicon"}
    for doc in docs:
        doc._.quotekit_entities = None
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(comp, docs))
    assert [doc._.quotekit_entities for doc in docs] == expected
    assert set(vars(comp)) == {"name", "spans_key", "lexicon"}


def test_places_through_config_path(nlp, tmp_path):
    """A town in the places table used as a place is no organisation; without the table
    the model's label stands."""
    text = "Roy Okafor, a racer from Derby, built the gear changer himself."
    config = nlp.config["components"]["quotekit_entities"]
    assert config["places"]["@misc"] == "quotekit.places.v1"
    assert ("ORG", "Derby") not in _entities(nlp(text))
    path = tmp_path / "places.json"
    path.write_text(json.dumps({"places": {}, "legal_forms": []}), encoding="utf-8")
    comp = nlp.create_pipe(
        "quotekit_entities",
        config={"places": {"@misc": "quotekit.places.v1", "path": str(path)}},
    )
    doc = nlp(text)
    labels = {e.text: e.label_ for e in doc.ents}
    if labels.get("Derby") == "ORG":  # what the small model says today
        assert ("ORG", "Derby") in _entities(comp(doc))
