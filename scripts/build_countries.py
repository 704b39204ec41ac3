#!/usr/bin/env python
"""Build ``src/quotekit/data/countries.json`` from pycountry + countryinfo.

Usage::

    python scripts/build_countries.py [--output PATH]

Sources
-------
* **pycountry** (ISO 3166-1): the list of countries, alpha-2/alpha-3 codes,
  the ISO short name, the official name and, for some, a common name.
* **countryinfo** (1.0.x): the usual English name, alternative spellings,
  the capital and one demonym (adjective) per country.
* ``scripts/country_overrides.json``: a small hand-curated file with what the
  packages lack or get wrong for news English (abbreviations such as "U.S.",
  missing or wrong demonyms, second seats of government, government metonyms).

Rules applied here (in this order)
----------------------------------
1. ``name`` is the override if any, else pycountry's ``common_name``, else
   countryinfo's name, else the ISO name, else the official name -- the first
   that is not an inverted catalogue form ("Korea, Republic of"), without
   any parenthesis ("Cocos (Keeling) Islands" -> "Cocos Islands").
2. ``names`` = name, official name, ISO name, common name, countryinfo name,
   the countryinfo alternative spellings that look like English official forms
   (Latin script, at least two words, one of them an English designator such
   as "Republic", "Kingdom", "Islands", and no foreign function words), then the override names. Inverted
   forms are dropped, parentheticals removed, a leading "the" stripped
   ("The Gambia" -> "Gambia": the consumer strips it), ISO codes are never
   names on their own (abbreviations used by news come from the overrides),
   and "Saint X" also yields "St X" and "St. X".
3. ``demonyms``: countryinfo's demonym (split on commas) plus override
   adjectives/nouns, then plural nouns by rule: "+s", "-man" -> "-men", and no
   plural for words ending in -ese, -ish, -tch/-nch, -sh, -ss, -ois, -ic, -x
   or listed in ``no_plural`` ("-man" -> "-men" only for compounds such as
   Frenchman or Irishwoman, so "German" -> "Germans").
4. ``capitals``: countryinfo's capital (split on "/"), plus override capitals.
5. Every name, demonym, capital and seat with accents also gets its
   accent-free spelling ("Élysée" -> "Elysee", "Bogotá" -> "Bogota").
6. ``drop_names`` / ``drop_demonyms`` / ``drop_capitals`` (per country)
   remove derived strings (and their accent-free spellings); ``resolve`` (top level)
   gives a string that several countries produce one owner, or none.
   Resolutions chosen: territories that countryinfo gives their parent's
   demonym ("French" for Réunion, "Chinese" for Hong Kong, "American" for the
   Northern Marianas, "Indian" for the British Indian Ocean Territory,
   "Norwegian" for Svalbard) keep it only for the parent; "Congolese" goes to
   the Democratic Republic of the Congo, which news about "Congolese" people
   or troops means far more often (about 100 million people against 6 million
   in the Republic of the Congo); "Dominican" goes to the Dominican Republic
   for the same reason (Dominica has no other demonym, so it has none);
   "Channel Islander" is shared by Jersey and Guernsey and is dropped;
   "Kingston" is Jamaica's (not Norfolk Island's) and "Oranjestad" Aruba's
   (not Sint Eustatius's).
7. Any remaining string that normalises (see
   ``quotekit/components/_entities/countries.py``) to a form of two different
   countries makes the build fail, listing every clash.

Output: one JSON list sorted by ISO alpha-2, keys sorted, ``ensure_ascii=False``,
indent 1, trailing newline -- byte-identical for the same package versions.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import types
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUTPUT = ROOT / "src" / "quotekit" / "data" / "countries.json"
OVERRIDES = HERE / "country_overrides.json"


def _load_country_index_module():
    """Load ``quotekit/components/_entities/countries.py`` by path: the same normalisation
    as the consumer, without importing the ``quotekit`` package (and spaCy) or needing it
    installed. Its parent packages are stood in for by empty ones, so that its relative
    imports (``quotekit.errors``, ``quotekit.text``: pure Python) resolve and no package's
    ``__init__`` beyond ``quotekit.text`` runs."""
    src = ROOT / "src" / "quotekit"
    for name, path in (
        ("_quotekit_src", src),
        ("_quotekit_src.components", src / "components"),
        ("_quotekit_src.components._entities", src / "components" / "_entities"),
    ):
        package = types.ModuleType(name)
        package.__path__ = [str(path)]
        sys.modules.setdefault(name, package)
    return importlib.import_module("_quotekit_src.components._entities.countries")


_iter_forms = _load_country_index_module()._iter_forms

# Words that mark an alternative spelling as an English (official) name form.
ENGLISH_DESIGNATORS = {
    "Bailiwick",
    "Commonwealth",
    "Confederation",
    "Co-operative",
    "Democratic",
    "Department",
    "Duchy",
    "Emirates",
    "Federal",
    "Federated",
    "Federation",
    "Hashemite",
    "Independent",
    "Island",
    "Islands",
    "Kingdom",
    "Oriental",
    "People's",
    "Plurinational",
    "Principality",
    "Republic",
    "Socialist",
    "State",
    "States",
    "Sultanate",
    "Territory",
    "Union",
}
# Foreign function words: an alternative spelling containing one is not English.
FOREIGN_WORDS = {
    "al",
    "da",
    "de",
    "del",
    "della",
    "des",
    "di",
    "do",
    "du",
    "el",
    "la",
    "na",
    "wa",
    "ya",
}

# "-ch" here is "-tch"/"-nch" (Dutch, French): "Czech" still takes an "s".
INVARIANT_ENDINGS = ("ese", "ish", "tch", "nch", "sh", "ss", "ois", "ic", "x")


def clean(text: str | None) -> str:
    if not text:
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def strip_the(text: str) -> str:
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def is_inverted(text: str) -> bool:
    """Catalogue forms such as "Korea, Republic of" or "Virgin Islands, British".

    A comma followed by a list ("Bonaire, Sint Eustatius and Saba") is a real name.
    """
    if ", " not in text:
        return False
    tail = text.split(", ", 1)[1]
    return " and " not in tail


def drop_parenthetical(text: str) -> str:
    return clean(re.sub(r"\s*\([^)]*\)", "", text))


def fold(text: str) -> str:
    """Accent-free spelling: "Côte d'Ivoire" -> "Cote d'Ivoire", "Åland" -> "Aland"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def is_english_official_form(text: str) -> bool:
    if not is_latin(text):
        return False
    words = re.findall(r"[\w'-]+", text)
    if len(words) < 2 or any(w.lower() in FOREIGN_WORDS for w in words):
        return False
    return any(w in ENGLISH_DESIGNATORS for w in words)


