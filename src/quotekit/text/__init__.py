"""Text utilities shared by the components, the views and the scorer.

One definition of each shared job: paragraphs, name folding, safe regex calls,
quotation marks and quote styles, placeholders for unencodable code points. Pure Python: nothing here imports spaCy or a
component.
"""

from __future__ import annotations

from .abbreviations import is_abbreviation
from .encodable import PLACEHOLDER, encodable, has_unencodable
from .names import normalise_name
from .paragraphs import INVISIBLE_SPACES, ParagraphIndex, is_space, paragraphs
from .quotemarks import ALL_STYLES, OPENING_MARKS, QUOTE_MARKS
from .ranges import RangeIndex, merge_ranges, within
from .safe_regex import safe_finditer, safe_search

__all__ = [
    "ALL_STYLES",
    "INVISIBLE_SPACES",
    "OPENING_MARKS",
    "PLACEHOLDER",
    "QUOTE_MARKS",
    "ParagraphIndex",
    "RangeIndex",
    "encodable",
    "has_unencodable",
    "is_abbreviation",
    "is_space",
    "merge_ranges",
    "normalise_name",
    "paragraphs",
    "safe_finditer",
    "safe_search",
    "within",
]
