"""The country table's index: every name, abbreviation, demonym, capital and seat.

Pure Python (no spaCy): ``scripts/build_countries.py`` loads this module by path to
check the table it builds with the same normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

from ...errors import Errors, QuotekitError
from ...text.abbreviations import is_abbreviation

__all__ = ["FORM_TYPES", "country_index", "lookup_country"]

#: Form types in order of precedence: when one country lists the same
#: normalised form under several types (e.g. "Djibouti" is both the name and
#: the capital), the earlier type wins.
FORM_TYPES = ("name", "demonym", "capital", "seat")
_FIELDS = {"name": "names", "demonym": "demonyms", "capital": "capitals", "seat": "seats"}

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_WHITESPACE = re.compile(r"\s+")


def _normalise(surface: str) -> str:
    """Strip a leading "the", a trailing possessive, and collapse whitespace.

    Typographic apostrophes are also mapped to ASCII ones so that
    "Côte d’Ivoire" and "Côte d'Ivoire" meet.
    """
    text = unicodedata.normalize("NFC", surface)
    text = _WHITESPACE.sub(" ", text).strip()
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    return text.replace("\u2019", "'")


def _index_key(surface: str) -> str:
    """The key a surface form is stored under (case-sensitive for abbreviations)."""
    form = _normalise(surface)
    return form if is_abbreviation(form) else form.lower()


def _iter_forms(countries: list[dict]) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(key, iso2, form_type, surface)`` for every form of every country."""
    for country in countries:
        iso2 = country["iso2"]
        for form_type in FORM_TYPES:
            for surface in country.get(_FIELDS[form_type], ()):
                key = _index_key(surface)
                if key:
                    yield key, iso2, form_type, surface


def country_index(countries: list[dict]) -> dict[str, tuple[str, str]]:
    """Map a normalised surface form -> ``(iso2, form_type)``.

    ``form_type`` is one of 'name', 'demonym', 'capital', 'seat'.
    Normalisation: strip a leading 'the ' (case-insensitive), strip a trailing
    possessive ('s, ’s or '), collapse whitespace. Keys are stored
    case-sensitively for abbreviations (``quotekit.text.is_abbreviation``: all-caps,
    at most four letters, with or without dots: 'US', 'U.S.', 'UK', 'UAE') and
    lower-cased for everything else.

    Within one country a form listed under several types keeps the first of
    name > demonym > capital > seat. A form that belongs to two different
    countries raises ``QuotekitError`` E021, a ``ValueError`` (the shipped table has none).

    countries (list[dict]): the country table (``quotekit.countries.v1``).
    RETURNS (dict[str, tuple[str, str]]): the index.
    """
    index: dict[str, tuple[str, str]] = {}
    for key, iso2, form_type, surface in _iter_forms(countries):
        known = index.get(key)
        if known is None:
            index[key] = (iso2, form_type)
        elif known[0] != iso2:
            raise QuotekitError(
                Errors.E021.format(surface=surface, key=key, first=known[0], second=iso2)
            )
        elif FORM_TYPES.index(form_type) < FORM_TYPES.index(known[1]):
            index[key] = (iso2, form_type)
    return index


def lookup_country(index: Mapping[str, tuple[str, str]], surface: str) -> tuple[str, str] | None:
    """Find ``surface`` in an index made by :func:`country_index`.

    Applies the same normalisation, tries the exact (case-sensitive) key first,
    then the lower-cased key. Abbreviation keys are stored in capitals only, so
    they are never matched case-insensitively: 'us' never becomes US.

    index (Mapping): made by :func:`country_index`.
    surface (str): the form as written.
    RETURNS (tuple[str, str] | None): ``(iso2, form_type)``, or None.
    """
    form = _normalise(surface)
    if not form:
        return None
    hit = index.get(form)
    if hit is not None:
        return hit
    # Abbreviations are stored only in capitals, so 'us' or 'Us' finds nothing.
    return index.get(form.lower())
