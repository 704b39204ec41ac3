"""quotekit.text.ranges: which of sorted, non-overlapping ranges holds an offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotekit.text import RangeIndex, inside

RANGES = [(2, 5), (5, 9), (12, 20)]


def test_find():
    index = RangeIndex(RANGES)
    assert [index.find(i) for i in (0, 2, 4, 5, 8, 9, 11, 12, 19, 20, 99)] == [
        -1, 0, 0, 1, 1, -1, -1, 2, 2, -1, -1,
    ]  # fmt: skip
    assert RangeIndex([]).find(3) == -1 and len(index) == 3


def test_inside():
    assert inside(RANGES, 12, 20) and inside(RANGES, 3, 4)
    assert not inside(RANGES, 4, 6)  # across two ranges
    assert not inside(RANGES, 9, 10) and not inside(RANGES, 3, 3)


@given(st.lists(st.integers(0, 50), unique=True).map(sorted), st.integers(-5, 60))
def test_find_agrees_with_a_linear_scan(bounds, offset):
    ranges = list(zip(bounds[::2], bounds[1::2]))
    want = next((k for k, (s, e) in enumerate(ranges) if s <= offset < e), -1)
    assert RangeIndex(ranges).find(offset) == want
