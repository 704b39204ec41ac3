"""Reported speech: attributions without quotation marks, chosen by a learned model.

Candidates come from the parse. Each verb, noun or adjective with a complement (a
clause, ``ccomp``/``xcomp``; an object, ``dobj``/``attr``/``oprd``/``dative``; a
preposition's object, "called for more spending") is a candidate cue, its
complement's words the content and its subject (or the agent of a passive) the source;
so are "according to X" (the content is the rest of its clause) and a parenthetical
cue ("The plan, he said, will fail"). A logistic model over sparse features of the
candidate (the cue's word and shape, its complement, its subject, its sentence)
scores each; ``quotekit/data/reported.json`` holds its weights and threshold, built
by ``scripts/train_reported.py`` from PolNeAR train (see docs/reported-speech.md).

Kept are the candidates that score at or above the threshold, best first, whose
content neither shares half of the longer content with a better one's nor lies
mostly inside a direct quote (those are quote records already).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

import attrs
import numpy
from spacy.tokens import Doc, Token

from .index import CandidateIndex

#: A complement that makes its head a candidate cue, and the candidate's kind.
COMPLEMENT_DEPS = {
    "ccomp": "clause",
    "xcomp": "clause",
    "dobj": "object",
    "attr": "object",
    "oprd": "object",
    "dative": "object",
    "prep": "prep",
}
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
#: Characters trimmed from both ends of a content span.
EDGE = frozenset(" \n\t\r.,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`()[]\u2014\u2013-")
#: Dashes after a dateline ("WESTBURY (Reuters) - ...").
DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
#: Two contents overlapping by this share of the longer one are the same attribution.
SAME_CONTENT = 0.5
#: A content this much inside a direct quote is that quote (less: reported speech that
#: ends in a partial quote, 'said the repairs would "take weeks, not months"').
IN_QUOTE = 0.75


@attrs.frozen
class Candidate:
    """One possible attribution: its cue token, content characters and source head."""

    kind: str  # clause | object | prep | according | parenthetical
    cue: int  # token index of the cue
    start: int  # content, characters
    end: int
    comp: int  # token index of the content's head
    source: int | None  # token index of the source's head
    prep: str = ""  # the preposition of a "prep" candidate


@attrs.frozen
class ReportedModel:
    """A logistic model: ``score = sigmoid(bias + the sparse features' weights + the dense
    weights . the token vectors (doc.tensor) of the cue, the content's head and the
    source's head)``."""

    weights: dict[str, float]
    bias: float
    threshold: float
    #: slot name (DENSE_SLOTS) -> weight vector; empty for a model without them
    dense: dict[str, numpy.ndarray] = attrs.field(factory=dict, eq=False)
    meta: dict[str, Any] = attrs.field(factory=dict, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportedModel:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            dense={
                str(k): numpy.asarray(v, dtype="float32")
                for k, v in (data.get("dense") or {}).items()
            },
            meta={
                k: v for k, v in data.items() if k not in ("weights", "bias", "threshold", "dense")
            },
        )

    def score(self, features: list[str], vectors: dict[str, numpy.ndarray] | None = None) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in features)
        for slot, vec in (vectors or {}).items():
            wd = self.dense.get(slot)
            if wd is not None and wd.shape == vec.shape:
                z += float(wd @ vec)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


#: The tokens whose vectors (``doc.tensor`` rows) the model reads.
DENSE_SLOTS = ("cue", "content", "source")


def vectors(c: Candidate, doc: Doc) -> dict[str, numpy.ndarray]:
    """The token vectors of a candidate's cue, content head and source head (none when
    the Doc has no tensor, e.g. a pipeline without ``tok2vec`` output)."""
    tensor = doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(doc):
        return {}
    out = {"cue": tensor[c.cue], "content": tensor[c.comp]}
    if c.source is not None:
        out["source"] = tensor[c.source]
    return out


