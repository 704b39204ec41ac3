"""The quotation marks of one paragraph and the roles they can play.

Curly marks and guillemets carry their direction; straight marks (``"`` and ``'``,
and ``''`` used as a double mark) take it from their neighbours: an opener follows
the start, whitespace or opening punctuation and is followed by a non-space; a
closer follows a non-space and is followed by the end, whitespace or punctuation.
Apostrophes (``it's``, ``don’t``, ``’90s``, ``’tis``, ``rock 'n' roll``) are no
marks at all; a possessive-looking closer (``dogs'``) is marked ``weak_close`` and
decided per paragraph by the pairing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...text.paragraphs import is_space
from ...text.quotemarks import DOUBLE, GUILLEMET, MARK_INFO, QUOTE_MARKS, SINGLE, SINGLE_GUILLEMET

_MARK_RE = re.compile("[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a\n]")
# markup tags (<tweet author="...">): their attribute quotes are not quotations. The
# class excludes "<", so each attempt stops at the next "<": linear.
_TAG_RE = re.compile(r"<[A-Za-z/!][^<>\n]*>")

_OPEN_PUNCT = frozenset("([{<\u2014\u2013-/\u2015\u2012")
# what may follow a closing mark
_AFTER_CLOSE = frozenset(".,;:!?)]}>\u2014\u2013-/\u2026*") | QUOTE_MARKS
# what may not follow an opening mark
_NOT_AFTER_OPEN = frozenset(",;:)]}!?")

#: (can open, can close, weak close), or None when the mark plays no role
_Roles = tuple[bool, bool, bool] | None


class MarkToken:
    """A quotation mark at ``text[i:j]`` (two characters for ``''``) and its roles."""

    __slots__ = ("can_close", "can_open", "fam", "i", "j", "style", "weak_close")

    def __init__(
        self,
        i: int,
        j: int,
        fam: int,
        style: str,
        can_open: bool,
        can_close: bool,
        weak_close: bool = False,
    ) -> None:
        self.i = i
        self.j = j
        self.fam = fam
        self.style = style
        self.can_open = can_open
        self.can_close = can_close
        # a possessive-looking closer (dogs') that closes only if nothing later can
        self.weak_close = weak_close


class _Context:
    """The neighbours of a mark at ``text[i:j]`` and what they allow."""

    __slots__ = ("close_ctx", "n_space", "open_ctx", "p", "p_space")

    def __init__(self, text: str, i: int, j: int, ps: int, pe: int) -> None:
        p = text[i - 1] if i > ps else ""
        n = text[j] if j < pe else ""
        self.p = p
        self.p_space = p == "" or is_space(p)
        self.n_space = n == "" or is_space(n)
        self.open_ctx = (
            (self.p_space or p in _OPEN_PUNCT or p in QUOTE_MARKS)
            and not self.n_space
            and (n not in _NOT_AFTER_OPEN)
        )
        self.close_ctx = (not self.p_space and p not in _OPEN_PUNCT) and (
            self.n_space or n in _AFTER_CLOSE
        )


def mark_tokens(
    text: str, ps: int, pe: int, styles: frozenset[str], elisions: frozenset[str]
) -> list[MarkToken]:
    """The quotation-mark tokens of paragraph ``text[ps:pe]`` with their roles.

    styles (frozenset[str]): styles that may open a span (others may still close one).
    elisions (frozenset[str]): words that make an apostrophe before them an elision.
    """
    toks: list[MarkToken] = []
    for i, j in _mark_positions(text, ps, pe):
        fam, style, natural = MARK_INFO[text[i]]
        if j - i == 2:  # '' used as a double quotation mark
            fam, style = DOUBLE, "double_straight"
        ctx = _Context(text, i, j, ps, pe)
        if fam == SINGLE and j - i == 1:
            roles = _single_roles(text, i, j, pe, ctx, natural, elisions)
        else:
            roles = _other_roles(ctx, fam, natural, text[j] if j < pe else "")
        if roles is None:
            continue
        can_open, can_close, weak = roles
        if can_open and ctx.p == "=" and fam == DOUBLE:
            can_open = False  # an attribute value: tweet-date="..."
        if can_open and style not in styles:
            can_open = False
        if can_open or can_close:
            toks.append(MarkToken(i, j, fam, style, can_open, can_close, weak))
    return toks


def _mark_positions(text: str, ps: int, pe: int) -> Iterator[tuple[int, int]]:
    """``(i, j)`` of each mark of ``text[ps:pe]`` outside markup tags; ``''`` is one mark."""
    skip_until = -1
    tags = []
    if "<" in text[ps:pe]:
        tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(text, ps, pe)]
    ti = 0
    for m in _MARK_RE.finditer(text, ps, pe):
        i = m.start()
        if i < skip_until:
            continue
        while ti < len(tags) and tags[ti][1] <= i:
            ti += 1
        if ti < len(tags) and tags[ti][0] < i:
            continue  # inside a markup tag
        if text[i] == "\n":
            continue
        if text[i] == "'" and i + 1 < pe and text[i + 1] == "'":
            skip_until = i + 2
            yield i, i + 2
        else:
            yield i, i + 1


def _single_roles(
    text: str,
    i: int,
    j: int,
    pe: int,
    ctx: _Context,
    natural: int,
    elisions: frozenset[str],
) -> _Roles:
    """Roles of a single mark (``'``, ``‘``, ``’``, ``‚``): apostrophes play none."""
    p = ctx.p
    n = text[j] if j < pe else ""
    if p.isalnum() and n.isalnum():
        return None  # it's, don’t, o'clock
    open_ctx, close_ctx = ctx.open_ctx, ctx.close_ctx
    can_open = can_close = False
    ch = text[i]
    if ch == "\u2019":  # ’: a closer, or an apostrophe (’90s, ’tis, dogs’)
        if not close_ctx:
            return None  # a misdirected opener ’Hello’ is too rare to trust
        can_close = True
    elif ch == "'":
        if open_ctx and not close_ctx:
            if _elision_after(text, j, pe, elisions):
                return None
            can_open = True
        elif close_ctx:
            can_close = True
        else:
            return None
    else:  # ‘ or ‚
        if natural == 1 and open_ctx and _elision_after(text, j, pe, elisions):
            return None  # ‘90s, ‘em written with the wrong mark
        if close_ctx and not open_ctx:
            can_close = True  # misdirected closer
        else:
            can_open = not ctx.n_space
    # a possessive plural (dogs' bowl) or a closer: decided per paragraph
    weak = can_close and p in "sSzZ" and ctx.n_space
    return can_open, can_close, weak


def _other_roles(ctx: _Context, fam: int, natural: int, n: str) -> _Roles:
    """Roles of a double mark or a guillemet (and of ``''``)."""
    open_ctx, close_ctx = ctx.open_ctx, ctx.close_ctx
    if natural == 0:  # straight double
        if open_ctx and not close_ctx:
            return True, False, False
        if close_ctx and not open_ctx:
            return False, True, False
        # ambiguous (both or neither): closes what is open, else opens
        return not ctx.n_space, True, False
    if natural == 1:  # “ „ « ‹
        if close_ctx and not open_ctx:
            # also closes low-9 quotes („…“) and misdirected ones
            return False, True, False
        if fam in (GUILLEMET, SINGLE_GUILLEMET):
            return n != "", False, False  # French spacing: « Bonjour »
        can_open = not ctx.n_space
        return can_open, not can_open, False
    # ” » ›
    if open_ctx and not close_ctx:
        # misdirected or reversed (»Hallo«), but closes an open quote first
        return True, True, False
    return False, True, False


def _elision_after(text: str, j: int, limit: int, elisions: frozenset[str]) -> bool:
    """True when the word starting at ``j`` makes the apostrophe before it an elision."""
    k = j
    while k < limit and k - j < 8 and text[k].isalpha():
        k += 1
    word = text[j:k].lower()
    if word and word in elisions and (k >= limit or not text[k].isalnum()):
        # 'n' in rock 'n' roll, 's in a lone 's: the word must not be followed by
        # more letters; "'Tis" etc.
        return True
    # '90s, '16
    d = j
    while d < limit and d - j < 3 and text[d].isdigit():
        d += 1
    return d - j == 2 and (d >= limit or text[d] in "s\u2019'" or not text[d].isalnum())
