"""quotekit_boilerplate: captions, editors' notes and paywall lines (invented texts).

Checked on ``spacy.blank("en")``: the component needs no statistical model.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
import spacy

import quotekit.components  # noqa: F401  (registers the factories)
from quotekit.components.boilerplate import find_boilerplate


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_boilerplate")
    nlp.add_pipe("quotekit_quotes")
    return nlp


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


# --------------------------------------------------------------------------- phrases
def test_phrases_come_from_the_config():
    text = "The bridge collapsed.\n\nMembers only. Join today\n\nA note. PRESS POOL PHOTO"
    default = spacy.blank("en")
    default.add_pipe("quotekit_boilerplate")
    assert default(text)._.quotekit_boilerplate == []
    custom = spacy.blank("en")
    phrases = {
        "@misc": "quotekit.boilerplate_phrases.v1",
        "extra": {
            "paywall_lines": ["members only"],
            "prompt_openers": ["join"],
            "editors_notes": ["PRESS POOL PHOTO"],
        },
    }
    custom.add_pipe("quotekit_boilerplate", config={"phrases": phrases})
    found = custom(text)._.quotekit_boilerplate
    assert [(text[s:e], lab) for s, e, lab in found] == [
        ("Members only. Join today", "paywall"),
        ("PRESS POOL PHOTO", "editors_note"),
    ]


def test_shipped_phrases_are_the_default():
    from quotekit.components.boilerplate import BoilerplatePhrases, default_phrases
    from quotekit.registry import boilerplate_phrases_v1

    assert default_phrases() == BoilerplatePhrases.from_table(boilerplate_phrases_v1())
    assert "subscribe " in default_phrases().prompts and "click here" in default_phrases().prompts
    none = BoilerplatePhrases.from_table(
        {"paywall_lines": [], "prompt_openers": [], "prompt_prefixes": [], "editors_notes": []}
    )
    assert none.editors_note is None
    assert find_boilerplate("ATTENTION EDITORS. Subscribe now", none) == []


def test_malformed_phrases_are_e071():
    from quotekit.components.boilerplate import BoilerplatePhrases
    from quotekit.errors import QuotekitError

    with pytest.raises(QuotekitError, match=r"\[E071\]"):
        BoilerplatePhrases.from_table({"paywall_lines": ["read more"]})
