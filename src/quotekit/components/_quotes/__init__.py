"""The quotes component's heavy part: the quotation-mark scanner, split by job.

- :mod:`.marks`: the marks of a paragraph and the roles each may play;
- :mod:`.pairing`: pairing marks across nesting and paragraphs;
- :mod:`.classify`: quotation (``full``/``partial``) or marked term;
- :mod:`.words`: the word lists, from the ``quote_words`` lexicon;
- :mod:`.scanner`: ``scan(text)``, tying them together.
"""

from __future__ import annotations

from .scanner import MarkedSpan, ScanResult, scan
from .words import QuoteWords, default_words

__all__ = ["MarkedSpan", "QuoteWords", "ScanResult", "default_words", "scan"]