# ---------------------------------------------------------------------- candidates
def candidates(doc: Doc, text: str | None = None) -> Iterator[Candidate]:
    """Every candidate of the document, in token order (``text``: ``doc.text``, which
    is slow to build, given once)."""
    if text is None:
        text = doc.text
    for t in doc:
        if t.lower_ == "according":
            cand = _according(t, text)
            if cand is not None:
                yield cand
            continue
        if t.pos_ not in CUE_POS:
            continue
        subj = _subject(t)
        for c in t.children:
            kind = COMPLEMENT_DEPS.get(c.dep_)
            if kind is None:
                continue
            prep = ""
            head = c
            if kind == "prep":
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if not objs:
                    continue
                head, prep = objs[0], c.lower_
            if head.left_edge is head.right_edge and (head.is_stop or head.is_punct):
                continue  # a lone "that" or "it": no content
            span = _trim(text, head.left_edge.idx, _end(head.right_edge))
            if span is not None:
                yield Candidate(kind, t.i, *span, head.i, subj, prep)
        if t.dep_ == "parataxis" and t.pos_ == "VERB" and subj is not None:
            span = _without(text, t.head, t)
            if span is not None:
                yield Candidate("parenthetical", t.i, *span, t.head.i, subj)


def _according(t: Token, text: str) -> Candidate | None:
    """'According to X, …': the content is the clause it modifies, without it."""
    to = next((c for c in t.children if c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    root = t.head
    while root.dep_ in ("prep", "pobj", "advmod") and root.head is not root:
        root = root.head
    if root is t:
        return None
    span = _without(text, root, t)
    if span is None:
        return None
    return Candidate("according", t.i, *span, root.i, obj.i if obj is not None else None)


def _subject(v: Token) -> int | None:
    """The subject of ``v`` (or of the verb it depends on): a passive's agent before its
    subject ("the plan was criticised by the minister"; "he was quoted as saying")."""
    k = v
    for _ in range(4):
        passive = None
        for c in k.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ == "it" and any(g.dep_ in ("ccomp", "xcomp") for g in k.children):
                    return None  # "it seems that ...", "it is said that ...": nobody
                return _past_dateline(c).i
            if c.dep_ == "nsubjpass" and c.lower_ != "it":
                passive = c
        for c in k.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g.i
        if passive is not None:
            return _past_dateline(passive).i
        if k.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl") and k.head is not k:
            if k.dep_ == "relcl":
                return k.head.i
            k = k.head
        else:
            break
    return None


def _past_dateline(tok: Token) -> Token:
    """'WESTBURY (Reuters) - Mara Vos said': the parser makes the dateline's place the
    subject and the speaker its apposition; the speaker is the apposition after the dash."""
    if not (tok.text.isupper() and len(tok.text) > 1 and tok.is_alpha):
        return tok
    if tok.i > 0 and "\n" not in tok.doc[tok.i - 1].text_with_ws:
        return tok  # not at the start of a paragraph
    dash = next((t for t in tok.doc[tok.i + 1 : tok.i + 8] if t.text in DASHES), None)
    if dash is None:
        return tok
    return next((c for c in tok.children if c.dep_ == "appos" and c.i > dash.i), tok)


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return (start, end) if end > start else None


def _without(text: str, head: Token, part: Token) -> tuple[int, int] | None:
    """The characters of ``head``'s subtree without ``part``'s subtree (the longer side
    when ``part`` stands in the middle)."""
    lo, hi = head.left_edge.idx, _end(head.right_edge)
    plo, phi = part.left_edge.idx, _end(part.right_edge)
    if plo <= lo:
        return _trim(text, phi, hi)
    if phi >= hi:
        return _trim(text, lo, plo)
    return _trim(text, lo, hi)


# ---------------------------------------------------------------------- features
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _word(tok: Token) -> str:
    """A word as a feature: names stand for their kind (a name learnt from one corpus's
    people would not carry over to another's)."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "<" + (tok.ent_type_ or "propn") + ">"
    return tok.lower_


def _token_class(tok: Token, index: CandidateIndex) -> str:
    """What a source head is: pronoun, a typed entity, a proper or common noun."""
    eid = index.tok_ent[tok.i]
    if eid is not None:
        return "ent:" + str(index.entities[eid]["type"])
    if tok.pos_ == "PRON":
        return "pron:" + tok.lower_
    if tok.ent_type_:
        return "ner:" + tok.ent_type_
    return "pos:" + tok.pos_


@attrs.frozen
class _Shape:
    """Per-document tables the features read: how many verbs come before each token,
    where each sentence ends (by token)."""

    verbs_before: list[int]
    sent_ends: list[int]

    @classmethod
    def of(cls, doc: Doc, index: CandidateIndex) -> _Shape:
        pos = doc.to_array("POS") if len(doc) else numpy.zeros(0, "uint64")
        ids = (doc.vocab.strings["VERB"], doc.vocab.strings["AUX"])  # the POS symbols
        verbs = numpy.isin(pos, ids).astype("int64")
        before = [0] + [int(x) for x in numpy.cumsum(verbs)]
        return cls(before, index.sent_starts[1:] + [len(doc)])


def _tokens(index: CandidateIndex, start: int, end: int) -> tuple[int, int]:
    """The tokens ``[ts, te)`` that characters ``[start, end)`` touch."""
    offs = index.offsets
    return max(0, bisect_right(offs, start) - 1), bisect_left(offs, end)


def features(c: Candidate, doc: Doc, index: CandidateIndex, shape: _Shape) -> list[str]:
    """The sparse features of a candidate (strings; their weights are the model)."""
    cue, comp = doc[c.cue], doc[c.comp]
    low, stem = cue.lower_, _stem(cue.lower_)
    prep = c.prep or "-"
    f = [
        "k=" + c.kind,
        "w=" + low,
        "s=" + stem,
        "ks=" + c.kind + "|" + stem,
        "sp=" + stem + "|" + prep,
        "sd=" + stem + "|" + comp.dep_,
        "tag=" + cue.tag_,
        "dep=" + cue.dep_,
        "kdep=" + c.kind + "|" + cue.dep_,
        "ctag=" + comp.tag_,
        "cw=" + _word(comp),
        "scw=" + stem + "|" + _stem(_word(comp)),
    ]
    marks = {g.lower_ for g in comp.children if g.dep_ == "mark"}
    f.append("mark=" + ("that" if "that" in marks else "if" if "if" in marks else "-"))
    ts, te = _tokens(index, c.start, c.end)
    f.append("len=" + str(min(te - ts, 40) // 5))
    for child in cue.children:
        if child.dep_ in ("neg", "aux", "auxpass", "advmod", "dobj", "dative"):
            f.append("ch=" + child.dep_ + "|" + child.lower_)
    if c.source is None:
        f += ["src=none", "ssrc=" + stem + "|none"]
    else:
        cls = _token_class(doc[c.source], index)
        f += [
            "src=" + cls,
            "ssrc=" + stem + "|" + cls.split(":")[0],
            "srcw=" + _word(doc[c.source]),
        ]
    head = cue.head
    if head is not cue:
        f.append("head=" + _stem(_word(head)) + "|" + cue.dep_)
    if index.in_quote[cue.i] >= 0:
        f.append("cue_in_quote")
    return f + _context_features(c, doc, index, shape)


def _context_features(c: Candidate, doc: Doc, index: CandidateIndex, shape: _Shape) -> list[str]:
    """The cue's lemma in the cue table, the content's shape, the order of the parts."""
    cue = doc[c.cue]
    lemma = index.cue_tokens.get(c.cue)
    lem = "lem=" + (lemma if lemma is not None else "-")
    src_cls = "none"
    if c.source is not None:
        src_cls = _token_class(doc[c.source], index).split(":")[0]
    ts, te = _tokens(index, c.start, c.end)
    first = doc[ts] if te > ts else doc[c.comp]
    has_verb = shape.verbs_before[te] > shape.verbs_before[ts]
    f = [
        lem,
        "k" + lem + "|" + c.kind,
        "s" + lem + "|" + src_cls,
        "ksrc=" + c.kind + "|" + src_cls,
        "first=" + (first.lower_ if first.is_stop or first.is_punct else "pos:" + first.pos_),
        "kverb=" + c.kind + "|" + str(has_verb),
        "order=" + ("before" if cue.idx < c.start else "after" if cue.idx >= c.end else "in"),
        "sorder=" + ("-" if c.source is None else "before" if doc[c.source].i < cue.i else "after"),
    ]
    k = bisect_right(index.sent_starts, c.cue) - 1
    end, begin = shape.sent_ends[k], index.sent_starts[k]
    if doc[end - 1].text == "?" or (end - begin > 1 and doc[end - 2].text == "?"):
        f.append("question")
    return f


# ---------------------------------------------------------------------- choosing
def featured(
    index: CandidateIndex, quote_records: list[dict[str, Any]]
) -> list[tuple[Candidate, list[str]]]:
    """Every candidate outside the direct quotes with its features, in text order."""
    doc = index.doc
    quotes = sorted((q["content_start"], q["content_end"]) for q in quote_records)
    starts = [s for s, _ in quotes]
    # a quote and its cue inside a content: the content runs over someone else's
    # attribution ('"…," Alvarado said, according to the Herald' is not the Herald's)
    attributed = sorted(
        (q["cue"]["start"], q["start"], q["end"]) for q in quote_records if q.get("cue")
    )
    cue_starts = [a[0] for a in attributed]
    para = index.paras.index
    shape = _Shape.of(doc, index)
    return [
        (c, features(c, doc, index, shape))
        for c in candidates(doc, index.text)
        if _inside_quotes(c, quotes, starts) < IN_QUOTE
        and not _runs_over(c, attributed, cue_starts)
        # what a cue reports is in its paragraph (a parse may join two)
        and para(c.start) == para(c.end - 1) == index.tok_para[c.cue]
    ]


def _runs_over(c: Candidate, attributed: list[tuple[int, int, int]], cue_starts: list[int]) -> bool:
    """Whether the content holds a quote's cue and overlaps that quote."""
    k = bisect_left(cue_starts, c.start)
    while k < len(attributed) and attributed[k][0] < c.end:
        _, qs, qe = attributed[k]
        if qs < c.end and qe > c.start:
            return True
        k += 1
    return False


def scored(
    index: CandidateIndex, model: ReportedModel, quote_records: list[dict[str, Any]]
) -> list[tuple[float, Candidate]]:
    """Every candidate outside the direct quotes with its score, in text order."""
    doc = index.doc
    return [(model.score(f, vectors(c, doc)), c) for c, f in featured(index, quote_records)]


def select(
    found: list[tuple[float, Candidate]], threshold: float, sent_starts: list[int]
) -> list[tuple[Candidate, float]]:
    """The candidates scoring at least ``threshold``, best first, each kept unless its
    content overlaps a better one's (in the same sentence) by half; in text order."""
    by_sent: dict[int, list[tuple[float, Candidate]]] = {}
    for p, c in found:
        if p >= threshold:
            by_sent.setdefault(bisect_right(sent_starts, c.cue) - 1, []).append((p, c))
    kept: list[tuple[Candidate, float]] = []
    for group in by_sent.values():
        group.sort(key=lambda pc: (-pc[0], pc[1].start))
        mine: list[Candidate] = []
        for p, c in group:
            if all(_overlap(c, k) < SAME_CONTENT for k in mine):
                mine.append(c)
                kept.append((c, p))
    kept.sort(key=lambda cp: (cp[0].start, cp[0].end))
    return kept


def _overlap(a: Candidate, b: Candidate) -> float:
    """The share of the longer content that two contents share (a content nested in a
    much longer one is an attribution of its own: "said that X wanted to Y")."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(a.end - a.start, b.end - b.start)


def _inside_quotes(c: Candidate, quotes: list[tuple[int, int]], starts: list[int]) -> float:
    """The share of the candidate's content inside direct quotes (which never overlap)."""
    k = max(0, bisect_right(starts, c.start) - 1)
    inside = 0
    while k < len(quotes) and quotes[k][0] < c.end:
        s, e = quotes[k]
        inside += max(0, min(c.end, e) - max(c.start, s))
        k += 1
    return inside / (c.end - c.start)


def record(c: Candidate, index: CandidateIndex) -> dict[str, Any]:
    """The reported-speech record of a kept candidate, before resolution: content
    offsets, the cue and the source mention (character pairs)."""
    doc = index.doc
    cue = doc[c.cue]
    cue_end = cue
    if c.kind == "according":
        cue_end = next((t for t in cue.children if t.lower_ == "to"), cue)
    elif c.kind == "prep":
        cue_end = doc[c.comp].head
    mention = None
    if c.source is not None:
        mention = index.mention_span(doc[c.source])
    cue_span = (cue.idx, _end(cue_end)) if cue_end.i >= cue.i else (cue.idx, _end(cue))
    start = c.start
    # "said that the bridge would reopen": what was said starts after the "that"
    for mark in doc[c.comp].children:
        if mark.dep_ == "mark" and mark.lower_ == "that" and mark.idx == start:
            nxt = doc[mark.i + 1] if mark.i + 1 < len(doc) else None
            if nxt is not None and nxt.idx < c.end:
                start = nxt.idx
    end = c.end
    text = index.text
    if end < len(text) and text[end] in '"\u201d' and _opens_unclosed(text[start:end]):
        end += 1  # 'would "take weeks, not months"': the partial quote's closing mark too
    return {"start": start, "end": end, "cue": cue_span, "mention": mention, "kind": c.kind}


def _opens_unclosed(content: str) -> bool:
    """Whether the content opens a double quotation mark that it does not close."""
    return content.count('"') % 2 == 1 or content.count("\u201c") > content.count("\u201d")
