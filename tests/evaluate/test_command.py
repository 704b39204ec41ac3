"""Tests for quotekit.evaluate.command: quotekit eval's arguments, bars and JSON.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import argparse
import io
import json

import pytest
from gold_examples import article_gold, article_perfect_prediction, pred

from quotekit.errors import QuotekitError
from quotekit.evaluate import add_eval_arguments, eval_command, run_eval


def _parse(argv):
    parser = argparse.ArgumentParser()
    add_eval_arguments(parser)
    return parser.parse_args(argv)


def test_eval_command_thresholds_and_json(tmp_path, capsys):
    gold = article_gold()
    del gold["format"]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n" + json.dumps(gold) + "\n")

    def factory():
        return lambda items: [article_perfect_prediction() for _ in items]

    out = tmp_path / "report.json"
    args = _parse(
        [
            str(path),
            "--json",
            str(out),
            "--limit",
            "1",
            "--min-quote-f1",
            "0.9",
            "--min-attributed-f1",
            "90",
        ]
    )
    assert eval_command(args, factory) == 0
    dumped = json.loads(out.read_text())
    assert dumped[str(path)]["quotekit"]["articles"] == 1

    def weak_factory():
        return lambda items: [pred([]) for _ in items]

    args = _parse([str(path), "--min-attributed-f1", "0.5", "--show-errors", "2"])
    assert eval_command(args, weak_factory) == 1
    captured = capsys.readouterr()
    assert "attributed F1 0.0 is below the minimum 50.0" in captured.err
    assert "missed" in captured.out

    out_io, err_io = io.StringIO(), io.StringIO()
    assert eval_command(args, weak_factory, stdout=out_io, stderr=err_io) == 1
    assert "FAIL" in err_io.getvalue() and "quotekit" in out_io.getvalue()


def test_unknown_baseline_and_out_of_range_bars_are_coded(tmp_path, capsys):
    gold = article_gold()
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    with pytest.raises(QuotekitError, match=r"\[E054\] Unknown baseline 'other'"):
        run_eval(path, lambda items: [article_perfect_prediction() for _ in items], "other")
    with pytest.raises(SystemExit):
        _parse([str(path), "--min-quote-f1", "150"])
    assert "[E055] 150 is not a score" in capsys.readouterr().err
