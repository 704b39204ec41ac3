"""The words the attribution rules read, built once per component from its config.

Every word list arrives through the factory config (``quotekit.attribution_words.v1``,
``quotekit.reporting_cues.v1``, ``quotekit.titles.v1``, ``quotekit.forenames.v1``,
``quotekit.organisation_words.v1``) and is frozen here into one :class:`Words` object
that every per-document step reads; nothing here changes after construction.
"""

from __future__ import annotations

import copyreg
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ...errors import Errors, QuotekitError


# Pipelines get pickled (workers started by spawn, user code): a read-only mapping
# pickles as a new read-only mapping of the same items.
def _read_only(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


copyreg.pickle(MappingProxyType, lambda m: (_read_only, (dict(m),)))

#: The lists of ``attribution_words``: ``list`` ones hold words, ``map`` ones word -> value.
LISTS = {
    "pronoun_gender": "map",
    "organisation_pronouns": "map",
    "possessive_pronouns": "map",
    "subject_pronouns": "list",
    "non_speaker_subjects": "list",
    "relative_pronouns": "list",
    "non_inverted_subjects": "list",
    "articles": "list",
    "mention_prepositions": "list",
    "author_prepositions": "list",
    "quote_verb_forms": "list",
    "organisation_nouns": "list",
    "organisation_kinds": "map",
    "document_nouns": "list",
    "title_qualifiers": "list",
    "inverting_cues": "list",
    "fallback_cues": "map",
    "cue_phrases": "list",
}
#: The values an ``organisation_pronouns`` entry may have.
ORGANISATION_PRONOUN_MODES = ("nearest", "subject")


@dataclass(frozen=True)
class Words:
    """Frozen word sets and look-ups; see scripts/tables/lexicons/attribution_words.tsv."""

    cue_forms: Mapping[str, str]  # lower-case verb form -> cue lemma
    particles: Mapping[str, str]  # form of a particle verb -> its particle ("point" -> "out")
    cue_phrases: tuple[str, ...]  # phrases the phrase matcher looks for, sorted
    person_titles: frozenset[str]
    forenames: frozenset[str]
    name_suffixes: frozenset[str]
    pronoun_gender: Mapping[str, str]
    organisation_pronouns: Mapping[str, str]
    possessive_pronouns: Mapping[str, str]
    subject_pronouns: frozenset[str]
    non_speaker_subjects: frozenset[str]
    relative_pronouns: frozenset[str]
    non_inverted_subjects: frozenset[str]
    articles: frozenset[str]
    mention_prepositions: frozenset[str]
    author_prepositions: frozenset[str]
    quote_verb_forms: frozenset[str]
    organisation_nouns: frozenset[str]
    organisation_kinds: Mapping[str, frozenset[str]]  # noun -> every noun of its kind
    document_nouns: frozenset[str]
    title_qualifiers: frozenset[str]
    inverting_cues: frozenset[str]


def build_words(
    lexicon: Mapping[str, Any],
    cues: Mapping[str, Any],
    cue_classes: Iterable[str],
    titles: Mapping[str, Any] | None,
    forenames: Mapping[str, Iterable[str]] | None,
    organisation_words: Mapping[str, Any] | None,
) -> Words:
    """The :class:`Words` of one component.

    lexicon (Mapping): the ``attribution_words`` lists (``quotekit.attribution_words.v1``).
    cues (Mapping): the cue table (``quotekit.reporting_cues.v1``).
    cue_classes (Iterable[str]): the verb classes that count as cues.
    titles (Mapping | None): the titles table; its ``titles`` keys are person titles.
    forenames (Mapping | None): ``{"male": [...], "female": [...]}``.
    organisation_words (Mapping | None): its ``name_suffixes`` mark a name as a firm's.
    RETURNS (Words): the frozen words.
    """
    _check(lexicon)
    cue_forms, particles = _cue_forms(cues, cue_classes, lexicon["fallback_cues"])
    phrases = [p["text"] for p in cues.get("phrases", ()) if p.get("text")]
    phrases += list(lexicon["cue_phrases"])

    def words(name: str) -> frozenset[str]:
        return frozenset(lexicon[name])

    def look_up(name: str) -> Mapping[str, str]:
        return MappingProxyType(dict(lexicon[name]))

    return Words(
        cue_forms=MappingProxyType(cue_forms),
        particles=MappingProxyType(particles),
        cue_phrases=tuple(sorted(set(phrases))),
        person_titles=frozenset(t.lower() for t in (titles or {}).get("titles", {})),
        forenames=(
            frozenset(forenames.get("male", ())) | frozenset(forenames.get("female", ()))
            if forenames
            else frozenset()
        ),
        # A multi-word suffix (a list of words) never equals one token's form.
        name_suffixes=frozenset(
            w for w in (organisation_words or {}).get("name_suffixes", ()) if isinstance(w, str)
        ),
        pronoun_gender=look_up("pronoun_gender"),
        organisation_pronouns=look_up("organisation_pronouns"),
        possessive_pronouns=look_up("possessive_pronouns"),
        subject_pronouns=words("subject_pronouns"),
        non_speaker_subjects=words("non_speaker_subjects"),
        relative_pronouns=words("relative_pronouns"),
        non_inverted_subjects=words("non_inverted_subjects"),
        articles=words("articles"),
        mention_prepositions=words("mention_prepositions"),
        author_prepositions=words("author_prepositions"),
        quote_verb_forms=words("quote_verb_forms"),
        organisation_nouns=words("organisation_nouns"),
        organisation_kinds=MappingProxyType(_kinds(lexicon["organisation_kinds"])),
        document_nouns=words("document_nouns"),
        title_qualifiers=words("title_qualifiers"),
        inverting_cues=words("inverting_cues"),
    )


def _check(lexicon: Mapping[str, Any]) -> None:
    missing = [name for name in LISTS if name not in lexicon]
    if missing:
        raise QuotekitError(Errors.E040.format(missing=", ".join(missing)))
    for name, kind in LISTS.items():
        if not _well_formed(lexicon[name], kind):
            raise QuotekitError(Errors.E041.format(name=name, kind=kind, value=lexicon[name]))
    modes = lexicon["organisation_pronouns"]
    bad = {w: m for w, m in modes.items() if m not in ORGANISATION_PRONOUN_MODES}
    if bad:
        raise QuotekitError(Errors.E042.format(entries=bad, modes=ORGANISATION_PRONOUN_MODES))


def _well_formed(value: Any, kind: str) -> bool:
    """A ``list`` of words, or for a ``map`` a dict of word -> word."""
    if kind == "map":
        return isinstance(value, dict) and all(
            isinstance(w, str) and isinstance(v, str) for w, v in value.items()
        )
    return isinstance(value, (list, tuple)) and all(isinstance(w, str) for w in value)


def _cue_forms(
    cues: Mapping[str, Any], cue_classes: Iterable[str], fallback: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Cue verb forms -> lemma, and particle-verb forms -> particle, of the allowed classes."""
    allowed = set(cue_classes)
    forms: dict[str, str] = {}
    particles: dict[str, str] = {}
    for lemma, info in cues.get("verbs", {}).items():
        if info.get("class") not in allowed:
            continue
        for form in info.get("forms", ()):
            if info.get("particle"):
                particles.setdefault(form.lower(), info["particle"])
            else:
                forms.setdefault(form.lower(), lemma)
    if not forms:
        forms = dict(fallback)
    forms.setdefault("according", "according to")
    return forms, particles


def _kinds(kind_of: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """``{noun: kind name}`` -> ``{noun: every noun of that kind}``."""
    groups: dict[str, set[str]] = {}
    for noun, kind in kind_of.items():
        groups.setdefault(kind, set()).add(noun)
    return {noun: frozenset(groups[kind]) for noun, kind in kind_of.items()}
