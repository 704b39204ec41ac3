"""Scoring every annotated attribution (direct and indirect) of PolNeAR-style gold.

Predictions are the article's quotes (their content) and its reported-speech records.
A gold attribution is found when the predicted content and the gold content each cover
at least half of the other's characters (quotation marks, spaces and edge punctuation
ignored), matched one to one, best overlap first. A predicted record left unmatched
that lies mostly inside some gold content counts neither way. The source is right when
the predicted speaker mention overlaps a gold source fragment, or both are empty; the
cue is right when the predicted cue overlaps a gold cue fragment, or both are empty.
The attributed figures count only matches whose source is right.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .matching import QUOTE_MARKS, greedy, prf

_EDGE = frozenset(QUOTE_MARKS + ".,;:!?…()[]—–-")

Spans = list[tuple[int, int]]


def content_chars(text: str, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The characters of a content that are compared: each fragment's edge marks,
    spaces and punctuation trimmed, quotation marks and spaces inside ignored."""
    out: set[int] = set()
    for s, e in fragments:
        s, e = max(0, s), min(len(text), e)
        while s < e and (text[s] in _EDGE or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _EDGE or text[e - 1].isspace()):
            e -= 1
        out.update(i for i in range(s, e) if not text[i].isspace() and text[i] not in QUOTE_MARKS)
    return frozenset(out)


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in a for s2, e2 in b)


def _predictions(pred: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for kind in ("quotes", "reported"):
        for r in pred.get(kind) or ():
            sm, cue = r.get("speaker_mention"), r.get("cue")
            out.append(
                {
                    "kind": kind,
                    "content": [(r["start"], r["end"])],
                    "source": [(sm["start"], sm["end"])] if sm else [],
                    "cue": [(cue["start"], cue["end"])] if cue else [],
                }
            )
    return out


def score_article(text: str, gold: list[dict[str, Any]], pred: dict[str, Any]) -> dict[str, int]:
    """The counts of one article (see the module docstring)."""
    golds = [
        (content_chars(text, a["content"]), a)
        for a in gold
        if content_chars(text, a.get("content") or [])
    ]
    preds = [(content_chars(text, p["content"]), p) for p in _predictions(pred)]
    preds = [(c, p) for c, p in preds if c]
    pairs = []
    for gi, (g, _) in enumerate(golds):
        for pi, (c, _) in enumerate(preds):
            ov = len(g & c)
            if ov * 2 >= len(g) and ov * 2 >= len(c):
                pairs.append((-min(ov / len(g), ov / len(c)), gi, pi))
    matched = greedy(pairs)
    used = set(matched.values())
    counted = len(used)
    for pi, (c, _) in enumerate(preds):
        if pi not in used and not any(len(c & g) * 2 > len(c) for g, _ in golds):
            counted += 1
    n = {"gold": len(golds), "pred": counted, "found": len(matched)}
    n.update(source_right=0, cue_right=0, direct=0, direct_found=0, indirect=0, indirect_found=0)
    for _, a in golds:
        n["direct" if a.get("direct") else "indirect"] += 1
    for gi, pi in matched.items():
        a, p = golds[gi][1], preds[pi][1]
        n["direct_found" if a.get("direct") else "indirect_found"] += 1
        src = [tuple(f) for f in a.get("source") or []]
        if (not src and not p["source"]) or _overlaps(src, p["source"]):
            n["source_right"] += 1
        cue = [tuple(f) for f in a.get("cue") or []]
        if (not cue and not p["cue"]) or _overlaps(cue, p["cue"]):
            n["cue_right"] += 1
    return n


def score_attributions(
    items: Iterable[tuple[str, list[dict[str, Any]], dict[str, Any]]],
) -> dict[str, float]:
    """Precision, recall, F1, attributed P/R/F1, direct and indirect recall, source and
    cue accuracy over ``(text, gold attributions, prediction)`` triples."""
    tot: dict[str, int] = {}
    for text, gold, pred in items:
        for k, v in score_article(text, gold, pred).items():
            tot[k] = tot.get(k, 0) + v
    if not tot:
        return {}
    found = tot["found"]
    out = {f"{k}": v for k, v in prf(found, tot["pred"], tot["gold"]).items()}
    out.update(
        {
            f"attributed_{k}": v
            for k, v in prf(tot["source_right"], tot["pred"], tot["gold"]).items()
        }
    )
    out["direct_recall"] = tot["direct_found"] / tot["direct"] if tot["direct"] else 0.0
    out["indirect_recall"] = tot["indirect_found"] / tot["indirect"] if tot["indirect"] else 0.0
    out["source_accuracy"] = tot["source_right"] / found if found else 0.0
    out["cue_accuracy"] = tot["cue_right"] / found if found else 0.0
    out.update({f"n_{k}": float(v) for k, v in tot.items()})
    return out
