"""A person's titles, affiliation and gender from the words around their name.

- premodifiers: "Mr Brown", "Russian Deputy Defense Minister Anatoly Antonov";
- an apposition after the name: "Jens Stoltenberg, NATO's secretary general, said";
- an apposition before it: "The mayor of Westbury, Jane Okafor, said".
"""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from .clusters import Cluster
from .countries import lookup_country
from .forms import strip_the
from .work import DocWork

#: Parts of speech that end a run of premodifiers before a name.
_NOT_IN_TITLES = ("VERB", "AUX", "ADP", "PRON", "CCONJ", "NUM")
#: Punctuation that ends an apposition.
_APPOSITION_ENDS = (",", ";", "(", "—", "–")


def person_details(
    work: DocWork, ent: Span, toks: list[Token], c: Cluster, title_tokens: set[int]
) -> None:
    """Add to ``c`` the titles, affiliation and gender the words around one mention give.

    work (DocWork): the document.
    ent (Span): the mention's entity (or run of proper nouns).
    toks (list[Token]): the name's tokens.
    c (Cluster): the person.
    title_tokens (set[int]): gets the tokens of the titles found.
    """
    run = _premodifiers(work, ent, toks, c)
    if run:
        _apply_title_run(work, run, c, title_tokens)
    titles = work.lex.titles
    # "The mayor of Westbury, Jane Okafor, ...": the name is the title's apposition.
    root = toks[-1]
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < root.i
        and head.lower_ not in titles
        and head.dep_ == "pobj"
        and head.ent_type_ != "PERSON"
        and head.head.dep_ == "prep"
        and head.head.head.lower_ in titles
    ):
        # The parser often hangs the name on the title's object: "mayor of Westbury,
        # Jane Okafor" with Okafor an apposition of Westbury.
        head = head.head.head
    if root.dep_ == "appos" and head.i < root.i and head.lower_ in titles:
        _apply_apposition(work, head, c, title_tokens, before_name=True)
    # Apposition: "Jens Stoltenberg, NATO's secretary general, said".
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            _apply_apposition(work, child, c, title_tokens)


def _premodifiers(work: DocWork, ent: Span, toks: list[Token], c: Cluster) -> list[Token]:
    """The title words just before the name, in the same sentence; honorifics there set
    the gender ("Mrs", "Sir") and are skipped."""
    lex = work.lex
    i = toks[0].i - 1
    run: list[Token] = []
    sent_start = ent.sent.start if work.doc.has_annotation("SENT_START") else 0
    while i >= sent_start:
        t = work.tokens[i]
        low = t.lower_
        if low in lex.honorifics:
            g = lex.honorifics[low]
            if g and c.gender is None:
                c.gender = g
            i -= 1
            continue
        if t.is_punct or t.is_space or low in work.words.determiners or t.pos_ in _NOT_IN_TITLES:
            break
        if not (t.text[:1].isupper() or low in lex.titles or low in work.words.title_modifiers):
            break
        if t.ent_type_ == "PERSON":
            break
        run.insert(0, t)
        i -= 1
    return run


def _apply_title_run(work: DocWork, run: list[Token], c: Cluster, title_tokens: set[int]) -> None:
    lex = work.lex
    # Leading nationality or organisation names are the affiliation.
    k = 0
    while k < len(run):
        hit = lookup_country(lex.country_index, run[k].text)
        if hit and hit[1] in ("name", "demonym"):
            c.affiliation = c.affiliation or lex.country_name(hit[0])
            k += 1
            continue
        break
    rest = run[k:]
    if not any(t.lower_ in lex.titles for t in rest):
        return
    # Drop leading words that are no part of the title (an organisation's name).
    j = 0
    while (
        j < len(rest)
        and rest[j].lower_ not in lex.titles
        and rest[j].lower_ not in work.words.title_modifiers
    ):
        j += 1
    if j == len(rest):
        j = 0
    # "Brixa Energy chief executive": the organisation's whole name is no title.
    while 0 < j < len(rest) and rest[j].ent_type_ == "ORG" and rest[j].ent_iob_ == "I":
        j += 1
    if j > 0 and c.affiliation is None:
        c.affiliation = " ".join(t.text for t in rest[:j])
    title = " ".join(t.text for t in rest[j:])
    if title and title not in c.titles:
        c.titles.append(title)
    _gender_from_title(work, rest[j:], c)
    # Only the title's own words: "Sunday Telegraph" in "Sunday Telegraph journalist
    # Robert Peston" stays an organisation.
    title_tokens.update(t.i for t in rest[j:])


