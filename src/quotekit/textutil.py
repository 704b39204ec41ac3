"""Small text helpers shared by the components. Linear scans, no backtracking regexes."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-blank lines of ``text`` (a line break ends a paragraph).

    text (str): the article.
    RETURNS (list[tuple[int, int]]): ``(start, end)`` with surrounding spaces trimmed.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = nl + 1
    return out


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


def normalise_name(text: str) -> str:
    """Fold a name for comparison: strip a leading 'the', a possessive, accents, case."""
    t = " ".join(text.split())
    if t.lower().startswith("the "):
        t = t[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
            break
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.casefold().strip(" .,;:")


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
