"""Text utilities shared by the components, the views and the scorer.

One definition of each shared job: paragraphs, name folding, safe regex calls. Pure
Python: nothing here imports spaCy or a component.
"""

from __future__ import annotations

from .names import normalise_name
from .paragraphs import ParagraphIndex, paragraphs
from .ranges import RangeIndex, inside
from .safe_regex import safe_finditer, safe_search

__all__ = [
    "ParagraphIndex",
    "RangeIndex",
    "inside",
    "normalise_name",
    "paragraphs",
    "safe_finditer",
    "safe_search",
]
