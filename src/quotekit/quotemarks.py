"""The quote scanner's public names at their first import path (kept for users).

The scanner lives in ``quotekit.components._quotes`` (marks, pairing, classification,
word lists) and the mark tables in ``quotekit.text.quotemarks``; this module only
re-exports them, so ``from quotekit.quotemarks import scan`` keeps working.
"""

from __future__ import annotations

from .components._quotes import MarkedSpan, QuoteWords, ScanResult, scan
from .text.quotemarks import ALL_STYLES, OPENING_MARKS, QUOTE_MARKS

__all__ = [
    "ALL_STYLES",
    "OPENING_MARKS",
    "QUOTE_MARKS",
    "MarkedSpan",
    "QuoteWords",
    "ScanResult",
    "scan",
]
