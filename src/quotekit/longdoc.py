"""Articles longer than one ``Doc`` should hold: split, process in parts, merge.

Splits fall at paragraph boundaries that no quotation spans (a quote is never
cut), else at a sentence end outside quotes, else at whitespace. Merging shifts
every offset back into the original text and joins entities and sources that
the parts found separately (same country code, same normalised name, a surname
that matches one full name), so ids are unique and consistent across parts.

Texts of any length are also cut inside very long runs of punctuation, symbols
or emoji (``MAX_AFFIX_RUN``): spaCy's tokenizer strips such characters one at a
time as prefixes and suffixes, so a run of n of them costs O(n²) (20,000
quotation marks in a row take about a minute as one ``Doc``, a few seconds in
pieces). Such a run holds no words, so no real quotation is lost; a quotation
that contains one may come out as two.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

from .components._quotes import QuoteWords, scan
from .errors import Errors, QuotekitError
from .model import Article, Entity, Mention, Quote, Reported, Source
from .text import normalise_name

#: Runs of characters that are neither word characters nor whitespace (quotation
#: marks, punctuation, symbols, emoji) longer than this are cut into pieces.
MAX_AFFIX_RUN = 500


def split_text(
    text: str, max_chars: int, max_run: int = MAX_AFFIX_RUN, words: QuoteWords | None = None
) -> list[tuple[int, int]]:
    """``(start, end)`` parts of at most ``max_chars`` characters covering ``text``.

    text (str): the article.
    max_chars (int): the longest part (at least 1).
    max_run (int): the longest run of punctuation/symbol characters kept in one part.
    words (QuoteWords | None): the quote scanner's word lists, to find the quotations
        not to cut (the pipeline's ``quotekit_quotes`` has them as ``.words``);
        default: the shipped ones.
    RETURNS (list[tuple[int, int]]): contiguous parts, in order, covering ``text``
        exactly (one ``(0, 0)`` part for an empty text).
    RAISES (QuotekitError): a ValueError, E017, when ``max_chars`` or ``max_run`` is
        not a positive int.
    """
    for name, value in (("max_chars", max_chars), ("max_run", max_run)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise QuotekitError(Errors.E017.format(name=f"split_text() {name}", value=value))
    n = len(text)
    runs = [(m.start(), m.end()) for m in _affix_runs(max_run).finditer(text)]
    if n <= max_chars and not runs:
        return [(0, n)]
    cuts: set[int] = set()
    if n > max_chars:
        inside = _QuoteRanges([(q.start, q.end) for q in scan(text, words=words).quotes])
        start = 0
        while n - start > max_chars:
            start = _last_boundary(text, start, start + max_chars, inside)
            cuts.add(start)
    for run_start, run_end in runs:
        cuts.update(range(run_start + max_run, run_end, max_run))
    bounds = [0, *sorted(c for c in cuts if 0 < c < n), n]
    return list(itertools.pairwise(bounds))


_RUN_PATTERNS: dict[int, re.Pattern[str]] = {}


def _affix_runs(max_run: int) -> re.Pattern[str]:
    # One character class under one quantifier: linear, no backtracking.
    pattern = _RUN_PATTERNS.get(max_run)
    if pattern is None:
        source = r"[^\w\s]{%d,}" % (max_run + 1)  # noqa: UP031
        pattern = _RUN_PATTERNS[max_run] = re.compile(source)
    return pattern


class _QuoteRanges:
    """Sorted, non-overlapping quotation ranges; which one covers a position."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def covering(self, pos: int) -> int | None:
        """The start of the quotation with ``start < pos < end``, or None."""
        i = bisect.bisect_left(self.starts, pos) - 1
        if i >= 0 and self.ranges[i][0] < pos < self.ranges[i][1]:
            return self.ranges[i][0]
        return None


def _last_boundary(text: str, start: int, limit: int, inside: _QuoteRanges) -> int:
    """The best cut in ``(start + (limit - start) // 2, limit]``."""
    floor = start + (limit - start) // 2
    # A paragraph break, then a sentence end, then whitespace, outside every quote;
    # a covered candidate makes the search jump before the quote that covers it.
    finders = (
        (lambda lo, hi: text.rfind("\n", lo, hi), 1),
        (lambda lo, hi: max(text.rfind(m, lo, hi) for m in (". ", "! ", "? ")), 2),
        (lambda lo, hi: _rfind_space(text, lo, hi), 1),
    )
    for find, width in finders:
        pos = find(floor, limit)
        while pos > floor:
            covered = inside.covering(pos)
            if covered is None:
                return pos + width
            pos = find(floor, covered)
    # A quotation longer than half a part has to be cut somewhere: at whitespace.
    pos = _rfind_space(text, floor, limit)
    return pos + 1 if pos > floor else limit


def _rfind_space(text: str, lo: int, hi: int) -> int:
    return max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi), text.rfind("\u00a0", lo, hi))


def merge_articles(text: str, id: str | None, parts: list[tuple[int, Article]]) -> Article:
    """One article from per-part articles; ``parts`` hold ``(offset, article)`` pairs.

    text (str): the whole article.
    id (str | None): its id.
    parts (list[tuple[int, Article]]): each part's offset in ``text`` and its article.
    RETURNS (Article): the merged article, every offset into ``text``.
    """
    parts = sorted(parts, key=lambda p: p[0])
    merger = _Merger(_full_names(parts))
    for offset, art in parts:
        merger.add(offset, art)
    return merger.article(text, id)


