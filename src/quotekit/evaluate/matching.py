"""What the scorers compare with: stripped spans, folded names, P/R/F1, pairings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..text import normalise_name as _fold

#: Overlap thresholds for quote detection, as (report key, fraction or None for exact).
THRESHOLDS: tuple[tuple[str, float | None], ...] = (
    ("overlap_0.3", 0.3),
    ("overlap_0.8", 0.8),
    ("exact", None),
)

QUOTE_MARKS = "\"'“”‘’«»‹›„‚‟‛「」『』`´"
EDGE_CHARS = frozenset(QUOTE_MARKS + ".,;:!?…")

Span = tuple[int, int]
Prediction = dict[str, Any]


def strip_span(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` past quotation marks, whitespace and ``.,;:!?…``.

    Returns the original span when nothing would remain.
    """
    start, end = max(0, start), min(len(text), end)
    s, e = start, end
    while s < e and (text[s] in EDGE_CHARS or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in EDGE_CHARS or text[e - 1].isspace()):
        e -= 1
    return (s, e) if s < e else (start, max(start, end))


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def normalise_name(name: str | None) -> str:
    """A name or description folded for comparison ("The BBC's" -> "bbc").

    The pipeline's own fold, ``quotekit.text.normalise_name`` (whitespace collapsed,
    a leading "the" and a possessive removed, accents stripped, casefolded, edge
    ``.,;:`` stripped); a missing name (None or "") is "".
    """
    return _fold(name) if name else ""


def contains_words(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words."""
    return bool(needle) and f" {needle} " in f" {haystack} "


def names_of(obj: dict[str, Any] | None, with_mentions: bool = False) -> set[str]:
    """Normalised name and aliases of a gold or predicted entity/source."""
    if not obj:
        return set()
    names = [obj.get("name")] + list(obj.get("aliases") or [])
    if with_mentions:
        names += [m.get("text") for m in obj.get("mentions") or [] if isinstance(m, dict)]
    return {n for n in map(normalise_name, names) if n}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def greedy(pairs: Iterable[tuple[Any, int, int]]) -> dict[int, int]:
    """One-to-one matching from (sort key, gold index, pred index), best key first."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, key=lambda x: x[0]):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched
