"""The cited-role frames ("told the X", "according to X", "quoted by X", "X reported",
"a Reuters report said", "BBC correspondent Jane Doe said") and the speaker each frame
attaches to, read from the few tokens around a mention's unit with the dependency
parse as a second opinion. The frame words are lists of ``quotekit.source_words.v1``;
the verb forms come from the cue table (see ``words``)."""

from __future__ import annotations

from spacy.tokens import Token

from .context import DocContext
from .records import Mention
from .units import Unit, unit

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_DEPS = ("ccomp", "parataxis")
#: Frames that hold even after "Pearson's Financial Times" (the paper as its owner's).
OWNER_PROOF = ("told", "according_to", "quoted_by", "interview", "speaking_to")
#: The most tokens skipped between a subject organisation and its verb.
MAX_AUX = 3

Frame = tuple[str, int]  # (frame name, cue token)


def cited(ctx: DocContext, m: Mention) -> dict | None:
    """The frame that makes ``m`` a cited source, or None.

    ctx (DocContext): the document.
    m (Mention): the mention.
    RETURNS (dict | None): ``{"frame", "cue" (token index), "speaker" (token index or
        None)}``; char offsets are filled in by the output step.
    """
    doc = ctx.doc
    u = unit(ctx, m)
    strong_name = not m.context or u.tail == "frame"
    p = _before_unit(ctx, u)
    found = _frame_before(ctx, m, u, p)
    if (
        u.start >= 2
        and doc[u.start - 1].tag_ == "POS"
        and doc[u.start - 2].ent_type_ == "ORG"
        and (found is None or found[0] not in OWNER_PROOF)
    ):
        return None  # "Pearson's Financial Times said": the paper as its owner's company
    if found is not None and (u.tail not in ("possessed", "modifier") or found[0] == "told"):
        frame, cue = found
        return {"frame": frame, "cue": cue, "speaker": speaker(ctx, frame, cue, u)}
    if u.tail == "staff":
        cue_at = staff_speaks(ctx, p, u.end) if strong_name else None
        return None if cue_at is None else {"frame": "staff", "cue": cue_at, "speaker": None}
    if u.tail in ("possessed", "modifier"):
        return None
    if u.start > 0 and doc[u.start - 1].tag_ == "IN":
        return None  # "damages from the Daily Telegraph said ...": not the subject
    return _frame_after(ctx, u, strong_name)


def _before_unit(ctx: DocContext, u: Unit) -> int:
    """The token before the unit, skipping "a", "an" and adjectives before a report
    noun ("according to a new Reuters report")."""
    doc = ctx.doc
    p = u.start - 1
    if u.tail in ("report", "programme"):
        while (
            p >= 0
            and u.start - p < 4
            and (doc[p].lower_ in ctx.words.report_determiners or doc[p].tag_ == "JJ")
        ):
            p -= 1
    return p


def _frame_before(ctx: DocContext, m: Mention, u: Unit, p: int) -> Frame | None:
    """The frame the words before the unit make (``p`` the token before it)."""
    doc, words = ctx.doc, ctx.words
    w1 = doc[p].lower_ if p >= 0 else ""
    w2 = doc[p - 1].lower_ if p >= 1 else ""
    w3 = doc[p - 2].lower_ if p >= 2 else ""
    if w1 in words.tell_forms:
        return "told", p
    if w1 == "to":
        return _after_to(ctx, w2, p)
    if w1 == "by":
        return _after_by(ctx, w2, w3, p)
    if w1 == "with":
        if w2 in words.interview_nouns:
            return "interview", p - 1
        return ("speaking_to", p - 1) if w2 in words.speak_words else None
    if w1 == "in":
        return _after_in(ctx, w2, u, p)
    # The frames below test more than the word before: when one fails, the next is tried.
    if w1 == "during" and u.tail == "report" and doc[u.end - 1].lower_ in words.in_report_words:
        return "interview", u.end - 1
    if (
        w1 == "on"
        and (w2 in words.on_air_words or w3 in words.on_air_words)
        and (ctx.orgs[m.org].kind == "broadcaster" or u.tail in ("programme", "report"))
    ):
        return "broadcast_on", p - 1 if w2 in words.on_air_words else p - 2
    if (
        w1 == "on"
        and ctx.orgs[m.org].kind == "broadcaster"
        and any(t.lower_ in words.on_air_words for t in doc[p].sent)
    ):
        # "a question and answer session with voters on Five News, X said": on air,
        # in a sentence where someone speaks ("shown on BBC One" is not).
        return "broadcast_on", p
    if w1 in words.citing_words and u.tail in ("", "frame", "report"):
        return "citing", p
    if w1 == "from" and w2 in words.report_nouns:
        return "report_by", p - 1
    if (
        w1 in words.inverted_verbs
        and u.end < len(doc)
        and doc[u.end].is_punct
        and p >= 1
        and (doc[p - 1].is_punct or doc[p - 1].is_quote)
    ):
        return "reported", p  # inverted: '"...," reported the BBC.'
    return None


