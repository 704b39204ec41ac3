"""Table tests for the typing layer of quotekit_entities (issue 16): the evidence an
article gives about a name beyond the model's label, one table per class of error.

Every text is invented (real countries and capitals, invented people, firms, clubs and
towns; real towns only where the shipped places table is what is tested).
"""

from __future__ import annotations

import pytest

import quotekit

pytestmark = pytest.mark.model


def _entities(nlp, text):
    return [(e.type, e.name) for e in quotekit.extract(text, nlp=nlp).entities]


def _names(nlp, text, type_):
    return {name for t, name in _entities(nlp, text) if t == type_}


def _all_names(nlp, text):
    return {name for _, name in _entities(nlp, text)}


# ------------------------------------------------------- works, awards, events, laws
# (text, a name that must be no PERSON and no ORG)
NOT_ENTITIES = [
    ("Spain reached the Davis Cup final after a long weekend.", "Davis Cup"),
    ("She won two Oscars and a Bafta last year.", "Oscars"),
    ("MPs will debate the Mental Capacity Bill on Tuesday.", "Mental Capacity Bill"),
    ("Freezing temperatures closed the roads. Officials said the snow would stay.", "Freezing"),
    ("Software watching you work\n\nSoftware that records each keystroke is on sale.", "Software"),
    ("The Westminster Hour is on the radio on Sunday nights.", "Westminster Hour"),
    (
        "He played Wonder Woman's rival, and Wonder Woman won the fight in the end.",
        "Wonder Woman",
    ),
    (
        "The young Billy Okafors in the musical are all twelve. Billy Okafor opens soon.",
        "Billy Okafor",
    ),
    ("Ukraine is the only non-Nato member invited to the summit.", "non-Nato"),
    ("The Dow Jones closed higher on Friday.", "Dow Jones"),
]


@pytest.mark.parametrize("text, name", NOT_ENTITIES)
def test_works_events_laws_and_common_words_are_no_entity(nlp, text, name):
    assert name not in _names(nlp, text, "PERSON") | _names(nlp, text, "ORG")


# ------------------------------------------------------- organisations after people, places
# (text, the organisation's name)
FIRMS_NAMED_LIKE_PEOPLE = [
    (
        "Australian building products group Harlan Brothers has agreed to pay $1bn.",
        "Harlan Brothers",
    ),
    ("It has paid $1bn for US wine maker Robert Okafor, bought last month.", "Robert Okafor"),
    ("Sporting Malta lost the final on Sunday.", "Sporting Malta"),
    ("The striker signed from Derby last week.", "Derby"),
]


@pytest.mark.parametrize("text, name", FIRMS_NAMED_LIKE_PEOPLE)
def test_organisations_named_after_people_and_places(nlp, text, name):
    assert name in _names(nlp, text, "ORG"), _entities(nlp, text)
    assert name not in _names(nlp, text, "PERSON")


def test_a_club_named_after_a_country_is_not_the_country(nlp):
    text = "Sporting Malta lost the final on Sunday."
    assert "Malta" not in _names(nlp, text, "COUNTRY")


# ------------------------------------------------------- a capital as its government
# (text, expected country names)
CAPITALS = [
    ("Dublin said it would not change its tax rules.", {"Ireland"}),
    ("The Dublin government rejected the plan.", {"Ireland"}),
    ("Victoria said she was delighted with the result.", set()),
    ("Madrid beat Valencia 2-0 on Sunday.", set()),
    ("Lisbon is about everything and thus about nothing.", set()),
]


@pytest.mark.parametrize("text, countries", CAPITALS)
def test_a_capital_is_a_country_only_as_its_government(nlp, text, countries):
    assert _names(nlp, text, "COUNTRY") == countries


def test_a_first_name_that_speaks_as_she_is_a_person(nlp):
    assert "Victoria" in _names(nlp, "Victoria said she was delighted with the result.", "PERSON")


# ------------------------------------------------------- people the model missed
# (text, expected person name)
PEOPLE_MISSED = [
    ("His British-born wife, Joan, suggested he had nothing to lose.", "Joan"),
    ("But Liberal Democrat peer Lord Carlile said the law was wrong.", "Lord Carlile"),
    ("Labour peer Baroness Okafor, who chairs the inquiry, said it was wrong.", "Baroness Okafor"),
    ("The campaign is backed by singer-songwriters Lucie Varga and others.", "Lucie Varga"),
    ("Tory Liam Okafor said his party offered a clear choice.", "Liam Okafor"),
]


@pytest.mark.parametrize("text, name", PEOPLE_MISSED)
def test_people_the_model_missed_or_mislabelled(nlp, text, name):
    assert name in _names(nlp, text, "PERSON"), _entities(nlp, text)


# ------------------------------------------------------- towns, venues, products
# (text, a town that must not be an organisation)
PLACES = [
    ("The Newport-based athlete won gold in the relay.", "Newport"),
    ("Roy Okafor, a racer from Derby, built the gear changer himself.", "Derby"),
    ("Mirza lives in the southern Indian city of Hyderabad.", "Hyderabad"),
    ("Polls are held at Bristol, Doncaster and Hartlepool on Thursday.", "Doncaster"),
]


@pytest.mark.parametrize("text, town", PLACES)
def test_towns_named_as_places_are_no_organisation(nlp, text, town):
    assert town not in _names(nlp, text, "ORG")
    assert not any(town in name for name in _names(nlp, text, "ORG"))


def test_a_title_after_a_party_is_no_part_of_it(nlp):
    text = "The Conservative Party Co-Chairman said the plan was clear."
    orgs = _names(nlp, text, "ORG")
    assert not any("Chairman" in name or name.endswith("Co") for name in orgs), orgs


# ------------------------------------------------------- splits and merges
def test_an_organisation_cut_at_its_and_is_one(nlp):
    text = "Officials from the Westbury Parks and Wildlife Department said the deer were safe."
    orgs = _names(nlp, text, "ORG")
    assert "Westbury Parks and Wildlife Department" in orgs, orgs
    assert "Wildlife Department" not in orgs


def test_an_organisation_cut_after_for_is_whole(nlp):
    text = "The Alliance for Digital Inclusion, an independent body, was set up last year."
    assert "Alliance for Digital Inclusion" in _names(nlp, text, "ORG")


def test_a_list_of_bodies_is_several_organisations(nlp):
    text = (
        "Funding goes to parties with two members in the House of Commons, European "
        "Parliament or Welsh Assembly."
    )
    orgs = _names(nlp, text, "ORG")
    assert not any("," in name for name in orgs), orgs


def test_a_known_party_in_a_title_is_mentioned(nlp):
    text = "Tory leader Michael Okafor said the election would be close."
    assert "Conservative Party" in _names(nlp, text, "ORG")
    assert "Michael Okafor" in _names(nlp, text, "PERSON")


def test_two_organisations_joined_by_and_are_two(nlp):
    text = "Their appeal is supported by Westbury International and Liberty."
    orgs = _names(nlp, text, "ORG")
    assert not any(" and " in name for name in orgs), orgs


def test_a_club_premodifying_a_role_after_a_kin_noun_is_no_person(nlp):
    # The parser reads "Chicago Cubs" as the subject of "shortstop"; the apposition
    # ("husband, X,") is the shortstop's, not the club's.
    text = (
        "She will now start a new life with husband, Chicago Cubs shortstop Tom Okafor, "
        "who was in the stands."
    )
    assert "Chicago Cubs" not in _names(nlp, text, "PERSON")
