"""Tests for quotekit.evaluate.command: quotekit eval's arguments, bars and JSON, and
the all-attributions section on PolNeAR-style gold.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import argparse
import io
import json

import pytest
from gold_examples import (
    article_gold,
    article_perfect_prediction,
    pred,
    reported_gold,
    reported_prediction,
)

from quotekit.errors import QuotekitError
from quotekit.evaluate import add_eval_arguments, eval_command, run_eval
from quotekit.evaluate.report import ATTRIBUTIONS_HEADING


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


# ------------------------------------------------- all attributions (reported speech)
def _section(out: str) -> dict[str, str]:
    """The rows of the all-attributions section, label -> value, read in the columns of
    the table's header (so the section is aligned with the table above it)."""
    header = next(line for line in out.splitlines() if line.strip() == "quotekit")
    col = header.index("quotekit")
    lines = out.split(ATTRIBUTIONS_HEADING + "\n", 1)[1].splitlines()[1:]
    rows = {}
    for line in lines:
        if not line.strip():
            break
        rows[line[:col].strip()] = line[col:].strip()
    return rows


def test_eval_on_polnear_style_gold_prints_the_all_attributions_section(tmp_path):
    path = tmp_path / "reported.jsonl"
    path.write_text(json.dumps(reported_gold()) + "\n", encoding="utf-8")
    out_json = tmp_path / "report.json"
    stdout = io.StringIO()
    code = eval_command(
        _parse([str(path), "--json", str(out_json)]),
        lambda: lambda items: [reported_prediction() for _ in items],
        stdout=stdout,
    )
    assert code == 0
    out = stdout.getvalue()
    assert out.count(ATTRIBUTIONS_HEADING) == 1
    assert out.index("attributed  TP") < out.index(ATTRIBUTIONS_HEADING)
    assert _section(out) == {
        "gold attributions": "4",
        "predicted (counted)": "4",
        "found": "3",
        "all  P / R / F1": "75.0 / 75.0 / 75.0",
        "attributed  P / R / F1": "50.0 / 50.0 / 50.0",
        "direct recall": "100.0 (1/1)",
        "indirect recall": "66.7 (2/3)",
        "source accuracy": "66.7 (2/3)",
        "cue accuracy": "100.0 (3/3)",
    }
    a = json.loads(out_json.read_text())[str(path)]["quotekit"]["all_attributions"]
    assert (a["n_gold"], a["n_pred"], a["n_found"]) == (4, 4, 3)
    assert (a["n_direct"], a["n_direct_found"], a["n_indirect"], a["n_indirect_found"]) == (
        1,
        1,
        3,
        2,
    )
    assert a["precision"] == a["recall"] == 0.75 and a["attributed_f1"] == 0.5
    assert a["source_accuracy"] == pytest.approx(2 / 3) and a["cue_accuracy"] == 1.0
    # the direct-quote table is what it is without reported speech
    quotes_only = io.StringIO()
    without = reported_prediction()
    del without["reported"]
    eval_command(_parse([str(path)]), lambda: lambda items: [without], stdout=quotes_only)
    assert (
        out.split(ATTRIBUTIONS_HEADING)[0] == quotes_only.getvalue().split(ATTRIBUTIONS_HEADING)[0]
    )


def test_eval_on_article_gold_has_no_all_attributions_section(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article_gold()) + "\n", encoding="utf-8")
    out_json = tmp_path / "report.json"
    stdout = io.StringIO()

    def factory():
        return lambda items: [article_perfect_prediction() for _ in items]

    assert eval_command(_parse([str(path), "--json", str(out_json)]), factory, stdout=stdout) == 0
    assert ATTRIBUTIONS_HEADING not in stdout.getvalue()
    assert "all_attributions" not in json.loads(out_json.read_text())[str(path)]["quotekit"]


@pytest.mark.model
def test_eval_with_the_pipeline_on_polnear_style_gold(tmp_path, nlp):
    import quotekit

    path = tmp_path / "reported.jsonl"
    path.write_text(json.dumps(reported_gold()) + "\n", encoding="utf-8")
    stdout = io.StringIO()

    def factory():
        return lambda items: [a.to_dict() for a in quotekit.extract_many(items, nlp=nlp)]

    assert eval_command(_parse([str(path)]), factory, stdout=stdout) == 0
    rows = _section(stdout.getvalue())
    assert rows["gold attributions"] == "4"
    # the quote and the plain reported speech of the mayor, the officials and the
    # residents are all found, each with its speaker and cue
    assert rows["direct recall"] == "100.0 (1/1)"
    assert rows["indirect recall"] == "100.0 (3/3)"
    assert rows["source accuracy"] == "100.0 (4/4)"
    assert rows["cue accuracy"] == "100.0 (4/4)"