def _after_to(ctx: DocContext, w2: str, p: int) -> Frame | None:
    """ "according to X", "in a statement to X", "in an interview to X", "speaking to
    X", "in a letter to X", "told to X"."""
    words = ctx.words
    if w2 == "according":
        return "according_to", p - 1
    if w2 == "statement":
        return "statement", p - 1
    if w2 in words.interview_nouns:
        return "interview", p - 1
    if w2 in words.speak_words or w2 == "letter":
        return "speaking_to", p - 1
    if w2 in words.tell_forms:
        return "told", p - 1
    return None


def _after_by(ctx: DocContext, w2: str, w3: str, p: int) -> Frame | None:
    """ "quoted by X", "quoted as saying by X", "reported by X", "a report by X"."""
    doc, words = ctx.doc, ctx.words
    if w2 in words.quoted_words or (w2 == "saying" and w3 == "as"):
        cue = p - 1
        if w2 == "saying":  # the "quoted" before "as saying", if near
            quoted = words.quoted_words - {"saying"}
            q = p - 3
            while q >= 0 and p - q < 5 and doc[q].lower_ not in quoted:
                q -= 1
            cue = q if q >= 0 and doc[q].lower_ in words.quoted_words else p - 1
        return "quoted_by", cue
    if w2 in words.reported_by_words:
        return "reported_by", p - 1
    if w2 in words.report_nouns:
        return "report_by", p - 1
    return None


def _after_in(ctx: DocContext, w2: str, u: Unit, p: int) -> Frame | None:
    """ "writing in X", "quoted in X", "In a BBC interview, he said"."""
    doc, words = ctx.doc, ctx.words
    if w2 in words.write_forms:
        return "wrote_in", p - 1
    if w2 in words.in_report_words and u.tail in ("", "frame", "programme", "report"):
        return "report_in", p - 1
    if u.tail == "report" and doc[u.end - 1].lower_ in words.in_report_words:
        return "report_in", u.end - 1
    return None


def _frame_after(ctx: DocContext, u: Unit, strong_name: bool) -> dict | None:
    """ "X reported", "the X news agency quoted Y as saying", "a Reuters report said":
    a reporting verb after the unit, or the verb the parse makes it the subject of."""
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    j = u.end
    steps = 0
    while j < n and steps < MAX_AUX and (doc[j].lower_ in words.aux_words or doc[j].pos_ == "ADV"):
        j += 1
        steps += 1
    verb_tok = None
    if j < n and doc[j].lower_ in words.subject_forms and doc[j].pos_ in ("VERB", "AUX"):
        verb_tok = doc[j]
    else:  # the parse: the unit's root is the subject of a reporting verb
        root = doc[u.start : u.end].root
        if (
            root.dep_ == "nsubj"
            and root.head.lower_ in words.subject_forms
            and root.head.i > root.i
            and root.head.pos_ == "VERB"
            and strong_name
        ):
            verb_tok = root.head
    if verb_tok is None:
        return None
    vlow = verb_tok.lower_
    if not strong_name and vlow not in words.report_forms | words.quote_forms:
        return None  # "Bloomberg said" may be the man; "Bloomberg reported" is the agency
    if u.tail == "report":
        frame = "report"
    elif vlow in words.quote_forms:
        frame = "quoted"
    elif u.kind_word == "agency" and vlow in words.report_forms:
        frame = "agency_reported"
    else:
        frame = "reported"
    return {"frame": frame, "cue": verb_tok.i, "speaker": reported_speaker(ctx, verb_tok)}


