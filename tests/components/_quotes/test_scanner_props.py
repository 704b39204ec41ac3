"""Property tests: the scanner never raises and always returns well-formed spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit.components._quotes import scan
from quotekit.text.quotemarks import ALL_STYLES, OPENING_MARKS, QUOTE_MARKS

MARKS = "\"'“”‘’«»„‚‹›"
PIECES = st.one_of(
    st.sampled_from(list(MARKS)),
    st.sampled_from(["a", "b", "We", "said", "it's", "dogs'", "'90s", "’tis", "o'clock"]),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0"]),
    st.sampled_from(list(".,;:!?()[]—–-/<>=")),
    st.sampled_from(['<tweet a="', '">', "so-called ", "he said", "Mr. ", "''"]),
    st.text(max_size=3),
)
TEXTS = st.one_of(st.lists(PIECES, max_size=80).map("".join), st.text(max_size=300))
STYLES = st.frozensets(st.sampled_from(sorted(ALL_STYLES)))


def check_wellformed(text, res):
    n = len(text)
    prev_end = -1
    for q in res.quotes:
        assert q.depth == 0 and q.kind in ("full", "partial")
        assert 0 <= q.start < q.end <= n
        assert text[q.start] in OPENING_MARKS
        assert q.start < q.content_start <= q.content_end <= q.end
        if q.closed:
            assert text[q.end - 1] in QUOTE_MARKS
        else:
            assert q.content_end == q.end and not text[q.end - 1].isspace()
        assert q.start >= prev_end, "quotes overlap or are unsorted"
        prev_end = q.end
    for t in res.terms:
        assert t.kind == "term" and t.depth == 0
        assert 0 <= t.start < t.content_start <= t.content_end <= t.end <= n
        assert text[t.start] in OPENING_MARKS
        for q in res.quotes:
            assert t.end <= q.start or q.end <= t.start
    for s in res.nested:
        assert s.depth >= 1
        assert text[s.start] in OPENING_MARKS
        assert s.start < s.content_start <= s.content_end < s.end
        assert any(q.start < s.start and s.end <= q.end for q in res.quotes)


@settings(deadline=None)
@given(TEXTS)
def test_wellformed(text):
    check_wellformed(text, scan(text))


@settings(deadline=None)
@given(TEXTS, STYLES)
def test_wellformed_with_styles(text, styles):
    res = scan(text, styles)
    check_wellformed(text, res)
    for q in res.quotes + res.terms:
        assert q.style in styles


@settings(deadline=None)
@given(TEXTS)
def test_deterministic(text):
    assert scan(text) == scan(text)


@settings(deadline=None)
@given(st.text())
def test_any_unicode(text):
    check_wellformed(text, scan(text))
