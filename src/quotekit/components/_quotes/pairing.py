"""Pair the quotation marks of a document, paragraph by paragraph.

* Marks of a different family (single inside double, ``«`` inside ``“``...) nest.
* Paragraphs are separated by newlines (:func:`quotekit.text.paragraphs`). A quote
  still open at the end of its paragraph continues when the next paragraph starts
  with an opening mark of the same style (the news convention for multi-paragraph
  quotations); otherwise it ends with its paragraph, unclosed. An opener of the same
  style that follows sentence-ending punctuation while the quote is open (a
  paragraph break lost inside a quotation) continues the quote too. A stray mark
  damages only its own paragraph.
* A possessive ``dogs'`` closes an open single quote only when no later single mark
  in the paragraph could close it instead.

The pairing visits each mark once and keeps per-family counts of open marks, so it
runs in linear time. All its state lives in a :class:`_Pairing` made per call.
"""

from __future__ import annotations

from typing import NamedTuple

from ...text.paragraphs import is_space, paragraphs
from ...text.quotemarks import SINGLE
from .classify import SENT_END
from .marks import MarkToken, mark_tokens

_MAX_DEPTH = 6


class Child(NamedTuple):
    """A closed span nested inside an open one (``depth`` 1 = directly inside)."""

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool
    depth: int
    fam: int
    style: str


class Open:
    """An opening mark waiting for its closer."""

    __slots__ = ("children", "cstart", "fam", "paras", "same_children", "start", "style")

    def __init__(self, start: int, cstart: int, fam: int, style: str) -> None:
        self.start = start
        self.cstart = cstart
        self.fam = fam
        self.style = style
        self.children: list[Child] = []
        self.paras = 1
        # closed depth-1 spans of the same family as this one (evidence of a stray mark)
        self.same_children = 0


class Paired(NamedTuple):
    """A top-level span found by the pairing, before it is classified."""

    op: Open
    end: int
    content_end: int
    closed: bool
    para_start: int
    para_end: int


def pair_marks(text: str, styles: frozenset[str], elisions: frozenset[str]) -> list[Paired]:
    """The top-level marked spans of ``text``, sorted by start (nested ones as children)."""
    pairing = _Pairing(text)
    for ps, pe in paragraphs(text):
        pairing.paragraph(ps, pe, mark_tokens(text, ps, pe, styles, elisions))
    pairing.finish()
    pairing.found.sort(key=lambda r: r.op.start)
    return pairing.found


class _Pairing:
    """The state of one pairing pass over one document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Paired] = []
        self.stack: list[Open] = []
        self.counts = [0, 0, 0, 0]
        # the depth-0 quote open at the end of the previous paragraph
        self.pending: Open | None = None
        self.pending_end = 0
        self.pending_ps = 0
        # the start of the paragraph where the outermost open quote began
        self.top_ps = 0

    def paragraph(self, ps: int, pe: int, toks: list[MarkToken]) -> None:
        """Pair the marks of paragraph ``text[ps:pe]``."""
        _drop_weak_closers(toks)
        k0 = self._continue_pending(toks, ps)
        for t in toks[k0:]:
            if t.can_close and self.counts[t.fam]:
                self._close(t, pe)
            elif t.can_open:
                self._open(t, ps)
        self._end_paragraph(pe)

    def finish(self) -> None:
        """End the quote still open after the last paragraph."""
        if self.pending is not None:
            self._finish_unclosed(self.pending, self.pending_end, self.pending_ps)

    def _reset(self) -> None:
        self.stack = []
        self.counts = [0, 0, 0, 0]

    def _continue_pending(self, toks: list[MarkToken], ps: int) -> int:
        """Carry the open quote into this paragraph if it opens with the same style.

        RETURNS (int): the index of the first token left to pair.
        """
        pending = self.pending
        if pending is None:
            self.top_ps = ps
            return 0
        self.pending = None
        first = toks[0] if toks else None
        if first is not None and first.i == ps and first.can_open and first.style == pending.style:
            self._reset()
            self.stack = [pending]
            self.counts[pending.fam] = 1
            pending.paras += 1
            return 1
        self._finish_unclosed(pending, self.pending_end, self.pending_ps)
        self._reset()
        self.top_ps = ps
        return 0

    def _close(self, t: MarkToken, pe: int) -> None:
        """Close the innermost open mark of ``t``'s family."""
        stack = self.stack
        while stack:
            op = stack.pop()
            self.counts[op.fam] -= 1
            if op.fam == t.fam:
                break
        depth = len(stack)
        if depth == 0:
            self.found.append(Paired(op, t.j, t.i, True, self.top_ps, pe))
            return
        parent = stack[-1]
        parent.children.append(Child(op.start, t.j, op.cstart, t.i, True, depth, op.fam, op.style))
        if depth == 1 and op.fam == parent.fam:
            parent.same_children += 1
        # grandchildren are kept with their depth
        parent.children.extend(op.children)

    def _open(self, t: MarkToken, ps: int) -> None:
        stack = self.stack
        if stack and stack[-1].style == t.style and _after_sentence_end(self.text, t.i, ps):
            return  # lost paragraph break inside a quotation: it goes on
        if len(stack) >= _MAX_DEPTH:
            return
        if not stack:
            self.top_ps = ps
        stack.append(Open(t.i, t.j, t.fam, t.style))
        self.counts[t.fam] += 1

    def _end_paragraph(self, pe: int) -> None:
        stack = self.stack
        if stack and stack[0].same_children and stack[0].paras == 1:
            # the open mark swallowed a quote of its own family: a stray opener, not
            # the start of a multi-paragraph quotation
            self._finish_unclosed(stack[0], pe, self.top_ps)
            self._reset()
        if self.stack:
            self.pending = self.stack[0]
            # nested marks left open at the paragraph end are dropped
            self.pending_end = pe
            self.pending_ps = self.top_ps
            self._reset()

    def _finish_unclosed(self, op: Open, end: int, ps: int) -> None:
        same = [c for c in op.children if c.fam == op.fam and c.depth == 1]
        if op.paras == 1 and same:
            # a stray opener swallowed real quotes: keep those, drop the stray
            for c in same:
                fake = Open(c.start, c.content_start, op.fam, c.style)
                self.found.append(Paired(fake, c.end, c.content_end, True, ps, end))
            return
        if op.fam == SINGLE and op.style == "single_straight":
            return  # most likely an apostrophe
        self.found.append(Paired(op, end, end, False, ps, end))


def _drop_weak_closers(toks: list[MarkToken]) -> None:
    """A weak closer (dogs') gives way to a later single-family closer in the paragraph."""
    later_single_close = False
    for t in reversed(toks):
        if t.fam == SINGLE:
            if t.weak_close and later_single_close:
                t.can_close = False
            if t.can_close:
                later_single_close = True
            if t.can_open:
                later_single_close = False


def _after_sentence_end(text: str, i: int, ps: int) -> bool:
    """True when ``text[i]`` follows sentence-ending punctuation and whitespace."""
    k = i - 1
    if k < ps or not is_space(text[k]):
        return False
    while k >= ps and is_space(text[k]):
        k -= 1
    if k < ps:
        return False
    return text[k] in SENT_END
