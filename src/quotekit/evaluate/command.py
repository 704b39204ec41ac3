"""``quotekit eval``: its arguments, and the run the command line hands them to."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from .. import api
from ..errors import Errors, QuotekitError
from .baseline import load_baseline_nlp, textacy_predict
from .gold import load_gold
from .matching import Prediction
from .report import format_errors, format_report
from .scoring import as_prediction, evaluate

PredictFn = Callable[[list[tuple[str, Any]]], list[Prediction]]
BASELINES = ("textacy",)


def run_eval(
    gold_path: str | Path,
    predict: PredictFn,
    baseline: str | None = None,
    nlp: Any = None,
    limit: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Load gold, predict, score; optionally score a baseline on the same articles.

    gold_path (str | Path): a gold file (see ``load_gold``).
    predict (Callable): list of (text, id) -> list of prediction dicts.
    baseline (str | None): "textacy" or None.
    nlp (Language | None): pipeline for the baseline; the English model if None.
    limit (int | None): score only the first ``limit`` articles.
    RETURNS (tuple): (quotekit report, baseline report or None).
    RAISES (QuotekitError): for an unknown baseline (E054).
    """
    gold = load_gold(gold_path)
    if limit is not None:
        gold = gold[:limit]
    preds = [as_prediction(p) for p in predict([(g["text"], g.get("id")) for g in gold])]
    report = evaluate(gold, preds)
    base = None
    if baseline is not None:
        if baseline not in BASELINES:
            raise QuotekitError(Errors.E054.format(name=baseline))
        if nlp is None:
            nlp = load_baseline_nlp()
        base_preds = textacy_predict([g["text"] for g in gold], nlp)
        for g, bp in zip(gold, base_preds):
            bp["id"] = g.get("id")
        base = evaluate(gold, base_preds)
    return report, base


def quotekit_predictor() -> PredictFn:
    """The predict function of ``quotekit eval``: the default pipeline, loaded once."""
    nlp = api.default_nlp()

    def predict(items: list[tuple[str, Any]]) -> list[Prediction]:
        return [dict(a.to_dict()) for a in api.extract_many(items, nlp=nlp)]

    return predict


# ---------------------------------------------------------------------- the command
def _fraction(value: str) -> float:
    x = float(value)
    if x < 0 or x > 100:
        raise argparse.ArgumentTypeError(Errors.E055.format(value=value))
    return x / 100 if x > 1 else x


def add_eval_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``quotekit eval`` arguments to an (sub)parser."""
    parser.add_argument(
        "gold",
        metavar="GOLD",
        nargs="+",
        help="gold file(s): PolNeAR or article-gold .jsonl, or one article .json",
    )
    parser.add_argument(
        "--baseline", choices=list(BASELINES), default=None, help="also score a baseline"
    )
    parser.add_argument("--json", metavar="PATH", default=None, help="write the report(s) as JSON")
    parser.add_argument(
        "--limit",
        metavar="N",
        type=int,
        default=None,
        help="score the first N articles of each file",
    )
    parser.add_argument(
        "--min-attributed-f1",
        metavar="X",
        type=_fraction,
        default=None,
        help="exit 1 when attributed F1 is below X (0-1, or a percentage)",
    )
    parser.add_argument(
        "--min-quote-f1",
        metavar="X",
        type=_fraction,
        default=None,
        help="exit 1 when quote F1 at >0.3 overlap is below X (0-1, or a percentage)",
    )
    parser.add_argument(
        "--show-errors",
        metavar="N",
        type=int,
        default=0,
        help="print up to N misses, false positives and wrong speakers",
    )
    return parser


def eval_command(
    args: argparse.Namespace,
    predict_factory: Callable[[], PredictFn] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``quotekit eval``; returns the exit code (1 when a --min-* bar is missed).

    args (Namespace): parsed by a parser set up with ``add_eval_arguments``.
    predict_factory (Callable | None): returns the predict callable (called once);
        default ``quotekit_predictor`` (the default pipeline).
    stdout, stderr (TextIO | None): where to write; ``sys.stdout``/``sys.stderr`` if None.
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    predict = (predict_factory or quotekit_predictor)()
    nlp = load_baseline_nlp() if args.baseline == "textacy" else None
    failures: list[str] = []
    dump: dict[str, Any] = {}
    for path in args.gold:
        report, base = run_eval(path, predict, baseline=args.baseline, nlp=nlp, limit=args.limit)
        _print_report(path, report, base, args, stdout)
        dump[str(path)] = {
            "quotekit": report,
            **({args.baseline: base} if base is not None else {}),
        }
        failures += _missed_bars(path, report, args)
    if args.json:
        Path(args.json).write_text(json.dumps(dump, indent=2, ensure_ascii=False), encoding="utf-8")
    for msg in failures:
        print(f"quotekit eval: FAIL: {msg}", file=stderr)
    return 1 if failures else 0


def _print_report(
    path: str,
    report: dict[str, Any],
    base: dict[str, Any] | None,
    args: argparse.Namespace,
    stdout: TextIO,
) -> None:
    print(f"# {path}", file=stdout)
    print(format_report(report, base, baseline_name=args.baseline or "textacy"), file=stdout)
    if args.show_errors:
        errs = format_errors(report, args.show_errors)
        if errs:
            print(errs, file=stdout)
    print(file=stdout)


def _missed_bars(path: str, report: dict[str, Any], args: argparse.Namespace) -> list[str]:
    """The ``--min-quote-f1``/``--min-attributed-f1`` bars ``report`` falls below."""
    out = []
    f1 = report["quotes"]["overlap_0.3"]["f1"]
    af1 = report["attributed"]["f1"]
    if args.min_quote_f1 is not None and f1 < args.min_quote_f1:
        out.append(
            f"{path}: quote F1 (>0.3) {100 * f1:.1f} is below the minimum "
            f"{100 * args.min_quote_f1:.1f}"
        )
    if args.min_attributed_f1 is not None and af1 < args.min_attributed_f1:
        out.append(
            f"{path}: attributed F1 {100 * af1:.1f} is below the minimum "
            f"{100 * args.min_attributed_f1:.1f}"
        )
    return out
