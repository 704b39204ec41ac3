"""Character ranges: is an offset range inside one of a sorted list, and merging."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence


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
