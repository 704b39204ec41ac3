"""Paragraphs of an article: one splitter for the pipeline, the view and the scorer.

One rule for what counts as space: whatever ``str.isspace`` says, plus the invisible
U+200B ZERO WIDTH SPACE and U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte-order mark left
in scraped text). A line holding only those is blank, and they are trimmed from the
ends of a paragraph like any other space.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import numpy

#: Characters that are space although ``str.isspace`` says they are not.
INVISIBLE_SPACES = frozenset("\u200b\ufeff")


def is_space(ch: str) -> bool:
    """True for a whitespace character, U+200B or U+FEFF (see the module docstring)."""
    return ch.isspace() or ch in INVISIBLE_SPACES


def paragraphs(text: str, blank_line_separated: bool = False) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text``, one pass over its lines.

    text (str): the article.
    blank_line_separated (bool): if False (quotekit's reading of scraped news), every
        line break ends a paragraph; if True, only a blank line does.
    RETURNS (list[tuple[int, int]]): ``(start, end)`` with surrounding spaces trimmed.
    """
    out: list[tuple[int, int]] = []
    start = None
    end = 0
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        if _has_text(text, pos, nl):
            if start is None:
                start = pos
            end = nl
            if not blank_line_separated:
                out.append(_trim(text, start, end))
                start = None
        elif start is not None:
            out.append(_trim(text, start, end))
            start = None
        pos = nl + 1
    if start is not None:
        out.append(_trim(text, start, end))
    return out


def _has_text(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds anything but space."""
    line = text[a:b].strip()
    if "\u200b" not in line and "\ufeff" not in line:
        return bool(line)
    return any(not is_space(ch) for ch in line)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and is_space(text[a]):
        a += 1
    while b > a and is_space(text[b - 1]):
        b -= 1
    return a, b


class ParagraphIndex:
    """Find the paragraph that holds a character offset, in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = ranges
        self._starts = [s for s, _ in ranges]

    def index(self, offset: int) -> int:
        """Index of the paragraph at or before ``offset`` (-1 before the first)."""
        return bisect_right(self._starts, offset) - 1

    def index_many(self, offsets: Any) -> list[int]:
        """``index`` for each of many offsets (an array or a sequence), at once."""
        starts = numpy.asarray(self._starts, dtype="int64")
        found = numpy.searchsorted(starts, numpy.asarray(offsets, dtype="int64"), "right") - 1
        return [int(x) for x in found]

    def __len__(self) -> int:
        return len(self.ranges)
