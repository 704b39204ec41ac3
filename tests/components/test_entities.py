"""Table tests for quotekit_entities: people, countries and organisations of an article.

Every text is invented (real countries and well-known organisations, invented
people, firms and towns).
"""

from __future__ import annotations

import pytest

import quotekit

pytestmark = pytest.mark.model

ALLOWED_TYPES = {"PERSON", "COUNTRY", "ORG", "NORP", "LOC"}


def _of_type(article, type_):
    return [e for e in article.entities if e.type == type_]


def _people(article):
    return _of_type(article, "PERSON")


def _named(article, name):
    found = [e for e in article.entities if e.name == name]
    assert found, (
        f"no entity named {name!r}; entities: {[(e.type, e.name) for e in article.entities]}"
    )
    assert len(found) == 1, f"several entities named {name!r}"
    return found[0]


def _countries(article):
    return {e.iso: e for e in article.entities if e.type == "COUNTRY"}


# --------------------------------------------------------------------------- people
# (text, expected person name, aliases the entity must have, expected number of mentions)
PERSON_CLUSTERS = [
    pytest.param(
        "Jane Okafor, who chairs Brixa Energy, spoke first. Mrs Okafor said the firm "
        "would grow. Okafor's plan was approved. Okafor later left.",
        "Jane Okafor",
        {"Jane Okafor", "Okafor"},
        4,
        id="full-mrs-possessive-surname",
    ),
    pytest.param(
        "Peter Lund chairs the council. Mr Lund said the budget was tight. Lund's "
        "critics disagreed.",
        "Peter Lund",
        {"Peter Lund", "Lund"},
        3,
        id="full-mr-possessive",
    ),
    pytest.param(
        "Anatoly Kerimov arrived in Minsk. Kerimov's visit was brief. Shareholders backed Kerimov.",
        "Anatoly Kerimov",
        {"Anatoly Kerimov", "Kerimov"},
        3,
        id="untagged-full-name-no-nested-mention",
    ),
    pytest.param(
        "Tomasz Wrzesniewski, the chief executive of Brixa Energy, resigned on Monday. "
        "Wrzesniewski had led the firm for a decade.",
        "Tomasz Wrzesniewski",
        {"Tomasz Wrzesniewski", "Wrzesniewski"},
        2,
        id="rare-surname",
    ),
    # The model labels this surname ORG on its own: it must still join its person.
    pytest.param(
        "Helga Brandt runs a haulage firm. Brandt said the firm would expand.",
        "Helga Brandt",
        {"Helga Brandt", "Brandt"},
        2,
        id="mislabelled-surname-joins",
    ),
    # The tagger reads this surname as an adjective ("Lopez issues"): it still joins.
    pytest.param(
        "Actress Mara Lopez missed the premiere in Leeds. Lopez issues a statement "
        "apologising for her absence.",
        "Mara Lopez",
        {"Mara Lopez", "Lopez"},
        2,
        id="surname-tagged-as-adjective-joins",
    ),
    # ... but a word the text also writes in lower case stays a word.
    pytest.param(
        "Singer Anna Young toured Japan. Young people queued for hours to see young stars.",
        "Anna Young",
        {"Anna Young"},
        1,
        id="capitalised-word-written-lower-case-elsewhere-stays-a-word",
    ),
    pytest.param(
        "Kofi Asante-Boateng leads the union. Asante-Boateng rejected the offer.",
        "Kofi Asante-Boateng",
        {"Kofi Asante-Boateng", "Asante-Boateng"},
        2,
        id="mislabelled-hyphenated-surname-joins",
    ),
]


