"""Tell quotations from names and labels: the kind of a marked span.

``full`` when the quoted words start a sentence (paragraph start, after ``.``, ``:``
or ``said,``) with a capital and end with sentence punctuation or lead into an
attribution; ``partial`` otherwise. ``term`` (kept out of the quotes) for short
Title-Case spans (titles, names, slogans) unless a reporting word is next to them,
spans after a naming word (so-called, titled, the film, known as...), marked
modifiers (the "opt-out" movement), short lowercase spans in a sentence with no
reporting word (scare quotes), and single-quoted subheadings. The thresholds were
tuned on PolNeAR train (``scripts/score_quotemarks.py``); the words come from
:class:`QuoteWords`.
"""

from __future__ import annotations

import re

import attrs

from ...text.paragraphs import is_space
from .words import QuoteWords

_NON_SPACE = re.compile(r"\S")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*")

SENT_END = frozenset(".!?\u2026")


@attrs.frozen
class SpanPlace:
    """Where a marked span sits: its marks, its content and its paragraph."""

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool
    para_start: int
    para_end: int
    style: str


@attrs.frozen
class _Features:
    """What the rules look at around one marked span."""

    content: str
    nw: int  # number of words
    title: bool  # Title Case
    lower: bool  # starts lower-case
    upper: bool  # starts with a capital or a digit
    end_punct: str
    inner_sent: bool  # a sentence break or ! ? inside
    pron: bool  # a first- or second-person word inside
    bwords: list[str]  # the sentence's words before the span, lower-case
    rep_before: bool
    cue_next: bool
    rep_next: bool
    verb_start: bool
    next_word: str
    poss_before: bool
    prev: str  # the last non-space character before the span ("" at the paragraph start)
    sent_start: bool
    rep_after: bool
    rep_after_near: bool
    style: str
    whole_para: bool
    first_para: bool


def classify(text: str, place: SpanPlace, words: QuoteWords) -> str:
    """The kind of a marked span: ``"full"``, ``"partial"``, ``"term"``, or ``"scare"``
    (a term by the scare-quote rule: a few lower-case words in a sentence with no
    reporting word, which the attribution may yet find someone said)."""
    f = _features(text, place, words)
    kind = _kind(f, place.closed, text, place.end)
    if place.closed:
        term = _is_term(f, kind, words)
        if term is not None:
            return term
    return kind


def inner_kind(text: str, content_start: int, content_end: int) -> str:
    """The kind of a span nested in a quotation: ``"full"`` or ``"partial"``."""
    content = text[content_start:content_end].strip()
    if content and content[0].isupper() and content[-1:] in ".!?,":
        return "full"
    return "partial"


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


def _features(text: str, place: SpanPlace, words: QuoteWords) -> _Features:
    start, end, ps = place.start, place.end, place.para_start
    content = text[place.content_start : place.content_end].strip()
    inner = _words(content)
    before = _sentence_before(text, start, ps)
    bwords = [w.lower() for w in _words(before)]
    after = _after(text, end)
    awords = [w.lower() for w in _words(after)[:5]]
    core = content.rstrip(" .,;:!?\u2026\"'\u201d\u2019")
    k = start - 1
    while k >= ps and is_space(text[k]):
        k -= 1
    prev = text[k] if k >= ps else ""
    reporting = words.reporting
    return _Features(
        content=content,
        nw=len(inner),
        title=_title_case(inner, words.title_small_words, prev in SENT_END),
        lower=bool(content) and content[0].islower(),
        upper=bool(content) and (content[0].isupper() or content[0].isdigit()),
        end_punct=content[-1:] if content[-1:] in ".,;:!?\u2026" else "",
        inner_sent=any(ch in "!?" for ch in core) or ". " in core,
        pron=any(w.lower() in words.pronouns for w in inner),
        bwords=bwords,
        rep_before=any(w in reporting for w in bwords),
        cue_next=_cue_next(bwords, words),
        rep_next=bool(bwords) and bwords[-1] in reporting,
        verb_start=bool(inner) and inner[0].lower().replace("\u2019", "'") in words.verb_starts,
        next_word=_next_word(after),
        poss_before=before.rstrip().endswith(("'s", "\u2019s", "s'", "s\u2019")),
        prev=prev,
        sent_start=prev == "" or prev in SENT_END or prev in ":",
        rep_after=any(w in reporting for w in awords),
        rep_after_near=not content.endswith(".")
        and any(w.lower() in reporting for w in _words(_clause(after))[:3]),
        style=place.style,
        whole_para=k < ps and end >= place.para_end - 2,
        first_para=_NON_SPACE.search(text, 0, ps) is None,
    )


def _title_case(words: list[str], small: frozenset[str], sentence_start: bool = False) -> bool:
    """All words capitalised (small function words aside), the first one too.

    At the start of a sentence the first capital proves nothing, so a single word
    there is not title case.
    """
    if sentence_start:
        words = words[1:]
    if not words:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    for w in words:
        c = w[0]
        if c.isupper() or c.isdigit():
            continue
        if w.lower() in small:
            continue
        return False
    return True


