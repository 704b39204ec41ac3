"""quotekit.text.ranges: an offset range inside one of a sorted list; merging."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from quotekit.text import RangeIndex, merge_ranges, within


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


RANGES = [(2, 5), (5, 9), (12, 20)]


def test_find():
    index = RangeIndex(RANGES)
    assert [index.find(i) for i in (0, 2, 4, 5, 8, 9, 11, 12, 19, 20, 99)] == [
        -1, 0, 0, 1, 1, -1, -1, 2, 2, -1, -1,
    ]  # fmt: skip
    assert RangeIndex([]).find(3) == -1 and len(index) == 3


def test_index_within():
    index = RangeIndex(RANGES)
    assert index.within(12, 20) and index.within(3, 4)
    assert not index.within(4, 6)  # across two ranges
    assert not index.within(9, 10)


@given(st.lists(st.integers(0, 50), unique=True).map(sorted), st.integers(-5, 60))
def test_find_agrees_with_a_linear_scan(bounds, offset):
    ranges = list(zip(bounds[::2], bounds[1::2]))
    want = next((k for k, (s, e) in enumerate(ranges) if s <= offset < e), -1)
    assert RangeIndex(ranges).find(offset) == want


@given(
    st.lists(st.integers(0, 200), max_size=12, unique=True),
    st.lists(st.integers(-5, 220), max_size=40),
)
def test_find_many_is_find_for_each_offset(cuts, offsets):
    bounds = sorted(cuts)
    ranges = [(a, b) for a, b in zip(bounds[::2], bounds[1::2])]
    index = RangeIndex(ranges)
    assert index.find_many(offsets) == [index.find(o) for o in offsets]


@given(
    st.lists(st.integers(0, 200), max_size=12, unique=True),
    st.lists(st.integers(-5, 220), max_size=40),
)
def test_paragraph_index_many_is_index_for_each_offset(cuts, offsets):
    from quotekit.text import ParagraphIndex

    bounds = sorted(cuts)
    index = ParagraphIndex([(a, b) for a, b in zip(bounds[::2], bounds[1::2])])
    assert index.index_many(offsets) == [index.index(o) for o in offsets]