@pytest.mark.parametrize("text, name, aliases, n_mentions", PERSON_CLUSTERS)
def test_person_forms_cluster_into_one_entity(nlp, text, name, aliases, n_mentions):
    article = quotekit.extract(text, nlp=nlp)
    person = _named(article, name)
    assert person.type == "PERSON"
    assert aliases <= set(person.aliases)
    assert len(person.mentions) == n_mentions
    # No other entity carries one of the person's forms.
    others = [e for e in article.entities if e.id != person.id and set(e.aliases) & aliases]
    assert others == []


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param(
            "Jane Okafor and Grace Okafor run the bakery. Jane Okafor bakes; Grace Okafor sells.",
            {"Jane Okafor", "Grace Okafor"},
            id="sisters",
        ),
        pytest.param(
            "Gerald Mensah and his wife Ruth Mensah run the bakery.",
            {"Gerald Mensah", "Ruth Mensah"},
            id="husband-and-wife",
        ),
    ],
)
def test_same_surname_different_forenames_stay_apart(nlp, text, names):
    article = quotekit.extract(text, nlp=nlp)
    assert {e.name for e in _people(article)} == names


# (text, person name, a title the person must have, expected affiliation)
TITLES = [
    pytest.param(
        "Finnish Foreign Minister Anna Berg arrived in Oslo on Monday.",
        "Anna Berg",
        "Foreign Minister",
        "Finland",
        id="premodifier-nationality",
    ),
    pytest.param(
        "Norwegian Deputy Defence Minister Lars Dahl visited the base.",
        "Lars Dahl",
        "Deputy Defence Minister",
        "Norway",
        id="premodifier-deputy",
    ),
    pytest.param(
        "Jens Halvorsen, NATO's secretary general, said the alliance was united.",
        "Jens Halvorsen",
        "secretary general",
        "NATO",
        id="apposition-possessive-org",
    ),
    pytest.param(
        "Jane Okafor, the mayor of Westbury, opened the library.",
        "Jane Okafor",
        "mayor",
        "Westbury",
        id="apposition-of-place",
    ),
    pytest.param(
        "Peter Lund, chief executive of Brixa Energy, resigned.",
        "Peter Lund",
        "chief executive",
        "Brixa Energy",
        id="apposition-of-org",
    ),
    pytest.param(
        "Brixa Energy chief executive Peter Lund resigned.",
        "Peter Lund",
        "chief executive",
        "Brixa Energy",
        id="premodifier-org-name",
    ),
    # The parser hangs the name on "Westbury", the title's object.
    pytest.param(
        "The mayor of Westbury, Jane Okafor, opened the library.",
        "Jane Okafor",
        "mayor",
        "Westbury",
        id="preposed-apposition",
    ),
    pytest.param(
        "The spokesman for the Foreign Ministry, Ivan Petrov, said talks would go on.",
        "Ivan Petrov",
        "spokesman",
        "Foreign Ministry",
        id="preposed-apposition-for",
    ),
    # The affiliation ends at the comma, before a second apposition.
    pytest.param(
        "Jens Stoltenberg, the head of NATO, a military alliance, said so.",
        "Jens Stoltenberg",
        "head",
        "NATO",
        id="affiliation-ends-at-comma",
    ),
]


@pytest.mark.parametrize("text, name, title, affiliation", TITLES)
def test_titles_and_affiliation(nlp, text, name, title, affiliation):
    article = quotekit.extract(text, nlp=nlp)
    person = _named(article, name)
    assert person.type == "PERSON"
    assert any(title.lower() == t.lower() for t in person.titles), person.titles
    assert person.affiliation == affiliation


# --------------------------------------------------------------------------- countries
# (text, form as written, ISO code)
COUNTRY_FORMS = [
    pytest.param("The U.S. imposed new tariffs on steel.", "U.S.", "US", id="U.S."),
    pytest.param(
        "The United States imposed new tariffs on steel.",
        "United States",
        "US",
        id="the-United-States",
    ),
    pytest.param("America imposed new tariffs on steel.", "America", "US", id="America"),
    pytest.param(
        "American farmers protested against the tariffs.", "American", "US", id="American"
    ),
    pytest.param("Americans are paying more for steel.", "Americans", "US", id="Americans"),
    pytest.param(
        "Washington refused to comment on the tariffs.", "Washington", "US", id="Washington-acting"
    ),
    pytest.param(
        "Washington's programme of sanctions was extended.",
        "Washington",
        "US",
        id="Washington-possessive",
    ),
    pytest.param("Moscow warned of retaliation.", "Moscow", "RU", id="Moscow-warned"),
    pytest.param("A Russian tanker ran aground.", "Russian", "RU", id="Russian"),
    pytest.param("The Kremlin said the talks had failed.", "Kremlin", "RU", id="the-Kremlin"),
    pytest.param("Britons voted in record numbers.", "Britons", "GB", id="Britons"),
    pytest.param("The DPRK fired another missile.", "DPRK", "KP", id="DPRK"),
    pytest.param(
        "Foreign Minister Anna Berg met her Danish counterpart.", "Danish", "DK", id="Danish"
    ),
    pytest.param("Ireland beat Wales in Dublin.", "Ireland", "IE", id="Ireland"),
]


