"""Small text helpers shared by the components. Linear scans, no backtracking regexes."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right


def paragraphs(text: str, blank_line_separated: bool = False) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text``, one pass over its lines.

    text (str): the article.
    blank_line_separated (bool): if False (quotekit's reading of scraped news), every
        line break ends a paragraph; if True, only a blank line does.
    RETURNS (list[tuple[int, int]]): ``(start, end)`` with surrounding spaces trimmed.
    """
    out: list[tuple[int, int]] = []
    start = None
    end = 0
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        if text[pos:nl].strip():
            if start is None:
                start = pos
            end = nl
            if not blank_line_separated:
                out.append(_trim(text, start, end))
                start = None
        elif start is not None:
            out.append(_trim(text, start, end))
            start = None
        pos = nl + 1
    if start is not None:
        out.append(_trim(text, start, end))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


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
