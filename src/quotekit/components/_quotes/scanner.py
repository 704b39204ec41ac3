"""Find quotations by their quotation marks: a pure-Python character scanner.

``scan(text)`` pairs the quotation marks of a whole document and returns the
marked spans, split into quotations (``full`` or ``partial``), the spans nested
inside them, and marked spans that are not quotations (``term``: titles of works,
nicknames, scare quotes). Which characters are marks and how each one may open or
close is :mod:`.marks`; how marks pair across nesting and paragraphs is
:mod:`.pairing`; how a span is classified is :mod:`.classify`.

The scan visits each mark once and keeps per-family counts of open marks, so it
runs in linear time; it uses no backtracking pattern.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ...text.quotemarks import ALL_STYLES
from .classify import SpanPlace, classify, inner_kind
from .pairing import Paired, pair_marks
from .words import QuoteWords, default_words


@attrs.frozen
class MarkedSpan:
    """A stretch of text between quotation marks.

    ``start`` is the index of the opening mark and ``end`` is exclusive: for a closed
    span ``text[end - 1]`` is the closing mark; for a span left open at the end of its
    paragraph it is the paragraph's last non-space character and
    ``content_end == end``.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    kind: str  # "full" | "partial" | "term"
    closed: bool
    depth: int
    style: str
    #: A term by the scare-quote rule (a few lower-case words, no reporting word in
    #: the sentence): the attribution keeps it as a partial quote when its sentence
    #: names who said it.
    scare: bool = False


@attrs.frozen
class ScanResult:
    """The marked spans of a text: quotations, spans nested in them, and terms."""

    quotes: tuple[MarkedSpan, ...]
    nested: tuple[MarkedSpan, ...]
    terms: tuple[MarkedSpan, ...]


def scan(
    text: str, styles: Iterable[str] = ALL_STYLES, words: QuoteWords | None = None
) -> ScanResult:
    """Pair the quotation marks of ``text`` and classify the marked spans.

    text (str): the document (anything else gives an empty result).
    styles (Iterable[str]): the quote styles that may open a span (see
        ``quotekit.text.quotemarks.ALL_STYLES``).
    words (QuoteWords | None): the word lists; default: the shipped
        ``quotekit.quote_words.v1``.
    RETURNS (ScanResult): the spans, each group sorted by start.
    """
    if not isinstance(text, str) or not text:
        return ScanResult((), (), ())
    words = words if words is not None else default_words()
    paired = pair_marks(text, frozenset(styles), words.elisions)
    return _classified(text, paired, words)


def _classified(text: str, paired: list[Paired], words: QuoteWords) -> ScanResult:
    """Classify the paired spans; overlapping and wordless ones are dropped."""
    quotes: list[MarkedSpan] = []
    nested: list[MarkedSpan] = []
    terms: list[MarkedSpan] = []
    last_end = -1
    for op, end, cend, closed, ps, pe in paired:
        if op.start < last_end:
            continue
        if not _has_word(text, op.cstart, cend):
            continue
        place = SpanPlace(op.start, end, op.cstart, cend, closed, ps, pe, op.style)
        kind = classify(text, place, words)
        scare = kind == "scare"
        if scare:
            kind = "term"
        span = MarkedSpan(op.start, end, op.cstart, cend, kind, closed, 0, op.style, scare)
        last_end = end
        if kind == "term":
            terms.append(span)
            continue
        quotes.append(span)
        nested.extend(
            MarkedSpan(
                c.start,
                c.end,
                c.content_start,
                c.content_end,
                inner_kind(text, c.content_start, c.content_end),
                True,
                c.depth,
                c.style,
            )
            for c in op.children
            if c.start >= op.start and c.end <= end
        )
    nested.sort(key=lambda s: (s.start, s.depth))
    return ScanResult(tuple(quotes), tuple(nested), tuple(terms))


def _has_word(text: str, s: int, e: int) -> bool:
    return any(text[k].isalnum() for k in range(s, e))