@pytest.mark.parametrize("text, form, iso", COUNTRY_FORMS)
def test_country_forms_resolve_to_iso(nlp, text, form, iso):
    article = quotekit.extract(text, nlp=nlp)
    countries = _countries(article)
    assert iso in countries, [(e.type, e.name, e.iso) for e in article.entities]
    country = countries[iso]
    assert form in country.aliases
    assert any(m.text == form for m in country.mentions)


@pytest.mark.parametrize(
    "text, iso",
    [
        pytest.param(
            "The trade talks were held in Washington on Monday.",
            "US",
            id="in-Washington-is-a-place",
        ),
        pytest.param(
            "The mayor of Washington opened the festival.",
            "US",
            id="mayor-of-Washington-is-a-place",
        ),
        pytest.param(
            "MOSCOW (Reuters) - A tanker ran aground off the coast of Norway on Tuesday.",
            "RU",
            id="dateline-is-not-a-mention",
        ),
        pytest.param(
            "Police in Northern Ireland arrested two men.",
            "IE",
            id="Northern-Ireland-is-not-Ireland",
        ),
        pytest.param(
            "Agence France-Presse reported the arrests.", "FR", id="AFP-name-is-not-France"
        ),
    ],
)
def test_not_a_country_mention(nlp, text, iso):
    article = quotekit.extract(text, nlp=nlp)
    assert iso not in _countries(article), [(e.type, e.name, e.iso) for e in article.entities]


@pytest.mark.parametrize(
    "text, iso, forms",
    [
        pytest.param(
            "The U.S. imposed tariffs. America's allies objected. Americans will pay more, "
            "and Washington refused to back down. The United States said talks would "
            "continue.",
            "US",
            {"U.S.", "America", "Americans", "Washington", "United States"},
            id="US",
        ),
        pytest.param(
            "Moscow warned of retaliation. The Kremlin said Russian forces were on alert. "
            "Russia denied the report.",
            "RU",
            {"Moscow", "Kremlin", "Russian", "Russia"},
            id="RU",
        ),
    ],
)
def test_all_forms_of_a_country_are_one_entity(nlp, text, iso, forms):
    article = quotekit.extract(text, nlp=nlp)
    same = [e for e in article.entities if e.iso == iso]
    assert len(same) == 1
    assert same[0].type == "COUNTRY"
    assert forms <= set(same[0].aliases)


def test_dateline_city_acting_later_is_a_mention(nlp):
    text = (
        "MOSCOW (Reuters) - A tanker ran aground off the coast of Norway on Tuesday.\n\n"
        "Moscow warned Oslo not to interfere."
    )
    article = quotekit.extract(text, nlp=nlp)
    russia = _countries(article)["RU"]
    starts = [m.start for m in russia.mentions]
    assert starts == [text.index("Moscow warned")]


