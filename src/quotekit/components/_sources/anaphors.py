"""Anaphors: "the newspaper reported", "the agency quoted X as saying" stand for the
most recent named news organisation of that kind in the same or the two paragraphs
before (the nouns are ``anaphor_nouns`` of ``quotekit.source_words.v1``)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from .context import DocContext
from .frames import cited
from .records import Mention

#: The most paragraphs between an anaphor and the organisation it stands for.
MAX_PARAGRAPHS_BACK = 2
#: "the website" may stand for a site of a newspaper or a broadcaster too.
WEBSITE_KINDS = ("online", "newspaper", "broadcaster")


def anaphors(ctx: DocContext, taken: set[int]) -> list[Mention]:
    """Cited mentions made of "the" + an anaphor noun (see the module docstring).

    ctx (DocContext): the document (its mentions sorted, roles assigned).
    taken (set[int]): tokens inside a mention.
    RETURNS (list[Mention]): the anaphors with role ``cited`` and their frame.
    """
    doc = ctx.doc
    out: list[Mention] = []
    named = sorted(
        (m for m in ctx.mentions if not ctx.is_excluded(doc[m.start].idx, doc[m.start].idx + 1)),
        key=lambda m: m.start,
    )
    starts = [m.start for m in named]
    for tok in doc:
        if tok.lower_ not in ctx.words.anaphor_nouns or tok.i in taken:
            continue
        if tok.i == 0 or doc[tok.i - 1].lower_ != "the" or not tok.text.islower():
            continue
        i = bisect_right(starts, tok.i - 1) - 1
        if i < 0 or not _may_stand_for(ctx, tok, named[i]):
            continue
        # "the" stands in for the name; the unit then takes in the noun.
        anaphor = Mention(tok.i - 1, tok.i, named[i].org)
        frame = cited(ctx, anaphor)
        if frame is None or frame["frame"] == "staff":
            continue
        anaphor.end = tok.i + 1
        anaphor.roles.add("cited")
        anaphor.frame = frame
        out.append(anaphor)
    return out


def _may_stand_for(ctx: DocContext, tok: Token, ante: Mention) -> bool:
    """Whether the anaphor noun ``tok`` may stand for ``ante``: the kind fits, it is
    near, and the noun is in no quotation, editors' note or paywall line."""
    kind = ctx.orgs[ante.org].kind
    low = tok.lower_
    if kind != ctx.words.frame_nouns.get(low) and not (low == "website" and kind in WEBSITE_KINDS):
        return False
    para_ante = ctx.paragraph_of(ctx.doc[ante.start].idx)
    if ctx.paragraph_of(tok.idx) - para_ante > MAX_PARAGRAPHS_BACK:
        return False
    end = tok.idx + len(tok)
    return not ctx.is_quoted(tok.idx, end) and not ctx.is_excluded(tok.idx, end)
