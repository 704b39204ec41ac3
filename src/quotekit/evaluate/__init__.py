"""Scoring quotekit (and the textacy baseline) against hand-annotated gold.

- ``gold``: the gold readers (PolNeAR JSONL; article gold, JSONL or one ``.json``);
- ``matching``: stripped spans, folded names, P/R/F1 and one-to-one pairings;
- ``speakers``: the article-gold speaker rules;
- ``scoring``: ``evaluate``, quotes, speakers, entities, sources and via;
- ``tally``: the counters of one run and the report they make;
- ``report``: the printed table (with a baseline column) and the error listing;
- ``baseline``: textacy's ``direct_quotations``, scored alike;
- ``command``: ``quotekit eval`` (``add_eval_arguments``, ``eval_command``, ``run_eval``).

Predictions are plain dicts in the output-format contract (``Article.to_dict()``),
aligned with the gold records by position. The rules are in ``scoring``'s docstring
and docs/evaluation.md.
"""

from __future__ import annotations

from .baseline import textacy_predict
from .command import add_eval_arguments, eval_command, run_eval
from .gold import load_gold, locate_gold_quotes
from .matching import THRESHOLDS, normalise_name, strip_span
from .report import format_errors, format_report
from .scoring import evaluate
from .speakers import resolved_speaker_right

__all__ = [
    "THRESHOLDS",
    "add_eval_arguments",
    "eval_command",
    "evaluate",
    "format_errors",
    "format_report",
    "load_gold",
    "locate_gold_quotes",
    "normalise_name",
    "resolved_speaker_right",
    "run_eval",
    "strip_span",
    "textacy_predict",
]
