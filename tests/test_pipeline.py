"""The components together: their order in ``quotekit.load()`` and what each leaves
for the next (invented texts)."""

from __future__ import annotations

import pytest
import spacy

import quotekit
import quotekit.components  # registers the factories

pytestmark = pytest.mark.model


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


def test_declarations_leave_no_problem(nlp):
    """Every component declares what it reads and writes; the default pipeline has all."""
    analysis = nlp.analyze_pipes()
    assert all(problems == [] for problems in analysis["problems"].values())
    summary = analysis["summary"]
    assert "doc._.quotekit_boilerplate" in summary["quotekit_quotes"]["requires"]
    assert {"token.pos", "token.morph", "token.lemma", "token.dep"} <= set(
        summary["quotekit_tagmap"]["assigns"]
    )
    assert {"doc._.quotekit_boilerplate", "doc._.quotekit_paragraphs"} <= set(
        summary["quotekit_boilerplate"]["assigns"]
    )


def test_long_texts_split_with_the_pipelines_quote_words():
    """extract_many's splitter finds quotations with the quote component's own words."""
    from quotekit.api import _scanner_words

    nlp = spacy.blank("en")
    assert _scanner_words(nlp) is None
    nlp.add_pipe("quotekit_quotes")
    assert _scanner_words(nlp) is nlp.get_pipe("quotekit_quotes").words is not None


# ------------------------------------------------------------------ misuse
@pytest.mark.parametrize(
    "kwargs, code",
    [
        ({"model": 123}, "E104"),
        ({"quotes": "double_curly"}, "E103"),
        ({"config": ["quotekit_quotes"]}, "E103"),
        ({"config": {"quotekit_quotes": 5}}, "E103"),
    ],
)
def test_load_misuse_is_a_coded_type_error(kwargs, code):
    with pytest.raises(TypeError, match=code):
        quotekit.load(**kwargs)


def test_load_with_nlp_names_the_model_argument():
    from quotekit.errors import QuotekitError

    with pytest.raises(QuotekitError, match=r"E004.*quotekit.load\(model=\.\.\.\)"):
        quotekit.load(nlp="en_core_web_sm")
