"""quotekit_tagmap: the model's attribute rules by dictionary look-up."""

from __future__ import annotations

import pytest

import quotekit

pytestmark = pytest.mark.model


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
