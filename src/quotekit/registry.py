"""Registered, versioned readers for quotekit's shipped tables.

Each is a ``spacy.registry.misc`` function, so a ``config.cfg`` can point a
component at another table: ``countries = {"@misc": "quotekit.countries.v1",
"path": "my_countries.json"}``. They are also declared as ``spacy_misc`` entry
points, so a saved pipeline resolves them without ``import quotekit``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
import srsly

from .tables import load_json_table


def _read(default_name: str, path: str | None) -> Any:
    if path:
        return srsly.read_json(Path(path))
    return load_json_table(default_name)


def read_lexicon(name: str, path: str | None = None, extra: dict[str, Any] | None = None) -> dict:
    """The word lists of ``data/lexicons/<name>.json`` (built by scripts/build_lexicons.py).

    name (str): the lexicon, e.g. ``"organisation_words"``.
    path (str | None): a JSON file in the same shape to use instead of the shipped one.
    extra (dict | None): entries to add, ``{list name: [entries]}`` (or ``{entry: value}``
        for a list of pairs); they come after the shipped entries.
    RETURNS (dict): ``{list name: list or dict}`` (copies; safe to change).
    """
    table = {
        key: (dict(value) if isinstance(value, dict) else list(value))
        for key, value in _read(f"lexicons/{name}.json", path).items()
    }
    for key, value in (extra or {}).items():
        base = table.get(key)
        if isinstance(base, dict) and isinstance(value, dict):
            base.update(value)
        elif isinstance(value, (list, tuple)) and isinstance(base, (list, type(None))):
            table[key] = list(base or []) + [v for v in value if v not in (base or [])]
        else:
            from .errors import Errors, QuotekitError

            raise QuotekitError(Errors.E020.format(key=key, value=value))
    return table


@spacy.registry.misc("quotekit.organisation_words.v1")
def organisation_words_v1(path: str | None = None, extra: dict[str, Any] | None = None) -> dict:
    """Words about organisations: ``name_suffixes`` ("Group", "Bank", "Corp.", ...)."""
    return read_lexicon("organisation_words", path, extra)


@spacy.registry.misc("quotekit.countries.v1")
def countries_v1(path: str | None = None, extra: list[dict[str, Any]] | None = None) -> list[dict]:
    """The ISO 3166-1 country table (names, abbreviations, demonyms, capitals, seats).

    path (str | None): a JSON file in the same shape to use instead of the shipped one.
    extra (list[dict] | None): records to add or merge by ``iso2`` (their lists extend
        the shipped ones), e.g. ``[{"iso2": "GB", "names": ["Blighty"]}]``.
    RETURNS (list[dict]): the table.
    """
    table = [dict(rec) for rec in _read("countries.json", path)]
    if extra:
        from .errors import Errors, QuotekitError

        by_iso = {rec["iso2"]: rec for rec in table}
        for rec in extra:
            iso = rec.get("iso2")
            if not isinstance(iso, str) or len(iso) != 2:
                raise QuotekitError(Errors.E011.format(entry=rec))
            if iso in by_iso:
                base = by_iso[iso]
                for key, value in rec.items():
                    if isinstance(value, list):
                        base[key] = list(base.get(key, [])) + [
                            v for v in value if v not in base.get(key, [])
                        ]
                    elif key != "iso2":
                        base[key] = value
            else:
                if "name" not in rec:
                    raise QuotekitError(Errors.E011.format(entry=rec))
                new = {
                    "iso3": None,
                    "official_name": rec["name"],
                    "names": [rec["name"]],
                    "demonyms": [],
                    "capitals": [],
                    "seats": [],
                    **rec,
                }
                table.append(new)
                by_iso[iso] = new
    return table


@spacy.registry.misc("quotekit.international_organisations.v1")
def international_organisations_v1(path: str | None = None) -> list[dict]:
    """International organisations with their acronyms (NATO, UN, IMF, ...)."""
    return list(_read("intl_orgs.json", path))


@spacy.registry.misc("quotekit.news_organisations.v1")
def news_organisations_v1(path: str | None = None) -> list[dict]:
    """The news organisation gazetteer read by ``quotekit_sources``.

    Records look like ``{"name": "Reuters", "kind": "news_agency", "country": "GB",
    "aliases": ["Reuters", "REUTERS"], "strict_aliases": ["REUTERS"]}``.

    path (str | None): a JSON file in the same shape to use instead of the shipped
        ``news_orgs.json``.
    RETURNS (list[dict]): the records (copies; safe to change).
    """
    return [dict(rec) for rec in _read("news_orgs.json", path)]


@spacy.registry.misc("quotekit.reporting_cues.v1")
def reporting_cues_v1(
    path: str | None = None, extra_verbs: dict[str, dict] | None = None
) -> dict[str, Any]:
    """Reporting verbs (every inflected form), nouns and phrases.

    path (str | None): a JSON file in the same shape to use instead of the shipped one.
    extra_verbs (dict | None): more verbs, ``{"lemma": {"class": "speech", "forms": [...]}}``.
    RETURNS (dict): ``{"verbs": ..., "forms": ..., "nouns": ..., "phrases": ...}``.
    """
    table = dict(_read("cues.json", path))
    if extra_verbs:
        verbs = dict(table.get("verbs", {}))
        for lemma, info in extra_verbs.items():
            verbs[lemma] = {"class": "speech", "particle": None, "forms": [lemma], **info}
        table["verbs"] = verbs
    return table


@spacy.registry.misc("quotekit.titles.v1")
def titles_v1(path: str | None = None) -> dict[str, Any]:
    """Job titles and roles (with the gender some imply) and honorifics."""
    return dict(_read("titles.json", path))


@spacy.registry.misc("quotekit.forenames.v1")
def forenames_v1(path: str | None = None) -> dict[str, list[str]]:
    """First names that are clearly male or clearly female (for pronoun agreement)."""
    return dict(_read("forenames.json", path))


@spacy.registry.misc("quotekit.attribution_words.v1")
def attribution_words_v1(path: str | None = None, extra: dict[str, Any] | None = None) -> dict:
    """The words the attribution rules read: pronouns (with gender, possessives),
    organisation and document nouns, kinds of organisation, title qualifiers, cues whose
    subject may follow them, fallback cues (see scripts/tables/lexicons/attribution_words.tsv).

    path (str | None): a JSON file in the same shape to use instead of the shipped one
        (it must hold every list).
    extra (dict | None): entries to add, ``{list name: [words]}`` or ``{list name:
        {word: value}}``.
    RETURNS (dict): ``{list name: list or dict}`` (copies; safe to change).
    """
    return read_lexicon("attribution_words", path, extra)
