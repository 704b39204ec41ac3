"""quotekit_sources: the cited-role frames and their speakers (``_sources.frames``,
``_sources.units``, ``_sources.anaphors``), and what is no source."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def roles_of(nlp, text: str) -> dict[str, list[str]]:
    doc = nlp(text)
    return {s["name"]: s["roles"] for s in doc._.quotekit_sources}


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
