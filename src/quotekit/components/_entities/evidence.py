"""The evidence an article gives about what a name is, beyond the model's label.

The small model labels by the look of a name: "James Hardie" is a person, "Freezing" at
the start of a sentence an organisation, "Derby" an organisation or a place at random.
These checks read the words and roles around a mention instead:

* :func:`not_a_name`: a common word capitalised at the start of a sentence or headline,
  or a law, an event, an award, a programme ("the Davis Cup", "the Oscars");
* :func:`is_place`: a town used as a place ("at Westbury", "a Westbury-based firm");
* :func:`org_evidence`: a name an organisation's words surround ("wine maker X", "X's
  shares", "shares in X", "X chairwoman Jane Okafor", "X Inc");
* :func:`person_evidence`: a name in apposition to a person's noun ("his wife, Joan,").

Each looks only at the mention's own tokens and their neighbours (constant work per
mention).
"""

from __future__ import annotations

from spacy.tokens import Token

from .work import DocWork

#: Fine-grained tags of proper nouns.
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
#: Verbs whose subject speaks: a name the model calls a place that does is an organisation
#: (every form: the pipeline has no lemmatiser).
SPEECH_VERBS = frozenset(
    f"{verb}{ending}"
    for verb in ("say", "warn", "add", "claim", "announce", "report", "insist", "write")
    for ending in ("", "s", "ed", "ing")
) | {"said", "told", "tells", "wrote", "writes", "denied", "denies"}
#: Verbs whose "at X in Y" is a place where people meet (every form: no lemmatiser).
_MEETING_VERBS = frozenset(
    {"meet", "meets", "met", "meeting", "gather", "gathered", "held", "hold", "convene"}
)
#: Words of a programme's name that end it ("the Jimmy Okafor Live TV show").
_PROGRAMME_ENDS = frozenset({"tv", "live"})


def not_a_name(work: DocWork, toks: list[Token], known: bool) -> bool:
    """Whether ``toks`` (a candidate organisation or person) name no organisation and no
    person: a common word capitalised ("Freezing temperatures", "Software that ..."), a
    law, event, award or programme ("Mental Capacity Bill", "Davis Cup", "Oscars").

    work (DocWork): the document.
    toks (list[Token]): the candidate's name tokens.
    known (bool): whether the name is a known organisation's (kept whatever its words).
    """
    if not toks or known:
        return False
    words = work.words
    last = toks[-1].lower_
    if len(toks) > 1 and toks[-1].text[:1].isupper() and last in words.non_entity_heads:
        return True
    if last in _PROGRAMME_ENDS and len(toks) > 1:
        return True
    if len(toks) > 1 and _pluralised(work, toks):
        return True  # "two Billy Okafors", "the Subaru Imprezas": a work or a product
    if len(toks) == 1:
        tok = toks[0]
        if tok.lower_ in words.award_names or tok.lower_.rstrip("s") in words.award_names:
            return True
        if tok.is_upper or not tok.text[1:].islower():
            return False  # an acronym or a brand ("OneTel")
        if not _starts_sentence(work, tok) or _named_elsewhere(work, tok):
            return False
        same = work.same_text(tok.text)
        return any(t.tag_ not in _PROPER_TAGS for t in same) or _lowercase_elsewhere(work, tok)
    return False


def _pluralised(work: DocWork, toks: list[Token]) -> bool:
    """Whether a name of several words also appears with a plural "s" (or, ending in "s",
    without it): people and organisations are not pluralised; works and products are."""
    name = work.written(toks)
    text = work.text
    for other in (name + "s", name[:-1] if name.endswith("s") else ""):
        if other and _occurs_as_word(text, other):
            return True
    return False


def _occurs_as_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no letter on either side."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _named_elsewhere(work: DocWork, tok: Token) -> bool:
    """Whether the word is written with its capital inside a sentence elsewhere ("Mr Lund
    said ..." makes a name of "Lund's critics" at a sentence's start)."""
    return any(t.i != tok.i and not _starts_sentence(work, t) for t in work.same_text(tok.text))


def _lowercase_elsewhere(work: DocWork, tok: Token) -> bool:
    """Whether a capitalised word is written in lower case elsewhere in the document
    ("Digital technology ..." beside "digital music")."""
    return bool(work.same_text(tok.lower_))


def _starts_sentence(work: DocWork, tok: Token) -> bool:
    """Whether ``tok`` opens a sentence, a line or a quotation."""
    i = tok.i - 1
    toks = work.tokens
    while i >= 0 and (toks[i].is_quote or toks[i].is_space or toks[i].text in "([-"):
        if toks[i].is_space and "\n" in toks[i].text:
            return True
        i -= 1
    return i < 0 or toks[i].text in (".", "!", "?", ":") or tok.is_sent_start is True


