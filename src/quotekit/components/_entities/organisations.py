"""The organisations pass: organisations (and NORP, LOC names) from the gazetteer, the
model's entities, bare acronyms and "Full Name (ACRONYM)" definitions, merged with
their acronyms and short forms."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...text import normalise_name
from .clusters import Cluster, merge_acronyms, merge_short_names
from .countries import lookup_country
from .evidence import is_place, not_a_name, org_evidence, speaks
from .forms import POSSESSIVES, initials, trim_possessive_chars
from .people import People
from .work import DocWork

#: Model labels whose entities this pass takes.
_TAKEN_LABELS = ("ORG", "NORP", "GPE", "LOC")
#: Brackets that end (or, leading, start) an organisation's name.
_BRACKETS = ("(", ")", "[", "]")

#: A candidate: token start, token end, label.
Candidate = tuple[int, int, str]


def find_organisations(
    work: DocWork, country_tokens: set[int], found: People
) -> tuple[list[Cluster], list[Cluster]]:
    """The organisations and the other names (NORP, LOC) of the document.

    work (DocWork): the document.
    country_tokens (set[int]): tokens of country mentions.
    found (People): what the people pass found (people's tokens, titles, firms).
    RETURNS (tuple[list[Cluster], list[Cluster]]): organisations, other names.
    """
    chosen = _choose(work, _candidates(work, country_tokens, found), country_tokens, found)
    order, orgs, acronyms = _cluster(work, chosen, found.demoted)
    final = merge_acronyms(order, acronyms, orgs)
    final = merge_short_names(final, work.lex.org_alias, work.words.name_stopwords)
    return [c for c in final if c.type == "ORG"], [c for c in final if c.type != "ORG"]


# ---------------------------------------------------------------------- candidates
def _candidates(work: DocWork, country_tokens: set[int], found: People) -> list[Candidate]:
    """Every candidate name, longest first, then earliest."""
    tokens = work.tokens
    matchers = work.lex.matchers
    spans: list[Candidate] = []
    for _, s, e in matchers.org_exact(work.doc):
        spans.append((s, e, "ORG"))
    for _, s, e in matchers.org(work.doc):
        if tokens[s].text[:1].isupper() or (
            tokens[s].lower_ == "the" and e - s > 1 and tokens[s + 1].text[:1].isupper()
        ):
            spans.append((s, e, "ORG"))
    for ent in work.ents:
        if ent.label_ in _TAKEN_LABELS and ent.start not in found.org_as_person:
            label = _speaking_place(work, ent, country_tokens) or ent.label_
            spans.extend((s, e, label) for s, e in _split_list(work, ent.start, ent.end))
    spans.extend(_joined_by_and(work, found))
    spans.extend(_extended_left(work, found))
    for ent in found.person_as_org:
        spans.append((ent.start, ent.end, "ORG"))
    spans.extend(_bare_acronyms(work, country_tokens))
    spans.extend(_acronym_definitions(work))
    # Longest first, then earliest: gazetteer matches and entities never overlap.
    spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    return spans


def _speaking_place(work: DocWork, ent: Span, country_tokens: set[int]) -> str | None:
    """ "ORG" for a name the model calls a place that speaks or that an organisation's words
    surround ("Acmeville said it would appeal", "shares in Acmeville"): a speaker is a
    person or an organisation, never a place. Countries, their capitals and known towns
    stay places."""
    if ent.label_ not in ("GPE", "LOC") or any(
        i in country_tokens for i in range(ent.start, ent.end)
    ):
        return None
    toks = [t for t in ent if t.lower_ not in work.words.determiners]
    root = toks[-1] if toks else None
    if root is not None and root.dep_ == "nsubj" and root.head.lower_ in work.words.club_verbs:
        return "ORG"  # "Westbury beat Newtown": a club
    if not toks or work.written(toks) in work.lex.places:
        return None
    if lookup_country(work.lex.country_index, work.written(toks)) is not None:
        return None
    assert root is not None
    if work.is_forename(root.text):
        return None  # "Victoria said she ...": the people pass decides
    return "ORG" if speaks(root) or org_evidence(work, toks) else None


def _split_list(work: DocWork, start: int, end: int) -> list[tuple[int, int]]:
    """An entity the model ran over a list, cut at its commas (and then at its "and"):
    "Westbury, Newtown and Oakham" is three names, "the House of Commons, the Scottish
    Parliament" two."""
    tokens = work.tokens
    out: list[tuple[int, int]] = []
    s = start
    # "Westbury, Newtown and Oakham": with a comma, the last "and" (or "or") cuts too.
    cuts = {","}
    if any(tokens[i].text == "," for i in range(start, end)):
        cuts |= {"and", "or"}
    for i in range(start, end):
        # "Acme Trust and the Westbury Council": a determiner after "and" starts a name.
        new_name = tokens[i].lower_ == "and" and i + 1 < end and tokens[i + 1].lower_ == "the"
        # "Amnesty International and Liberty": a whole name before "and" ends with a
        # body's word ("the Economic and Social Research Council" does not).
        new_name = new_name or (
            tokens[i].lower_ == "and"
            and i - 1 > s
            and tokens[i - 1].lower_ in work.words.org_suffixes
            and i + 1 < end
            and tokens[i + 1].text[:1].isupper()
        )
        if tokens[i].text in cuts or new_name:
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out


def _joined_by_and(work: DocWork, found: People) -> list[Candidate]:
    """One organisation the model cut at its "and": "the Westbury Parks and Wildlife
    Department", "the Public and Commercial Services Union". The right part ends with an
    organisation's word; the left part does not (two whole names joined by "and", "Acme
    Group and Brandt Holdings", stay two)."""
    tokens = work.tokens
    suffixes = work.words.org_suffixes
    out: list[Candidate] = []
    for ent in work.ents:
        if ent.label_ != "ORG" or ent.start < 2 or tokens[ent.start - 1].lower_ != "and":
            continue
        if tokens[ent.end - 1].lower_ not in suffixes or ent[0].lower_ in work.words.determiners:
            continue  # "... and the Westbury Council" starts a name of its own
        j = ent.start - 2
        while j >= 0 and tokens[j].text[:1].isupper() and tokens[j].pos_ in ("PROPN", "ADJ"):
            j -= 1
        start = j + 1
        left = tokens[start : ent.start - 1]
        if (
            left
            and left[-1].lower_ not in suffixes
            and not any(t.i in found.person_tokens for t in left)
            and normalise_name(work.written(left)) not in work.lex.org_alias
        ):
            out.append((start, ent.end, "ORG"))
    return out


def _extended_left(work: DocWork, found: People) -> list[Candidate]:
    """An organisation's name the model cut after "for" or "of": "the Alliance for
    Digital Inclusion", "the Department for Work and Pensions" (not a title: "Minister
    for Europe" names an office)."""
    tokens = work.tokens
    titles = work.lex.titles
    out: list[Candidate] = []
    for ent in work.ents:
        if (
            ent.label_ != "ORG"
            or ent.start < 2
            or tokens[ent.start - 1].lower_ not in ("for", "of")
        ):
            continue
        j = ent.start - 2
        while (
            j >= 0
            and tokens[j].pos_ == "PROPN"
            and tokens[j].text[:1].isupper()
            and not tokens[j].ent_type_
            and tokens[j].lower_ not in titles
            and tokens[j].i not in found.person_tokens
        ):
            j -= 1
        if j + 1 < ent.start - 1:
            out.append((j + 1, ent.end, "ORG"))
    return out


def _bare_acronyms(work: DocWork, country_tokens: set[int]) -> list[Candidate]:
    """Acronyms the model left unlabelled: "the RSPCA said"."""
    return [
        (tok.i, tok.i + 1, "ORG")
        for tok in work.tokens
        if (
            not tok.ent_type_
            and tok.pos_ == "PROPN"
            and tok.is_upper
            and 2 <= len(tok.text) <= 6
            and tok.text.isalpha()
            and tok.i not in country_tokens
            and lookup_country(work.lex.country_index, tok.text) is None
        )
    ]


def _acronym_definitions(work: DocWork) -> list[Candidate]:
    """``(start, end, "ORG")`` for "Full Name (ACRONYM)" where the capitalised words
    just before the bracket spell the acronym: "The Norland Dairy Cooperative (NDC)",
    a name the model may have missed or cut."""
    toks = work.tokens
    stopwords = work.words.name_stopwords
    out: list[Candidate] = []
    for k in range(1, len(toks) - 2):
        if toks[k].text != "(" or toks[k + 2].text != ")":
            continue
        acronym = toks[k + 1].text
        if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 8):
            continue
        letters: list[str] = []
        start = None
        j = k - 1
        while j >= 0 and len(letters) < len(acronym):
            t = toks[j]
            if t.is_alpha and t.text[:1].isupper() and t.lower_ not in stopwords:
                letters.append(t.text[0])
                start = j
            elif not (letters and t.lower_ in stopwords):
                break
            j -= 1
        if start is not None and "".join(reversed(letters)) == acronym:
            out.append((start, k, "ORG"))
    return out


