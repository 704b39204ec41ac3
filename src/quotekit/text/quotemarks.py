"""Quotation marks and quote styles: which characters quote, and how.

Pure typography tables, shared by the quote scanner
(``quotekit.components._quotes``), the long-text splitter, the scorer and the scripts.
"""

from __future__ import annotations

__all__ = [
    "ALL_STYLES",
    "DOUBLE",
    "GUILLEMET",
    "MARK_INFO",
    "OPENING_MARKS",
    "QUOTE_MARKS",
    "SINGLE",
    "SINGLE_GUILLEMET",
]

#: The quote styles a pipeline may look for (``quotekit_quotes`` config ``styles``).
ALL_STYLES = frozenset(
    {
        "double_straight",
        "double_curly",
        "single_straight",
        "single_curly",
        "guillemets",
        "low9",
        "single_guillemets",
    }
)

#: every character the scanner treats as a quotation mark
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a")
#: characters that may be reported as the opening mark of a span (``”``, ``»`` and
#: ``›`` open only when misdirected or in the reversed German style)
OPENING_MARKS = QUOTE_MARKS

#: Mark families: marks of one family close each other; marks of different families nest.
DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = 0, 1, 2, 3

#: char -> (family, style it has as an opener, natural direction: 1 opens, -1 closes,
#: 0 either way)
MARK_INFO: dict[str, tuple[int, str, int]] = {
    '"': (DOUBLE, "double_straight", 0),
    "\u201c": (DOUBLE, "double_curly", 1),  # “
    "\u201d": (DOUBLE, "double_curly", -1),  # ”
    "\u201e": (DOUBLE, "low9", 1),  # „
    "'": (SINGLE, "single_straight", 0),
    "\u2018": (SINGLE, "single_curly", 1),  # ‘
    "\u2019": (SINGLE, "single_curly", -1),  # ’
    "\u201a": (SINGLE, "low9", 1),  # ‚
    "\u00ab": (GUILLEMET, "guillemets", 1),  # «
    "\u00bb": (GUILLEMET, "guillemets", -1),  # »
    "\u2039": (SINGLE_GUILLEMET, "single_guillemets", 1),  # ‹
    "\u203a": (SINGLE_GUILLEMET, "single_guillemets", -1),  # ›
}
