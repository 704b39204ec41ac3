"""Tests for quotekit.evaluate.report: the printed table.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

from gold_examples import aq, article_gold, article_perfect_prediction, pred

from quotekit.evaluate import evaluate, format_report


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