# ---------------------------------------------------------------------- choice
def _choose(
    work: DocWork, spans: list[Candidate], country_tokens: set[int], found: People
) -> list[tuple[list[Token], str]]:
    """The candidates kept, none overlapping another, as (name tokens, label) in text
    order."""
    taken: set[int] = set()
    chosen: list[tuple[list[Token], str]] = []
    for s, e, label in spans:
        if any(i in taken for i in range(s, e)):
            continue
        toks = [t for t in work.doc[s:e]]
        if _belongs_elsewhere(work, toks, label, country_tokens, found):
            continue
        name = _name_tokens(work, toks, label)
        if not name:
            continue
        taken.update(range(s, e))
        chosen.append((name, label))
    chosen.sort(key=lambda x: x[0][0].i)
    return chosen


def _belongs_elsewhere(
    work: DocWork, toks: list[Token], label: str, country_tokens: set[int], found: People
) -> bool:
    """Whether a candidate is a person's mention, a country's, or a title."""
    if any(t.i in found.person_tokens for t in toks):
        return True
    if label in ("GPE", "NORP") and any(t.i in country_tokens for t in toks):
        return True
    title_tokens = found.title_tokens
    if label == "ORG" and all(t.i in country_tokens or t.i in title_tokens for t in toks):
        # "Tory leader Jane Okafor": a known party in a title is still a mention of it.
        return not (
            work.lex.org_alias.get(normalise_name(work.written(toks)))
            and toks[0].text[:1].isupper()
        )
    return False


