"""End-to-end tests of ``quotekit.extract`` / ``quotekit.extract_many`` and the output contract.

The contract is ``docs/output-format.md`` (shared). The canonical example
(``shared/data/newsroom/seed-article.txt``) is read from the shared folder when
present; its text is never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotekit

pytestmark = pytest.mark.model

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "data" / "newsroom" / "seed-article.txt"

ENTITY_TYPES = {"PERSON", "COUNTRY", "ORG", "NORP", "LOC"}
SOURCE_KINDS = {"news_agency", "newspaper", "broadcaster", "online", "magazine"}
SOURCE_ROLES = {"dateline", "cited", "credit"}

ARTICLE = (
    "WESTBURY, Norland (Reuters) - Norland's finance minister Jane Okafor said on Monday that "
    "the government would cut fuel duty, a move the IMF has opposed.\n\n"
    "\u201cWe cannot ask families to pay more this winter,\u201d Okafor told Reuters. "
    "\u201cThe numbers add up.\u201d\n\n"
    "Peter Lund, the opposition leader, called the plan \u201creckless\u201d.\n\n"
    "\u201cShe is borrowing from our children,\u201d he said, according to AFP.\n\n"
    "Washington and Moscow made no comment. Americans living in Westbury were not affected."
)


def _speaker_name(article, quote):
    entity = article.entity(quote.speaker)
    return entity.name if entity else None


# --------------------------------------------------------------------------- extract
def test_extract_returns_article_with_id_and_text(nlp):
    article = quotekit.extract(ARTICLE, "story-1", nlp=nlp)
    assert isinstance(article, quotekit.Article)
    assert article.id == "story-1"
    assert article.text == ARTICLE
    assert quotekit.extract(ARTICLE, nlp=nlp).id is None


def test_extract_finds_quotes_speakers_and_relays(nlp):
    article = quotekit.extract(ARTICLE, nlp=nlp)
    got = [
        (q.text, q.kind, _speaker_name(article, q), article.source(q.via).name if q.via else None)
        for q in article.quotes
    ]
    assert got == [
        ("We cannot ask families to pay more this winter,", "full", "Jane Okafor", "Reuters"),
        ("The numbers add up.", "full", "Jane Okafor", "Reuters"),
        ("reckless", "partial", "Peter Lund", None),
        ("She is borrowing from our children,", "full", "Peter Lund", "Agence France Presse"),
    ]


def test_extract_finds_entities_and_sources(nlp):
    article = quotekit.extract(ARTICLE, nlp=nlp)
    okafor = next(e for e in article.entities if e.name == "Jane Okafor")
    assert okafor.type == "PERSON"
    assert {"Jane Okafor", "Okafor"} <= set(okafor.aliases)
    countries = {e.iso for e in article.entities if e.type == "COUNTRY"}
    assert {"US", "RU"} <= countries
    roles = {s.name: set(s.roles) for s in article.sources}
    assert roles["Reuters"] == {"dateline", "cited"}
    assert roles["Agence France Presse"] == {"cited"}


def test_extract_rejects_non_text(nlp):
    with pytest.raises(TypeError):
        quotekit.extract(b"bytes are not text", nlp=nlp)
    with pytest.raises(TypeError):
        quotekit.extract(None, nlp=nlp)


def test_extract_empty_text(nlp):
    article = quotekit.extract("", nlp=nlp)
    assert article.quotes == () and article.entities == () and article.sources == ()
    assert article.reported == ()
    assert article.to_dict() == {
        "id": None,
        "quotes": [],
        "reported": [],
        "entities": [],
        "sources": [],
    }


# --------------------------------------------------------------------------- extract_many
TEXTS = [
    '"We will win," Jane Okafor said.',
    '"We will lose," Peter Lund said.',
    'Maria Santos said: "Nobody will win."',
]
SPEAKERS = ["Jane Okafor", "Peter Lund", "Maria Santos"]


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_extract_many_strings_keep_order(nlp, batch_size):
    articles = list(quotekit.extract_many(TEXTS, nlp=nlp, batch_size=batch_size))
    assert [a.text for a in articles] == TEXTS
    assert [a.id for a in articles] == [None, None, None]
    assert [_speaker_name(a, a.quotes[0]) for a in articles] == SPEAKERS


def test_extract_many_pairs_carry_ids(nlp):
    pairs = [(t, f"doc-{i}") for i, t in enumerate(TEXTS)]
    articles = list(quotekit.extract_many(iter(pairs), nlp=nlp))
    assert [a.id for a in articles] == ["doc-0", "doc-1", "doc-2"]
    assert [a.text for a in articles] == TEXTS
    assert [_speaker_name(a, a.quotes[0]) for a in articles] == SPEAKERS


def test_extract_many_mixed_items_and_none_id(nlp):
    items = [TEXTS[0], (TEXTS[1], "b"), (TEXTS[2], None)]
    articles = list(quotekit.extract_many(items, nlp=nlp))
    assert [a.id for a in articles] == [None, "b", None]


def test_extract_many_matches_extract(nlp):
    one = [quotekit.extract(t, nlp=nlp).to_dict() for t in TEXTS]
    many = [a.to_dict() for a in quotekit.extract_many(TEXTS, nlp=nlp)]
    assert one == many


def test_extract_many_is_lazy_and_rejects_bad_items(nlp):
    stream = quotekit.extract_many([TEXTS[0], 42], nlp=nlp, on_error="raise")
    with pytest.raises(TypeError, match="1"):
        list(stream)
    with pytest.raises(TypeError):
        list(quotekit.extract_many(TEXTS[0], nlp=nlp))  # a bare string is not a batch
    with pytest.raises(ValueError):
        list(quotekit.extract_many(TEXTS, nlp=nlp, batch_size=0))


def test_extract_many_empty(nlp):
    assert list(quotekit.extract_many([], nlp=nlp)) == []


# --------------------------------------------------------------------------- contract
def _is_mention(value, text):
    return (
        isinstance(value, dict)
        and set(value) == {"start", "end", "text"}
        and isinstance(value["start"], int)
        and isinstance(value["end"], int)
        and text[value["start"] : value["end"]] == value["text"]
    )


def test_to_dict_contract(nlp):
    article = quotekit.extract(ARTICLE, "story-1", nlp=nlp)
    d = article.to_dict()
    json.loads(json.dumps(d))  # plain JSON data
    assert set(d) == {"id", "quotes", "reported", "entities", "sources"}
    assert d["id"] == "story-1"
    assert d["quotes"] and d["entities"] and d["sources"]
    entity_ids = {e["id"] for e in d["entities"]}
    source_ids = {s["id"] for s in d["sources"]}

    for q in d["quotes"]:
        # The contract only grows: every documented key is there (more may be added).
        assert {
            "id",
            "start",
            "end",
            "text",
            "kind",
            "speaker",
            "speaker_mention",
            "cue",
            "via",
        } <= set(q)
        assert isinstance(q["id"], str)
        assert isinstance(q["start"], int) and isinstance(q["end"], int)
        assert ARTICLE[q["start"]] in "\"\u201c\u2018'"
        assert ARTICLE[q["end"] - 1] in "\"\u201d\u2019'"
        assert ARTICLE[q["start"] + 1 : q["end"] - 1] == q["text"]
        assert q["kind"] in {"full", "partial"}
        assert q["speaker"] is None or q["speaker"] in entity_ids
        assert q["via"] is None or q["via"] in source_ids
        for key in ("speaker_mention", "cue"):
            assert q[key] is None or _is_mention(q[key], ARTICLE), q[key]

    for r in d["reported"]:
        keys = {"id", "start", "end", "text", "speaker", "speaker_mention", "cue", "via"}
        assert keys <= set(r)
        assert ARTICLE[r["start"] : r["end"]] == r["text"] and r["text"]
        assert r["speaker"] is None or r["speaker"] in entity_ids
        assert r["via"] is None or r["via"] in source_ids
        for key in ("speaker_mention", "cue"):
            assert r[key] is None or _is_mention(r[key], ARTICLE), r[key]

    for e in d["entities"]:
        assert {"id", "type", "name", "aliases", "mentions", "titles", "affiliation", "iso"} <= set(
            e
        )
        assert isinstance(e["id"], str) and isinstance(e["name"], str)
        assert e["type"] in ENTITY_TYPES
        assert isinstance(e["aliases"], list) and all(isinstance(a, str) for a in e["aliases"])
        assert isinstance(e["titles"], list) and all(isinstance(t, str) for t in e["titles"])
        assert e["affiliation"] is None or isinstance(e["affiliation"], str)
        assert e["iso"] is None or (isinstance(e["iso"], str) and len(e["iso"]) == 2)
        if e["type"] == "COUNTRY":
            assert e["iso"] is not None
        assert e["mentions"] and all(_is_mention(m, ARTICLE) for m in e["mentions"])

    for s in d["sources"]:
        assert {"id", "name", "kind", "roles", "mentions"} <= set(s)
        assert isinstance(s["id"], str) and isinstance(s["name"], str)
        assert s["kind"] in SOURCE_KINDS
        assert isinstance(s["roles"], list) and set(s["roles"]) <= SOURCE_ROLES
        assert all(_is_mention(m, ARTICLE) for m in s["mentions"])


def test_to_dict_null_speaker_keeps_mention(nlp):
    text = '"We are looking into the matter," a spokesman said.'
    (q,) = quotekit.extract(text, nlp=nlp).to_dict()["quotes"]
    assert q["speaker"] is None
    assert q["speaker_mention"] == {
        "start": text.index("a spokesman"),
        "end": text.index("a spokesman") + len("a spokesman"),
        "text": "a spokesman",
    }
    assert q["cue"]["text"] == "said"
    assert q["via"] is None


# --------------------------------------------------------------------------- canonical example
@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.is_file():
        pytest.skip(f"shared data not present: {SEED} (needs the shared folder next to the repo)")
    return quotekit.extract(SEED.read_text(encoding="utf-8"), nlp=nlp)


@pytest.mark.shared
def test_seed_all_quotes_by_antonov(seed):
    assert len(seed.quotes) == 3
    speakers = {q.speaker for q in seed.quotes}
    assert len(speakers) == 1
    antonov = seed.entity(speakers.pop())
    assert antonov is not None
    assert antonov.name == "Anatoly Antonov"
    assert antonov.type == "PERSON"
    assert {"Anatoly Antonov", "Antonov"} <= set(antonov.aliases)
    assert [e.name for e in seed.entities].count("Anatoly Antonov") == 1


@pytest.mark.shared
def test_seed_interfax_relays_the_two_full_quotes(seed):
    interfax = [s for s in seed.sources if s.name == "Interfax"]
    assert len(interfax) == 1
    full = [q for q in seed.quotes if q.kind == "full"]
    partial = [q for q in seed.quotes if q.kind == "partial"]
    assert len(full) == 2 and len(partial) == 1
    assert [q.via for q in full] == [interfax[0].id, interfax[0].id]
    assert partial[0].via is None


@pytest.mark.shared
def test_seed_sources(seed):
    roles = {s.name: set(s.roles) for s in seed.sources}
    assert {"Reuters", "Interfax"} <= set(roles)
    assert roles["Reuters"] == {"dateline", "credit"}
    assert "cited" in roles["Interfax"]


@pytest.mark.shared
@pytest.mark.parametrize(
    "name, iso",
    [
        ("Russia", "RU"),
        ("United States", "US"),
        ("Poland", "PL"),
        ("Romania", "RO"),
    ],
)
def test_seed_countries(seed, name, iso):
    matches = [e for e in seed.entities if e.iso == iso]
    assert len(matches) == 1
    assert matches[0].type == "COUNTRY"
    assert matches[0].name == name
