"""Unit tests per component on short invented texts.

Boilerplate and quotes need no statistical model: they are checked on
``spacy.blank("en")``. The model-backed components are checked on ``quotekit.load()``.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
import spacy

import quotekit
import quotekit.components  # registers the factories
from quotekit.components.boilerplate import find_boilerplate

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_boilerplate")
    nlp.add_pipe("quotekit_quotes")
    return nlp


# --------------------------------------------------------------------------- boilerplate
# (a one-paragraph text, the labels find_boilerplate must give it, in order)
BOILERPLATE = [
    pytest.param("To Read The Full Story", ["paywall"], id="to-read-the-full-story"),
    pytest.param("Are you already a subscriber?", ["paywall"], id="already-subscriber"),
    pytest.param("Click to log in!", ["paywall"], id="click-to-log-in"),
    pytest.param("Subscribe now to continue reading.", ["paywall"], id="subscribe-now"),
    pytest.param("Story continues below advertisement", ["paywall"], id="story-continues"),
    pytest.param("Sign up for our newsletter", ["paywall"], id="newsletter"),
    pytest.param(
        "Are you already a subscriber? Click to log in!", ["paywall"], id="two-prompts-one-line"
    ),
    pytest.param(
        "EDITORIAL USE ONLY. NO RESALES. NO ARCHIVES.", ["editors_note"], id="editors-note-alone"
    ),
    pytest.param(
        "A woman waits for a bus in Westbury on May 3. REUTERS/Jane Doe ATTENTION "
        "EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY.",
        ["caption", "editors_note"],
        id="caption-then-attention-editors",
    ),
    pytest.param(
        "Firefighters battle a blaze in Westbury on Monday. (AP Photo/Jane Doe)",
        ["caption"],
        id="caption-ap-photo",
    ),
    pytest.param(
        "Firefighters battle a blaze in Westbury on Monday. (Jane Doe/Westbury Gazette via AP)",
        ["caption"],
        id="caption-name-slash-via",
    ),
    pytest.param(
        "Firefighters battle a blaze in Westbury on Monday. (Reuters/Jane Doe)",
        ["caption"],
        id="caption-reuters-slash",
    ),
    pytest.param(
        "Residents gather in Westbury. Photo: Jane Doe", ["caption"], id="caption-photo-colon"
    ),
    pytest.param(
        "The minister said the fire was contained. Residents were told to stay indoors.",
        [],
        id="story-sentence",
    ),
    pytest.param(
        "Readers should read more books, the minister said.", [], id="story-sentence-with-read-more"
    ),
    pytest.param("The strike began on Monday (AP).", [], id="agency-in-brackets-not-caption"),
    pytest.param(
        "Advertisement revenue fell by a third, the company said.",
        [],
        id="story-sentence-starting-advertisement",
    ),
]


@pytest.mark.parametrize("text, labels", BOILERPLATE)
def test_find_boilerplate_labels(text, labels):
    found = find_boilerplate(text)
    assert [lab for _, _, lab in found] == labels


def test_find_boilerplate_ranges_split_caption_and_note():
    caption = "A woman waits for a bus in Westbury on May 3. REUTERS/Jane Doe "
    note = "ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY."
    found = find_boilerplate(caption + note)
    assert found[1] == (len(caption), len(caption + note), "editors_note")
    assert found[0][0] == 0
    assert found[0][1] <= len(caption)


def test_find_boilerplate_in_an_article_keeps_the_story():
    story = '"We will rebuild the bridge," Jane Okafor said on Monday.'
    text = (
        "WESTBURY (Reuters) - The bridge collapsed on Sunday.\n\n"
        "Workers clear debris in Westbury on Monday. (AP Photo/Jane Doe)\n\n"
        f"{story}\n\n"
        "To Read The Full Story\n\n"
        "Are you already a subscriber?\n"
        "Click to log in!"
    )
    found = find_boilerplate(text)
    assert [lab for _, _, lab in found] == ["caption", "paywall", "paywall", "paywall"]
    assert found == sorted(found)
    for (_, e1, _), (s2, _, _) in pairwise(found):
        assert e1 <= s2
    for s, e, _ in found:
        assert 0 <= s < e <= len(text)
        assert story not in text[s:e]
    assert text[found[0][0] : found[0][1]].endswith("(AP Photo/Jane Doe)")
    assert text[found[1][0] : found[1][1]] == "To Read The Full Story"


def test_boilerplate_component_on_blank(blank):
    text = "The bridge collapsed.\n\nWorkers clear debris. (AP Photo/Jane Doe)\n\nSubscribe now"
    doc = blank(text)
    assert [lab for _, _, lab in doc._.quotekit_boilerplate] == ["caption", "paywall"]
    assert [s.label_ for s in doc.spans["quotekit_boilerplate"]] == ["caption", "paywall"]
    assert doc.spans["quotekit_boilerplate"][1].text == "Subscribe now"
    assert [tuple(p) for p in doc._.quotekit_paragraphs] == [
        (0, 21),
        (23, text.index("\n\nSubscribe")),
        (text.index("Subscribe"), len(text)),
    ]


# --------------------------------------------------------------------------- quotes
QUOTES_TEXT = (
    'The so-called "green deal" was signed on Monday. "We will win," Jane Doe said. '
    'She called the plan "a farce" and the \u2018Iron Lady\u2019 nickname stuck.'
)


def test_quotes_component_runs_on_blank(blank):
    assert blank.pipe_names == ["quotekit_boilerplate", "quotekit_quotes"]
    doc = blank(QUOTES_TEXT)
    records = doc._.quotekit_quotes
    assert [r["id"] for r in records] == ["q0", "q1"]
    assert [QUOTES_TEXT[r["content_start"] : r["content_end"]] for r in records] == [
        "We will win,",
        "a farce",
    ]


@pytest.mark.parametrize(
    "index, text, label",
    [
        pytest.param(0, '"We will win,"', "full", id="full"),
        pytest.param(1, '"a farce"', "partial", id="partial"),
    ],
)
def test_quote_span_group_labels_and_ids(blank, index, text, label):
    doc = blank(QUOTES_TEXT)
    span = doc.spans["quotekit_quotes"][index]
    record = doc._.quotekit_quotes[index]
    assert span.text == text
    assert span.label_ == label == record["kind"]
    assert span.id_ == record["id"]
    assert (span.start_char, span.end_char) == (record["start"], record["end"])


@pytest.mark.parametrize("term", ['"green deal"', "\u2018Iron Lady\u2019"])
def test_marked_terms_go_to_their_own_group(blank, term):
    doc = blank(QUOTES_TEXT)
    terms = [s.text for s in doc.spans["quotekit_marked_terms"]]
    quotes = [s.text for s in doc.spans["quotekit_quotes"]]
    assert term in terms
    assert term not in quotes


def test_no_quote_in_a_caption(blank):
    text = (
        '"We will win," Jane Doe said.\n\n'
        'Fans hold a banner reading "Never again" in Westbury. (AP Photo/John Roe)'
    )
    doc = blank(text)
    assert [s.text for s in doc.spans["quotekit_quotes"]] == ['"We will win,"']


def test_nested_quotes_group(blank):
    text = "\"They told me 'we are closing' and left,\" Jane Doe said."
    doc = blank(text)
    assert [s.text for s in doc.spans["quotekit_quotes"]] == [
        "\"They told me 'we are closing' and left,\""
    ]
    assert [s.text for s in doc.spans["quotekit_nested_quotes"]] == ["'we are closing'"]


# --------------------------------------------------------------------------- other components
def test_sources_component_on_blank():
    nlp = spacy.blank("en")
    for name in ("quotekit_boilerplate", "quotekit_quotes", "quotekit_sources"):
        nlp.add_pipe(name)
    doc = nlp(
        "WESTBURY, Norland (Reuters) - The port closed on Monday.\n\n"
        "A crane at the port. (AP Photo/Jane Doe)"
    )
    roles = {s["name"]: s["roles"] for s in doc._.quotekit_sources}
    assert roles == {"Reuters": ["dateline"], "Associated Press": ["credit"]}


@pytest.mark.parametrize("name", ["quotekit_entities", "quotekit_attribution"])
def test_model_components_do_not_crash_on_blank(name):
    """Without a parser and NER they find little, but they still run and set their data."""
    nlp = spacy.blank("en")
    for n in ("quotekit_boilerplate", "quotekit_quotes", name):
        nlp.add_pipe(n)
    doc = nlp('"We will win," Jane Doe said. The IMF agreed.')
    assert len(doc._.quotekit_quotes) == 1
    if name == "quotekit_entities":
        assert isinstance(doc._.quotekit_entities, list)
    else:
        record = doc._.quotekit_quotes[0]
        assert {"speaker", "speaker_mention", "cue", "via", "rule"} <= set(record)
        assert "quotekit_speakers" in doc.spans and "quotekit_cues" in doc.spans


def test_pipeline_order(nlp):
    names = nlp.pipe_names
    ours = [n for n in names if n.startswith("quotekit_")]
    assert ours == [
        "quotekit_tagmap",
        "quotekit_boilerplate",
        "quotekit_quotes",
        "quotekit_entities",
        "quotekit_sources",
        "quotekit_attribution",
    ]
    # The tag map stands where the model's attribute_ruler stood, after the parser.
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index("parser") < names.index("quotekit_tagmap") < names.index("ner")
    assert names.index("ner") < names.index("quotekit_entities")


def test_attribution_writes_speaker_and_cue_groups(nlp):
    text = '"We will rebuild the bridge," Jane Okafor said.'
    doc = nlp(text)
    assert [s.text for s in doc.spans["quotekit_speakers"]] == ["Jane Okafor"]
    assert [s.text for s in doc.spans["quotekit_cues"]] == ["said"]
    record = doc._.quotekit_quotes[0]
    entity_ids = {e["id"] for e in doc._.quotekit_entities}
    assert record["speaker"] in entity_ids


def test_unattributed_partial_becomes_a_marked_term(nlp):
    text = 'Residents are angry about the "new harbour" project.'
    doc = nlp(text)
    assert doc._.quotekit_quotes == []
    assert [s.text for s in doc.spans["quotekit_marked_terms"]] == ['"new harbour"']


def test_entities_ignore_paywall_and_editors_notes(nlp):
    text = (
        "Jane Okafor opened the library on Monday.\n\n"
        "A crowd in Westbury. REUTERS/Peter Lund ATTENTION EDITORS - THIS IMAGE WAS PROVIDED "
        "BY NORLAND TIMES.\n\nSubscribe now to read about Brixa Energy"
    )
    article = quotekit.extract(text, nlp=nlp)
    names = {e.name for e in article.entities}
    assert "Jane Okafor" in names
    assert not any("Norland" in n or "Brixa" in n for n in names), names


def test_regex_timeout_counts_as_no_match():
    """A pattern stopped by its timeout means "no match", not a failed document."""
    import regex

    from quotekit.text import safe_finditer, safe_search

    pattern = regex.compile(r"(a+)+b")
    text = "a" * 40 + "c"
    assert safe_search(pattern, text, timeout=0.01) is None
    assert list(safe_finditer(pattern, text, timeout=0.01)) == []
    assert safe_search(pattern, "aab", timeout=1.0).group(0) == "aab"


TAGMAP_TEXTS = [
    "I ain't going, and she's not either, said Jane Okafor's brother.",
    "The U.S. and the U.K. can't agree; we'd better wait.\n\n  It's 5 o'clock  in Port Elm.",
    "\"Gonna be fine,\" he said. Y'all know the drill: don't panic, don't run.",
    "Ms Yusuf's firm, Brixa Energy Ltd., cut 300 jobs -- or was it 3,000?",
]


def test_tagmap_gives_what_attribute_ruler_gives(nlp):
    # quotekit_tagmap stands in for the model's attribute_ruler: same attributes,
    # token for token.
    ruler_nlp = quotekit.load(fast_attributes=False)
    assert "attribute_ruler" in ruler_nlp.pipe_names
    for text in TAGMAP_TEXTS:
        fast, ruled = nlp(text), ruler_nlp(text)
        assert [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in fast] == [
            (t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ruled
        ], text