def plural(demonym: str, no_plural: set[str]) -> str | None:
    if demonym in no_plural or demonym.endswith(INVARIANT_ENDINGS):
        return None
    compound = re.match(r"^(.*?)(wo)?man$", demonym)  # Frenchman, Dutchwoman, not German
    if compound and compound.group(1).endswith(INVARIANT_ENDINGS):
        return demonym[:-3] + "men"
    return demonym + "s"


class Forms:
    """An ordered, de-duplicated list of strings."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str | None) -> None:
        text = clean(text)
        if text and text not in self.items:
            self.items.append(text)

    def extend(self, texts) -> None:
        for text in texts:
            self.add(text)


def load_sources():
    try:
        import pycountry
        from countryinfo import CountryInfo, CountryNotFoundError
    except ImportError as exc:  # pragma: no cover - exercised only without the build extra
        raise SystemExit(f"needs pycountry and countryinfo (pip install .[build]): {exc}")

    records = []
    for country in pycountry.countries:
        try:
            info = dict(CountryInfo(country.alpha_2).info())
        except CountryNotFoundError:
            info = {}
        records.append((country, info))
    return records


def _keep(resolve: dict[str, str | None], form: str, iso2: str, dropped=frozenset()) -> bool:
    """Whether ``form`` stays a form of ``iso2``: not dropped, and not resolved elsewhere."""
    if form in dropped:
        return False
    if form in resolve:
        return resolve[form] == iso2
    return True


def _names(country, info: dict, over: dict) -> tuple[str, str, Forms]:
    """The country's short name, official name and every name form."""
    iso_codes = {country.alpha_2, country.alpha_3}
    iso_name = clean(country.name)
    official = clean(getattr(country, "official_name", None))
    common = clean(getattr(country, "common_name", None))
    ci_name = clean(info.get("name"))

    name = clean(over.get("name"))
    if not name:
        for candidate in (common, ci_name, iso_name, official):
            if candidate and not is_inverted(candidate):
                name = strip_the(drop_parenthetical(candidate))
                break
    official_name = clean(over.get("official_name")) or strip_the(official or iso_name)
    if is_inverted(official_name):
        official_name = name

    raw_names = [name, official_name, iso_name, common, ci_name]
    raw_names += [
        s
        for s in (clean(a) for a in info.get("altSpellings") or [])
        if s and s not in iso_codes and is_english_official_form(s)
    ]
    names = Forms()
    for text in raw_names:
        if not text or is_inverted(text):
            continue
        names.add(strip_the(drop_parenthetical(text)))
    names.extend(over.get("names", []))
    for text in list(names.items):
        if text.startswith("Saint "):
            names.add("St " + text[6:])
            names.add("St. " + text[6:])
    return name, official_name, names


