"""Find quotations by their quotation marks: a pure-Python character scanner.

``scan(text)`` pairs the quotation marks of a whole document and returns the
marked spans, split into quotations (``full`` or ``partial``), the spans nested
inside them, and marked spans that are not quotations (``term``: titles of works,
nicknames, scare quotes).

How marks are paired
--------------------
* Curly marks and guillemets carry their direction; straight marks (``"`` and
  ``'``, and ``''`` used as a double mark) take it from their neighbours: an
  opener follows the start, whitespace or opening punctuation and is followed by
  a non-space; a closer follows a non-space and is followed by the end,
  whitespace or punctuation.
* Apostrophes never open or close: ``it's``, ``don’t``, ``’90s``, ``’tis``,
  ``rock 'n' roll``; a possessive ``dogs'`` closes an open single quote only when
  no later single mark in the paragraph could close it instead.
* Marks of a different family (single inside double, ``«`` inside ``“``...) nest.
* Paragraphs are separated by newlines. A quote still open at the end of its
  paragraph continues when the next paragraph starts with an opening mark of the
  same style (the news convention for multi-paragraph quotations); otherwise it
  ends with its paragraph, unclosed. An opener of the same style that follows
  sentence-ending punctuation while the quote is open (a paragraph break lost
  inside a quotation) continues the quote too. A stray mark damages only its own
  paragraph.

How spans are classified
------------------------
``full`` when the quoted words start a sentence (paragraph start, after ``.``,
``:`` or ``said,``) with a capital and end with sentence punctuation or lead into
an attribution; ``partial`` otherwise. ``term`` (kept out of ``quotes``) for short
Title-Case spans (titles, names, slogans) unless a reporting verb is next to them,
spans after a naming word (so-called, titled, the film, known as...), marked
modifiers (the "opt-out" movement), short lowercase spans in a sentence with no
reporting verb (scare quotes), and single-quoted subheadings. The thresholds were
tuned on PolNeAR train (``scripts/score_quotemarks.py``).

The scan visits each mark once and keeps per-family counts of open marks, so it
runs in linear time; it uses no backtracking pattern and never raises.
"""

from __future__ import annotations

import re

import attrs

__all__ = [
    "ALL_STYLES",
    "OPENING_MARKS",
    "QUOTE_MARKS",
    "MarkedSpan",
    "ScanResult",
    "scan",
]

ALL_STYLES = frozenset(
    {
        "double_straight",
        "double_curly",
        "single_straight",
        "single_curly",
        "guillemets",
        "low9",
        "single_guillemets",
    }
)

#: every character this module treats as a quotation mark
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a")
#: characters that may be reported as the opening mark of a span (``”``, ``»`` and
#: ``›`` open only when misdirected or in the reversed German style)
OPENING_MARKS = QUOTE_MARKS


