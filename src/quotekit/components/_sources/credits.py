"""Datelines ("MOSCOW (Reuters) —"), photo and content credits ("via REUTERS",
"REUTERS/Jane Doe", "Jane Doe/Getty Images", "(AP Photo/Jane Doe)", "Photo: AFP",
"courtesy of Reuters") and slash credits in captions ("Agencja Gazeta/Jan Rusek via
REUTERS")."""

from __future__ import annotations

from ...text import safe_finditer, safe_search
from .context import DocContext
from .patterns import DATELINE, DATELINE_PARAGRAPHS, DATELINE_WINDOW, SLASH_VIA
from .records import Mention

#: Entity labels of the words on the other side of a credit slash that make them no
#: photographer's name.
NOT_A_PHOTOGRAPHER = ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT")
#: The most characters read around a slash credit for its parentheses, and the most a
#: credit that ends its paragraph may be from that end; the tail of a paragraph read
#: for a photo agency credit.
PAREN_BEFORE, PAREN_AFTER, CREDIT_AT_END = 60, 80, 60
AGENCY_TAIL = 120
#: A regex timeout (seconds) that counts as no match (see ``text.safe_regex``).
TIMEOUT = 1.0


def credit(ctx: DocContext, m: Mention) -> bool:
    """Whether ``m`` is a photo or content credit (see the module docstring).

    ctx (DocContext): the document (``ctx.mention_starts``/``mention_ends`` set).
    m (Mention): the mention.
    RETURNS (bool): True for a credit.
    """
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    prev = doc[m.start - 1] if m.start > 0 else None
    nxt = doc[m.end] if m.end < n else None
    s_char = doc[m.start].idx
    in_caption = ctx.in_caption(s_char, s_char + 1)
    if nxt is not None and _slash_after(ctx, m, in_caption):
        return True  # "REUTERS/Jane Doe"
    if prev is not None and _slash_before(ctx, m, in_caption):
        return True  # "Jane Doe/Getty Images"
    if nxt is not None and nxt.lower_ in words.credit_after and nxt.text[:1].isupper():
        after = doc[m.end + 1] if m.end + 1 < n else None
        if after is None or after.text in ("/", ")") or after.is_sent_end or in_caption:
            return True
    if prev is not None and _credit_before(ctx, m, in_caption):
        return True
    return in_caption and ctx.orgs[m.org].name.endswith(words.caption_credit_endings)


def _slash_after(ctx: DocContext, m: Mention, in_caption: bool) -> bool:
    """ "REUTERS/Jane Doe": a slash right after the name, a photographer after it."""
    doc = ctx.doc
    nxt = doc[m.end]
    return (
        nxt.text == "/"
        and not nxt.whitespace_
        and m.end + 1 not in ctx.mention_starts
        and not doc[m.end - 1].whitespace_
        and _credit_place(ctx, m, in_caption)
        and _slash_partner_ok(ctx, m.end + 1, 1)
    )


def _slash_before(ctx: DocContext, m: Mention, in_caption: bool) -> bool:
    """ "Jane Doe/Getty Images": a slash right before the name, a photographer before."""
    doc = ctx.doc
    prev = doc[m.start - 1]
    return (
        prev.text == "/"
        and not prev.whitespace_
        and m.start > 1
        and m.start - 1 not in ctx.mention_ends
        and not doc[m.start - 2].whitespace_
        and _credit_place(ctx, m, in_caption)
        and _slash_partner_ok(ctx, m.start - 2, -1)
    )


def _credit_before(ctx: DocContext, m: Mention, in_caption: bool) -> bool:
    """ "via REUTERS" (in a caption, or ending a sentence or a bracket), "courtesy of
    Reuters", "© AFP", "Photo: AFP"."""
    doc, words = ctx.doc, ctx.words
    low = doc[m.start - 1].lower_
    if low == "via":
        s_char, end_char = ctx.char_bounds(m)
        rest = ctx.text[end_char : ctx.para_end(s_char)].strip()
        if in_caption or not rest or rest[0] in ")]." or rest.split()[0].isupper():
            return True
    if low in words.courtesy_words or (
        low == "of" and m.start > 1 and doc[m.start - 2].lower_ == "courtesy"
    ):
        return True
    return (
        doc[m.start - 1].text == ":"
        and m.start > 1
        and doc[m.start - 2].lower_ in words.credit_before
    )


