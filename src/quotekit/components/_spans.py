"""Turn character ranges into token-aligned spans for span groups."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span


def char_span(
    doc: Doc, start: int, end: int, label: str = "", kb_id: str = "", span_id: str = ""
) -> Span | None:
    """The smallest token span covering ``[start, end)``, or None if it covers no token."""
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if span_id:
        span = Span(doc, span.start, span.end, label=label, kb_id=kb_id, span_id=span_id)
    return span


def char_spans(doc: Doc, ranges: Iterable[tuple]) -> list[Span]:
    """Spans for ``(start, end, label[, kb_id[, span_id]])`` tuples; empty ones dropped."""
    out = []
    for item in ranges:
        span = char_span(doc, *item)
        if span is not None:
            out.append(span)
    return out