@attrs.frozen
class MarkedSpan:
    """A stretch of text between quotation marks.

    ``start`` is the index of the opening mark and ``end`` is exclusive: for a closed
    span ``text[end - 1]`` is the closing mark; for a span left open at the end of its
    paragraph it is the paragraph's last non-space character and
    ``content_end == end``.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    kind: str  # "full" | "partial" | "term"
    closed: bool
    depth: int
    style: str


@attrs.frozen
class ScanResult:
    quotes: tuple[MarkedSpan, ...]
    nested: tuple[MarkedSpan, ...]
    terms: tuple[MarkedSpan, ...]


# --------------------------------------------------------------------------- marks

_DOUBLE, _SINGLE, _GUIL, _SGUIL = 0, 1, 2, 3

# char -> (family, style it has as an opener, natural direction: 1 open, -1 close, 0 both)
_MARK_INFO: dict[str, tuple[int, str, int]] = {
    '"': (_DOUBLE, "double_straight", 0),
    "\u201c": (_DOUBLE, "double_curly", 1),  # “
    "\u201d": (_DOUBLE, "double_curly", -1),  # ”
    "\u201e": (_DOUBLE, "low9", 1),  # „
    "'": (_SINGLE, "single_straight", 0),
    "\u2018": (_SINGLE, "single_curly", 1),  # ‘
    "\u2019": (_SINGLE, "single_curly", -1),  # ’
    "\u201a": (_SINGLE, "low9", 1),  # ‚
    "\u00ab": (_GUIL, "guillemets", 1),  # «
    "\u00bb": (_GUIL, "guillemets", -1),  # »
    "\u2039": (_SGUIL, "single_guillemets", 1),  # ‹
    "\u203a": (_SGUIL, "single_guillemets", -1),  # ›
}

_MARK_RE = re.compile("[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a\n]")
# markup tags (<tweet author="...">): their attribute quotes are not quotations. The
# class excludes "<", so each attempt stops at the next "<": linear.
_TAG_RE = re.compile(r"<[A-Za-z/!][^<>\n]*>")

_OPEN_PUNCT = frozenset("([{<\u2014\u2013-/\u2015\u2012")
# what may follow a closing mark
_AFTER_CLOSE = frozenset(".,;:!?)]}>\u2014\u2013-/\u2026*") | QUOTE_MARKS
# what may not follow an opening mark
_NOT_AFTER_OPEN = frozenset(",;:)]}!?")
_SENT_END = frozenset(".!?\u2026")
_SPACE_EXTRA = frozenset("\u200b\ufeff")

_MAX_DEPTH = 6

# words after an apostrophe that make it an elision, not an opening quote
_ELISIONS = frozenset(
    {
        "tis",
        "twas",
        "twere",
        "em",
        "n",
        "cause",
        "cos",
        "coz",
        "til",
        "till",
        "bout",
        "round",
        "ol",
        "nuff",
        "fraid",
        "s",
        "d",
        "ll",
        "re",
        "ve",
        "m",
        "t",
        "twill",
        "neath",
        "tween",
        "gainst",
        "kay",
        "scuse",
        "sup",
        "ello",
        "ere",
        "appen",
    }
)


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _SPACE_EXTRA


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _elision_after(text: str, j: int, limit: int) -> bool:
    """True when the word starting at ``j`` makes the apostrophe before it an elision."""
    k = j
    while k < limit and k - j < 8 and text[k].isalpha():
        k += 1
    word = text[j:k].lower()
    if word and word in _ELISIONS and (k >= limit or not text[k].isalnum()):
        # 'n' in rock 'n' roll, 's in a lone 's: the word must not be followed by
        # more letters; "'Tis" etc.
        return True
    # '90s, '16
    d = j
    while d < limit and d - j < 3 and text[d].isdigit():
        d += 1
    return d - j == 2 and (d >= limit or text[d] in "s\u2019'" or not text[d].isalnum())


# ------------------------------------------------------------------------- tokens


class _Tok:
    __slots__ = ("can_close", "can_open", "fam", "i", "j", "style", "weak_close")

    def __init__(self, i, j, fam, style, can_open, can_close, weak_close=False):
        self.i = i
        self.j = j
        self.fam = fam
        self.style = style
        self.can_open = can_open
        self.can_close = can_close
        # a possessive-looking closer (dogs') that closes only if nothing later can
        self.weak_close = weak_close


def _tokens(text: str, ps: int, pe: int, styles: frozenset[str]) -> list[_Tok]:
    """The quotation-mark tokens of paragraph ``text[ps:pe]`` with their roles."""
    toks: list[_Tok] = []
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
        ch = text[i]
        if ch == "\n":
            continue
        j = i + 1
        fam, style, natural = _MARK_INFO[ch]
        if ch == "'" and j < pe and text[j] == "'":
            # '' used as a double quotation mark
            j = i + 2
            fam, style = _DOUBLE, "double_straight"
            skip_until = j
        p = text[i - 1] if i > ps else ""
        n = text[j] if j < pe else ""
        p_space = p == "" or _is_space(p)
        n_space = n == "" or _is_space(n)
        open_ctx = (
            (p_space or p in _OPEN_PUNCT or p in QUOTE_MARKS)
            and not n_space
            and (n not in _NOT_AFTER_OPEN)
        )
        close_ctx = (not p_space and p not in _OPEN_PUNCT) and (n_space or n in _AFTER_CLOSE)
        can_open = can_close = False
        weak = False
        if fam == _SINGLE and j - i == 1:
            intra = _is_word(p) and _is_word(n)
            if intra:
                continue  # it's, don’t, o'clock
            if ch == "\u2019":  # ’: a closer, or an apostrophe (’90s, ’tis, dogs’)
                if not close_ctx:
                    continue  # a misdirected opener ’Hello’ is too rare to trust
                can_close = True
            elif ch == "'":
                if open_ctx and not close_ctx:
                    if _elision_after(text, j, pe):
                        continue
                    can_open = True
                elif close_ctx and not open_ctx or open_ctx and close_ctx:
                    can_close = True
                else:
                    continue
            else:  # ‘ or ‚
                if natural == 1 and open_ctx and _elision_after(text, j, pe):
                    continue  # ‘90s, ‘em written with the wrong mark
                if close_ctx and not open_ctx:
                    can_close = True  # misdirected closer
                else:
                    can_open = not n_space
            if can_close and p in "sSzZ" and n_space:
                # a possessive plural (dogs' bowl) or a closer: decided per paragraph
                weak = True
        elif natural == 0:  # straight double
            if open_ctx and not close_ctx:
                can_open = True
            elif close_ctx and not open_ctx:
                can_close = True
            else:
                # ambiguous (both or neither): closes what is open, else opens
                can_close = True
                can_open = not n_space
        elif natural == 1:  # “ „ « ‹
            if close_ctx and not open_ctx:
                can_close = True  # also closes low-9 quotes („…“) and misdirected ones
                can_open = False
            elif fam in (_GUIL, _SGUIL):
                can_open = n != ""  # French spacing: « Bonjour »
            else:
                can_open = not n_space
                if not can_open:
                    can_close = True
        else:  # ” » ›
            if open_ctx and not close_ctx:
                can_open = True  # misdirected or reversed (»Hallo«)
                can_close = True  # but closes an open quote first
            else:
                can_close = True
        if can_open and p == "=" and fam == _DOUBLE:
            can_open = False  # an attribute value: tweet-date="..."
        if can_open and style not in styles:
            can_open = False
        if not (can_open or can_close):
            continue
        toks.append(_Tok(i, j, fam, style, can_open, can_close, weak))
    return toks


# --------------------------------------------------------------------------- scan


class _Open:
    __slots__ = ("children", "cstart", "fam", "paras", "same_children", "start", "style")

    def __init__(self, start, cstart, fam, style):
        self.start = start
        self.cstart = cstart
        self.fam = fam
        self.style = style
        # (start, end, content_start, content_end, closed, depth, family, style)
        self.children: list[tuple[int, int, int, int, bool, int, int, str]] = []
        self.paras = 1
        # closed depth-1 spans of the same family as this one (evidence of a stray mark)
        self.same_children = 0


def _paragraphs(text: str):
    """Yield ``(start, end)`` of each paragraph, ``end`` after its last non-space."""
    n = len(text)
    i = 0
    while i < n:
        j = text.find("\n", i)
        if j < 0:
            j = n
        # trim
        s, e = i, j
        while s < e and _is_space(text[s]):
            s += 1
        while e > s and _is_space(text[e - 1]):
            e -= 1
        if e > s:
            yield s, e
        i = j + 1


def _after_sentence_end(text: str, i: int, ps: int) -> bool:
    """True when ``text[i]`` follows sentence-ending punctuation and whitespace."""
    k = i - 1
    if k < ps or not _is_space(text[k]):
        return False
    while k >= ps and _is_space(text[k]):
        k -= 1
    if k < ps:
        return False
    return text[k] in _SENT_END


def scan(text: str, styles: frozenset[str] = ALL_STYLES) -> ScanResult:
    """Pair the quotation marks of ``text`` and classify the marked spans."""
    try:
        return _scan(text, frozenset(styles))
    except Exception:  # noqa: BLE001  # pragma: no cover - defensive: scan never raises
        return ScanResult((), (), ())


def _scan(text: str, styles: frozenset[str]) -> ScanResult:
    if not isinstance(text, str) or not text:
        return ScanResult((), (), ())
    # (open, end, content_end, closed, para_start, para_end)
    raw: list[tuple[_Open, int, int, bool, int, int]] = []
    stack: list[_Open] = []
    counts = [0, 0, 0, 0]
    pending: _Open | None = None  # depth-0 quote open at the end of the previous paragraph
    pending_end = 0
    pending_ps = 0

    def finish_unclosed(op: _Open, end: int, ps: int) -> None:
        same = [c for c in op.children if c[6] == op.fam and c[5] == 1]
        if op.paras == 1 and same:
            # a stray opener swallowed real quotes: keep those, drop the stray
            for c in same:
                fake = _Open(c[0], c[2], op.fam, c[7])
                raw.append((fake, c[1], c[3], True, ps, end))
            return
        if op.fam == _SINGLE and op.style == "single_straight":
            return  # most likely an apostrophe
        raw.append((op, end, end, False, ps, end))

    para_start_of_top = 0
    for ps, pe in _paragraphs(text):
        toks = _tokens(text, ps, pe, styles)
        # weak closers: a later single-family closer candidate in this paragraph wins
        later_single_close = False
        for t in reversed(toks):
            if t.fam == _SINGLE:
                if t.weak_close and later_single_close:
                    t.can_close = False
                if t.can_close:
                    later_single_close = True
                if t.can_open:
                    later_single_close = False
        k0 = 0
        if pending is not None:
            if toks and toks[0].i == ps and toks[0].can_open and toks[0].style == pending.style:
                stack = [pending]
                counts = [0, 0, 0, 0]
                counts[pending.fam] = 1
                pending.paras += 1
                k0 = 1
            else:
                finish_unclosed(pending, pending_end, pending_ps)
                stack = []
                counts = [0, 0, 0, 0]
                para_start_of_top = ps
            pending = None
        else:
            para_start_of_top = ps
        for k in range(k0, len(toks)):
            t = toks[k]
            fam = t.fam
            if t.can_close and counts[fam]:
                # close the innermost open mark of this family
                while stack:
                    op = stack.pop()
                    counts[op.fam] -= 1
                    if op.fam == fam:
                        break
                depth = len(stack)
                if depth == 0:
                    raw.append((op, t.j, t.i, True, para_start_of_top, pe))
                else:
                    parent = stack[-1]
                    parent.children.append(
                        (op.start, t.j, op.cstart, t.i, True, depth, op.fam, op.style)
                    )
                    if depth == 1 and op.fam == parent.fam:
                        parent.same_children += 1
                    # grandchildren are kept with their depth
                    stack[-1].children.extend(op.children)
                continue
            if not t.can_open:
                continue
            if stack and stack[-1].style == t.style and _after_sentence_end(text, t.i, ps):
                continue  # lost paragraph break inside a quotation: it goes on
            if len(stack) >= _MAX_DEPTH:
                continue
            if not stack:
                para_start_of_top = ps
            stack.append(_Open(t.i, t.j, fam, t.style))
            counts[fam] += 1
        if stack and stack[0].same_children and stack[0].paras == 1:
            # the open mark swallowed a quote of its own family: a stray opener, not
            # the start of a multi-paragraph quotation
            finish_unclosed(stack[0], pe, para_start_of_top)
            stack = []
            counts = [0, 0, 0, 0]
        if stack:
            pending = stack[0]
            # nested marks left open at the paragraph end are dropped
            pending_end = pe
            pending_ps = para_start_of_top
            stack = []
            counts = [0, 0, 0, 0]
    if pending is not None:
        finish_unclosed(pending, pending_end, pending_ps)

    raw.sort(key=lambda r: r[0].start)
    quotes: list[MarkedSpan] = []
    nested: list[MarkedSpan] = []
    terms: list[MarkedSpan] = []
    last_end = -1
    for op, end, cend, closed, ps, pe in raw:
        if op.start < last_end:
            continue
        if not _has_word(text, op.cstart, cend):
            continue
        kind = _classify(text, op.start, end, op.cstart, cend, closed, ps, pe, op.style)
        span = MarkedSpan(op.start, end, op.cstart, cend, kind, closed, 0, op.style)
        last_end = end
        if kind == "term":
            terms.append(span)
            continue
        quotes.append(span)
        for c in op.children:
            if c[0] >= op.start and c[1] <= end:
                nested.append(
                    MarkedSpan(c[0], c[1], c[2], c[3], _inner_kind(text, c), True, c[5], c[7])
                )
    nested.sort(key=lambda s: (s.start, s.depth))
    return ScanResult(tuple(quotes), tuple(nested), tuple(terms))


def _has_word(text: str, s: int, e: int) -> bool:
    for k in range(s, e):
        if text[k].isalnum():
            return True
    return False


def _inner_kind(text: str, c) -> str:
    s, e = c[2], c[3]
    content = text[s:e].strip()
    if content and content[0].isupper() and content[-1:] in ".!?,":
        return "full"
    return "partial"


# ------------------------------------------------------------------- classification

_NON_SPACE = re.compile(r"\S")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*")

_REPORTING = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "telling",
        "call",
        "calls",
        "called",
        "calling",
        "described",
        "describes",
        "describe",
        "describing",
        "describes",
        "warned",
        "warns",
        "warn",
        "added",
        "adds",
        "wrote",
        "writes",
        "write",
        "writing",
        "asked",
        "asks",
        "ask",
        "declared",
        "declares",
        "insisted",
        "insists",
        "argued",
        "argues",
        "claimed",
        "claims",
        "promised",
        "promises",
        "vowed",
        "vows",
        "urged",
        "urges",
        "labeled",
        "labelled",
        "labels",
        "branded",
        "brands",
        "chanted",
        "chant",
        "chants",
        "chanting",
        "shouted",
        "shouts",
        "yelled",
        "yells",
        "tweeted",
        "tweets",
        "tweeting",
        "responded",
        "responds",
        "replied",
        "replies",
        "likened",
        "likens",
        "dismissed",
        "dismisses",
        "termed",
        "terms",
        "deemed",
        "deems",
        "accused",
        "accuses",
        "complained",
        "complains",
        "stated",
        "states",
        "noted",
        "notes",
        "explained",
        "explains",
        "announced",
        "announces",
        "admitted",
        "admits",
        "acknowledged",
        "acknowledges",
        "suggested",
        "suggests",
        "predicted",
        "predicts",
        "quoted",
        "quotes",
        "cited",
        "cites",
        "decried",
        "decries",
        "blasted",
        "blasts",
        "praised",
        "praises",
        "criticized",
        "criticizes",
        "criticised",
        "mocked",
        "mocks",
        "boasted",
        "boasts",
        "pledged",
        "pledges",
        "according",
        "characterized",
        "characterised",
        "characterizes",
        "referred",
        "refers",
        "repeated",
        "repeats",
        "recalled",
        "recalls",
        "remarked",
        "remarks",
        "joked",
        "jokes",
        "conceded",
        "concedes",
        "testified",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "lamented",
        "laments",
        "proclaimed",
        "proclaims",
        "urged",
        "reads",
        "read",
        "screamed",
        "screams",
        "cried",
        "cries",
        "exclaimed",
        "whispered",
        "muttered",
        "sang",
        "sings",
        "singing",
        "interjected",
        "replied",
        "retorted",
        "countered",
        "continued",
        "continues",
        "concluded",
        "concludes",
        "stressed",
        "stresses",
        "emphasized",
        "emphasised",
        "assured",
        "assures",
        "reminded",
        "reminds",
        "promising",
        "warning",
        "saying",
        "asking",
        "telling",
        "describing",
        "calling",
        "claiming",
        "arguing",
        "insisting",
        "adding",
        "noting",
        "explaining",
        "vowing",
        "threatened",
        "threatens",
        "predicted",
        "hailed",
        "hails",
        "slammed",
        "slams",
        "attacked",
        "condemned",
        "condemns",
        "thanked",
        "apologized",
        "apologised",
        "wondered",
        "wonders",
        "questioned",
        "questions",
        "mused",
        "muses",
        "reported",
        "reports",
        "reporting",
        "observed",
        "observes",
        "agreed",
        "agrees",
        "disagreed",
        "pointed",
        "demanded",
        "demands",
        "answered",
        "answers",
        "begged",
        "pleaded",
        "quipped",
        "snapped",
        "barked",
        "offered",
        "sighed",
        "laughed",
        "gushed",
        "interjecting",
        "interjected",
        "recited",
        "uttered",
        "mouthed",
        "greeted",
        "description",
        "descriptions",
        "remarks",
        "remark",
        "comments",
        "comment",
        "words",
        "claim",
        "promise",
        "pledge",
        "warning",
        "accusation",
        "reference",
        "references",
        "statement",
        "statements",
        "assertion",
        "insistence",
    ]
)

# words just before the opening mark that make the marked words a name or a title
_TERM_CUES = frozenset(
    [
        "so-called",
        "dubbed",
        "titled",
        "entitled",
        "named",
        "nicknamed",
        "renamed",
        "branded",
        "billed",
        "styled",
        "hashtag",
        "slogan",
        "motto",
        "film",
        "movie",
        "book",
        "song",
        "show",
        "series",
        "album",
        "documentary",
        "play",
        "novel",
        "nickname",
        "moniker",
        "phrase",
        "term",
        "word",
        "label",
        "catchphrase",
        "anthem",
        "commentary",
        "editorial",
        "chant",
        "chants",
        "hymn",
        "tune",
        "ballad",
        "track",
        "skit",
        "sketch",
        "opinion",
        "program",
        "programme",
        "magazine",
        "newspaper",
        "column",
        "segment",
        "episode",
        "podcast",
        "essay",
        "poem",
        "report",
        "headline",
        "headlined",
        "article",
        "op-ed",
        "memoir",
        "sitcom",
        "musical",
        "opera",
        "painting",
        "exhibition",
    ]
)

_PRONOUNS = frozenset(
    [
        "i",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "we",
        "we're",
        "we've",
        "we'd",
        "we'll",
        "you",
        "you're",
        "you've",
        "you'd",
        "you'll",
        "me",
        "us",
        "my",
        "our",
        "your",
        "mine",
        "ours",
        "yours",
        "myself",
        "ourselves",
        "yourself",
    ]
)

_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "vs",
        "v.",
        "into",
        "onto",
        "up",
        "via",
        "per",
        "de",
        "la",
        "le",
        "du",
        "des",
        "von",
        "van",
        "der",
    ]
)


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


def _title_case(words: list[str], sentence_start: bool = False) -> bool:
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
        if w.lower() in _SMALL:
            continue
        return False
    return True


def _sentence_before(text: str, start: int, ps: int, limit: int = 300) -> str:
    """The writer's words before ``start`` in its sentence (bounded look-back)."""
    lo = max(ps, start - limit)
    k = start - 1
    while k >= lo:
        ch = text[k]
        if ch in _SENT_END and k + 1 < start and _is_space(text[k + 1]):
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