def _demonyms(info: dict, over: dict, keep, no_plural: set[str]) -> Forms:
    adjectives = Forms()
    adjectives.extend((info.get("demonym") or "").split(","))
    adjectives.extend(over.get("demonyms", []))
    demonyms = Forms()
    for adj in adjectives.items:
        if not keep(adj):
            continue
        demonyms.add(adj)
        demonyms.add(plural(adj, no_plural))
    return demonyms


def _capitals(info: dict, over: dict) -> Forms:
    capital = info.get("capital") or []
    if isinstance(capital, str):
        capital = capital.split("/")
    capitals = Forms()
    capitals.extend(capital)
    capitals.extend(over.get("capitals", []))
    return capitals


def _record(country, info: dict, over: dict, resolve: dict, no_plural: set[str]) -> dict:
    """One country's record of the table."""
    iso2 = country.alpha_2
    drop = {
        field: set(over.get("drop_" + field, [])) for field in ("names", "demonyms", "capitals")
    }
    name, official_name, names = _names(country, info, over)
    demonyms = _demonyms(
        info, over, lambda adj: _keep(resolve, adj, iso2, drop["demonyms"]), no_plural
    )
    seats = Forms()
    seats.extend(over.get("seats", []))

    def finish(forms: Forms, dropped: set[str] = frozenset()) -> list[str]:
        out = Forms()
        for text in forms.items:
            out.add(text)
            out.add(fold(text))
        return [t for t in out.items if _keep(resolve, t, iso2, dropped)]

    record = {
        "iso2": iso2,
        "iso3": country.alpha_3,
        "name": name,
        "official_name": official_name,
        "names": finish(names, drop["names"]),
        "demonyms": finish(demonyms, drop["demonyms"]),
        "capitals": finish(_capitals(info, over), drop["capitals"]),
        "seats": finish(seats),
    }
    if name not in record["names"]:
        raise SystemExit(f"{iso2}: the name {name!r} was dropped from its own names")
    return record


def build(overrides: dict) -> list[dict]:
    resolve: dict[str, str | None] = overrides.get("resolve", {})
    no_plural = set(overrides.get("no_plural", []))
    per_country: dict[str, dict] = overrides.get("countries", {})

    records = load_sources()
    known = {c.alpha_2 for c, _ in records}
    unknown = sorted(set(per_country) - known)
    if unknown:
        raise SystemExit(f"overrides name unknown ISO codes: {unknown}")
    countries = [
        _record(country, info, per_country.get(country.alpha_2, {}), resolve, no_plural)
        for country, info in records
    ]
    countries.sort(key=lambda c: c["iso2"])
    check_collisions(countries)
    return countries


def check_collisions(countries: list[dict]) -> None:
    owners: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for key, iso2, form_type, surface in _iter_forms(countries):
        owners[key][iso2].append(f"{form_type}:{surface}")
    clashes = {k: dict(v) for k, v in owners.items() if len(v) > 1}
    if clashes:
        lines = [f"  {key!r}: {by_country}" for key, by_country in sorted(clashes.items())]
        raise SystemExit(
            "country forms shared by several countries (fix with 'resolve' or 'drop' in "
            f"{OVERRIDES.name}):\n" + "\n".join(lines)
        )


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the JSON"
    )
    args = parser.parse_args(argv)
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    countries = build(overrides)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dump(countries), encoding="utf-8")
    print(f"wrote {len(countries)} countries to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
