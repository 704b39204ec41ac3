"""Character ranges: which of a sorted set holds an offset or a span, and merging.

One definition of the "is this inside a quote / caption / paragraph?" test that the
components share.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

import numpy


def within(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of ``ranges``, in O(log n).

    ranges (Sequence[tuple[int, int]]): ``(start, end)`` pairs sorted by start that do
        not overlap (e.g. the output of ``merge_ranges``); only the last range that
        starts at or before ``start`` is tested.
    start (int): the first offset.
    end (int): the offset after the last.
    RETURNS (bool): True if one range holds both ends.
    """
    i = bisect_right(ranges, start, key=lambda r: r[0]) - 1
    return i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]


def merge_ranges(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges covering the same offsets as ``spans``.

    spans (Iterable[tuple[int, int]]): ``(start, end)`` pairs in any order; touching
        ranges (one ends where the next starts) are merged too.
    RETURNS (list[tuple[int, int]]): the merged ranges.
    """
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


class RangeIndex:
    """Sorted, non-overlapping ``[start, end)`` ranges (quotes, paragraphs, spans), and the
    one that holds an offset, in O(log n).

    ranges (Iterable[Sequence[int]]): the ranges, sorted by start, none overlapping
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

    def find_many(self, offsets: Any) -> list[int]:
        """``find`` for each of many offsets (an array or a sequence), at once."""
        offs = numpy.asarray(offsets, dtype="int64")
        if not self.ranges:
            return [-1] * len(offs)
        ends = numpy.asarray([e for _, e in self.ranges], dtype="int64")
        k = numpy.searchsorted(numpy.asarray(self._starts, dtype="int64"), offs, "right") - 1
        held = (k >= 0) & (offs < ends[numpy.maximum(k, 0)])
        return [int(x) for x in numpy.where(held, k, -1)]

    def within(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one range (see :func:`within`)."""
        return within(self.ranges, start, end)

    def __len__(self) -> int:
        return len(self.ranges)
