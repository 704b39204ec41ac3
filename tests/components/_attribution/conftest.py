"""Fixtures for the attribution's rule tests: ``quotekit_attribution`` alone on a blank
pipeline, run on documents built by hand (see ``tests/handbuilt.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import spacy
from handbuilt import Token, build_doc
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture
def make_nlp() -> Callable[..., Language]:
    """A blank English pipeline with only ``quotekit_attribution`` (``config`` for it)."""

    def make(**config: Any) -> Language:
        nlp = spacy.blank("en")
        nlp.add_pipe("quotekit_attribution", config=config)
        return nlp

    return make


@pytest.fixture
def attribute(make_nlp) -> Callable[..., Doc]:
    """Build a document by hand and run the attribution on it."""

    def run(text: str, tokens: list[Token], quotes, entities=(), frames=None, nlp=None) -> Doc:
        nlp = nlp or make_nlp()
        doc = build_doc(nlp, text, tokens, quotes, entities, frames)
        return nlp.get_pipe("quotekit_attribution")(doc)

    return run
