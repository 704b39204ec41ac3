"""The value classes a user reads: built from a Doc, to_dict, look-ups, to_html."""

from __future__ import annotations

import pytest
import spacy

import quotekit.components  # noqa: F401  (registers the factories)
from quotekit.model import Article, Entity, Mention, Quote, Source

TEXT = '"We will rebuild the bridge," Jane Okafor said.\n\nShe called it "a farce".'


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_boilerplate")
    nlp.add_pipe("quotekit_quotes")
    return nlp


def test_from_doc_reads_the_quote_records(blank):
    doc = blank(TEXT)
    doc._.quotekit_id = "a1"
    article = Article.from_doc(doc)
    assert article.id == "a1" and article.text == TEXT
    assert [(q.id, q.text, q.kind) for q in article.quotes] == [
        ("q0", "We will rebuild the bridge,", "full"),
        ("q1", "a farce", "partial"),
    ]
    assert all(TEXT[q.start] == '"' and TEXT[q.end - 1] == '"' for q in article.quotes)
    assert article.entities == () and article.sources == ()
    assert Article.from_doc(doc, id="other").id == "other"


def test_to_dict_and_look_ups():
    mention = Mention.from_offsets(TEXT, 30, 41)
    assert mention == Mention(30, 41, "Jane Okafor")
    person = Entity(id="e0", type="PERSON", name="Jane Okafor", mentions=(mention,))
    paper = Source(id="s0", name="Harbour Herald", kind="newspaper", roles=("cited",))
    quote = Quote(
        id="q0", start=0, end=29, text="We will rebuild the bridge,", kind="full", speaker="e0"
    )
    article = Article(id=None, text=TEXT, quotes=(quote,), entities=(person,), sources=(paper,))
    assert article.entity("e0") is person and article.entity("e9") is None
    assert article.source("s0") is paper and article.source(None) is None
    out = article.to_dict()
    assert list(out) == ["id", "quotes", "entities", "sources"]
    assert out["quotes"][0]["speaker"] == "e0" and out["quotes"][0]["cue"] is None
    assert out["entities"][0]["mentions"] == [{"start": 30, "end": 41, "text": "Jane Okafor"}]
    assert out["sources"][0]["roles"] == ["cited"]


def test_to_html_is_the_view_of_the_article(blank):
    article = Article.from_doc(blank(TEXT), id="a1")
    page = article.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-article-id="a1"' in page
    assert page.count('class="qk-qtext"') == 2
