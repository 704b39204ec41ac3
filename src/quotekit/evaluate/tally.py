"""The counters of one scoring run, and the report they make."""

from __future__ import annotations

from typing import Any

from .matching import THRESHOLDS, prf

ENTITY_TYPES = ("PERSON", "COUNTRY", "ORG")


class Tally:
    """Counters for one report, summed over articles (made per ``evaluate`` call)."""

    def __init__(self) -> None:
        self.n_gold = 0
        self.n_pred = 0
        self.unlocated = 0
        self.q = {k: {"tp": 0, "fp": 0, "fn": 0, "ignored": 0} for k, _ in THRESHOLDS}
        self.found = 0
        self.mention_right = 0
        self.resolved_found = 0
        self.resolved_right = 0
        self.attributed_tp = 0
        self.article_mention_tp = 0
        self.kind_found = 0
        self.kind_right = 0
        self.via = {"pred": 0, "gold": 0, "correct": 0}
        self.ent: dict[str, dict[str, int]] = {
            t: {"tp": 0, "gold": 0, "pred": 0, "gold_aliases": 0, "aliases_found": 0, "split": 0}
            for t in ENTITY_TYPES
        }
        self.src = {"tp": 0, "gold": 0, "pred": 0, "roles_exact": 0, "kind_right": 0}
        self.n_polnear = 0
        self.n_article = 0
        self.baseline_errors = 0
        self.errors: dict[str, list[dict[str, Any]]] = {
            "missed": [],
            "false_positive": [],
            "wrong_speaker": [],
            "unlocated": [],
        }


def build_report(t: Tally, n_articles: int) -> dict[str, Any]:
    """The report of a tally over ``n_articles`` articles (see ``evaluate``)."""
    quotes: dict[str, Any] = {}
    for key, _ in THRESHOLDS:
        c = t.q[key]
        counted = c["tp"] + c["fp"]
        quotes[key] = {**c, "counted": counted, **prf(c["tp"], counted, t.n_gold)}
    counted_03 = quotes["overlap_0.3"]["counted"]
    report: dict[str, Any] = {
        "articles": n_articles,
        "formats": {"polnear": t.n_polnear, "article": t.n_article},
        "counts": {
            "gold_quotes": t.n_gold,
            "predicted_quotes": t.n_pred,
            "counted_predictions": counted_03,
            "ignored_predictions": quotes["overlap_0.3"]["ignored"],
            "found": t.found,
            "unlocated_gold": t.unlocated,
        },
        "quotes": quotes,
        "speaker": {"mention": _accuracy(t.found, t.mention_right)},
        "attributed": _attributed(t.attributed_tp, counted_03, t.n_gold),
    }
    if t.baseline_errors:
        report["counts"]["paragraph_errors"] = t.baseline_errors
    if t.n_article:
        _add_article_figures(report, t, counted_03)
    report["errors"] = t.errors
    return report


def _accuracy(found: int, right: int) -> dict[str, Any]:
    return {"found": found, "right": right, "accuracy": right / found if found else 0.0}


def _attributed(tp: int, predicted: int, gold: int) -> dict[str, Any]:
    return {"tp": tp, "predicted": predicted, "gold": gold, **prf(tp, predicted, gold)}


def _add_article_figures(report: dict[str, Any], t: Tally, counted_03: int) -> None:
    """Article gold: mention-level attribution, resolved speakers, kinds, entities,
    sources and via."""
    # Article gold at mention level (what a baseline without entities can reach).
    # With PolNeAR records in the same run, those count with their own mention rule.
    polnear_tp = t.attributed_tp - t.resolved_right
    report["attributed_mention"] = _attributed(
        polnear_tp + t.article_mention_tp, counted_03, t.n_gold
    )
    report["speaker"]["resolved"] = _accuracy(t.resolved_found, t.resolved_right)
    report["kind"] = _accuracy(t.kind_found, t.kind_right)
    report["entities"] = {
        etype: {
            **c,
            **prf(c["tp"], c["pred"], c["gold"]),
            "alias_recall": c["aliases_found"] / c["gold_aliases"] if c["gold_aliases"] else 0.0,
        }
        for etype, c in t.ent.items()
    }
    s = t.src
    report["sources"] = {
        **s,
        **prf(s["tp"], s["pred"], s["gold"]),
        "exact_role_sets": s["roles_exact"] / s["tp"] if s["tp"] else 0.0,
        "kind_accuracy": s["kind_right"] / s["tp"] if s["tp"] else 0.0,
    }
    v = t.via
    report["via"] = {
        **v,
        "precision": v["correct"] / v["pred"] if v["pred"] else 0.0,
        "recall": v["correct"] / v["gold"] if v["gold"] else 0.0,
    }
    p, r = report["via"]["precision"], report["via"]["recall"]
    report["via"]["f1"] = 2 * p * r / (p + r) if p + r else 0.0
