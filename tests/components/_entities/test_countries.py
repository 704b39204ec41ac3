"""The country and international-organisation tables, their build scripts, the
loader (``quotekit.registry.load_json_table``) and the country index of
``quotekit.components._entities.countries``."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from quotekit.components._entities.countries import country_index, lookup_country
from quotekit.registry import load_json_table

ROOT = Path(__file__).resolve().parents[3]
SCRIPTS = ROOT / "scripts"
DATA = ROOT / "src" / "quotekit" / "data"

HAVE_BUILD_DEPS = all(importlib.util.find_spec(m) is not None for m in ("pycountry", "countryinfo"))
needs_build_deps = pytest.mark.skipif(
    not HAVE_BUILD_DEPS,
    reason="pycountry and countryinfo are not installed (pip install '.[build]'); "
    "cannot regenerate the country table",
)


@pytest.fixture(scope="module")
def countries():
    return load_json_table("countries.json")


@pytest.fixture(scope="module")
def index(countries):
    return country_index(countries)


def _run_build(script: str, output: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / script), "--output", str(output)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- regeneration ----------------------------------------------------------


@needs_build_deps
def test_regenerated_country_table_is_identical_to_shipped(tmp_path):
    out = tmp_path / "countries.json"
    _run_build("build_countries.py", out)
    assert out.read_bytes() == (DATA / "countries.json").read_bytes()


def test_regenerated_intl_orgs_table_is_identical_to_shipped(tmp_path):
    out = tmp_path / "intl_orgs.json"
    _run_build("build_intl_orgs.py", out)
    assert out.read_bytes() == (DATA / "intl_orgs.json").read_bytes()


# -- country table ---------------------------------------------------------


@needs_build_deps
def test_every_iso_country_is_present(countries):
    import pycountry

    expected = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    shipped = {c["iso2"]: c["iso3"] for c in countries}
    assert shipped == expected


def test_country_records_are_well_formed(countries):
    assert len(countries) >= 249
    assert [c["iso2"] for c in countries] == sorted(c["iso2"] for c in countries)
    fields = {"iso2", "iso3", "name", "official_name", "names", "demonyms", "capitals", "seats"}
    for country in countries:
        assert set(country) == fields, country["iso2"]
        assert country["name"] in country["names"], country["iso2"]
        for field in ("names", "demonyms", "capitals", "seats"):
            values = country[field]
            assert len(values) == len(set(values)), (country["iso2"], field)
            assert all(v == v.strip() and v for v in values), (country["iso2"], field)
        # the consumer strips a leading "the": names never carry one
        assert not any(n.lower().startswith("the ") for n in country["names"]), country["iso2"]


@pytest.mark.parametrize(
    "surface, iso2, form_type",
    [
        ("U.S.", "US", "name"),
        ("US", "US", "name"),
        ("America", "US", "name"),
        ("the United States", "US", "name"),
        ("American", "US", "demonym"),
        ("Americans", "US", "demonym"),
        ("Washington", "US", "capital"),
        ("the White House", "US", "seat"),
        ("Pentagon", "US", "seat"),
        ("Capitol Hill", "US", "seat"),
        ("Russia", "RU", "name"),
        ("Russian", "RU", "demonym"),
        ("Moscow", "RU", "capital"),
        ("the Kremlin", "RU", "seat"),
        ("Britons", "GB", "demonym"),
        ("British", "GB", "demonym"),
        ("UK", "GB", "name"),
        ("U.K.", "GB", "name"),
        ("Britain", "GB", "name"),
        ("Downing Street", "GB", "seat"),
        ("Chinese", "CN", "demonym"),
        ("Beijing", "CN", "capital"),
        ("DPRK", "KP", "name"),
        ("North Korea", "KP", "name"),
        ("South Korea", "KR", "name"),
        ("UAE", "AE", "name"),
        ("DRC", "CD", "name"),
        ("Congolese", "CD", "demonym"),
        ("Dominican", "DO", "demonym"),
        ("Dominica", "DM", "name"),
        ("Nigerien", "NE", "demonym"),
        ("Nigerian", "NG", "demonym"),
        ("French", "FR", "demonym"),
        ("Frenchmen", "FR", "demonym"),
        ("the Élysée", "FR", "seat"),
        ("Elysee", "FR", "seat"),
        ("Israelis", "IL", "demonym"),
        ("the Knesset", "IL", "seat"),
        ("Filipinos", "PH", "demonym"),
        ("Dutch", "NL", "demonym"),
        ("The Hague", "NL", "capital"),
        ("Swiss", "CH", "demonym"),
        ("Germans", "DE", "demonym"),
        ("Czechs", "CZ", "demonym"),
        ("Pretoria", "ZA", "capital"),
        ("the Holy See", "VA", "seat"),
        ("Vatican", "VA", "name"),
        ("Taiwan", "TW", "name"),
        ("Hong Kong", "HK", "name"),
        ("Palestinians", "PS", "demonym"),
        ("Jerusalem", "IL", "capital"),
        ("Ivory Coast", "CI", "name"),
        ("Côte d’Ivoire", "CI", "name"),
        ("Cote d'Ivoire", "CI", "name"),
        ("Chad", "TD", "name"),
        ("Georgia", "GE", "name"),
        ("Türkiye", "TR", "name"),
        ("Burma", "MM", "name"),
        ("Laos", "LA", "name"),
        ("Czechia", "CZ", "name"),
        ("St Lucia", "LC", "name"),
        ("Kyiv", "UA", "capital"),
    ],
)
def test_spot_checks(index, surface, iso2, form_type):
    assert lookup_country(index, surface) == (iso2, form_type)


def test_names_and_demonyms_of_major_countries(countries):
    by_iso = {c["iso2"]: c for c in countries}
    assert by_iso["US"]["name"] == "United States"
    assert by_iso["US"]["official_name"] == "United States of America"
    assert by_iso["RU"]["name"] == "Russia"
    assert by_iso["GB"]["name"] == "United Kingdom"
    assert by_iso["KR"]["name"] == "South Korea"
    assert by_iso["KP"]["name"] == "North Korea"
    assert by_iso["IR"]["name"] == "Iran"
    assert by_iso["VN"]["name"] == "Vietnam"
    assert by_iso["NL"]["capitals"][:2] == ["Amsterdam", "The Hague"]
    # every sovereign-looking country with people has an adjective, bar the
    # documented exceptions (shared "Congolese"/"Dominican", the Vatican)
    uninhabited_or_territory = {
        "AQ",
        "AX",
        "BL",
        "BQ",
        "BV",
        "GG",
        "IO",
        "JE",
        "MF",
        "MP",
        "MQ",
        "PM",
        "RE",
        "SJ",
        "SX",
        "TC",
        "TF",
        "UM",
        "VG",
        "VI",
        "YT",
    }
    without = {c["iso2"] for c in countries if not c["demonyms"]}
    assert without - uninhabited_or_territory <= {"CG", "DM", "VA"}


def test_no_string_maps_to_two_countries(countries):
    owners: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        for field in ("names", "demonyms", "capitals", "seats"):
            for form in country[field]:
                owners[form].add(country["iso2"])
    shared = {form: isos for form, isos in owners.items() if len(isos) > 1}
    assert not shared
    country_index(countries)  # raises on a clash after normalisation too


# -- loader ------------------------------------------------------------------


def test_load_json_table_is_cached():
    assert load_json_table("countries.json") is load_json_table("countries.json")
    assert isinstance(load_json_table("intl_orgs.json"), list)


def _toy():
    return [
        {
            "iso2": "US",
            "names": ["United States", "U.S.", "US", "America"],
            "demonyms": ["American"],
            "capitals": ["Washington"],
            "seats": ["the White House"],
        },
        {
            "iso2": "DJ",
            "names": ["Djibouti"],
            "demonyms": ["Djiboutian"],
            "capitals": ["Djibouti"],
            "seats": [],
        },
        {"iso2": "GB", "names": ["UK", "Britain"], "demonyms": [], "capitals": [], "seats": []},
    ]


def test_country_index_keys_and_types():
    index = country_index(_toy())
    assert index["US"] == ("US", "name")
    assert index["U.S."] == ("US", "name")
    assert index["united states"] == ("US", "name")
    assert index["america"] == ("US", "name")
    assert index["american"] == ("US", "demonym")
    assert index["washington"] == ("US", "capital")
    assert index["white house"] == ("US", "seat")  # leading "the" stripped
    assert "us" not in index and "uk" not in index
    assert index["djibouti"] == ("DJ", "name")  # name wins over capital


def test_country_index_rejects_a_form_of_two_countries():
    toy = _toy()
    toy[2]["capitals"] = ["Washington"]
    with pytest.raises(ValueError, match="Washington"):
        country_index(toy)


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("US", ("US", "name")),
        ("U.S.", ("US", "name")),
        ("U.S.'s", ("US", "name")),
        ("us", None),
        ("Us", None),
        ("u.s.", None),
        ("uk", None),
        ("UK’s", ("GB", "name")),
        ("America's", ("US", "name")),
        ("AMERICA", ("US", "name")),
        ("the  United   States", ("US", "name")),
        ("The United States'", ("US", "name")),
        ("White House", ("US", "seat")),
        ("the White House’s", ("US", "seat")),
        ("Americans", None),
        ("Britain", ("GB", "name")),
        ("", None),
        ("the", None),
    ],
)
def test_lookup_country(surface, expected):
    assert lookup_country(country_index(_toy()), surface) == expected


# -- international organisations ----------------------------------------------


def test_intl_orgs_table():
    orgs = load_json_table("intl_orgs.json")
    assert len(orgs) >= 80
    assert [o["name"].casefold() for o in orgs] == sorted(o["name"].casefold() for o in orgs)
    by_alias = {}
    for org in orgs:
        assert set(org) == {"name", "aliases", "kind"}
        for form in [org["name"], *org["aliases"]]:
            assert form not in by_alias, form
            by_alias[form] = org
    expect = {
        "NATO": "North Atlantic Treaty Organization",
        "UN": "United Nations",
        "EU": "European Union",
        "ECB": "European Central Bank",
        "IMF": "International Monetary Fund",
        "WHO": "World Health Organization",
        "UNICEF": "United Nations Children's Fund",
        "UNHCR": "Office of the United Nations High Commissioner for Refugees",
        "IAEA": "International Atomic Energy Agency",
        "G20": "Group of Twenty",
        "ICC": "International Criminal Court",
        "Doctors Without Borders": "Médecins Sans Frontières",
        "Red Cross": "International Committee of the Red Cross",
        "Arab League": "League of Arab States",
    }
    for alias, name in expect.items():
        assert by_alias[alias]["name"] == name
    assert by_alias["NATO"]["kind"] == "alliance"
    for name in (
        "World Bank",
        "OPEC",
        "ASEAN",
        "African Union",
        "Interpol",
        "FIFA",
        "BRICS",
        "Mercosur",
        "European Commission",
        "European Parliament",
        "Council of Europe",
    ):
        assert name in by_alias, name


def test_intl_orgs_do_not_collide_with_country_forms(index):
    orgs = load_json_table("intl_orgs.json")
    clashes = [
        form
        for org in orgs
        for form in [org["name"], *org["aliases"]]
        if lookup_country(index, form) is not None
    ]
    assert not clashes
