"""Paragraphs of an article: one splitter for the pipeline, the view and the scorer."""

from __future__ import annotations

from bisect import bisect_right


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
        if text[pos:nl].strip():
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


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
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

    def __len__(self) -> int:
        return len(self.ranges)
