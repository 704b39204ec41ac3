"""What ``quotekit_entities`` knows before it reads a document, built once from its config.

The tables (countries, organisations, titles, forenames) and word lists
(``quotekit.entity_words.v1``, ``quotekit.organisation_words.v1``) become frozensets,
dictionaries and phrase matchers here. The result is read-only: one component, and
so one lexicon, may serve several threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...text import is_abbreviation, normalise_name
from .countries import country_index

#: The gender an honorific of ``fallback_honorifics`` implies; ``-`` implies none.
_NO_GENDER = "-"


@dataclass(frozen=True)
class Words:
    """The word lists of ``quotekit.entity_words.v1`` and the organisation name suffixes
    of ``quotekit.organisation_words.v1`` (see scripts/tables/lexicons/)."""

    title_modifiers: frozenset[str]
    determiners: frozenset[str]
    name_stopwords: frozenset[str]
    region_prefixes: frozenset[str]
    state_words: frozenset[str]
    not_organisations: frozenset[str]
    generic_suffixes: tuple[tuple[str, ...], ...]
    rank_abbreviations: frozenset[str]
    affiliation_prepositions: frozenset[str]
    fallback_honorifics: Mapping[str, str | None]
    org_suffixes: frozenset[str]
    non_entity_heads: frozenset[str] = frozenset()
    award_names: frozenset[str] = frozenset()
    org_descriptors: frozenset[str] = frozenset()
    org_possessions: frozenset[str] = frozenset()
    org_roles: frozenset[str] = frozenset()
    holder_prepositions: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    locative_prepositions: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    transfer_verbs: frozenset[str] = frozenset()
    peerages: frozenset[str] = frozenset()
    club_verbs: frozenset[str] = frozenset()


def read_words(words: Mapping[str, Any], organisation_words: Mapping[str, Any]) -> Words:
    """The word sets from the two lexicons (as their readers return them).

    words (Mapping): ``quotekit.entity_words.v1``.
    organisation_words (Mapping): ``quotekit.organisation_words.v1``.
    RETURNS (Words): the sets.
    """

    def words_of(name: str) -> frozenset[str]:
        return frozenset(words.get(name, ()))

    return Words(
        title_modifiers=words_of("title_modifiers"),
        determiners=words_of("determiners"),
        name_stopwords=words_of("name_stopwords"),
        region_prefixes=words_of("region_prefixes"),
        state_words=words_of("state_words"),
        not_organisations=words_of("not_organisations"),
        # An entry of several words is a list; one word is a plain string.
        generic_suffixes=tuple(
            tuple(e) if isinstance(e, list) else (e,) for e in words.get("generic_suffixes", ())
        ),
        rank_abbreviations=words_of("rank_abbreviations"),
        affiliation_prepositions=words_of("affiliation_prepositions"),
        fallback_honorifics={
            k: (None if v == _NO_GENDER else v)
            for k, v in dict(words.get("fallback_honorifics", {})).items()
        },
        org_suffixes=frozenset(organisation_words.get("name_suffixes", ())),
        non_entity_heads=words_of("non_entity_heads"),
        award_names=words_of("award_names"),
        org_descriptors=words_of("org_descriptors"),
        org_possessions=words_of("org_possessions"),
        org_roles=words_of("org_roles"),
        holder_prepositions=words_of("holder_prepositions"),
        person_nouns=words_of("person_nouns"),
        locative_prepositions=words_of("locative_prepositions"),
        place_nouns=words_of("place_nouns"),
        transfer_verbs=words_of("transfer_verbs"),
        peerages=words_of("peerages"),
        club_verbs=words_of("club_verbs"),
    )


@dataclass(frozen=True)
class Matchers:
    """Phrase matchers over the gazetteers (each returns ``(match_id, start, end)``)."""

    country: PhraseMatcher  # country forms matched in any case
    country_abbrev: PhraseMatcher  # abbreviations ("US", "U.K."), with their capitals
    org: PhraseMatcher  # organisation names and aliases, in any case
    org_exact: PhraseMatcher  # acronyms and strict aliases, with their capitals


@dataclass(frozen=True)
class Lexicon:
    """Everything the passes look up; built by :func:`build_lexicon`."""

    countries: Mapping[str, Mapping[str, Any]]  # iso2 -> country record
    country_index: Mapping[str, tuple[str, str]]  # form -> (iso2, form type)
    org_alias: Mapping[str, str]  # folded name or alias -> canonical name
    titles: frozenset[str]
    title_gender: Mapping[str, str | None]
    honorifics: Mapping[str, str | None]
    male: frozenset[str]
    female: frozenset[str]
    forenames: frozenset[str]
    words: Words
    matchers: Matchers
    places: Mapping[str, str]  # town or city name -> iso2 (``quotekit.places.v1``)
    legal_forms: frozenset[str]  # company legal forms, lower case without dots

    def country_name(self, iso: str) -> str:
        """The short English name of the country ``iso``."""
        return self.countries[iso]["name"]


def build_lexicon(
    nlp: Language,
    countries: list[dict[str, Any]],
    organisations: list[dict[str, Any]],
    titles: dict[str, Any],
    forenames: dict[str, list[str]],
    words: Words,
    places: Mapping[str, Any] | None = None,
) -> Lexicon:
    """The lexicon of one component.

    nlp (Language): the pipeline (its vocab and tokenizer make the matchers' patterns).
    countries (list[dict]): ``quotekit.countries.v1``.
    organisations (list[dict]): international and news organisations, in that order.
    titles (dict): ``quotekit.titles.v1``.
    forenames (dict): ``quotekit.forenames.v1``.
    words (Words): from :func:`read_words`.
    places (Mapping | None): ``quotekit.places.v1`` (towns and legal forms), or None.
    RETURNS (Lexicon): the lexicon.
    """
    index = country_index(countries)
    org_alias: dict[str, str] = {}
    for rec in organisations:
        for alias in [rec["name"], *rec.get("aliases", ())]:
            org_alias.setdefault(normalise_name(alias), rec["name"])
    title_table = titles.get("titles", {})
    male = frozenset(forenames.get("male", ()))
    female = frozenset(forenames.get("female", ()))
    return Lexicon(
        countries={c["iso2"]: c for c in countries},
        country_index=index,
        org_alias=org_alias,
        titles=frozenset(k.lower() for k in title_table),
        title_gender={
            k.lower(): v.get("gender") for k, v in title_table.items() if isinstance(v, dict)
        },
        honorifics={
            k.lower(): v for k, v in (titles.get("honorifics") or words.fallback_honorifics).items()
        },
        male=male,
        female=female,
        forenames=male | female,
        words=words,
        matchers=_build_matchers(nlp, index, organisations),
        places=dict((places or {}).get("places", {})),
        legal_forms=frozenset((places or {}).get("legal_forms", ())),
    )


def _build_matchers(
    nlp: Language, index: Mapping[str, tuple[str, str]], organisations: list[dict[str, Any]]
) -> Matchers:
    def patterns(forms: Iterable[str]) -> list[Doc]:
        return [nlp.make_doc(form) for form in forms]

    lower_forms = sorted(key for key in index if not is_abbreviation(key))
    exact_forms = sorted(key for key in index if is_abbreviation(key))
    country = PhraseMatcher(nlp.vocab, attr="LOWER")
    country.add("COUNTRY", patterns(lower_forms))
    country_abbrev = PhraseMatcher(nlp.vocab, attr="ORTH")
    country_abbrev.add("COUNTRY", patterns(exact_forms))
    org_forms = sorted(
        {
            a
            for rec in organisations
            for a in [rec["name"], *rec.get("aliases", ())]
            if len(a) > 3 and not a.isupper() and a not in rec.get("strict_aliases", ())
        }
    )
    org = PhraseMatcher(nlp.vocab, attr="LOWER")
    org.add("ORG", patterns(org_forms))
    # Acronyms and names that must match with their exact capitals ("SNP", "The Times");
    # names that are also common otherwise ("Bloomberg", "Forbes") are left to the model.
    exact = sorted(
        {
            a
            for rec in organisations
            for a in [rec["name"], *rec.get("aliases", ()), *rec.get("strict_aliases", ())]
            if (a.isupper() and len(a) >= 2) or a in rec.get("strict_aliases", ())
        }
        - {a for rec in organisations for a in rec.get("context_aliases", ())}
    )
    org_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    org_exact.add("ORG", patterns(exact))
    return Matchers(country=country, country_abbrev=country_abbrev, org=org, org_exact=org_exact)
