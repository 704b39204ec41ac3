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


# ------------------------------------------------------------------ robustness
def test_from_doc_slices_every_text_from_the_given_text(blank):
    original = '"We will \ud800rebuild," Jane said. She called it "a \udfff farce".'
    from quotekit.text import encodable

    doc = blank(encodable(original))
    article = Article.from_doc(doc, text=original)
    assert article.text == original
    assert [q.text for q in article.quotes] == ["We will \ud800rebuild,", "a \udfff farce"]


def test_from_doc_needs_a_text_of_the_same_length(blank):
    from quotekit.errors import QuotekitError

    with pytest.raises(QuotekitError, match="E108"):
        Article.from_doc(blank(TEXT), text=TEXT + "!")


def test_from_doc_needs_a_doc():
    with pytest.raises(TypeError, match="E109.*quotekit.extract"):
        Article.from_doc(TEXT)


def test_a_docbin_saved_without_user_data_warns(blank):
    # Regression: such a Doc gave an empty Article and no word of why.
    from spacy.tokens import DocBin

    doc = blank(TEXT)
    restored = next(
        DocBin()
        .from_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes())
        .get_docs(blank.vocab)
    )
    assert len(restored.spans["quotekit_quotes"]) == 2
    with pytest.warns(UserWarning, match=r"W011.*store_user_data=True"):
        article = Article.from_doc(restored)
    assert article.quotes == ()


def test_a_doc_without_quotekit_data_does_not_warn(recwarn):
    doc = spacy.blank("en")("Plain text, never seen by quotekit.")
    assert Article.from_doc(doc).quotes == ()
    assert not [w for w in recwarn if "W011" in str(w.message)]


def test_article_error_is_an_empty_article_with_an_error_record():
    from quotekit.model import ArticleError
    from quotekit.schema import validate_record

    err = ArticleError(id="a7", code="E100", message="[E100] broke", index=7)
    assert isinstance(err, Article) and err.quotes == () and err.entities == ()
    assert Article(id="x", text="").error is None
    record = err.to_dict()
    assert record == {
        "id": "a7",
        "error": {"code": "E100", "message": "[E100] broke", "input": "item 7"},
        "quotes": [],
        "entities": [],
        "sources": [],
    }
    validate_record(record)