def is_place(work: DocWork, toks: list[Token]) -> bool:
    """Whether ``toks`` name a town used as a place here: after a locative preposition ("at
    Westbury", "in Newtown"), in a hyphenated "-based", or in a list of places ("Westbury,
    Newtown and Oakham"). A club or a firm named after its town ("Newtown beat ...",
    "signed for Newtown") is not a place: it has none of these."""
    words = work.words
    toks_all = work.tokens
    before = toks[0].i - 1
    after = toks[-1].i + 1
    locative = (
        before >= 0
        and toks_all[before].lower_ in words.locative_prepositions
        and not (
            toks_all[before].lower_ == "from"
            and before > 0
            and toks_all[before - 1].lower_ in words.transfer_verbs
        )
    )
    if work.written(toks) not in work.lex.places:
        # "leaders will meet at Glenmore in Scotland": a village the table does not hold
        # (but "an analyst at Acme Dialog in Moscow" names a firm: a meeting verb decides).
        return (
            locative
            and toks_all[before].head.lower_ in _MEETING_VERBS
            and _followed_by_region(work, after)
        ) or _listed_with_places(work, toks, both=True)  # "Bristol, Isle of Wight and Stockton"
    if locative:
        return True
    if before >= 1 and toks_all[before].lower_ == "of":
        return toks_all[before - 1].lower_ in words.place_nouns  # "the city of X"
    if after + 1 < len(toks_all) and toks_all[after].text == "-":
        return toks_all[after + 1].lower_ == "based"
    return _listed_with_places(work, toks)


def _followed_by_region(work: DocWork, i: int) -> bool:
    """Whether "in" and a known place or country start at token ``i``."""
    toks = work.tokens
    if i + 1 >= len(toks) or toks[i].lower_ != "in":
        return False
    nxt = toks[i + 1]
    return nxt.text in work.lex.places or nxt.ent_type_ == "GPE"


def _listed_with_places(work: DocWork, toks: list[Token], both: bool = False) -> bool:
    """Whether a comma or "and" joins ``toks`` to another known place (``both``: to one
    on each side, as a name the table does not hold needs: "Bristol, Isle of Wight and
    Stockton"; "the mayor of Westbury, Jane Okafor," is an apposition, not a list)."""
    places = work.lex.places
    toks_all = work.tokens
    found = []
    for j in (toks[0].i - 2, toks[-1].i + 2):
        ok = False
        if 0 <= j < len(toks_all):
            sep = toks_all[(toks[0].i - 1) if j < toks[0].i else (toks[-1].i + 1)]
            ok = sep.text in (",", "and") and toks_all[j].text in places
        found.append(ok)
    return all(found) if both else any(found)


def org_evidence(work: DocWork, toks: list[Token]) -> bool:
    """Whether the words around ``toks`` make them an organisation's name: a descriptor
    before it ("wine maker X", "the band X"), a legal form ending it ("X Inc"), a role or
    possession it premodifies ("X chairwoman", "X shareholders"), one it owns ("X's
    shares"), or a holding it is the object of ("shares in X")."""
    words = work.words
    tokens = work.tokens
    first, last = toks[0].i, toks[-1].i
    prev = tokens[first - 1] if first > 0 else None
    if prev is not None and prev.text.islower() and prev.lower_ in words.org_descriptors:
        return True
    if last + 1 < len(tokens):
        nxt = tokens[last + 1]
        low = nxt.lower_.rstrip(".")
        if nxt.text[:1].isupper() and low in work.lex.legal_forms and len(toks) > 1:
            return True
        if nxt.tag_ == "POS" and last + 2 < len(tokens):
            nxt = tokens[last + 2]
            if nxt.is_alpha and nxt.text.islower() and nxt.lower_ in words.org_possessions:
                return True
        elif (
            nxt.text.islower()
            and nxt.dep_ != "appos"
            and (nxt.lower_ in words.org_roles or nxt.lower_ in words.org_possessions)
        ):
            return True
    return (
        prev is not None
        and prev.lower_ in words.holder_prepositions
        and first > 1
        and tokens[first - 2].lower_ in words.org_possessions
    )


def speaks(tok: Token) -> bool:
    """Whether ``tok`` is the subject of a verb of speech ("X said", "X warns")."""
    return tok.dep_ == "nsubj" and tok.head.lower_ in SPEECH_VERBS


def person_evidence(work: DocWork, toks: list[Token]) -> bool:
    """Whether ``toks`` stand in apposition to a person's noun: "his wife, Joan,", "Rinat
    Okafor, the country's richest man"."""
    nouns = work.words.person_nouns
    tokens = work.tokens
    first, last = toks[0].i, toks[-1].i
    if (
        first >= 2
        and tokens[first - 1].text == ","
        and tokens[first - 2].lower_ in nouns
        # "her husband, Westbury Rovers striker X": the name must close the apposition.
        and (last + 1 >= len(tokens) or tokens[last + 1].is_punct)
    ):
        return True
    if first >= 1 and tokens[first - 1].text.islower() and tokens[first - 1].lower_ in nouns:
        return True  # "his son Nick"
    root = toks[-1]
    if root.dep_ == "appos" and root.head.lower_ in nouns:
        return True
    if speaks(root):
        # "Victoria said she was delighted": a speaker that is "she" or "he" next.
        verb = root.head.i
        for tok in tokens[verb + 1 : verb + 4]:
            if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
                return True
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in nouns:
            return True
    # "Okafor, the country's richest man": the apposition's head noun a few words on.
    if last + 1 < len(tokens) and tokens[last + 1].text == ",":
        for tok in tokens[last + 2 : last + 7]:
            if tok.text in (",", ".", ";"):
                break
            if tok.lower_ in nouns and tok.head.i <= last:
                return True
    return False
