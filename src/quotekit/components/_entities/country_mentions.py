"""The country pass: every mention of a country, by name, abbreviation, nationality,
capital or seat of government, resolved to its ISO 3166-1 code."""

from __future__ import annotations

from spacy.tokens import Span

from .clusters import Cluster
from .countries import lookup_country
from .evidence import person_evidence
from .forms import strip_the, trim_possessive
from .work import DocWork

#: Dependencies through which a capital or seat acts ("Moscow warned", "Washington's plan").
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
#: Forms of "be" (the pipeline has no lemmatiser).
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s"})
#: Nouns after a capital that make it its government ("the Dublin government").
_GOVERNMENT_NOUNS = frozenset({"government", "regime", "administration", "authorities"})
#: Entity labels inside which a country name is part of another name.
NOT_COUNTRY_LABELS = frozenset({"PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"})

#: A country mention: (iso2, token start, token end, (char start, char end)).
CountryMention = tuple[str, int, int, tuple[int, int]]


def find_countries(work: DocWork) -> list[CountryMention]:
    """Each country mention of the document, in text order.

    work (DocWork): the document.
    RETURNS (list[CountryMention]): ``(iso, token start, token end, (char start, char
        end))`` for each mention.
    """
    inside = _inside_other_names(work)
    out: list[CountryMention] = []
    last_end = -1
    seats = _seat_entities(work)
    for s, e in _candidates(work):
        if s < last_end or (any(i in inside for i in range(s, e)) and (s, e) not in seats):
            continue
        mention = _country_mention(work, work.doc[s:e])
        if mention is not None:
            out.append(mention)
            last_end = e
    out.extend(_hyphenated(work, inside, last_end))
    out.sort(key=lambda x: x[3])
    return out


def _inside_other_names(work: DocWork) -> set[int]:
    """Tokens of a person's (or a work's, a law's ...) name or of a known organisation's:
    "Agence France Presse" holds no mention of France."""
    inside = {i for e in work.ents if e.label_ in NOT_COUNTRY_LABELS for i in range(e.start, e.end)}
    matchers = work.lex.matchers
    for _, s, e in matchers.org_exact(work.doc):
        inside.update(range(s, e))
    for _, s, e in matchers.org(work.doc):
        if e - s > 1 and work.tokens[s].text[:1].isupper():
            inside.update(range(s, e))
    return inside


def _seat_entities(work: DocWork) -> set[tuple[int, int]]:
    """Spans of FAC entities that are a seat of government ("Downing Street", "the White
    House"): a building's name, but one that acts for its government."""
    out: set[tuple[int, int]] = set()
    for ent in work.ents:
        if ent.label_ == "FAC":
            hit = lookup_country(work.lex.country_index, ent.text)
            if hit is not None and hit[1] == "seat":
                start = ent.start + (ent[0].lower_ == "the")
                out.update({(ent.start, ent.end), (start, ent.end)})
    return out


def _candidates(work: DocWork) -> list[tuple[int, int]]:
    """The longest gazetteer match at each start token, in text order."""
    matchers = work.lex.matchers
    found: dict[int, tuple[int, int]] = {}
    for _, s, e in matchers.country(work.doc):
        if work.tokens[s].text[:1].isupper():
            found[s] = max(found.get(s, (s, s)), (s, e), key=lambda x: x[1])
    for _, s, e in matchers.country_abbrev(work.doc):
        found[s] = max(found.get(s, (s, s)), (s, e), key=lambda x: x[1])
    return [found[s] for s in sorted(found)]


def _country_mention(work: DocWork, span: Span) -> CountryMention | None:
    """The mention ``span`` makes, or None when it names no country here."""
    s, e = span.start, span.end
    if work.is_blocked(span.start_char):
        return None
    # "Northern Ireland", "New Mexico", "South Carolina": a region, not the country.
    if s > 0 and work.tokens[s - 1].text in work.words.region_prefixes:
        return None
    hit = lookup_country(work.lex.country_index, span.text)
    if hit is None:
        return None
    iso, form_type = hit
    if form_type == "demonym" and span.root.ent_type_ == "EVENT":
        return None  # "the Australian Open"; but "the Iraq war" names Iraq
    if (
        form_type in ("demonym", "name")
        and _in_org_name(work, span)
        and not _state_body(work, span)
    ):
        # "British Telecom" and "Sporting Malta" are a firm and a club; "the Russian Foreign
        # Ministry" and "the US Senate" are a state's.
        return None
    if form_type in ("capital", "seat") and not _as_government(work, span):
        return None
    return (iso, s, e, trim_possessive(span, work.text))


