"""The candidate index of one document: tokens -> quote, entity, paragraph and sentence
tables, the cue tokens, and the speaker mention a head token stands for.

Built once per document (per call of the component) and read by every rule.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ...text import ParagraphIndex, RangeIndex, normalise_name, paragraphs
from .words import Words

#: Dependency labels of a verb's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Sentence-final punctuation.
SENT_END = frozenset({".", "!", "?"})
#: Punctuation that ends a speaker mention after its head ("Jane Doe, a lawyer").
MENTION_CUTS = frozenset({",", "(", "—", "–", ";"})
#: A mention of an entity: token start, token end, entity id, character start, end.
Mention = tuple[int, int, str, int, int]


class CandidateIndex:
    """Per-document tables, built once, read for every quote.

    doc (Doc): the document.
    quotes (list[dict]): its quote records (``doc._.quotekit_quotes``), sorted.
    words (Words): the component's words.
    phrase_matcher (PhraseMatcher): the component's matcher of cue phrases.
    """

    def __init__(
        self,
        doc: Doc,
        quotes: list[dict[str, Any]],
        words: Words,
        phrase_matcher: PhraseMatcher,
    ):
        self.doc = doc
        self.words = words
        self.quotes = quotes
        self.text = doc.text  # Doc.text joins every token: read it once
        # Which quote (if any) each token lies in.
        quote_ranges = RangeIndex((q["start"], q["end"]) for q in quotes)
        offsets: Any = doc.to_array("IDX") if len(doc) else []  # every token's offset, at once
        self.offsets: list[int] = [int(x) for x in offsets]
        self.in_quote = quote_ranges.find_many(offsets)
        paras = doc._.quotekit_paragraphs
        self.paras = ParagraphIndex([tuple(p) for p in paras] if paras else paragraphs(self.text))
        self.tok_para = self.paras.index_many(offsets)
        self.entities: dict[str, dict[str, Any]] = {
            e["id"]: e for e in (doc._.quotekit_entities or ())
        }
        self.tok_ent: list[str | None] = [None] * len(doc)
        self.mentions: list[Mention] = self._index_mentions()
        self.by_alias = self._aliases()
        self.cue_tokens = self._cue_tokens(phrase_matcher)
        self.q_tokens: list[tuple[int, int]] = []
        for q in quotes:
            span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
            self.q_tokens.append((span.start, span.end) if span is not None else (0, 0))
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            sents = list(doc.sents)
        else:
            sents = [doc[:]] if len(doc) else []
        self.sent_starts = [sp.start for sp in sents]
        self.sent_roots = [sp.root for sp in sents]
        self.frames: list[dict[str, Any]] = (
            list(getattr(doc._, "quotekit_source_frames", None) or [])
            if Doc.has_extension("quotekit_source_frames")
            else []
        )
        self.new_entities: list[dict[str, Any]] = []  # speakers the model did not tag
        self._regions_of: dict[int, tuple[list[int], list[int]]] = {}
        self._by_sent: dict[int, list[tuple[int, int, str]]] | None = None

    # ------------------------------------------------------------------ building
    def _index_mentions(self) -> list[Mention]:
        """Every entity mention, sorted; fills ``tok_ent`` (a person wins a shared token)."""
        doc = self.doc
        mentions: list[Mention] = []
        for eid, e in self.entities.items():
            for s, t in e.get("mentions", ()):
                span = doc.char_span(s, t, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    if self.tok_ent[tok.i] is None or e["type"] == "PERSON":
                        self.tok_ent[tok.i] = eid
                mentions.append((span.start, span.end, eid, s, t))
        mentions.sort()
        return mentions

    def _aliases(self) -> dict[str, str]:
        """Names by their written forms and surnames ("Van Dam" for "Pieter Van Dam")."""
        by_alias: dict[str, str] = {}
        for eid, e in self.entities.items():
            if e["type"] not in ("PERSON", "ORG"):
                continue
            for alias in [e["name"], *e.get("aliases", ())]:
                by_alias.setdefault(normalise_name(alias), eid)
            words = e["name"].split()
            if e["type"] == "PERSON" and len(words) > 2:
                by_alias.setdefault(normalise_name(" ".join(words[1:])), eid)
        return by_alias

    def _cue_tokens(self, phrase_matcher: PhraseMatcher) -> dict[int, str]:
        """Cue tokens outside quotes, with their lemma."""
        doc, words = self.doc, self.words
        cue_tokens: dict[int, str] = {}
        for tok in doc:
            if self.in_quote[tok.i] >= 0:
                continue
            low = tok.lower_
            lemma = words.cue_forms.get(low)
            if lemma is not None and (
                tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or lemma == "according to"
            ):
                cue_tokens[tok.i] = lemma
            elif low in words.particles and any(
                c.lower_ == words.particles[low] for c in tok.children
            ):
                cue_tokens[tok.i] = low
        for _, s, e in phrase_matcher(doc):
            if self.in_quote[s] < 0:
                phrase = doc[s:e].text.lower()
                if phrase.startswith("according"):
                    cue_tokens[s] = "according to"
                elif "quoted" in phrase:
                    for i in range(s, e):
                        if doc[i].lower_ == "quoted":
                            cue_tokens[i] = "quote"
        return cue_tokens

    def add_entity(self, record: dict[str, Any], key: str, tokens: list[Token]) -> None:
        """Add an entity the model did not tag, found as a speaker, under alias ``key``."""
        eid = record["id"]
        self.entities[eid] = record
        self.by_alias[key] = eid
        self.new_entities.append(record)
        for t in tokens:
            if self.tok_ent[t.i] is None:
                self.tok_ent[t.i] = eid

    # ------------------------------------------------------------------ regions
    def regions(self, qi: int) -> tuple[list[int], list[int]]:
        """Token indexes before and after quote ``qi`` within its clause (worked out once:
        attribution and ``via`` both read them)."""
        regions = self._regions_of.get(qi)
        if regions is None:
            regions = self._regions_of[qi] = self._find_regions(qi)
        return regions

    def _find_regions(self, qi: int) -> tuple[list[int], list[int]]:
        doc = self.doc
        ts, te = self.q_tokens[qi]
        if ts == te:
            return [], []
        para_first = self.tok_para[ts]
        para_last = self.tok_para[te - 1]
        before: list[int] = []
        i = ts - 1
        while i >= 0 and self.in_quote[i] < 0 and self.tok_para[i] == para_first:
            if doc[i].text in SENT_END and i < ts - 1:
                break
            before.append(i)
            i -= 1
        before.reverse()
        after: list[int] = []
        i = te
        while i < len(doc) and self.in_quote[i] < 0 and self.tok_para[i] == para_last:
            after.append(i)
            if doc[i].text in SENT_END:
                break
            i += 1
        return before, after

    # ------------------------------------------------------------------ look-ups
    def mentions_at(self, i: int) -> Iterator[Mention]:
        """The entity mentions that hold token ``i``."""
        for m in self.mentions:
            if m[0] <= i < m[1]:
                yield m

    def mentions_by_sentence(self) -> dict[int, list[tuple[int, int, str]]]:
        """Entity mentions by sentence number (worked out on first use)."""
        if self._by_sent is None:
            self._by_sent = {}
            for s, e, eid, _, _ in self.mentions:
                k = bisect_right(self.sent_starts, s) - 1
                self._by_sent.setdefault(k, []).append((s, e, eid))
        return self._by_sent

    # ------------------------------------------------------------------ speaker mentions
    def subject(self, verb: Token) -> Token | None:
        """The subject of ``verb`` that can name a speaker, outside quotes."""
        words = self.words
        for child in verb.children:
            if (
                child.dep_ in SUBJECT_DEPS
                and self.in_quote[child.i] < 0
                and child.lower_ not in words.non_speaker_subjects
                and not (
                    child.lower_ == "it"
                    and (child.dep_ != "nsubj" or verb.i not in self.cue_tokens)
                )
                and child.pos_ in ("PROPN", "PRON", "NOUN")
                and child.text[:1].isalpha()
                and child.ent_type_ not in ("DATE", "TIME")
            ):
                if child.lower_ in words.relative_pronouns and verb.dep_ == "relcl":
                    return verb.head
                return child
        return None

    def mention_span(self, head: Token) -> tuple[int, int]:
        """The speaker mention for a head token: its entity mention, or a short phrase."""
        doc = self.doc
        eid = self.tok_ent[head.i]
        if eid is not None:
            for _, _, m_id, cs, ce in self.mentions_at(head.i):
                if m_id == eid:
                    return (cs, ce)
        if head.pos_ == "PRON":
            return (head.idx, head.idx + len(head.text))
        left = head.left_edge.i
        right = head.i
        # Keep "a spokesman for the firm" but stop at commas, clauses and appositions.
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in self.words.mention_prepositions:
                right = max(right, child.right_edge.i)
            else:
                break
        toks = list(doc[left : right + 1])
        cut = [t.i for t in toks if t.text in MENTION_CUTS and t.i > head.i]
        if cut:
            toks = [t for t in toks if t.i < cut[0]]
        toks = [t for t in toks if self.in_quote[t.i] < 0] or [head]
        while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        if len(toks) > 12:
            toks = [head]
        return (toks[0].idx, toks[-1].idx + len(toks[-1].text))