def staff_speaks(ctx: DocContext, before: int, ue: int) -> int | None:
    """For "BBC political editor Andrew Marr said": the token of the speech verb the
    journalist is the subject of ("said BBC correspondent Jane Doe" too), or None
    ("an Evening Standard journalist was accused").

    ctx (DocContext): the document.
    before (int): the token before the unit (-1 at the start).
    ue (int): the token after the unit.
    RETURNS (int | None): the verb's token index.
    """
    doc, words = ctx.doc, ctx.words
    n = len(doc)
    forms = words.speech_forms
    if before >= 0 and doc[before].lower_ in forms and doc[before].pos_ == "VERB":
        return before
    k = ue
    while k < n and k - ue < 4 and doc[k].tag_ in ("NNP", "NNPS"):
        k += 1
    head = doc[k - 1]
    if k < n and doc[k].text == ",":  # "Tom Heap, BBC rural affairs correspondent, said"
        k += 1
        while k < n and k - ue < 10 and doc[k].text != ",":
            k += 1
        k += 1
    skippable = words.aux_words - words.aux_copulas
    steps = 0
    while k < n and steps < 2 and (doc[k].lower_ in skippable or doc[k].pos_ == "ADV"):
        k += 1
        steps += 1
    if k < n and doc[k].lower_ in forms and doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ != "VBN":
        return k
    if head.dep_ == "nsubj" and head.head.lower_ in forms and head.head.i >= ue:
        return head.head.i
    return None


def _subject(tok: Token, outside: tuple[int, int] | None = None) -> int | None:
    """The first subject child of ``tok`` (not inside ``outside``, token bounds)."""
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS and not (outside and outside[0] <= child.i < outside[1]):
            return child.i
    return None


def speaker(ctx: DocContext, frame: str, cue: int | None, u: Unit) -> int | None:
    """The token the frame attaches to: the subject of "told", of the verb an
    "according to" or "in an interview with" hangs on, of passive "quoted".

    ctx (DocContext): the document.
    frame (str): the frame.
    cue (int | None): the cue token.
    u (Unit): the unit (a subject inside it is no speaker).
    RETURNS (int | None): the speaker's head token.
    """
    if cue is None:
        return None
    doc = ctx.doc
    tok = doc[cue]
    if frame == "quoted_by":
        found = _subject(tok)
        if found is not None:
            return found
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head.i
    if frame == "told":  # "shop owner Jane Doe, told AP": a comma can break the parse
        found = _subject(tok)
        if found is not None:
            return found
        k = cue - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k >= 0 and doc[k].pos_ in ("PROPN", "NOUN", "PRON"):
            return k
    return _clause_subject(tok, u)


def _clause_subject(tok: Token, u: Unit) -> int | None:
    """Up from ``tok`` through at most four heads: the first verb's subject outside the
    unit, or the noun a participle clause modifies."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            found = _subject(tok, (u.start, u.end))
            if found is not None:
                return found
            if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head.i
        if tok.head is tok:
            break
        tok = tok.head
    return None


def reported_speaker(ctx: DocContext, verb: Token) -> int | None:
    """For "X quoted Y as saying": Y. For "Y said ..., X reported": Y.

    ctx (DocContext): the document.
    verb (Token): the reporting verb the organisation is the subject of.
    RETURNS (int | None): the speaker's head token.
    """
    words = ctx.words
    for child in verb.children:
        if verb.lower_ in words.quote_forms and child.dep_ == "dobj":
            return child.i
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS and child.lower_ in words.relay_forms:
            found = _subject(child)
            if found is not None:
                return found
    if (
        verb.dep_ in ("ccomp", "parataxis", "conj", "advcl")
        and verb.head.pos_ == "VERB"
        and verb.head.i < verb.i
    ):
        return _subject(verb.head)
    return None