def _gender_from_title(work: DocWork, words: list[Token], c: Cluster) -> None:
    """The gender the first gendered title word implies ("actress"), if none is known."""
    for t in words:
        g = work.lex.title_gender.get(t.lower_)
        if g and c.gender is None:
            c.gender = g


def _apply_apposition(
    work: DocWork, head: Token, c: Cluster, title_tokens: set[int], before_name: bool = False
) -> None:
    sub = _apposition_tokens(work, head, before_name)
    if not any(t.lower_ in work.lex.titles for t in sub):
        return
    words = _title_words(work, head, sub, c)
    title = " ".join(t.text for t in words).strip()
    if title and len(words) <= 6 and title not in c.titles:
        c.titles.append(title)
        _gender_from_title(work, words, c)
    title_tokens.update(t.i for t in words)


def _apposition_tokens(work: DocWork, head: Token, before_name: bool) -> list[Token]:
    """The apposition's tokens, up to the first comma after its head."""
    sub = [t for t in head.subtree]
    if before_name:
        # Only the title phrase, not the name hanging off it.
        sub = [
            t
            for t in sub
            if t.i <= head.i
            or (
                t.dep_ != "appos"
                and not any(a.dep_ == "appos" for a in t.ancestors if a.i > head.i)
            )
        ]
        sub = [
            t
            for t in sub
            if t.i < head.i
            or t.i == head.i
            or all(x.text != "," for x in work.tokens[head.i + 1 : t.i + 1])
        ]
    # Stop at the first comma after the head: "X, the minister, said ...".
    return [
        t
        for t in sub
        if t.i <= head.i
        or not any(work.tokens[j].text in _APPOSITION_ENDS for j in range(head.i + 1, t.i + 1))
    ]


def _title_words(work: DocWork, head: Token, sub: list[Token], c: Cluster) -> list[Token]:
    """The words of the title in an apposition; a possessor, a nationality or the object
    of "of"/"for"... becomes the affiliation."""
    lex = work.lex
    words: list[Token] = []
    for t in sub:
        if t.i > head.i:
            if (
                t.dep_ == "prep"
                and t.lower_ in work.words.affiliation_prepositions
                and c.affiliation is None
            ):
                _affiliation_from_object(t, c)
                break
            words.append(t)
            continue
        if t.dep_ == "poss" or (t.head.dep_ == "poss" and t.i < head.i):
            if t.dep_ == "poss":
                _affiliation_from_possessor(work, t, c)
            continue
        if t.tag_ == "POS" or t.lower_ in work.words.determiners or t.is_punct:
            continue
        hit = lookup_country(lex.country_index, t.text)
        if hit and hit[1] == "demonym" and not words:
            c.affiliation = c.affiliation or lex.country_name(hit[0])
            continue
        words.append(t)
    return words


def _affiliation_from_object(prep: Token, c: Cluster) -> None:
    """The object up to the first comma: not a name hanging off it ("mayor of Westbury,
    Jane Okafor,")."""
    obj = list(
        itertools.takewhile(
            lambda x: x.text not in _APPOSITION_ENDS,
            (x for x in prep.subtree if x.i > prep.i),
        )
    )
    if obj:
        c.affiliation = strip_the(" ".join(x.text for x in obj))


def _affiliation_from_possessor(work: DocWork, poss: Token, c: Cluster) -> None:
    """ "NATO's secretary general": the possessor (a country by its name) is the affiliation."""
    aff = [x for x in poss.subtree if x.tag_ != "POS"]
    name = " ".join(x.text for x in aff)
    hit = lookup_country(work.lex.country_index, name)
    if c.affiliation is None:
        c.affiliation = work.lex.country_name(hit[0]) if hit else strip_the(name)
