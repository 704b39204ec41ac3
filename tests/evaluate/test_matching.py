"""Tests for quotekit.evaluate.matching: stripped spans and folded names.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

from quotekit.evaluate import normalise_name, strip_span


def test_strip_span_ignores_marks_and_edge_punctuation():
    text = '"Yes, it is."'
    s, e = strip_span(text, 0, len(text))
    assert text[s:e] == "Yes, it is"
    assert strip_span("  ", 0, 2) == (0, 2)  # nothing left: span unchanged


def test_normalise_name():
    assert normalise_name("  The   Treasury’s ") == "treasury"
    assert normalise_name("Reuters'") == "reuters"
    assert normalise_name(None) == ""


def test_names_fold_as_the_pipeline_folds_them():
    from quotekit.text import normalise_name as pipeline_fold

    for name in ("José Núñez", "the Société Générale's", "  Zoë   Brandt. "):
        assert normalise_name(name) == pipeline_fold(name)
    assert normalise_name("José Núñez") == normalise_name("Jose Nunez") == "jose nunez"
    assert normalise_name("") == ""