def _slash_partner_ok(ctx: DocContext, i: int, step: int) -> bool:
    """The words on the other side of a credit slash name a photographer: no
    organisation or place, and no further slash ("BBC Two/Sky One/Channel 4")."""
    doc = ctx.doc
    n = len(doc)
    k = i
    while 0 <= k < n and abs(k - i) < 5 and (doc[k].text[:1].isupper() or doc[k].text in ".-'"):
        if doc[k].ent_type_ in NOT_A_PHOTOGRAPHER:
            return False
        k += step
    if k == i:
        return False
    return not (0 <= k < n and doc[k].text == "/")


def _credit_place(ctx: DocContext, m: Mention, in_caption: bool) -> bool:
    """A slash credit sits in a caption, in parentheses, or ends its paragraph
    ("BBC Two/Sky One/Channel 4" in a listing is no credit)."""
    if in_caption:
        return True
    text = ctx.text
    s_char = ctx.doc[m.start].idx
    para_end = ctx.para_end(s_char)
    para_start = ctx.paragraphs[max(0, ctx.paragraph_of(s_char))][0]
    before = text[max(para_start, s_char - PAREN_BEFORE) : s_char]
    after = text[s_char : min(para_end, s_char + PAREN_AFTER)]
    if "(" in before and ")" in after and before.rfind("(") > before.rfind(")"):
        return True
    return para_end - s_char <= CREDIT_AT_END and "." not in text[s_char:para_end].rstrip(".")


def datelines(ctx: DocContext) -> list[Mention]:
    """Origin lines at the start of one of the first paragraphs ("MOSCOW (Reuters) —").

    ctx (DocContext): the document.
    RETURNS (list[Mention]): new mentions with the role; a known mention of the
        organisation there gets the role (and loses a cited frame).
    """
    out: list[Mention] = []
    seen = 0
    for ps, pe in ctx.paragraphs:
        if ps > DATELINE_WINDOW or seen >= DATELINE_PARAGRAPHS:
            break
        if ctx.is_excluded(ps, ps + 1) or ctx.in_caption(ps, ps + 1):
            continue
        seen += 1
        match = safe_search(DATELINE, ctx.text, ps, pe, method="match", timeout=TIMEOUT)
        if match is None:
            continue
        org_text = match.group("org").strip()
        idx = ctx.lookup(org_text)
        if idx is None:
            place = match.group("place")
            if not place or not place.isupper() or len(org_text.split()) > 3:
                continue
            idx = ctx.org_for(org_text, "news_agency")
        s = match.start("org")
        mention = ctx.mention_at(s, s + len(match.group("org")), idx)
        if mention is not None:
            if not mention.roles and mention not in ctx.mentions:
                out.append(mention)
            mention.roles.add("dateline")
            mention.frame = None
    return out


def slash_credits(ctx: DocContext) -> list[Mention]:
    """ "Agencja Gazeta/Jan Rusek via REUTERS" in a caption: the organisation before
    the slash, the longest known run of words ending there (else the whole run).

    ctx (DocContext): the document.
    RETURNS (list[Mention]): new mentions with the role ``credit``.
    """
    out: list[Mention] = []
    for cs, ce in ctx.captions:
        for match in safe_finditer(SLASH_VIA, ctx.text, cs, ce, timeout=TIMEOUT):
            s, e = match.span("org")
            parts = match.group("org").split(" ")
            idx = None
            for i in range(len(parts)):
                cand = " ".join(parts[i:])
                idx = ctx.lookup(cand)
                if idx is not None:
                    s = e - len(cand)
                    break
            if idx is None:
                idx = ctx.org_for(match.group("org"), "news_agency")
            mention = ctx.mention_at(s, e, idx)
            if mention is not None:
                if mention not in ctx.mentions and mention not in out:
                    out.append(mention)
                mention.roles.add("credit")
    return out


def agency_credits(ctx: DocContext) -> list[Mention]:
    """ "Jane Doe/Getty Images" in a caption or at the end of a paragraph (the photo
    agency names of ``ctx.words``).

    ctx (DocContext): the document.
    RETURNS (list[Mention]): new mentions with the role ``credit``.
    """
    out: list[Mention] = []
    pattern = ctx.words.slash_agency
    if pattern is None:
        return out
    for ps, pe in ctx.paragraphs:
        if ctx.is_excluded(ps, ps + 1):
            continue
        in_caption = ctx.in_caption(ps, pe)
        start = ps if in_caption else max(ps, pe - AGENCY_TAIL)
        for match in safe_finditer(pattern, ctx.text, start, pe, timeout=TIMEOUT):
            s, e = match.span("org")
            if not in_caption and ctx.text[e:pe].strip(" .)"):
                continue
            idx = ctx.org_for(match.group("org"), "news_agency")
            mention = ctx.mention_at(s, e, idx)
            if mention is not None:
                if mention not in ctx.mentions and mention not in out:
                    out.append(mention)
                mention.roles.add("credit")
    return out
