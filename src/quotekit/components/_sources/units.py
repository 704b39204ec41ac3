"""A mention widened to its unit: "the Reuters news agency", "BBC Radio 4's Today
programme", "a Reuters report", "BBC political editor Jane Doe"; and names that are
part of a longer one ("Times Square")."""

from __future__ import annotations

from typing import NamedTuple

from .context import DocContext
from .records import Mention

PROPER_TAGS = ("NNP", "NNPS")
COMMON_TAGS = ("NN", "NNS")
#: The most tokens read after a name for its frame noun, a programme's name, and the
#: adjectives before a staff noun.
MAX_FRAME_STEPS = 3
MAX_PROGRAMME = 7
MAX_MODIFIERS = 3


class Unit(NamedTuple):
    """A mention's unit.

    ``tail`` says what follows the name: ``""`` (nothing), ``"frame"`` (a frame
    noun), ``"programme"``, ``"report"``, ``"staff"``, ``"possessed"`` (X's something
    else) or ``"modifier"`` (X modifies a common noun: "Reuters shares");
    ``kind_word`` is the frame noun ("agency") or None.
    """

    start: int
    end: int
    tail: str
    kind_word: str | None


def unit(ctx: DocContext, m: Mention) -> Unit:
    """Widen ``m`` to "the X news agency" / "X's Today programme" (see ``Unit``).

    ctx (DocContext): the document.
    m (Mention): the mention.
    RETURNS (Unit): the unit's token bounds, tail and frame noun.
    """
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    start = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" else m.start
    i, tail, kind_word = _frame_noun(ctx, m)
    if i < n and doc[i].tag_ == "POS":
        return _possessed(ctx, start, i, kind_word)
    if i < n and doc[i].lower_ in words.report_nouns and doc[i].text[:1].islower():
        return Unit(start, i + 1, "report", kind_word)
    k = i
    while (
        k < n
        and k - i < MAX_MODIFIERS
        and doc[k].text[:1].islower()
        and doc[k].lower_ not in words.staff_nouns
        and doc[k].pos_ in ("ADJ", "NOUN")
    ):
        k += 1
    if k < n and doc[k].lower_ in words.staff_nouns:
        return Unit(start, k + 1, "staff", kind_word)
    if (
        i < n
        and doc[i].tag_ in COMMON_TAGS
        and doc[i].text[:1].islower()
        and doc[i].lower_ not in words.frame_nouns
    ):
        return Unit(start, i, "modifier", kind_word)  # "ABC affiliates", "Reuters shares"
    return Unit(start, i, tail, kind_word)


def _frame_noun(ctx: DocContext, m: Mention) -> tuple[int, str, str | None]:
    """The frame noun after the name ("Reuters news agency"), with its fillers.

    RETURNS (tuple): ``(token after it, tail, kind_word)``; the tail is ``"frame"``
    with a frame noun (after the name, or ending the alias), else ``""``.
    """
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    i = m.end
    tail = ""
    kind_word = None
    steps = 0
    while i < n and steps < MAX_FRAME_STEPS:
        low = doc[i].lower_
        if low in words.frame_fillers and i + 1 < n and doc[i + 1].lower_ in words.frame_nouns:
            i += 1
        elif low in words.frame_nouns and (
            doc[i].text[:1].islower() or low in words.upper_frame_nouns
        ):
            kind_word = low
            tail = "frame"
            i += 1
        else:
            break
        steps += 1
    if kind_word is None and doc[m.end - 1].lower_ in words.frame_nouns:
        kind_word, tail = doc[m.end - 1].lower_, "frame"  # the alias "Reuters news agency"
    return i, tail, kind_word


def _possessed(ctx: DocContext, start: int, i: int, kind_word: str | None) -> Unit:
    """After "X's" (token ``i`` the possessive): a programme, report or staff member
    ("BBC Radio 4's Today programme", "the BBC's political editor"), else possessed."""
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    j = i + 1
    k = j
    while (
        k < n
        and k - j < MAX_PROGRAMME
        and (
            doc[k].text[:1].isupper()
            or doc[k].like_num
            or (
                doc[k].lower_ in words.programme_links
                and k + 1 < n
                and doc[k + 1].text[:1].isupper()
            )
        )
    ):
        k += 1
    if k < n and (doc[k].lower_ in words.programme_nouns or doc[k].lower_ in words.report_nouns):
        return Unit(start, k + 1, "report", kind_word)
    if k < n and doc[k].lower_ in words.staff_nouns:
        return Unit(start, k + 1, "staff", kind_word)
    # "X's political editor Jane Doe"
    if k == j and k + 1 < n and doc[k].pos_ == "ADJ" and doc[k + 1].lower_ in words.staff_nouns:
        return Unit(start, k + 2, "staff", kind_word)
    if k > j:
        return Unit(start, k, "programme", kind_word)
    return Unit(start, i, "possessed", kind_word)


def part_of_longer_name(ctx: DocContext, m: Mention) -> bool:
    """ "Times Square", "Reuters Institute", "the Guardian Council": a capitalised
    proper noun right after the name (or just before it) makes it another name."""
    doc = ctx.doc
    if m.end < len(doc):
        nxt = doc[m.end]
        if (
            nxt.tag_ in PROPER_TAGS
            and nxt.text[:1].isupper()
            and nxt.lower_ not in ctx.words.frame_nouns
        ):
            return True
    if m.start > 0:
        prev = doc[m.start - 1]
        if (
            prev.tag_ in PROPER_TAGS
            and prev.text[:1].isupper()
            and prev.ent_type_ not in ("GPE", "NORP")
        ):
            return True
    return False