def _name_tokens(work: DocWork, toks: list[Token], label: str) -> list[Token]:
    """The tokens of a candidate that make the name (empty if none do)."""
    blocked_at = [k for k, t in enumerate(toks) if work.is_blocked(t.idx)]
    if blocked_at:
        toks = toks[: blocked_at[0]]
    while toks and (toks[0].lower_ in work.words.determiners):
        toks = toks[1:]
    if label == "ORG":
        toks = _org_name_tokens(work, toks)
        if (
            not toks
            or not any(t.text[:1].isupper() for t in toks)
            or " ".join(t.text for t in toks) in work.words.not_organisations
        ):
            return []
        if len(toks) > 2 and toks[0].text.islower() and toks[1].text == "-":
            return []  # "a non-Nato member", "anti-Acme protests": an adjective
        known = normalise_name(work.written(toks)) in work.lex.org_alias
        if not_a_name(work, toks, known) or (not known and is_place(work, toks)):
            return []
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks or work.is_blocked(toks[0].idx):
        return []
    return toks


def _org_name_tokens(work: DocWork, toks: list[Token]) -> list[Token]:
    """An organisation's name without a generic suffix ("news agency"), a bracket, or an
    owner ("Mr Brown's Facility")."""
    toks = _strip_generic_suffix(toks, work.words.generic_suffixes)
    # "Group of Eight (G8": stop at a bracket; "Mr Brown's Facility": drop the owner.
    cut = [k for k, t in enumerate(toks) if t.text in _BRACKETS]
    if cut:
        toks = toks[: cut[0]] if cut[0] > 0 else toks[cut[0] + 1 :]
    poss = [k for k, t in enumerate(toks) if t.tag_ == "POS" or t.lower_ in POSSESSIVES]
    if poss and poss[-1] < len(toks) - 1:
        toks = toks[poss[-1] + 1 :]
    # "Conservative Party Co-Chairman": a title after the name is no part of it.
    titles = work.lex.titles
    while len(toks) > 1 and toks[-1].lower_ in titles:
        toks = toks[:-1]
        if len(toks) > 2 and toks[-1].text == "-":  # "Co-Chairman", "Vice-President"
            toks = toks[:-2]
    return toks