def _full_names(parts: list[tuple[int, Article]]) -> dict[str, set[str]]:
    """People named in full anywhere in the article, by surname (normalised)."""
    full_names: dict[str, set[str]] = {}
    for _, art in parts:
        for e in art.entities:
            words = e.name.split()
            if e.type == "PERSON" and len(words) > 1:
                full_names.setdefault(normalise_name(words[-1]), set()).add(normalise_name(e.name))
    return full_names


def _shift(m: Mention | None, off: int) -> Mention | None:
    if m is None:
        return None
    return Mention(m.start + off, m.end + off, m.text)


def _shifted(mentions: tuple[Mention, ...], off: int) -> list[Mention]:
    return [Mention(m.start + off, m.end + off, m.text) for m in mentions]


class _Merger:
    """The entities, sources, quotes and reported speech of the parts seen so far."""

    def __init__(self, full_names: dict[str, set[str]]) -> None:
        self.full_names = full_names
        self.entities: list[dict[str, Any]] = []
        self.ent_keys: dict[tuple[str, str], int] = {}
        self.sources: list[dict[str, Any]] = []
        self.src_keys: dict[str, int] = {}
        self.quotes: list[Quote] = []
        self.reported: list[Reported] = []

    def add(self, offset: int, art: Article) -> None:
        """Add one part's article, found at ``offset`` of the whole text."""
        ent_map = self._add_entities(offset, art)
        src_map = self._add_sources(offset, art)
        for q in art.quotes:
            self.quotes.append(
                Quote(
                    id=f"q{len(self.quotes)}",
                    start=q.start + offset,
                    end=q.end + offset,
                    text=q.text,
                    kind=q.kind,
                    speaker=ent_map.get(q.speaker) if q.speaker else None,
                    speaker_mention=_shift(q.speaker_mention, offset),
                    cue=_shift(q.cue, offset),
                    via=src_map.get(q.via) if q.via else None,
                    rule=q.rule,
                )
            )
        for r in art.reported:
            self.reported.append(
                Reported(
                    id=f"r{len(self.reported)}",
                    start=r.start + offset,
                    end=r.end + offset,
                    text=r.text,
                    speaker=ent_map.get(r.speaker) if r.speaker else None,
                    speaker_mention=_shift(r.speaker_mention, offset),
                    cue=_shift(r.cue, offset),
                    via=src_map.get(r.via) if r.via else None,
                )
            )

    def _entity_key(self, e: Entity, speakers: set[str | None]) -> tuple[str, str]:
        """Entities with one key are one entity.

        In another part a one-word PERSON (or a one-word ORG that speaks: the model
        often tags a lone surname as one) whose name is the surname of exactly one
        person named in full is that person.
        """
        if len(e.name.split()) == 1 and (
            e.type == "PERSON" or (e.type == "ORG" and e.id in speakers)
        ):
            owners = self.full_names.get(normalise_name(e.name), set())
            if len(owners) == 1:
                return ("PERSON", next(iter(owners)))
        return (e.type, e.iso or normalise_name(e.name))

    def _add_entities(self, offset: int, art: Article) -> dict[str, str]:
        """Merge the part's entities; RETURNS their part id -> merged id."""
        ent_map: dict[str, str] = {}
        speakers = {q.speaker for q in art.quotes}
        for e in art.entities:
            key = self._entity_key(e, speakers)
            idx = self.ent_keys.get(key)
            if idx is None:
                idx = self.ent_keys[key] = len(self.entities)
                self.entities.append(
                    {
                        "type": key[0],
                        "name": e.name,
                        "aliases": [],
                        "mentions": [],
                        "titles": [],
                        "affiliation": e.affiliation,
                        "iso": e.iso,
                    }
                )
            rec = self.entities[idx]
            if len(e.name) > len(rec["name"]) and e.type == "PERSON":
                rec["name"] = e.name
            rec["aliases"] += [a for a in e.aliases if a not in rec["aliases"]]
            rec["titles"] += [t for t in e.titles if t not in rec["titles"]]
            rec["affiliation"] = rec["affiliation"] or e.affiliation
            rec["mentions"] += _shifted(e.mentions, offset)
            ent_map[e.id] = f"e{idx}"
        return ent_map

    def _add_sources(self, offset: int, art: Article) -> dict[str, str]:
        """Merge the part's sources; RETURNS their part id -> merged id."""
        src_map: dict[str, str] = {}
        for s in art.sources:
            key = normalise_name(s.name)
            idx = self.src_keys.get(key)
            if idx is None:
                idx = self.src_keys[key] = len(self.sources)
                self.sources.append({"name": s.name, "kind": s.kind, "roles": [], "mentions": []})
            rec = self.sources[idx]
            rec["roles"] = sorted(set(rec["roles"]) | set(s.roles))
            rec["mentions"] += _shifted(s.mentions, offset)
            src_map[s.id] = f"s{idx}"
        return src_map

    def article(self, text: str, id: str | None) -> Article:
        """The merged article."""
        return Article(
            id=id,
            text=text,
            quotes=tuple(self.quotes),
            entities=tuple(
                Entity(
                    id=f"e{i}",
                    type=r["type"],
                    name=r["name"],
                    aliases=tuple(r["aliases"]),
                    mentions=tuple(sorted(r["mentions"], key=_mention_key)),
                    titles=tuple(r["titles"]),
                    affiliation=r["affiliation"],
                    iso=r["iso"],
                )
                for i, r in enumerate(self.entities)
            ),
            sources=tuple(
                Source(
                    id=f"s{i}",
                    name=r["name"],
                    kind=r["kind"],
                    roles=tuple(r["roles"]),
                    mentions=tuple(r["mentions"]),
                )
                for i, r in enumerate(self.sources)
            ),
            reported=tuple(self.reported),
        )


def _mention_key(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)
