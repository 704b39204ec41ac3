"""The words ``quotekit_sources`` reads, built once per component from its config.

Three tables meet here: the component's own lexicon (``quotekit.source_words.v1``,
config key ``words``), the reporting-cue table (``quotekit.reporting_cues.v1``, key
``cues``), which gives the forms of the verbs the lexicon names by lemma, and the
forenames table (``quotekit.forenames.v1``, key ``forenames``). The result is a frozen
``SourceWords`` of frozensets, shared read-only by every document's work.
"""

from __future__ import annotations

import copyreg
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import regex

from ...errors import Errors, QuotekitError
from .patterns import slash_agency_pattern


# Pipelines get pickled (workers started by spawn, user code): a read-only mapping
# pickles as a new read-only mapping of the same items.
def _read_only(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


copyreg.pickle(MappingProxyType, lambda m: (_read_only, (dict(m),)))

#: The lists of ``quotekit.source_words.v1`` read as sets of lower-case words, by
#: the ``SourceWords`` field they fill (the same name unless said otherwise).
WORD_SETS = (
    "frame_fillers",
    "upper_frame_nouns",
    "generic_frame_nouns",
    "broadcast_media",
    "broadcast_followers",
    "prefixed_frame_nouns",
    "frame_prefixes",
    "article_frame_nouns",
    "name_particles",
    "anaphor_nouns",
    "programme_nouns",
    "report_nouns",
    "staff_nouns",
    "programme_links",
    "report_determiners",
    "speak_words",
    "quoted_words",
    "reported_by_words",
    "interview_nouns",
    "in_report_words",
    "on_air_words",
    "citing_words",
    "inverted_verbs",
    "aux_words",
    "aux_copulas",
    "credit_after",
    "credit_before",
    "courtesy_words",
)
#: Lists of cue-table lemmas: every form counts (``ing=True``) or the forms without
#: "-ing" (a finite verb after the organisation's name).
LEMMA_LISTS = {
    "tell_lemmas": True,
    "write_lemmas": True,
    "quote_lemmas": False,
    "report_lemmas": False,
    "subject_lemmas": False,
}


@dataclass(frozen=True)
class SourceWords:
    """Every word list of the component (see ``scripts/tables/lexicons/source_words.tsv``
    for what each is for), plus the verb forms derived from the cue table:

    - ``subject_forms``: verbs a news organisation is the subject of ("Reuters
      reported"): the "-ing"-less cue forms of ``subject_lemmas``, and the
      lexicon's ``subject_forms``;
    - ``speech_forms``: verbs a journalist speaks with ("BBC correspondent X said"):
      ``subject_forms``, ``tell_forms`` and every cue verb's "-ing"-less forms;
    - ``tell_forms``, ``write_forms`` (all forms), ``quote_forms``, ``report_forms``;
    - ``relay_forms``: a clause an organisation reports ("Y said ..., X reported"):
      ``subject_forms`` and ``tell_forms``.
    """

    frame_nouns: Mapping[str, str]
    frame_fillers: frozenset[str]
    upper_frame_nouns: frozenset[str]
    generic_frame_nouns: frozenset[str]
    broadcast_media: frozenset[str]
    broadcast_followers: frozenset[str]
    prefixed_frame_nouns: frozenset[str]
    frame_prefixes: frozenset[str]
    article_frame_nouns: frozenset[str]
    name_particles: frozenset[str]
    anaphor_nouns: frozenset[str]
    programme_nouns: frozenset[str]
    report_nouns: frozenset[str]
    staff_nouns: frozenset[str]
    programme_links: frozenset[str]
    report_determiners: frozenset[str]
    speak_words: frozenset[str]
    quoted_words: frozenset[str]
    reported_by_words: frozenset[str]
    interview_nouns: frozenset[str]
    in_report_words: frozenset[str]
    on_air_words: frozenset[str]
    citing_words: frozenset[str]
    inverted_verbs: frozenset[str]
    aux_words: frozenset[str]
    aux_copulas: frozenset[str]
    credit_after: frozenset[str]
    credit_before: frozenset[str]
    courtesy_words: frozenset[str]
    subject_forms: frozenset[str]
    speech_forms: frozenset[str]
    relay_forms: frozenset[str]
    tell_forms: frozenset[str]
    write_forms: frozenset[str]
    quote_forms: frozenset[str]
    report_forms: frozenset[str]
    caption_credit_endings: tuple[str, ...]
    forenames: frozenset[str]
    slash_agency: regex.Pattern | None


def _list(lexicon: Mapping[str, Any], key: str) -> list[str]:
    value = lexicon.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise QuotekitError(Errors.E030.format(key=key, kind="a list of words", value=value))
    return value


def _frame_nouns(lexicon: Mapping[str, Any]) -> Mapping[str, str]:
    value = lexicon.get("frame_nouns")
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise QuotekitError(
            Errors.E030.format(key="frame_nouns", kind="a mapping of word to kind", value=value)
        )
    return MappingProxyType({k.lower(): v for k, v in value.items()})


def cue_forms(cues: Mapping[str, Any], lemmas: Iterable[str], ing: bool) -> frozenset[str]:
    """The forms the cue table gives the verbs ``lemmas`` (a lemma it lacks gives none).

    cues (Mapping): the ``quotekit.reporting_cues.v1`` table.
    lemmas (Iterable[str]): verb lemmas.
    ing (bool): keep the forms ending in "-ing" too.
    RETURNS (frozenset[str]): the forms.
    """
    verbs = cues.get("verbs") or {}
    out: set[str] = set()
    for lemma in lemmas:
        info = verbs.get(lemma)
        if isinstance(info, dict):
            out.update(f for f in info.get("forms", ()) if ing or not f.endswith("ing"))
    return frozenset(out)


def _forenames(forenames: Any, extras: Iterable[str]) -> frozenset[str]:
    """Lower-case given names from every group of the forenames table, and ``extras``."""
    names = {name.lower() for name in extras}
    groups = forenames.values() if isinstance(forenames, dict) else [forenames]
    for group in groups:
        if isinstance(group, (list, dict)):
            names.update(g.lower() for g in group if isinstance(g, str))
    return frozenset(names)


def build_words(lexicon: Mapping[str, Any], cues: Mapping[str, Any], forenames: Any) -> SourceWords:
    """The ``SourceWords`` of a component.

    lexicon (Mapping): the ``quotekit.source_words.v1`` lists.
    cues (Mapping): the ``quotekit.reporting_cues.v1`` table (its ``verbs``).
    forenames (Any): the ``quotekit.forenames.v1`` table (``{group: [names]}``).
    RETURNS (SourceWords): the frozen word sets.
    RAISES (QuotekitError): E030 if a list is missing or not a list of words.
    """
    fields: dict[str, Any] = {
        key: frozenset(w.lower() for w in _list(lexicon, key)) for key in WORD_SETS
    }
    lemma = {key: cue_forms(cues, _list(lexicon, key), ing) for key, ing in LEMMA_LISTS.items()}
    subject = lemma["subject_lemmas"] | {w.lower() for w in _list(lexicon, "subject_forms")}
    tell = lemma["tell_lemmas"]
    fields.update(
        frame_nouns=_frame_nouns(lexicon),
        subject_forms=subject,
        speech_forms=subject | tell | cue_forms(cues, cues.get("verbs") or {}, ing=False),
        relay_forms=subject | tell,
        tell_forms=tell,
        write_forms=lemma["write_lemmas"],
        quote_forms=lemma["quote_lemmas"],
        report_forms=lemma["report_lemmas"],
        caption_credit_endings=tuple(_list(lexicon, "caption_credit_endings")),
        forenames=_forenames(forenames, _list(lexicon, "forename_extras")),
        slash_agency=slash_agency_pattern(_list(lexicon, "photo_agency_names")),
    )
    return SourceWords(**fields)
