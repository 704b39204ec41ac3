"""What one document's source finding shares: the doc and tables, the ranges that take
no role (editors' notes, paywall lines, quotations), captions, paragraphs, and the
mentions and organisations found so far. Made per call and dropped after."""

from __future__ import annotations

from spacy.tokens import Doc

from ...text import ParagraphIndex, merge_ranges, paragraphs, within
from .._spans import char_span
from .gazetteer import Gazetteer
from .records import Mention, Org
from .words import SourceWords

#: Opening quotation marks that nest, with their closers (straight quotes toggle).
QUOTE_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", "\u2018": "\u2019"}
#: Boilerplate labels whose text takes no role.
EXCLUDED_BOILERPLATE = ("editors_note", "paywall")


def quote_ranges(doc: Doc, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks.

    From ``doc._.quotekit_quotes`` when the quotes component ran; else a linear scan
    per paragraph: straight double quotes toggle, curly and guillemets nest; a quote
    left open runs to the end of its paragraph.

    doc (Doc): the doc.
    paras (list[tuple[int, int]]): its paragraphs.
    RETURNS (list[tuple[int, int]]): the ranges, sorted.
    """
    quotes = doc._.quotekit_quotes
    if isinstance(quotes, list):
        return merge_ranges((q["start"], q["end"]) for q in quotes if isinstance(q, dict))
    out: list[tuple[int, int]] = []
    text = doc.text
    for ps, pe in paras:
        open_at: int | None = None
        closer = ""
        for i in range(ps, pe):
            ch = text[i]
            if open_at is None:
                if ch == '"':
                    open_at, closer = i, '"'
                elif ch in QUOTE_OPEN:
                    open_at, closer = i, QUOTE_OPEN[ch]
            elif ch == closer and not (
                closer == "\u2019" and i + 1 < pe and text[i + 1].isalpha()
            ):  # "it’s" is no close
                out.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            out.append((open_at, pe))
    return out


class DocContext:
    """The state of one document while its sources are found.

    doc (Doc): a parsed doc (``doc._.quotekit_boilerplate``, ``quotekit_paragraphs``
        and ``quotekit_quotes`` are read when set).
    gazetteer (Gazetteer): the component's known organisations (read only).
    words (SourceWords): the component's words (read only).
    """

    def __init__(self, doc: Doc, gazetteer: Gazetteer, words: SourceWords):
        self.doc = doc
        self.text = doc.text
        self.gazetteer = gazetteer
        self.words = words
        self.orgs: list[Org] = list(gazetteer.orgs)
        self.added: dict[str, int] = {}  # casefolded name of an org found by a frame -> index
        bp = doc._.quotekit_boilerplate or []
        self.excluded = sorted((s, e) for s, e, lab in bp if lab in EXCLUDED_BOILERPLATE)
        self.captions = sorted((s, e) for s, e, lab in bp if lab == "caption")
        paras = doc._.quotekit_paragraphs
        self.paragraphs: list[tuple[int, int]] = (
            [(p[0], p[1]) for p in paras] if paras else paragraphs(self.text)
        )
        self.paragraph_index = ParagraphIndex(self.paragraphs)
        self.quotes = quote_ranges(doc, self.paragraphs)
        self.mentions: list[Mention] = []
        self.mention_starts: set[int] = set()
        self.mention_ends: set[int] = set()

    # ------------------------------------------------------------- ranges
    def is_excluded(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is in an editors' note or a paywall line."""
        return within(self.excluded, start, end)

    def in_caption(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is in a photo caption."""
        return within(self.captions, start, end)

    def is_quoted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is inside quotation marks."""
        return within(self.quotes, start, end)

    def paragraph_of(self, char: int) -> int:
        """The index of the paragraph at or before ``char`` (-1 before the first)."""
        return self.paragraph_index.index(char)

    def para_end(self, char: int) -> int:
        """The end of the paragraph at or before ``char`` (the text's end before the first)."""
        i = self.paragraph_of(char)
        return self.paragraphs[i][1] if i >= 0 else len(self.text)

    # ------------------------------------------------------------- organisations
    def lookup(self, name: str) -> int | None:
        """The gazetteer's index of the organisation named ``name``, or None."""
        return self.gazetteer.lookup(name)

    def org_for(self, name: str, kind: str) -> int:
        """The index of the organisation named ``name``: the gazetteer's, else one found
        by a frame in this document (added on first sight, with ``kind``)."""
        idx = self.lookup(name)
        if idx is not None:
            return idx
        key = name.casefold()
        if key not in self.added:
            self.added[key] = len(self.orgs)
            self.orgs.append(Org(name, kind, None))
        return self.added[key]

    def mention_at(self, start: int, end: int, idx: int) -> Mention | None:
        """The mention covering characters ``[start, end)``, now of organisation ``idx``:
        a known one with those token bounds, else a new one (None if no token)."""
        span = char_span(self.doc, start, end)
        if span is None:
            return None
        for m in self.mentions:
            if m.start == span.start and m.end == span.end:
                m.org = idx
                return m
        return Mention(span.start, span.end, idx)

    def char_bounds(self, m: Mention) -> tuple[int, int]:
        """The character offsets of mention ``m``."""
        last = self.doc[m.end - 1]
        return self.doc[m.start].idx, last.idx + len(last)