def _hyphenated(work: DocWork, inside: set[int], last_end: int) -> list[CountryMention]:
    """Hyphenated premodifiers the tokenizer keeps whole: "U.S.-backed", "Russian-made"."""
    out: list[CountryMention] = []
    for tok in work.tokens:
        if "-" in tok.text[1:-1] and tok.i not in inside and tok.i >= last_end:
            head = tok.text.split("-", 1)[0]
            hit = lookup_country(work.lex.country_index, head)
            if hit and hit[1] in ("name", "demonym") and not work.is_blocked(tok.idx):
                out.append((hit[0], tok.i, tok.i + 1, (tok.idx, tok.idx + len(head))))
    return out


def _state_body(work: DocWork, span: Span) -> bool:
    """Whether the organisation name around ``span`` is part of a state."""
    i = span.start
    while i > 0 and work.tokens[i - 1].ent_iob_ == "I":
        i -= 1
    j = span.end
    while j < len(work.tokens) and work.tokens[j].ent_iob_ == "I":
        j += 1
    return any(t.lower_ in work.words.state_words for t in work.doc[i:j])


def _acts(span: Span) -> bool:
    """A capital or seat stands for its government when it acts: subject or possessor."""
    root = span.root
    dep = root.dep_
    if dep == "conj":
        dep = root.head.dep_
    if dep in ACTING_DEPS:
        # "MOSCOW (Reuters) -" datelines are parsed as subjects: skip upper-case lead words.
        # "Lisbon is about everything": the subject of "be" is a name, not a government.
        if dep == "nsubj" and root.head.lower_ in _COPULAS:
            return False
        return not (span.text.isupper() and len(span.text) > 3)
    return dep == "pobj" and root.head.lower_ == "by"


def _in_org_name(work: DocWork, span: Span) -> bool:
    """Whether ``span`` lies inside a longer ORG entity of the model."""
    ents = [t.ent_type_ for t in span]
    if not all(e == "ORG" for e in ents):
        return False
    toks = work.tokens
    before = span.start > 0 and toks[span.start].ent_iob_ == "I"
    after = span.end < len(toks) and toks[span.end].ent_iob_ == "I"
    return before or after


def _as_government(work: DocWork, span: Span) -> bool:
    """A capital or seat stands for its government: it acts or governs ("Dublin said", "the
    Dublin government"); a capital that is also a first name and is a person here
    ("Victoria said she ...") is not, nor one that plays ("Madrid beat Valencia"): a club."""
    if _governs(work, span):
        return True
    if span.root.head.lower_ in work.words.club_verbs:
        return False
    if work.is_forename(span.text) and (
        span.root.ent_type_ == "PERSON" or person_evidence(work, list(span))
    ):
        return False
    return _acts(span)


def _governs(work: DocWork, span: Span) -> bool:
    """A capital before a word of its state: "the Dublin government", "the Moscow regime"."""
    nxt = span.end
    if nxt >= len(work.tokens):
        return False
    tok = work.tokens[nxt]
    return tok.text.islower() and tok.lower_ in _GOVERNMENT_NOUNS


def country_clusters(work: DocWork, countries: list[CountryMention]) -> list[Cluster]:
    """One entity per country mentioned, with its mentions in text order."""
    clusters: dict[str, Cluster] = {}
    for iso, _, _, (s, e) in countries:
        c = clusters.get(iso)
        if c is None:
            c = clusters[iso] = Cluster("COUNTRY", iso)
            c.iso = iso
        c.add(s, e, strip_the(work.text[s:e]))
    return list(clusters.values())
