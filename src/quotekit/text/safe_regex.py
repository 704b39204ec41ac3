"""Regex calls whose ``regex`` timeout means "no match" rather than an exception."""

from __future__ import annotations


def safe_search(pattern, *args, method: str = "search", **kwargs):
    """``pattern.search`` (or ``match``) with a ``regex`` timeout that means no match.

    Every pattern is reviewed for catastrophic backtracking (see
    tests/test_regex_worst_case.py); the timeout is a last guard, and a document it
    stops is treated as having no match rather than failing.
    """
    try:
        return getattr(pattern, method)(*args, **kwargs)
    except TimeoutError:
        return None


def safe_finditer(pattern, *args, **kwargs):
    """``pattern.finditer`` that stops quietly when its ``regex`` timeout fires."""
    try:
        yield from pattern.finditer(*args, **kwargs)
    except TimeoutError:
        return