def _strip_generic_suffix(toks: list[Token], suffixes: tuple[tuple[str, ...], ...]) -> list[Token]:
    """``toks`` without the first generic suffix ("news agency") that ends them."""
    words = [t.lower_ for t in toks]
    for suffix in suffixes:
        n = len(suffix)
        if len(words) > n and tuple(words[-n:]) == suffix and toks[-n].text.islower():
            return toks[:-n]
    return toks


# ---------------------------------------------------------------------- clusters
def _cluster(
    work: DocWork, chosen: list[tuple[list[Token], str]], demoted: list[Cluster]
) -> tuple[list[Cluster], dict[str, Cluster], dict[str, str]]:
    """Clusters of the chosen names: (all in order of first mention, organisations by
    key, acronym -> organisation key). The people pass's demoted firms come first."""
    orgs: dict[str, Cluster] = {}
    others: dict[tuple[str, str], Cluster] = {}
    acronyms: dict[str, str] = {}  # ACRONYM -> cluster key
    order: list[Cluster] = []
    for c in demoted:
        key = _org_key(work, c.forms[0] if c.forms else c.key, acronyms)
        c.key = key
        orgs[key] = c
        order.append(c)
    text = work.text
    for toks, label in chosen:
        s, e = trim_possessive_chars(text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
        form = text[s:e]
        if label == "ORG":
            key = _org_key(work, form, acronyms)
            org = orgs.get(key)
            if org is None:
                org = orgs[key] = Cluster("ORG", key)
                order.append(org)
            org.add(s, e, form)
            for word in _descriptors(toks):
                if word not in org.descriptors:
                    org.descriptors.append(word)
            _note_acronyms(work, toks, form, key, acronyms)
        else:
            typ = "NORP" if label == "NORP" else "LOC"
            key2 = (typ, normalise_name(form))
            other = others.get(key2)
            if other is None:
                other = others[key2] = Cluster(typ, key2[1])
                order.append(other)
            other.add(s, e, form)
    return order, orgs, acronyms


def _note_acronyms(
    work: DocWork, toks: list[Token], form: str, key: str, acronyms: dict[str, str]
) -> None:
    """ "Full Name (ACRONYM)" defines an acronym; a longer name's initials may be one."""
    tokens = work.tokens
    nxt = toks[-1].i + 1
    if (
        nxt + 2 < len(tokens)
        and tokens[nxt].text == "("
        and tokens[nxt + 1].is_upper
        and tokens[nxt + 2].text == ")"
    ):
        acronyms[tokens[nxt + 1].text] = key
    if len(toks) > 1:
        acronyms.setdefault(initials(form, work.words.name_stopwords), key)


def _org_key(work: DocWork, form: str, acronyms: dict[str, str]) -> str:
    """The key an organisation's form is clustered under: a known organisation's
    canonical name, the organisation an acronym was defined for, or the folded form."""
    norm = normalise_name(form)
    canonical = work.lex.org_alias.get(norm)
    if canonical is not None:
        return normalise_name(canonical)
    if form.isupper() and form in acronyms:
        return acronyms[form]
    return norm


def _descriptors(toks: list[Token]) -> list[str]:
    """Common nouns that describe an organisation next to its name: "stock market
    regulator AMF", "AMF, the regulator", "media giant Vivendi"."""
    out = []
    i = toks[0].i - 1
    doc = toks[0].doc
    if i >= 0 and doc[i].pos_ == "NOUN" and doc[i].text.islower():
        out.append(doc[i].lower_)
    for child in toks[-1].children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            out.append(child.lower_)
    return out
