"""Safe regex calls: a ``regex`` timeout means "no match"."""

from __future__ import annotations


def test_regex_timeout_counts_as_no_match():
    """A pattern stopped by its timeout means "no match", not a failed document."""
    import regex

    from quotekit.text import safe_finditer, safe_search

    pattern = regex.compile(r"(a+)+b")
    text = "a" * 40 + "c"
    assert safe_search(pattern, text, timeout=0.01) is None
    assert list(safe_finditer(pattern, text, timeout=0.01)) == []
    assert safe_search(pattern, "aab", timeout=1.0).group(0) == "aab"