# --------------------------------------------------------------------------- organisations
# (text, organisation name, aliases it must have)
ORGS = [
    pytest.param(
        "The North Atlantic Treaty Organization (NATO) met in Brussels. NATO said it "
        "would send more troops.",
        "North Atlantic Treaty Organization",
        {"North Atlantic Treaty Organization", "NATO"},
        id="acronym-defined-known",
    ),
    pytest.param(
        "The Kestrel Mining Corporation (KMC) cut 300 jobs. KMC said demand had collapsed.",
        "Kestrel Mining Corporation",
        {"Kestrel Mining Corporation", "KMC"},
        id="acronym-defined-invented",
    ),
    pytest.param(
        "Workers at the Norland Steel Company (NSC) went on strike on Monday. The NSC "
        "said it would not negotiate.",
        "Norland Steel Company",
        {"Norland Steel Company", "NSC"},
        id="acronym-defined-with-the",
    ),
    # The model does not tag the full name: its initials spell the acronym.
    pytest.param(
        "The Norland Dairy Cooperative (NDC) raised milk prices on Monday.",
        "Norland Dairy Cooperative",
        {"Norland Dairy Cooperative", "NDC"},
        id="acronym-defined-untagged-full-name",
    ),
    pytest.param(
        "Officials of the Bank for Rural Credit and Savings (BRCS) met on Monday.",
        "Bank for Rural Credit and Savings",
        {"Bank for Rural Credit and Savings", "BRCS"},
        id="acronym-defined-with-function-words",
    ),
    pytest.param(
        "The IMF cut its growth forecast. The International Monetary Fund said "
        "inflation was too high.",
        "International Monetary Fund",
        {"IMF", "International Monetary Fund"},
        id="known-alias-IMF",
    ),
    pytest.param(
        "The European Central Bank raised rates. The ECB said inflation was too high.",
        "European Central Bank",
        {"European Central Bank", "ECB"},
        id="known-alias-ECB",
    ),
    pytest.param(
        "The United Nations said aid was blocked. The UN called for a ceasefire.",
        "United Nations",
        {"United Nations", "UN"},
        id="known-alias-UN",
    ),
    pytest.param(
        "The World Bank's report was published on Monday.",
        "World Bank",
        {"World Bank"},
        id="the-and-possessive-normalised",
    ),
    pytest.param(
        "The International Monetary Fund's report was gloomy.",
        "International Monetary Fund",
        {"International Monetary Fund"},
        id="possessive-normalised",
    ),
    pytest.param(
        "Brixa Energy's shares fell. Brixa Energy said it would cut jobs.",
        "Brixa Energy",
        {"Brixa Energy"},
        id="invented-possessive-merges",
    ),
    pytest.param(
        "Vivendi said profits rose. Vivendi Universal owns a music label.",
        "Vivendi Universal",
        {"Vivendi Universal", "Vivendi"},
        id="Vivendi-merges",
    ),
]


@pytest.mark.parametrize("text, name, aliases", ORGS)
def test_organisations(nlp, text, name, aliases):
    article = quotekit.extract(text, nlp=nlp)
    org = _named(article, name)
    assert org.type == "ORG"
    assert aliases <= set(org.aliases)
    for alias in org.aliases:
        assert not alias.lower().startswith("the ") and not alias.endswith("'s"), org.aliases
    others = [e for e in article.entities if e.id != org.id and set(e.aliases) & aliases]
    assert others == []


# (text, name, expected type): an entity is given the type a reader gives it.
TYPES = [
    pytest.param(
        "Brixa Energy reported a loss on Tuesday.", "Brixa Energy", "ORG", id="invented-firm"
    ),
    pytest.param(
        'Acme Corp said in a statement: "We regret the delay."',
        "Acme Corp",
        "ORG",
        id="corp-suffix-before-quote",
    ),
    pytest.param(
        '"We regret the delay," Acme Corp said in a statement.',
        "Acme Corp",
        "ORG",
        id="corp-suffix-after-quote",
    ),
    pytest.param(
        "Helga Brandt runs Brandt Logistics. Brandt said the firm would expand.",
        "Brandt Logistics",
        "ORG",
        id="firm-named-after-person",
    ),
    pytest.param(
        '"We will rebuild the bridge by spring," Okafor, 54, told reporters.',
        "Okafor",
        "PERSON",
        id="lone-surname-speaker-with-age",
    ),
    pytest.param(
        "Okafor, 54, a retired teacher, said the bridge was unsafe.",
        "Okafor",
        "PERSON",
        id="lone-surname-with-age-first",
    ),
    pytest.param(
        "Acme Corp, 12, said so.", "Acme Corp", "ORG", id="age-like-number-after-a-company"
    ),
    # The model tags these lone surnames PERSON and ORG; without the age both end up ORG.
    pytest.param(
        "Kowalczyk, 61, said the plan would fail.",
        "Kowalczyk",
        "PERSON",
        id="lone-person-entity-with-age-stays-a-person",
    ),
    pytest.param(
        "Kowalczyk said the plan would fail.",
        "Kowalczyk",
        "ORG",
        id="lone-person-entity-without-age-is-a-firm",
    ),
    pytest.param(
        "Marchetti, 61, said the plan would fail.",
        "Marchetti",
        "PERSON",
        id="lone-org-entity-with-age-is-a-person",
    ),
]


