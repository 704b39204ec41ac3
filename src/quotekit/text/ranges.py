"""Which of a set of ranges holds an offset: one test for "is this inside a quote?"."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence


class RangeIndex:
    """Sorted, non-overlapping ``[start, end)`` ranges (quotes, paragraphs, spans), and the
    one that holds an offset, in O(log n).

    ranges (Iterable[tuple[int, int]]): the ranges, sorted by start, none overlapping
        another (as quotekit's quotes and paragraphs are).
    """

    def __init__(self, ranges: Iterable[Sequence[int]]):
        self.ranges = [(int(r[0]), int(r[1])) for r in ranges]
        self._starts = [s for s, _ in self.ranges]

    def find(self, offset: int) -> int:
        """Index of the range with ``start <= offset < end``, or -1 if none holds it."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and offset < self.ranges[k][1]:
            return k
        return -1

    def inside(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (not empty) lies within one range."""
        k = self.find(start)
        return k >= 0 and start < end <= self.ranges[k][1]

    def __len__(self) -> int:
        return len(self.ranges)


def inside(ranges: Iterable[Sequence[int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies within one of ``ranges`` (sorted, non-overlapping).

    For many tests against the same ranges, build a :class:`RangeIndex` once.
    """
    return RangeIndex(ranges).inside(start, end)