_FUNCTION_WORDS = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "to",
        "of",
        "in",
        "on",
        "for",
        "as",
        "at",
        "by",
        "with",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "he",
        "she",
        "they",
        "it",
        "we",
        "you",
        "i",
        "from",
        "because",
        "when",
        "if",
        "than",
        "then",
        "about",
        "after",
        "before",
        "over",
        "into",
        "instead",
        "while",
        "since",
        "so",
        "yet",
        "not",
        "also",
        "just",
        "only",
        "even",
        "still",
        "up",
        "down",
        "out",
        "off",
        "per",
        "via",
        "against",
        "among",
        "between",
        "during",
        "through",
        "without",
        "within",
    ]
)

# a marked span starting with one of these is a sentence, not a title
_VERB_STARTS = frozenset(
    [
        "that's",
        "it's",
        "he's",
        "she's",
        "there's",
        "what's",
        "let's",
        "here's",
        "who's",
        "i'm",
        "we're",
        "you're",
        "they're",
        "i'll",
        "we'll",
        "you'll",
        "don't",
        "can't",
        "won't",
        "i've",
        "we've",
        "i'd",
        "we'd",
        "isn't",
        "aren't",
        "wasn't",
        "didn't",
    ]
)

_PREPOSITIONS = frozenset(
    [
        "on",
        "of",
        "with",
        "in",
        "at",
        "for",
        "from",
        "to",
        "by",
        "about",
        "into",
        "through",
        "via",
        "during",
        "like",
        "as",
    ]
)