@pytest.mark.parametrize("text, name, type_", TYPES)
def test_entity_type(nlp, text, name, type_):
    article = quotekit.extract(text, nlp=nlp)
    assert _named(article, name).type == type_


# --------------------------------------------------------------------------- output contract
CONTRACT_TEXTS = [
    pytest.param(
        "MOSCOW (Reuters) - Russian Deputy Defence Minister Oleg Baranov said on "
        "Sunday that Washington had refused talks. \u201cIt is very dangerous,\u201d "
        "Baranov told Interfax. NATO and the European Union declined to comment, and "
        "Poland's foreign ministry said Warsaw would not change course.",
        id="news-paragraph",
    ),
    pytest.param(
        "Jane Okafor, the mayor of Westbury, met Peter Lund of Brixa Energy. The IMF "
        "and Americans in Westbury were not consulted.",
        id="mixed",
    ),
]


@pytest.mark.parametrize("text", CONTRACT_TEXTS)
def test_entity_contract(nlp, text):
    article = quotekit.extract(text, nlp=nlp)
    assert article.entities
    ids = [e.id for e in article.entities]
    assert len(set(ids)) == len(ids)
    for e in article.entities:
        assert e.type in ALLOWED_TYPES
        assert e.name and isinstance(e.name, str)
        if e.type == "COUNTRY":
            assert isinstance(e.iso, str) and len(e.iso) == 2 and e.iso.isupper(), e
        assert e.mentions, e
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
        for a, b in zip(e.mentions, e.mentions[1:]):
            assert a.end <= b.start, f"overlapping mentions of {e.name}: {a} {b}"


@pytest.mark.parametrize("text", CONTRACT_TEXTS)
def test_entity_span_group_kb_ids(nlp, text):
    doc = nlp(text)
    records = {e["id"]: e for e in doc._.quotekit_entities}
    spans = list(doc.spans["quotekit_entities"])
    assert spans
    for span in spans:
        assert span.kb_id_ in records, span
    # Every entity has at least one span, and the spans are its mentions.
    article = quotekit.Article.from_doc(doc)
    for e in article.entities:
        own = sorted((s.start_char, s.end_char) for s in spans if s.kb_id_ == e.id)
        assert own == [(m.start, m.end) for m in e.mentions], e.name


@pytest.mark.parametrize("number", ["²", "٥٤", "0", "120", "1" * 5000])
def test_age_apposition_never_crashes_on_odd_numbers(nlp, number):
    # Regression guard: the age test reads the number with int(); "²" passes
    # str.isdigit() but int() rejects it, and 5,000 digits exceed int()'s limit.
    text = f"Okafor, {number}, told reporters."
    article = quotekit.extract(text, nlp=nlp)
    assert all(text[m.start : m.end] == m.text for e in article.entities for m in e.mentions)


@pytest.mark.parametrize(
    "text,name",
    [
        ("They work for Brixa Holdings", "Brixa Holdings"),
        ("She joined Acme", "Acme"),
        ("They met Okafor", "Okafor"),
        ("Okafor,", None),
        ("Okafor, 54", None),
    ],
)
def test_a_name_at_the_very_end_of_the_text(nlp, text, name):
    # Regression: the age-apposition test read past the last token and raised
    # IndexError for any text ending in an organisation name.
    article = quotekit.extract(text, nlp=nlp)
    if name is not None:
        assert name in {e.name for e in article.entities}
    assert all(text[m.start : m.end] == m.text for e in article.entities for m in e.mentions)
