"""The scanner's word lists: read from the ``quote_words`` lexicon, frozen, overridable."""

from __future__ import annotations

import attrs
import pytest
import spacy

import quotekit.components  # noqa: F401  (registers the factories)
from quotekit.components._quotes import QuoteWords, default_words, scan
from quotekit.errors import QuotekitError
from quotekit.registry import quote_words_v1

# Invented: "blorped" is no reporting word, so the marked words read as a scare quote.
BLORPED = 'The minister blorped the plan "a total mess" on Monday.'
BLORPED_WORDS = {"@misc": "quotekit.quote_words.v1", "extra": {"reporting": ["blorped"]}}


def test_default_words_are_the_shipped_table():
    words = default_words()
    assert words == QuoteWords.from_table(quote_words_v1())
    assert "said" in words.reporting and "tis" in words.elisions
    assert all(isinstance(getattr(words, f.name), frozenset) for f in attrs.fields(QuoteWords))


@pytest.mark.parametrize(
    "table",
    [
        pytest.param({}, id="empty"),
        pytest.param({**quote_words_v1(), "reporting": "said"}, id="str-not-list"),
        pytest.param({**quote_words_v1(), "pronouns": [1, 2]}, id="not-strings"),
        pytest.param(None, id="none"),
    ],
)
def test_malformed_table_is_e070(table):
    with pytest.raises(QuotekitError, match=r"\[E070\]"):
        QuoteWords.from_table(table)


def test_extra_reporting_word_turns_a_scare_quote_into_a_quote():
    default = scan(BLORPED)
    assert [BLORPED[t.start : t.end] for t in default.terms] == ['"a total mess"']
    assert default.quotes == ()
    words = QuoteWords.from_table(quote_words_v1(extra={"reporting": ["blorped"]}))
    custom = scan(BLORPED, words=words)
    assert [(BLORPED[q.start : q.end], q.kind) for q in custom.quotes] == [
        ('"a total mess"', "partial")
    ]
    assert custom.terms == ()


def test_fewer_elisions_make_an_apostrophe_a_quote():
    text = "They played rock 'n' roll all night."
    assert scan(text).quotes == () and scan(text).terms == ()
    table = quote_words_v1()
    table["elisions"] = [w for w in table["elisions"] if w != "n"]
    assert scan(text, words=QuoteWords.from_table(table)).terms != ()


def test_component_takes_its_words_from_the_config():
    default = spacy.blank("en")
    default.add_pipe("quotekit_quotes")
    custom = spacy.blank("en")
    custom.add_pipe("quotekit_quotes", config={"words": BLORPED_WORDS})
    assert default(BLORPED)._.quotekit_quotes == []
    records = custom(BLORPED)._.quotekit_quotes
    assert [BLORPED[r["content_start"] : r["content_end"]] for r in records] == ["a total mess"]
    assert isinstance(custom.get_pipe("quotekit_quotes").words, QuoteWords)


def test_component_rejects_a_malformed_table(tmp_path):
    path = tmp_path / "words.json"
    path.write_text('{"reporting": ["said"]}', encoding="utf-8")
    nlp = spacy.blank("en")
    with pytest.raises(QuotekitError, match=r"\[E070\]"):
        nlp.add_pipe(
            "quotekit_quotes",
            config={"words": {"@misc": "quotekit.quote_words.v1", "path": str(path)}},
        )
