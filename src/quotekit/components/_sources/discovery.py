"""Organisations the gazetteer lacks, named by a frame, and their other mentions.

"the X news agency", "X newspaper", "the X daily", "the business daily X", "X
television", "broadcaster X", "in an interview with X" (X an ORG entity). The frame
nouns and their kinds are the ``frame_nouns`` of ``quotekit.source_words.v1``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import DocContext
from .records import Mention

#: Entity labels a name of an organisation does not carry (the small model often
#: calls an unknown foreign title PERSON: allowed before a frame noun).
PERSON_LIKE = frozenset(
    {
        "PERSON",
        "NORP",
        "GPE",
        "LOC",
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "FAC",
        "EVENT",
        "LANGUAGE",
        "LAW",
    }
)
PROPER_TAGS = ("NNP", "NNPS")
#: Tags after "TV"/"radio" that make it a modifier ("Marvel TV and movie productions").
MODIFIED_TAGS = ("NN", "NNS", "CC")
#: The longest name a frame names, in tokens.
MAX_NAME = 5


def proper(tok: Token, person_ok: bool = False) -> bool:
    """A capitalised proper noun that is no place, nationality or date (nor a person,
    unless ``person_ok``)."""
    if tok.tag_ not in PROPER_TAGS or not tok.text[:1].isupper():
        return False
    return tok.ent_type_ not in PERSON_LIKE or (person_ok and tok.ent_type_ == "PERSON")


def discover(ctx: DocContext) -> None:
    """Add to ``ctx.mentions`` the organisations named by a frame (see the module
    docstring); each gets an organisation of the frame noun's kind."""
    doc, words = ctx.doc, ctx.words
    covered: set[int] = set()
    for m in ctx.mentions:
        covered.update(range(m.start - 1, m.end + 1))
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    for tok in doc:
        low = tok.lower_
        if low == "interview" and tok.i + 2 < n and doc[tok.i + 1].lower_ == "with":
            span = _interview_name(ctx, tok.i + 2, covered)
            if span is not None:
                found.append((*span, "newspaper"))
            continue
        kind = words.frame_nouns.get(low)
        if kind is None or not _names_an_organisation(ctx, tok):
            continue
        span = _name_before(ctx, tok, covered)
        if span is None:
            span = _name_after(ctx, tok, covered)
        if span is not None:
            found.append((*span, kind))
    for s, e, kind in found:
        idx = ctx.org_for(doc[s:e].text, kind)
        ctx.mentions.append(Mention(s, e, idx))
        covered.update(range(s - 1, e + 1))


def _interview_name(ctx: DocContext, j: int, covered: set[int]) -> tuple[int, int] | None:
    """ "in an interview with (the) X": X when it is an ORG entity and no forename."""
    doc = ctx.doc
    n = len(doc)
    if doc[j].lower_ == "the":
        j += 1
    if (
        j < n
        and doc[j].ent_type_ == "ORG"
        and doc[j].ent_iob_ == "B"
        and j not in covered
        and doc[j].lower_ not in ctx.words.forenames
    ):
        k = j + 1
        while k < n and doc[k].ent_iob_ == "I" and k - j < 6:
            k += 1
        return j, k
    return None


def _names_an_organisation(ctx: DocContext, tok: Token) -> bool:
    """Whether frame noun ``tok`` may name an organisation: lower case (or "TV"), not
    too generic, and not "TV" modifying a common noun ("CSI TV shows")."""
    words, doc = ctx.words, ctx.doc
    low = tok.lower_
    if not tok.text[:1].islower() and low not in words.upper_frame_nouns:
        return False
    if low in words.generic_frame_nouns:
        return False
    if low in words.broadcast_media and tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        if nxt.tag_ in MODIFIED_TAGS and nxt.lower_ not in words.broadcast_followers:
            return False
    return True


def _name_before(ctx: DocContext, tok: Token, covered: set[int]) -> tuple[int, int] | None:
    """ "the X news agency", "X newspaper", "the X daily", "X television": the proper
    nouns before the frame noun (a particle inside: "Corriere della Sera")."""
    doc, words = ctx.doc, ctx.words
    low = tok.lower_
    j = tok.i - 1
    if low in words.prefixed_frame_nouns:
        if j < 0 or doc[j].lower_ not in words.frame_prefixes:
            j = -1
        else:
            j -= 1
    k = j
    while (
        k >= 0
        and j - k < MAX_NAME
        and (
            proper(doc[k], True)
            or (
                doc[k].lower_ in words.name_particles
                and k < j
                and k > 0
                and proper(doc[k - 1], True)
            )
        )
    ):
        k -= 1
    start = k + 1
    if j < 0 or start > j or covered.intersection(range(start, j + 1)):
        return None
    if low in words.article_frame_nouns and not (start > 0 and doc[start - 1].lower_ == "the"):
        return None
    if doc[start].ent_type_ in PERSON_LIKE - {"PERSON"}:
        return None
    return start, j + 1


def _name_after(ctx: DocContext, tok: Token, covered: set[int]) -> tuple[int, int] | None:
    """ "the business daily Vedomosti", "news agency Xinhua", "broadcaster CBS": the
    proper nouns after the frame noun, when nothing names an organisation before it."""
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    low = tok.lower_
    prefixed = low in words.prefixed_frame_nouns
    if prefixed and (tok.i == 0 or doc[tok.i - 1].lower_ not in words.frame_prefixes):
        return None
    if low in words.broadcast_media:
        return None
    left = tok.i - 2 if prefixed else tok.i - 1
    if left >= 0 and (left in covered or doc[left].tag_ in PROPER_TAGS):
        return None  # "the Associated Press news agency Contrack's ...": no apposition
    j = tok.i + 1
    k = j
    while (
        k < n
        and k - j < MAX_NAME
        and (
            proper(doc[k])
            or (
                doc[k].lower_ in words.name_particles and k > j and k + 1 < n and proper(doc[k + 1])
            )
        )
    ):
        k += 1
    if k > j and not covered.intersection(range(j, k)) and (k >= n or doc[k].tag_ != "POS"):
        return j, k
    return None


def propagate(ctx: DocContext) -> None:
    """Add the other mentions (same text) of the organisations found by a frame."""
    doc, text = ctx.doc, ctx.text
    taken: set[int] = set()
    for m in ctx.mentions:
        taken.update(range(m.start, m.end))
    for idx in ctx.added.values():
        name = ctx.orgs[idx].name
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            span = doc.char_span(pos, end)
            if (
                span is not None
                and not taken.intersection(range(span.start, span.end))
                and (end >= len(text) or not text[end].isalnum())
            ):
                ctx.mentions.append(Mention(span.start, span.end, idx))
                taken.update(range(span.start, span.end))
            pos = text.find(name, end)