_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
    ]
)


def _next_word(after: str) -> str:
    """The word right after the closing mark, when only spaces separate them."""
    k = 0
    while k < len(after) and after[k] == " ":
        k += 1
    if k == 0 and after[:1].isalpha():
        return ""
    m = _WORD_RE.match(after, k)
    return m.group(0) if m else ""


def _cue_next(bwords: list[str]) -> bool:
    """A naming word right before the mark: the so-called "...", the book "...", known as "..."."""
    k = len(bwords)
    while k > 0 and bwords[k - 1] in ("the", "a", "an", "its", "his", "her", "their"):
        k -= 1
    if k == 0:
        return False
    w = bwords[k - 1]
    return w in _TERM_CUES or (w == "as" and k >= 2 and bwords[k - 2] == "known")


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


def _features(
    text: str,
    start: int,
    end: int,
    cs: int,
    ce: int,
    closed: bool,
    ps: int,
    pe: int,
    style: str = "",
) -> dict:
    content = text[cs:ce].strip()
    words = _words(content)
    before = _sentence_before(text, start, ps)
    bwords = [w.lower() for w in _words(before)]
    after = _after(text, end)
    awords = [w.lower() for w in _words(after)[:5]]
    core = content.rstrip(" .,;:!?\u2026\"'\u201d\u2019")
    k = start - 1
    while k >= ps and _is_space(text[k]):
        k -= 1
    prev = text[k] if k >= ps else ""
    return {
        "content": content,
        "nw": len(words),
        "title": _title_case(words, prev in _SENT_END),
        "lower": bool(content) and content[0].islower(),
        "upper": bool(content) and (content[0].isupper() or content[0].isdigit()),
        "end_punct": content[-1:] if content[-1:] in ".,;:!?\u2026" else "",
        "inner_sent": any(ch in "!?" for ch in core) or ". " in core,
        "pron": any(w.lower() in _PRONOUNS for w in words),
        "before": before,
        "bwords": bwords,
        "rep_before": any(w in _REPORTING for w in bwords),
        "cue_before": any(w in _TERM_CUES for w in bwords[-3:])
        or " known as" in " " + " ".join(bwords[-3:]),
        "cue_next": _cue_next(bwords),
        "rep_next": bool(bwords) and bwords[-1] in _REPORTING,
        "verb_start": bool(words) and words[0].lower().replace("\u2019", "'") in _VERB_STARTS,
        "det_before": bool(bwords)
        and bwords[-1] in _DETERMINERS
        or before.rstrip().endswith(("'s", "\u2019s")),
        "next_word": _next_word(after),
        "poss_before": before.rstrip().endswith(("'s", "\u2019s", "s'", "s\u2019")),
        "prev": prev,
        "sent_start": prev == "" or prev in _SENT_END or prev in ":",
        "rep_after": any(w in _REPORTING for w in awords),
        "rep_after_near": not content.endswith(".")
        and any(w.lower() in _REPORTING for w in _words(_clause(after))[:3]),
        "style": style,
        "after": after,
        "para_start": k < ps,
        "whole_para": k < ps and end >= pe - 2,
        "first_para": _NON_SPACE.search(text, 0, ps) is None,
    }


