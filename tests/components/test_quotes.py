"""quotekit_quotes: the component's span groups and records (invented texts).

Checked on ``spacy.blank("en")``: the component needs no statistical model.
"""

from __future__ import annotations

import pytest
import spacy

import quotekit.components  # noqa: F401  (registers the factories)


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_boilerplate")
    nlp.add_pipe("quotekit_quotes")
    return nlp


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
