"""Tests for quotekit.evaluate.report: the printed table.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

from gold_examples import (
    aq,
    article_gold,
    article_perfect_prediction,
    pred,
    reported_gold,
    reported_prediction,
)

from quotekit.evaluate import evaluate, format_report
from quotekit.evaluate.report import ATTRIBUTIONS_HEADING


def test_format_report_side_by_side():
    ours = evaluate([article_gold()], [article_perfect_prediction()])
    base = evaluate(
        [article_gold()], [pred([aq("We have no plans to raise taxes", None, "Mendes")])]
    )
    table = format_report(ours, base, baseline_name="textacy")
    header = table.splitlines()[0]
    assert "quotekit" in header and "textacy" in header
    line = next(x for x in table.splitlines() if x.startswith("quotes >0.3  P / R / F1"))
    assert "100.0 /100.0 /100.0" in line and "33.3" in line
    person = next(x for x in table.splitlines() if x.startswith("PERSON  P / R / F1"))
    assert person.rstrip().endswith("-")  # the baseline has no entities


def test_the_all_attributions_section_has_the_baseline_column():
    ours = evaluate([reported_gold()], [reported_prediction()])
    quotes_only = reported_prediction()
    del quotes_only["reported"]
    base = evaluate([reported_gold()], [quotes_only])
    table = format_report(ours, base, baseline_name="textacy")
    lines = table.splitlines()
    at = lines.index(ATTRIBUTIONS_HEADING)
    assert lines[at - 1] == "" and set(lines[at + 1]) == {"-"}
    found = next(x for x in lines[at:] if x.startswith("found "))
    assert found.split() == ["found", "3", "1"]  # the baseline finds the quote only
    indirect = next(x for x in lines[at:] if x.startswith("indirect recall"))
    assert indirect.split()[2:] == ["66.7", "(2/3)", "0.0", "(0/3)"]
    # without reported speech in the report (article gold), no section
    assert ATTRIBUTIONS_HEADING not in format_report(
        evaluate([article_gold()], [article_perfect_prediction()])
    )