def _sentence_before(text: str, start: int, ps: int, limit: int = 300) -> str:
    """The writer's words before ``start`` in its sentence (bounded look-back)."""
    lo = max(ps, start - limit)
    k = start - 1
    while k >= lo:
        ch = text[k]
        if ch in SENT_END and k + 1 < start and is_space(text[k + 1]):
            # "Mr. Smith" / "U.S. officials": an abbreviation does not end a sentence
            w = k - 1
            while w >= lo and text[w].isalpha():
                w -= 1
            word = text[w + 1 : k]
            if ch == "." and (len(word) <= 3 and word[:1].isupper() or len(word) == 1):
                k -= 1
                continue
            return text[k + 1 : start]
        k -= 1
    return text[lo:start]


def _after(text: str, end: int, limit: int = 60) -> str:
    stop = len(text)
    nl = text.find("\n", end, end + limit)
    if nl >= 0:
        stop = nl
    return text[end : min(stop, end + limit)]


def _next_word(after: str) -> str:
    """The word right after the closing mark, when only spaces separate them."""
    k = 0
    while k < len(after) and after[k] == " ":
        k += 1
    if k == 0 and after[:1].isalpha():
        return ""
    m = _WORD_RE.match(after, k)
    return m.group(0) if m else ""


def _cue_next(bwords: list[str], words: QuoteWords) -> bool:
    """A naming word right before the mark: the so-called "...", the book "...", known as "..."."""
    k = len(bwords)
    while k > 0 and bwords[k - 1] in words.cue_determiners:
        k -= 1
    if k == 0:
        return False
    w = bwords[k - 1]
    return w in words.term_cues or (w == "as" and k >= 2 and bwords[k - 2] == "known")


def _clause(s: str) -> str:
    """``s`` up to its first clause-ending punctuation (abbreviations aside)."""
    for k, ch in enumerate(s):
        if ch in ";:!?(\u2014":
            return s[:k]
        if ch == ".":
            w = k - 1
            while w >= 0 and s[w].isalpha():
                w -= 1
            word = s[w + 1 : k]
            if not (1 <= len(word) <= 3 and word[0].isupper()):
                return s[:k]
    return s


def _kind(f: _Features, closed: bool, text: str, end: int) -> str:
    content = f.content
    if not content:
        return "partial"
    prev = f.prev
    if f.upper and (f.sent_start or prev in ",\u2014\u2013-("):
        if f.end_punct or not closed:
            return "full"
        return "full" if _followed_by_attribution(text, end) else "partial"
    return "partial"


def _is_term(f: _Features, kind: str, words: QuoteWords) -> str | None:
    """``"term"`` for a marked span that names or labels rather than quotes (tuned on
    PolNeAR train), ``"scare"`` for a scare quote, else None."""
    found = _term_rule(f, kind, words)
    if found is True:
        return "term"
    return found or None


def _term_rule(f: _Features, kind: str, words: QuoteWords) -> str | bool:
    """The rules of ``_is_term``: True (a term), "scare" or False."""
    exclaim = f.end_punct in ("!", "?") or f.inner_sent
    nw = f.nw
    if f.title and nw <= 6 and f.poss_before and not exclaim:
        return True  # CBS's "Face the Nation", DuVernay's "13th"
    if _subheading(f):
        return True  # a subheading in single quotes: 'A change warrior.'
    if exclaim:
        return False  # a chant or a question
    if f.cue_next and nw <= 6 and (not f.pron or f.title) and f.prev != ":":
        return True  # the so-called "...", the book "...", known as "..."
    if f.rep_next or f.verb_start:
        return False  # said, "No."  /  "That's Jeb Bush and Marco Rubio."
    # a title after a preposition is named, not quoted, even when a verb follows:
    # On "Face the Nation," Sanders said ...
    named = f.title and bool(f.bwords) and f.bwords[-1] in words.prepositions
    if f.rep_after_near and not named:
        return False  # "Absolutely," he said.  /  "heartbreaking," she said.
    if f.title and nw <= 6:
        # a title, a name or a slogan: "Face the Nation", "Contract with America";
        # but a short sentence introduced by a colon ("...one message: "Dump Trump."")
        return not (f.prev == ":" and f.end_punct == ".")
    if kind == "full":
        return False
    if _marked_modifier(f, words):
        return True  # a marked modifier: the "opt-out" movement, a "stand down" order
    # a scare quote or a marked term ("the "establishment"") in a sentence where nobody
    # says or calls anything
    if f.lower and nw <= 3 and not f.rep_before and not f.pron:
        return "scare"
    return False


def _subheading(f: _Features) -> bool:
    """A short paragraph of its own in single quotes, not the first, with no verb after it."""
    return (
        f.whole_para
        and not f.first_para
        and f.style in ("single_straight", "single_curly")
        and f.nw <= 6
        and not f.rep_after
    )


def _marked_modifier(f: _Features, words: QuoteWords) -> bool:
    """A few unreported words used as a modifier of the next word: the "opt-out" movement."""
    return (
        f.nw <= 4
        and not f.rep_before
        and not f.end_punct
        and f.next_word[:1].islower()
        and f.next_word.lower() not in words.function_words
    )


def _followed_by_attribution(text: str, end: int) -> bool:
    k = end
    n = len(text)
    while k < n and text[k] == " ":
        k += 1
    return k < n and text[k] in ",\u2014-"
