"""The value classes a user reads: built from a Doc, to_dict, look-ups, to_html; and
reported speech (``Article.reported``) as the default pipeline finds it."""

from __future__ import annotations

import pytest
import spacy

import quotekit
import quotekit.components
from quotekit.model import Article, Entity, Mention, Quote, Reported, Source

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
    assert list(out) == ["id", "quotes", "reported", "entities", "sources"]
    assert out["reported"] == [] and article.reported == ()
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
        "reported": [],
        "entities": [],
        "sources": [],
    }
    validate_record(record)
    assert err.reported == ()


# ------------------------------------------------------------------ reported speech
BRIDGE = "Mara Vos, the mayor of Westbury, said on Monday that the bridge would reopen in May."
#: Invented sentences: (text, words of the content, the speaker's name or, when no
#: entity is resolved, the speaker mention, the cue).
PLAIN = [
    (BRIDGE, "the bridge would reopen in May", "Mara Vos", "said"),
    (
        "The bridge will reopen in May, Mara Vos said.",
        "The bridge will reopen in May",
        "Mara Vos",
        "said",
    ),
    (
        "Mara Vos told reporters the bridge would reopen in May.",
        "the bridge would reopen",
        "Mara Vos",
        "told",
    ),
    (
        "According to Mara Vos, the bridge will reopen in May.",
        "the bridge will reopen in May",
        "Mara Vos",
        "According to",
    ),
    (
        "Mara Vos warned that the bridge could stay shut until June.",
        "the bridge could stay shut",
        "Mara Vos",
        "warned",
    ),
    (
        "Health officials said on Friday that 20 people had fallen ill.",
        "20 people had fallen ill",
        "Health officials",
        "said",
    ),
    ("The bank said profits rose 5% in the third quarter.", "profits rose 5%", "The bank", "said"),
]


def test_reported_to_dict_is_the_record():
    text = "Officials said costs would fall."
    cue = Mention.from_offsets(text, 10, 14)
    r = Reported(id="r0", start=15, end=31, text=text[15:31], cue=cue)
    assert r.text == "costs would fall"
    article = Article(id="a", text=text, reported=(r,))
    assert article.to_dict()["reported"] == [
        {
            "id": "r0",
            "start": 15,
            "end": 31,
            "text": "costs would fall",
            "speaker": None,
            "speaker_mention": None,
            "cue": {"start": 10, "end": 14, "text": "said"},
            "via": None,
        }
    ]
    assert (
        repr(article) == "<Article id='a': 0 quotes, 1 reported, 0 entities, 0 sources, 32 chars>"
    )


def test_a_pipeline_without_attribution_has_no_reported_speech(blank):
    article = Article.from_doc(blank(TEXT))
    assert article.reported == () and article.to_dict()["reported"] == []


def _said(article: Article, words: str) -> Reported:
    found = [r for r in article.reported if words in r.text]
    assert len(found) == 1, (words, article.reported)
    return found[0]


@pytest.mark.model
def test_reported_speech_of_a_named_speaker(nlp):
    article = quotekit.extract(BRIDGE, id="bridge", nlp=nlp)
    r = _said(article, "the bridge would reopen")
    assert article.text[r.start : r.end] == r.text
    speaker = article.entity(r.speaker)
    assert speaker is not None and speaker.name == "Mara Vos" and speaker.type == "PERSON"
    assert r.speaker_mention == Mention(0, 8, "Mara Vos")
    assert r.cue is not None and r.cue.text == "said"
    assert article.quotes == ()
    record = next(x for x in article.to_dict()["reported"] if x["id"] == r.id)
    assert record == r.to_dict()
    assert record["text"] == BRIDGE[record["start"] : record["end"]]
    assert "the bridge would reopen in May" in record["text"]
    assert record["speaker"] == speaker.id and record["via"] is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "words", "who", "cue"), PLAIN, ids=[p[1] for p in PLAIN])
def test_plain_reported_speech_is_found(nlp, text, words, who, cue):
    article = quotekit.extract(text, nlp=nlp)
    r = _said(article, words)
    speaker = article.entity(r.speaker)
    assert (speaker.name if speaker else r.speaker_mention and r.speaker_mention.text) == who
    assert r.cue is not None and r.cue.text == cue
    assert all(article.text[x.start : x.end] == x.text for x in article.reported)


@pytest.mark.model
def test_reported_speech_relayed_and_beside_a_quote(nlp):
    text = (
        "The president announced that taxes would rise next year, Reuters reported.\n\n"
        'Jane Doe said the company had "no other choice" and would cut jobs.'
    )
    article = quotekit.extract(text, nlp=nlp)
    taxes = _said(article, "taxes would rise next year")
    via = article.source(taxes.via)
    assert via is not None and via.name == "Reuters"
    jobs = _said(article, "would cut jobs")
    [partial] = article.quotes
    assert partial.text == "no other choice" and jobs.start < partial.start < jobs.end
    assert article.entity(jobs.speaker).name == "Jane Doe"
    assert [r.id for r in article.reported] == [f"r{i}" for i in range(len(article.reported))]


@pytest.mark.model
def test_reported_speech_after_a_dateline(nlp):
    article = quotekit.extract("WESTBURY (Reuters) - " + BRIDGE, nlp=nlp)
    assert article.entity(_said(article, "the bridge would reopen").speaker).name == "Mara Vos"


@pytest.mark.model
def test_reported_speech_sliced_from_the_text_as_given(nlp):
    original = "Mara Vos said the \ud800bridge would reopen in May."
    article = quotekit.extract(original, nlp=nlp)
    r = _said(article, "bridge would reopen")
    assert "\ud800" in r.text and original[r.start : r.end] == r.text


@pytest.fixture(scope="module")
def quotes_only():
    try:
        return quotekit.load(reported=False)
    except (OSError, quotekit.QuotekitError) as exc:  # pragma: no cover
        pytest.skip(f"no English model: {exc}")


@pytest.mark.model
def test_reported_false_gives_no_reported_speech_and_the_same_quotes(nlp, quotes_only):
    text = BRIDGE + '\n\n"We cannot wait any longer," Vos told reporters.'
    off = quotekit.extract(text, id="b", nlp=quotes_only)
    on = quotekit.extract(text, id="b", nlp=nlp)
    assert off.reported == () and off.to_dict()["reported"] == []
    assert on.reported
    assert off.quotes == on.quotes and off.entities == on.entities
    assert {k: v for k, v in on.to_dict().items() if k != "reported"} == {
        k: v for k, v in off.to_dict().items() if k != "reported"
    }
