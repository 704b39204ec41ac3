"""quotekit.text.ranges: an offset range inside one of a sorted list; merging."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from quotekit.text import merge_ranges, within


def test_within():
    ranges = [(0, 5), (10, 20)]
    assert within(ranges, 0, 5)
    assert within(ranges, 12, 13)
    assert not within(ranges, 4, 6)
    assert not within(ranges, 7, 8)
    assert not within(ranges, 19, 21)
    assert not within([], 0, 1)


def test_merge_ranges():
    assert merge_ranges([(10, 20), (0, 5), (4, 8), (20, 22)]) == [(0, 8), (10, 22)]
    assert merge_ranges([]) == []


pairs = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=8,
)


@given(pairs, st.integers(0, 80), st.integers(0, 10))
def test_within_matches_a_scan_of_merged_ranges(spans, start, length):
    merged = merge_ranges(spans)
    end = start + length
    assert within(merged, start, end) == any(s <= start and end <= e for s, e in merged)
    assert all(a[1] < b[0] for a, b in pairwise(merged))
