"""Cue frames on hand-built documents: '"…," Name said', 'Name said: "…"', 'according to'.

Each document carries the tags and the parse a model would give, so the rules are
tested alone, without the statistical model.
"""

from __future__ import annotations

from handbuilt import SAID_AFTER, SAID_AFTER_TOKENS, entity, quote

SAID_BEFORE = 'Jane Doe said: "We will win."'
SAID_BEFORE_TOKENS = [
    ("Jane", "PROPN", "NNP", "compound", 1),
    ("Doe", "PROPN", "NNP", "nsubj", 2),
    ("said", "VERB", "VBD", "ROOT", 2),
    (":", "PUNCT", ":", "punct", 2),
    ('"', "PUNCT", "``", "punct", 7),
    ("We", "PRON", "PRP", "nsubj", 7),
    ("will", "AUX", "MD", "aux", 7),
    ("win", "VERB", "VB", "ccomp", 2),
    (".", "PUNCT", ".", "punct", 7),
    ('"', "PUNCT", "''", "punct", 2),
]

ACCORDING = 'The bridge is "beyond repair," according to Jane Doe.'
ACCORDING_TOKENS = [
    ("The", "DET", "DT", "det", 1),
    ("bridge", "NOUN", "NN", "nsubj", 2),
    ("is", "AUX", "VBZ", "ROOT", 2),
    ('"', "PUNCT", "``", "punct", 4),
    ("beyond", "ADP", "IN", "prep", 2),
    ("repair", "NOUN", "NN", "pobj", 4),
    (",", "PUNCT", ",", "punct", 2),
    ('"', "PUNCT", "''", "punct", 2),
    ("according", "VERB", "VBG", "prep", 2),
    ("to", "ADP", "IN", "prep", 8),
    ("Jane", "PROPN", "NNP", "compound", 11),
    ("Doe", "PROPN", "NNP", "pobj", 9),
    (".", "PUNCT", ".", "punct", 2),
]


def _span_text(doc, offsets):
    return doc.text[offsets["start"] : offsets["end"]] if offsets else None


def test_quote_then_name_and_cue(attribute):
    jane = entity(SAID_AFTER, "e0", "PERSON", "Jane Doe", gender="F")
    doc = attribute(SAID_AFTER, SAID_AFTER_TOKENS, [quote(SAID_AFTER, '"We will win,"')], [jane])
    (q,) = doc._.quotekit_quotes
    assert q["speaker"] == "e0"
    assert _span_text(doc, q["speaker_mention"]) == "Jane Doe"
    assert _span_text(doc, q["cue"]) == "said"
    assert q["rule"] == "cue" and q["via"] is None
    assert [s.text for s in doc.spans["quotekit_speakers"]] == ["Jane Doe"]
    assert [s.text for s in doc.spans["quotekit_cues"]] == ["said"]
    assert [s.kb_id_ for s in doc.spans["quotekit_quotes"]] == ["e0"]


def test_name_and_cue_then_quote(attribute):
    jane = entity(SAID_BEFORE, "e0", "PERSON", "Jane Doe", gender="F")
    doc = attribute(SAID_BEFORE, SAID_BEFORE_TOKENS, [quote(SAID_BEFORE, '"We will win."')], [jane])
    (q,) = doc._.quotekit_quotes
    assert q["speaker"] == "e0"
    assert _span_text(doc, q["speaker_mention"]) == "Jane Doe"
    assert _span_text(doc, q["cue"]) == "said"
    assert q["rule"] == "cue"


def test_according_to_names_its_object(attribute):
    jane = entity(ACCORDING, "e0", "PERSON", "Jane Doe")
    partial = quote(ACCORDING, '"beyond repair,"', kind="partial")
    doc = attribute(ACCORDING, ACCORDING_TOKENS, [partial], [jane])
    (q,) = doc._.quotekit_quotes
    assert q["speaker"] == "e0"
    assert _span_text(doc, q["cue"]) == "according"


def test_a_speaker_the_model_did_not_tag_becomes_an_entity(attribute):
    doc = attribute(SAID_AFTER, SAID_AFTER_TOKENS, [quote(SAID_AFTER, '"We will win,"')])
    (q,) = doc._.quotekit_quotes
    (new,) = doc._.quotekit_entities
    assert q["speaker"] == new["id"] == "e0"
    assert new["name"] == "Jane Doe" and new["type"] == "PERSON"  # "Jane" is a forename
    assert [(s.text, s.label_) for s in doc.spans["quotekit_entities"]] == [("Jane Doe", "PERSON")]


def test_unattributed_partial_quote_becomes_a_marked_term(attribute):
    text = 'The bridge is "beyond repair."'
    tokens = ACCORDING_TOKENS[:6] + [
        (".", "PUNCT", ".", "punct", 2),
        ('"', "PUNCT", "''", "punct", 2),
    ]
    doc = attribute(text, tokens, [quote(text, '"beyond repair."', kind="partial")])
    assert doc._.quotekit_quotes == []
    assert [s.text for s in doc.spans["quotekit_marked_terms"]] == ['"beyond repair."']


def test_the_component_keeps_no_document_state(attribute, make_nlp):
    nlp = make_nlp()
    comp = nlp.get_pipe("quotekit_attribution")
    before = dict(vars(comp))
    jane = entity(SAID_AFTER, "e0", "PERSON", "Jane Doe")
    attribute(SAID_AFTER, SAID_AFTER_TOKENS, [quote(SAID_AFTER, '"We will win,"')], [jane], nlp=nlp)
    assert vars(comp).keys() == before.keys()
    assert all(vars(comp)[k] is v for k, v in before.items())