def _classify(
    text: str, start: int, end: int, cs: int, ce: int, closed: bool, ps: int, pe: int, style: str
) -> str:
    f = _features(text, start, end, cs, ce, closed, ps, pe, style)
    kind = _kind(f, closed, text, end)
    if closed and _is_term(f, kind):
        return "term"
    return kind


def _kind(f: dict, closed: bool, text: str, end: int) -> str:
    content = f["content"]
    if not content:
        return "partial"
    prev = f["prev"]
    if f["upper"] and (f["sent_start"] or prev in ",\u2014\u2013-("):
        if f["end_punct"] or not closed:
            return "full"
        return "full" if _followed_by_attribution(text, end) else "partial"
    return "partial"


def _is_term(f: dict, kind: str = "partial") -> bool:
    """A marked span that names or labels rather than quotes (tuned on PolNeAR train)."""
    exclaim = f["end_punct"] in ("!", "?") or f["inner_sent"]
    nw = f["nw"]
    if f["title"] and nw <= 6 and f["poss_before"] and not exclaim:
        return True  # CBS's "Face the Nation", DuVernay's "13th"
    if (
        f["whole_para"]
        and not f["first_para"]
        and f["style"] in ("single_straight", "single_curly")
        and nw <= 6
        and not f["rep_after"]
    ):
        return True  # a subheading in single quotes: 'A change warrior.'
    if exclaim:
        return False  # a chant or a question
    if f["cue_next"] and nw <= 6 and (not f["pron"] or f["title"]) and f["prev"] != ":":
        return True  # the so-called "...", the book "...", known as "..."
    if f["rep_next"] or f["verb_start"]:
        return False  # said, "No."  /  "That's Jeb Bush and Marco Rubio."
    # a title after a preposition is named, not quoted, even when a verb follows:
    # On "Face the Nation," Sanders said ...
    named = f["title"] and bool(f["bwords"]) and f["bwords"][-1] in _PREPOSITIONS
    if f["rep_after_near"] and not named:
        return False  # "Absolutely," he said.  /  "heartbreaking," she said.
    if f["title"] and nw <= 6:
        # a title, a name or a slogan: "Face the Nation", "Contract with America";
        # but a short sentence introduced by a colon ("...one message: "Dump Trump."")
        return not (f["prev"] == ":" and f["end_punct"] == ".")
    if kind == "full":
        return False
    if (
        nw <= 4
        and not f["rep_before"]
        and not f["end_punct"]
        and f["next_word"][:1].islower()
        and f["next_word"].lower() not in _FUNCTION_WORDS
    ):
        return True  # a marked modifier: the "opt-out" movement, a "stand down" order
    # a scare quote or a marked term ("the "establishment"") in a sentence where nobody
    # says or calls anything
    return f["lower"] and nw <= 3 and not f["rep_before"] and not f["pron"]


def _followed_by_attribution(text: str, end: int) -> bool:
    k = end
    n = len(text)
    while k < n and text[k] == " ":
        k += 1
    return k < n and text[k] in ",\u2014-"
