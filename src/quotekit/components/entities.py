"""quotekit_entities: resolve people, countries and organisations within an article.

The small English model labels "Washington" an ORG, "Antonov" an ORG once and a
PERSON elsewhere, and "Russian" a NORP. This component turns its mentions into
entities:

* people: one entity per person (full name, surname, "Mr X", possessives);
  titles from premodifiers ("Russian Deputy Defense Minister Anatoly Antonov")
  and appositions ("Jens Stoltenberg, NATO's secretary general"); a surname the
  model mislabels joins its person;
* countries: every name, abbreviation, nationality adjective, and a capital or
  seat of government when it acts ("Moscow warned", "Washington's programme"),
  resolved to its ISO 3166-1 code from the shipped country table;
* organisations: acronyms defined in the text ("... Organization (NATO)"),
  acronyms matching a full name's initials, and known aliases merged.

Everything is computed once per document in passes linear in its tokens and
mentions (dictionary look-ups, no pairwise comparisons of all mentions).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..extensions import SPAN_KEYS, ensure_extensions
from ..tables import country_index, lookup_country
from ..text import normalise_name
from ._spans import char_span

HONORIFICS_FALLBACK = {
    "mr": "M",
    "mr.": "M",
    "mrs": "F",
    "mrs.": "F",
    "ms": "F",
    "ms.": "F",
    "miss": "F",
    "dr": None,
    "dr.": None,
    "sir": "M",
    "dame": "F",
    "lord": "M",
    "lady": "F",
    "prof": None,
    "prof.": None,
}
#: Words that may sit inside a title run without being titles themselves.
TITLE_MODIFIERS = {
    "former",
    "deputy",
    "acting",
    "vice",
    "chief",
    "senior",
    "junior",
    "first",
    "assistant",
    "associate",
    "general",
    "executive",
    "interim",
    "then",
    "late",
    "foreign",
    "defence",
    "defense",
    "finance",
    "prime",
    "home",
    "health",
    "trade",
    "interior",
    "justice",
    "economy",
    "energy",
    "education",
    "state",
    "affairs",
    "minister",
    "secretary",
    "of",
    "managing",
    "non-executive",
    "shadow",
    "labour",
    "tory",
    "conservative",
    "democratic",
    "republican",
    "opposition",
    "party",
    "national",
    "security",
    "adviser",
    "advisor",
}
DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their"}
ORG_STOPWORDS = {"of", "the", "and", "for", "&", "de", "du", "des", "la", "le"}
ACTING_DEPS = {"nsubj", "nsubjpass", "poss"}
PERSON_LIKE_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}
BLOCKING_BOILERPLATE = {"editors_note", "paywall"}


class _Cluster:
    __slots__ = (
        "affiliation",
        "descriptors",
        "forms",
        "gender",
        "iso",
        "key",
        "last_pos",
        "mentions",
        "titles",
        "tokens",
        "type",
    )

    def __init__(self, type_: str, key: str):
        self.type = type_
        self.key = key
        self.forms: list[str] = []  # surface forms as written (normalised spacing)
        self.mentions: list[tuple[int, int]] = []
        self.titles: list[str] = []
        self.affiliation: str | None = None
        self.iso: str | None = None
        self.gender: str | None = None
        self.tokens: list[str] = []  # the fullest person name, as tokens
        self.last_pos = -1
        self.descriptors: list[str] = []  # "regulator" in "stock market regulator AMF"

    def add(self, start: int, end: int, form: str) -> None:
        self.mentions.append((start, end))
        if form and form not in self.forms:
            self.forms.append(form)
        self.last_pos = max(self.last_pos, start)


class EntityResolver:
    """Resolve PERSON, COUNTRY, ORG (and NORP, LOC) entities; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        countries: list[dict[str, Any]],
        organisations: list[dict[str, Any]],
        titles: dict[str, Any],
        forenames: dict[str, list[str]],
    ):
        self.name = name
        self.spans_key = spans_key
        ensure_extensions()
        self.countries = {c["iso2"]: c for c in countries}
        self.country_index = country_index(countries)
        self.org_alias: dict[str, str] = {}
        for rec in organisations:
            for alias in [rec["name"], *rec.get("aliases", ())]:
                self.org_alias.setdefault(normalise_name(alias), rec["name"])
        self.titles = {k.lower() for k in titles.get("titles", {})}
        self.title_gender = {
            k.lower(): v.get("gender")
            for k, v in titles.get("titles", {}).items()
            if isinstance(v, dict)
        }
        self.honorifics = {
            k.lower(): v for k, v in (titles.get("honorifics") or HONORIFICS_FALLBACK).items()
        }
        self.male = frozenset(forenames.get("male", ()))
        self.female = frozenset(forenames.get("female", ()))
        self.forenames = self.male | self.female
        self.country_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbrev_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower_forms, exact_forms = [], []
        for key in self.country_index:
            (exact_forms if _is_abbrev(key) else lower_forms).append(key)
        self.country_matcher.add("COUNTRY", list(nlp.tokenizer.pipe(sorted(lower_forms))))
        self.abbrev_matcher.add("COUNTRY", list(nlp.tokenizer.pipe(sorted(exact_forms))))
        self.org_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        org_forms = sorted(
            {
                a
                for rec in organisations
                for a in [rec["name"], *rec.get("aliases", ())]
                if len(a) > 3 and not a.isupper() and a not in rec.get("strict_aliases", ())
            }
        )
        self.org_matcher.add("ORG", list(nlp.tokenizer.pipe(org_forms)))
        # Acronyms and names that must match with their exact capitals ("SNP", "The Times");
        # names that are also common otherwise ("Bloomberg", "Forbes") are left to the model.
        exact = sorted(
            {
                a
                for rec in organisations
                for a in [rec["name"], *rec.get("aliases", ()), *rec.get("strict_aliases", ())]
                if (a.isupper() and len(a) >= 2) or a in rec.get("strict_aliases", ())
            }
            - {a for rec in organisations for a in rec.get("context_aliases", ())}
        )
        self.org_matcher_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.org_matcher_exact.add("ORG", list(nlp.tokenizer.pipe(exact)))
        self._strict = {a.lower() for rec in organisations for a in rec.get("strict_aliases", ())}
        self._reset_doc_state()

    # ------------------------------------------------------------------ pipeline API
    def __call__(self, doc: Doc) -> Doc:
        try:
            self._annotate(doc)
        finally:
            self._reset_doc_state()
        return doc

    def _reset_doc_state(self) -> None:
        """Per-Doc state lives on the component during a call only: tokens or spans
        kept after it would hold their Doc in memory and make the pipeline unpicklable."""
        self._text = ""
        self._tokens: list[Token] = []
        self._ents: list[Span] = []
        self._surnames: set[str] = set()
        self._person_as_org: list[Span] = []  # PERSON entities that name a firm
        self._org_as_person: set[int] = set()  # starts of ORG entities that name a person
        self._demoted: list[_Cluster] = []  # lone "persons" that are firms ("Yukos")

    def _annotate(self, doc: Doc) -> None:
        self._text = doc.text  # Doc.text joins every token: read it once
        self._tokens = list(doc)  # doc[i] makes a new Token each time: make them once
        self._ents = list(doc.ents)
        blocked = [
            (s, e)
            for s, e, lab in (doc._.quotekit_boilerplate or ())
            if lab in BLOCKING_BOILERPLATE
        ]

        def is_blocked(start: int) -> bool:
            return any(s <= start < e for s, e in blocked)

        countries = self._countries(doc, is_blocked)
        country_tokens = {i for _, s, e, _ in countries for i in range(s, e)}
        people, person_tokens, title_tokens = self._people(doc, is_blocked, country_tokens)
        orgs, others = self._orgs_and_others(
            doc, is_blocked, country_tokens, person_tokens, title_tokens, people
        )
        clusters = list(people) + self._country_clusters(doc, countries) + orgs + others
        self._write(doc, clusters)

    # ------------------------------------------------------------------ countries
    def _countries(self, doc: Doc, is_blocked) -> list[tuple[str, int, int, tuple[int, int]]]:
        """(iso, token start, token end, (char start, char end)) for each country mention."""
        person_tokens = {
            i for e in self._ents if e.label_ in NOT_COUNTRY_LABELS for i in range(e.start, e.end)
        }
        # Inside a known organisation's name ("Agence France Presse") a country is no mention.
        for _, s, e in self.org_matcher_exact(doc):
            person_tokens.update(range(s, e))
        for _, s, e in self.org_matcher(doc):
            if e - s > 1 and self._tokens[s].text[:1].isupper():
                person_tokens.update(range(s, e))
        found: dict[int, tuple[int, int]] = {}
        for _, s, e in self.country_matcher(doc):
            if self._tokens[s].text[:1].isupper():
                found[s] = max(found.get(s, (s, s)), (s, e), key=lambda x: x[1])
        for _, s, e in self.abbrev_matcher(doc):
            found[s] = max(found.get(s, (s, s)), (s, e), key=lambda x: x[1])
        out = []
        last_end = -1
        for s in sorted(found):
            s, e = found[s]
            if s < last_end or any(i in person_tokens for i in range(s, e)):
                continue
            span = doc[s:e]
            if is_blocked(span.start_char):
                continue
            # "Northern Ireland", "New Mexico", "South Carolina": a region, not the country.
            if s > 0 and self._tokens[s - 1].text in REGION_PREFIXES:
                continue
            hit = lookup_country(self.country_index, span.text)
            if hit is None:
                continue
            iso, form_type = hit
            if form_type == "demonym" and span.root.ent_type_ == "EVENT":
                continue  # "the Australian Open"; but "the Iraq war" names Iraq
            if (
                form_type == "demonym"
                and span.root.ent_type_ == "ORG"
                and not self._state_body(doc, span)
            ):
                continue  # "British Telecom" is a firm; "the Russian Foreign Ministry" a state
            if form_type in ("capital", "seat") and not _acts(span):
                continue
            start_char, end_char = _trim_possessive(span, self._text)
            out.append((iso, s, e, (start_char, end_char)))
            last_end = e
        # Hyphenated premodifiers the tokenizer keeps whole: "U.S.-backed", "Russian-made".
        for tok in self._tokens:
            if "-" in tok.text[1:-1] and tok.i not in person_tokens and tok.i >= last_end:
                head = tok.text.split("-", 1)[0]
                hit = lookup_country(self.country_index, head)
                if hit and hit[1] in ("name", "demonym") and not is_blocked(tok.idx):
                    out.append((hit[0], tok.i, tok.i + 1, (tok.idx, tok.idx + len(head))))
        out.sort(key=lambda x: x[3])
        return out

    def _state_body(self, doc: Doc, span: Span) -> bool:
        """Whether the organisation name around ``span`` is part of a state."""
        i = span.start
        while i > 0 and self._tokens[i - 1].ent_iob_ == "I":
            i -= 1
        j = span.end
        while j < len(doc) and self._tokens[j].ent_iob_ == "I":
            j += 1
        return any(t.lower_ in STATE_WORDS for t in doc[i:j])

    def _country_clusters(self, doc: Doc, countries) -> list[_Cluster]:
        clusters: dict[str, _Cluster] = {}
        text = self._text
        for iso, _, _, (s, e) in countries:
            c = clusters.get(iso)
            if c is None:
                c = clusters[iso] = _Cluster("COUNTRY", iso)
                c.iso = iso
            c.add(s, e, _strip_the(text[s:e]))
        return list(clusters.values())

    # ------------------------------------------------------------------ people
    def _people(self, doc: Doc, is_blocked, country_tokens: set[int]):
        clusters: list[_Cluster] = []
        by_last: dict[str, list[_Cluster]] = {}
        by_first: dict[str, list[_Cluster]] = {}
        person_tokens: set[int] = set()
        title_tokens: set[int] = set()
        pending: list[tuple[Span, list[Token]]] = []
        org_words = self._org_first_words(doc)
        ent_labels: dict[str, dict[str, int]] = {}
        for ent in self._ents:
            counts = ent_labels.setdefault(normalise_name(ent.text), {})
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
        self._person_as_org = []
        self._org_as_person = set()
        self._surnames = {
            e[-1].lower_
            for e in self._ents
            if e.label_ == "PERSON" and len(e) > 1 and normalise_name(e[0].text) in self.forenames
        }
        for ent in self._ents:
            if ent.label_ != "PERSON" or is_blocked(ent.start_char):
                continue
            toks = self._name_tokens(ent)
            if self._person_is_org(doc, toks, org_words, ent_labels):
                # "Contrack" tagged PERSON once, "Contrack International" elsewhere: a firm.
                self._person_as_org.append(ent)
                continue
            # Photo credits: "Agencja Gazeta/Jan Rusek" is an agency and a photographer.
            slash = [t.i for t in toks if t.text == "/"]
            affiliation = None
            if slash:
                affiliation = doc[toks[0].i : slash[-1]].text
                toks = [t for t in toks if t.i > slash[-1]]
            if not toks or all(t.i in country_tokens for t in toks):
                continue
            pending.append((ent, toks, affiliation))
        pending.extend(self._unlabelled_names(doc, is_blocked, country_tokens))
        # "Viktor Pinchuk" tagged ORG: a known forename and no company word make a person.
        for ent in self._ents:
            if ent.label_ != "ORG" or is_blocked(ent.start_char):
                continue
            toks = [t for t in ent if not (t.lower_ in DETERMINERS or t.tag_ == "POS")]
            if (
                1 <= len(toks) <= 3
                and all(t.text[:1].isupper() and t.is_alpha for t in toks)
                and (
                    len(toks) >= 2
                    and normalise_name(toks[0].text) in self.forenames
                    or self._has_age(ent.end)
                )
                and toks[-1].lower_ not in ORG_SUFFIXES
                and normalise_name(ent.text) not in self.org_alias
            ):
                pending.append((ent, toks, None))
                self._org_as_person.add(ent.start)
        pending.sort(key=lambda p: p[1][0].i)

        def attach(toks: list[Token]) -> _Cluster:
            # Words as written: "Claude Veron-Reville" is two words, not four tokens.
            words = self._text[toks[0].idx : toks[-1].idx + len(toks[-1].text)].split()
            last = words[-1].lower()
            if len(words) >= 2:
                for c in reversed(by_last.get(last, ())):
                    if len(c.tokens) == 1 or _first_compatible(c.tokens[0], words[0]):
                        if len(words) > len(c.tokens):
                            c.tokens = words
                        return c
                c = _Cluster("PERSON", " ".join(words).lower())
                c.tokens = words
                clusters.append(c)
                by_last.setdefault(last, []).append(c)
                by_first.setdefault(words[0].lower(), []).append(c)
                return c
            cands = by_last.get(last) or [c for c in by_first.get(last, ()) if len(c.tokens) > 1]
            if cands:
                return max(cands, key=lambda c: c.last_pos)
            c = _Cluster("PERSON", last)
            c.tokens = words
            clusters.append(c)
            by_last.setdefault(last, []).append(c)
            return c

        for ent, toks, affiliation in pending:
            c = attach(toks)
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            c.add(s, e, " ".join(self._text[s:e].split()))
            c.affiliation = c.affiliation or affiliation
            person_tokens.update(t.i for t in toks)
            self._person_details(doc, ent, toks, c, title_tokens)

        # Mislabelled mentions: an ORG/GPE/... entity, or a bare proper noun, that is a
        # known person's surname or full name joins that person.
        known = {}
        for c in clusters:
            known.setdefault(c.tokens[-1].lower(), c)
            known.setdefault(" ".join(c.tokens).lower(), c)
            if len(c.tokens) > 2:  # "Van Dam" for "Pieter Van Dam"
                known.setdefault(" ".join(c.tokens[1:]).lower(), c)
        ent_tokens = {i for e in self._ents for i in range(e.start, e.end)}
        extra: list[tuple[int, int, str, _Cluster, list[int]]] = []
        for ent in self._ents:
            if ent.label_ in PERSON_LIKE_LABELS and not is_blocked(ent.start_char):
                toks = [t for t in ent if not (t.lower_ in DETERMINERS or t.tag_ == "POS")]
                if not toks:
                    continue
                s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                c = known.get(" ".join(self._text[s:e].split()).lower())
                if c is not None and not any(t.i in country_tokens for t in toks):
                    extra.append((s, e, self._text[s:e], c, [t.i for t in ent]))
        for tok in self._tokens:
            if (
                tok.i not in ent_tokens
                and tok.pos_ == "PROPN"
                and tok.text[:1].isupper()
                and tok.i not in country_tokens
                and not is_blocked(tok.idx)
            ):
                c = known.get(tok.lower_)
                if c is not None and len(c.tokens) > 1:
                    extra.append((tok.idx, tok.idx + len(tok.text), tok.text, c, [tok.i]))
        for s, e, form, c, idx in extra:
            c.add(s, e, form)
            person_tokens.update(idx)

        # Forward references: a lone surname seen before the full name joins it.
        merged: list[_Cluster] = []
        multi_by_last: dict[str, list[_Cluster]] = {}
        multi_by_first: dict[str, list[_Cluster]] = {}
        for c in clusters:
            if len(c.tokens) > 1:
                multi_by_last.setdefault(c.tokens[-1].lower(), []).append(c)
                multi_by_first.setdefault(c.tokens[0].lower(), []).append(c)
        for c in clusters:
            targets = multi_by_last.get(c.tokens[-1].lower(), [])
            if len(c.tokens) == 1 and not targets:
                # "Serena ... Serena Williams": a first name that starts one full name.
                targets = multi_by_first.get(c.tokens[0].lower(), [])
            if len(c.tokens) == 1 and len(targets) == 1:
                t = targets[0]
                for s, e in c.mentions:
                    t.mentions.append((s, e))
                for f in c.forms:
                    if f not in t.forms:
                        t.forms.append(f)
                for title in c.titles:
                    if title not in t.titles:
                        t.titles.append(title)
                t.affiliation = t.affiliation or c.affiliation
                t.gender = t.gender or c.gender
            else:
                merged.append(c)
        people: list[_Cluster] = []
        self._demoted = []
        for c in merged:
            c.mentions.sort()
            if c.gender is None:
                c.gender = self._forename_gender(c.tokens[0]) if len(c.tokens) > 1 else None
            if c.tokens[0] in NOT_ORGS:
                continue  # "MPs", "CEO": a role, not a name
            if (
                len(c.tokens) == 1
                and not c.titles
                and c.gender is None
                and not any(self._has_age(self._after_entity(doc, s)) for s, _ in c.mentions)
                and self._forename_gender(c.tokens[0]) is None
                and normalise_name(c.tokens[0]) not in self.forenames
            ):
                # A lone capitalised word the model calls a person, never with a first
                # name, honorific or title: in news, almost always a firm ("Yukos").
                c.type = "ORG"
                c.key = normalise_name(c.tokens[0])
                self._demoted.append(c)
                continue
            people.append(c)
        return people, person_tokens, title_tokens

    def _person_is_org(
        self,
        doc: Doc,
        toks: list[Token],
        org_words: set[str],
        ent_labels: dict[str, dict[str, int]],
    ) -> bool:
        """A PERSON label on a firm: a company word ("Barrick Gold", "Vivendi Universal"),
        a known organisation, the first word of another organisation's name, or a string
        the model labels ORG at least as often elsewhere in the article."""
        if not toks:
            return False
        if toks[-1].lower_ in ORG_SUFFIXES:
            return True
        if (
            len(toks) > 1
            and normalise_name(toks[0].text) not in self.forenames
            and toks[0].lower_ in self._surnames
        ):
            return True  # "Brandt Logistics" beside "Helga Brandt"
        text = normalise_name(self._text[toks[0].idx : toks[-1].idx + len(toks[-1].text)])
        if text in self.org_alias:
            return True
        if len(toks) == 1 and not self._has_honorific(toks[0]):
            if toks[0].lower_ in org_words:
                return True
            counts = ent_labels.get(text, {})
            if counts.get("ORG", 0) >= max(1, counts.get("PERSON", 0)):
                return True
        return False

    def _org_first_words(self, doc: Doc) -> set[str]:
        words = set()
        for ent in self._ents:
            if ent.label_ == "ORG" and len(ent) > 1:
                toks = [t for t in ent if t.lower_ not in DETERMINERS]
                if toks:
                    words.add(toks[0].lower_)
        return words

    def _has_honorific(self, tok: Token) -> bool:
        i = tok.i - 1
        return i >= 0 and (
            self._tokens[i].lower_ in self.honorifics or self._tokens[i].lower_ in self.titles
        )

    def _unlabelled_names(self, doc: Doc, is_blocked, country_tokens: set[int]):
        """Runs of proper nouns the model left unlabelled that start with a known forename
        ("Lt Col Eric Schnaible") or have an age apposition ("Okafor, 54,")."""
        if not self.male and not self.female:
            return []
        out = []
        n = len(doc)
        i = 0
        while i < n:
            t = self._tokens[i]
            if t.ent_type_ or t.pos_ != "PROPN" or not t.text[:1].isupper():
                i += 1
                continue
            j = i
            while (
                j < n
                and self._tokens[j].pos_ == "PROPN"
                and not self._tokens[j].ent_type_
                and self._tokens[j].text[:1].isupper()
            ):
                j += 1
            run = [self._tokens[k] for k in range(i, j)]
            while run and (
                run[0].lower_.rstrip(".") in self.honorifics
                or run[0].lower_ in self.titles
                or run[0].lower_.rstrip(".")
                in (
                    "lt",
                    "col",
                    "gen",
                    "sgt",
                    "capt",
                    "cpl",
                    "maj",
                    "adm",
                    "sen",
                    "rep",
                    "gov",
                    "pres",
                    "st",
                )
            ):
                run = run[1:]
            if (
                1 <= len(run) <= 3
                and not any(x.i in country_tokens for x in run)
                and not is_blocked(run[0].idx)
            ):
                first = normalise_name(run[0].text)
                # "Okafor, 54, told reporters": an age apposition makes a name of it.
                if (
                    len(run) >= 2
                    and (first in self.male or first in self.female)
                    or self._has_age(run[-1].i + 1)
                ):
                    out.append((doc[run[0].i : run[-1].i + 1], run, None))
            i = max(j, i + 1)
        return out

    def _name_tokens(self, ent: Span) -> list[Token]:
        toks = list(ent)
        # "stepson Sholto", "Williams 1-6,4-6": names are capitalised words.
        while toks and not toks[0].text[:1].isupper():
            toks = toks[1:]
        while toks and (not toks[-1].text[:1].isupper() or any(c.isdigit() for c in toks[-1].text)):
            toks = toks[:-1]
        while toks and (
            toks[0].lower_ in DETERMINERS
            or toks[0].lower_ in self.honorifics
            or toks[0].lower_ in self.titles
        ):
            toks = toks[1:]
        while toks and (
            toks[-1].tag_ == "POS" or toks[-1].is_punct or toks[-1].lower_ in ("'s", "’s")
        ):
            toks = toks[:-1]
        if toks and toks[-1].text.endswith(("'s", "’s")) and len(toks[-1].text) > 2:
            return toks  # kept; offsets trimmed by the caller through _trim_possessive
        return [t for t in toks if not t.is_space]

    def _after_entity(self, doc: Doc, start_char: int) -> int:
        """The token after the entity that starts at ``start_char``."""
        span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
        if span is None:
            return len(self._tokens)
        i = span[-1].i
        while i + 1 < len(self._tokens) and self._tokens[i + 1].ent_iob_ == "I":
            i += 1
        return i + 1

    def _has_age(self, i: int) -> bool:
        """An age apposition starts at token ``i``: "Okafor, 54, told reporters"."""
        toks = self._tokens
        if i + 2 >= len(toks):  # a name at the very end of the text
            return False
        age = toks[i + 1].text
        # isdecimal, not isdigit: int("²") raises.
        return (
            toks[i].text == ","
            and age.isdecimal()
            and len(age) <= 3
            and 1 <= int(age) < 120
            and toks[i + 2].text in (",", ")")
        )

    def _person_details(
        self, doc: Doc, ent: Span, toks: list[Token], c: _Cluster, title_tokens: set[int]
    ) -> None:
        # Honorific and title premodifiers: "Mr Brown", "Russian Deputy Defense Minister X".
        i = toks[0].i - 1
        run: list[Token] = []
        sent_start = ent.sent.start if doc.has_annotation("SENT_START") else 0
        while i >= sent_start:
            t = self._tokens[i]
            low = t.lower_
            if low in self.honorifics:
                g = self.honorifics[low]
                if g and c.gender is None:
                    c.gender = g
                i -= 1
                continue
            if (
                t.is_punct
                or t.is_space
                or low in DETERMINERS
                or t.pos_ in ("VERB", "AUX", "ADP", "PRON", "CCONJ", "NUM")
            ):
                break
            if not (t.text[:1].isupper() or low in self.titles or low in TITLE_MODIFIERS):
                break
            if t.ent_type_ == "PERSON":
                break
            run.insert(0, t)
            i -= 1
        if run:
            self._apply_title_run(doc, run, c, title_tokens)
        # "The mayor of Westbury, Jane Okafor, ...": the name is the title's apposition.
        root = toks[-1]
        head = root.head
        if (
            root.dep_ == "appos"
            and head.i < root.i
            and head.lower_ not in self.titles
            and head.dep_ == "pobj"
            and head.ent_type_ != "PERSON"
            and head.head.dep_ == "prep"
            and head.head.head.lower_ in self.titles
        ):
            # The parser often hangs the name on the title's object: "mayor of Westbury,
            # Jane Okafor" with Okafor an apposition of Westbury.
            head = head.head.head
        if root.dep_ == "appos" and head.i < root.i and head.lower_ in self.titles:
            self._apply_apposition(doc, head, c, title_tokens, before_name=True)
        # Apposition: "Jens Stoltenberg, NATO's secretary general, said".
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                self._apply_apposition(doc, child, c, title_tokens)

    def _apply_title_run(
        self, doc: Doc, run: list[Token], c: _Cluster, title_tokens: set[int]
    ) -> None:
        # Leading nationality or organisation names are the affiliation.
        k = 0
        while k < len(run):
            hit = lookup_country(self.country_index, run[k].text)
            if hit and hit[1] in ("name", "demonym"):
                c.affiliation = c.affiliation or self.countries[hit[0]]["name"]
                k += 1
                continue
            break
        rest = run[k:]
        if any(t.lower_ in self.titles for t in rest):
            # Drop leading words that are no part of the title (an organisation's name).
            j = 0
            while (
                j < len(rest)
                and rest[j].lower_ not in self.titles
                and rest[j].lower_ not in TITLE_MODIFIERS
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
            for t in rest[j:]:
                g = self.title_gender.get(t.lower_)
                if g and c.gender is None:
                    c.gender = g
            # Only the title's own words: "Sunday Telegraph" in "Sunday Telegraph journalist
            # Robert Peston" stays an organisation.
            title_tokens.update(t.i for t in rest[j:])

    def _apply_apposition(
        self, doc: Doc, head: Token, c: _Cluster, title_tokens: set[int], before_name: bool = False
    ) -> None:
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
                or all(x.text != "," for x in doc[head.i + 1 : t.i + 1])
            ]
        # Stop at the first comma after the head: "X, the minister, said ...".
        sub = [
            t
            for t in sub
            if t.i <= head.i
            or not any(
                self._tokens[j].text in (",", ";", "(", "—", "–")
                for j in range(head.i + 1, t.i + 1)
            )
        ]
        if not any(t.lower_ in self.titles for t in sub):
            return
        words: list[Token] = []
        for t in sub:
            if t.i > head.i:
                if (
                    t.dep_ == "prep"
                    and t.lower_ in ("of", "for", "at", "with")
                    and c.affiliation is None
                ):
                    # The object up to the first comma: not a name hanging off it
                    # ("mayor of Westbury, Jane Okafor,").
                    obj = list(
                        itertools.takewhile(
                            lambda x: x.text not in (",", ";", "(", "—", "–"),
                            (x for x in t.subtree if x.i > t.i),
                        )
                    )
                    if obj:
                        c.affiliation = _strip_the(" ".join(x.text for x in obj))
                    break
                words.append(t)
                continue
            if t.dep_ == "poss" or (t.head.dep_ == "poss" and t.i < head.i):
                if t.dep_ == "poss":
                    aff = [x for x in t.subtree if x.tag_ != "POS"]
                    name = " ".join(x.text for x in aff)
                    hit = lookup_country(self.country_index, name)
                    if c.affiliation is None:
                        c.affiliation = self.countries[hit[0]]["name"] if hit else _strip_the(name)
                continue
            if t.tag_ == "POS" or t.lower_ in DETERMINERS or t.is_punct:
                continue
            hit = lookup_country(self.country_index, t.text)
            if hit and hit[1] == "demonym" and not words:
                c.affiliation = c.affiliation or self.countries[hit[0]]["name"]
                continue
            words.append(t)
        title = " ".join(t.text for t in words).strip()
        if title and len(words) <= 6 and title not in c.titles:
            c.titles.append(title)
            for t in words:
                g = self.title_gender.get(t.lower_)
                if g and c.gender is None:
                    c.gender = g
        title_tokens.update(t.i for t in words)

    def _forename_gender(self, first: str) -> str | None:
        f = normalise_name(first)
        if f in self.male and f not in self.female:
            return "M"
        if f in self.female and f not in self.male:
            return "F"
        return None

    # ------------------------------------------------------------------ organisations
    def _orgs_and_others(
        self, doc: Doc, is_blocked, country_tokens, person_tokens, title_tokens, people
    ):
        text = self._text
        spans: list[tuple[int, int, str]] = []  # token start, end, label
        taken: set[int] = set()
        for _, s, e in self.org_matcher_exact(doc):
            spans.append((s, e, "ORG"))
        for _, s, e in self.org_matcher(doc):
            if self._tokens[s].text[:1].isupper() or (
                self._tokens[s].lower_ == "the"
                and e - s > 1
                and self._tokens[s + 1].text[:1].isupper()
            ):
                spans.append((s, e, "ORG"))
        for ent in self._ents:
            if ent.label_ in ("ORG", "NORP", "GPE", "LOC") and ent.start not in self._org_as_person:
                spans.append((ent.start, ent.end, ent.label_))
        for ent in self._person_as_org:
            spans.append((ent.start, ent.end, "ORG"))
        # Acronyms the model left unlabelled: "the RSPCA said".
        for tok in self._tokens:
            if (
                not tok.ent_type_
                and tok.pos_ == "PROPN"
                and tok.is_upper
                and 2 <= len(tok.text) <= 6
                and tok.text.isalpha()
                and tok.i not in country_tokens
                and lookup_country(self.country_index, tok.text) is None
            ):
                spans.append((tok.i, tok.i + 1, "ORG"))
        spans.extend(self._acronym_definitions())
        # Longest first, then earliest: gazetteer matches and entities never overlap.
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        chosen = []
        for s, e, label in spans:
            if any(i in taken for i in range(s, e)):
                continue
            toks = [t for t in doc[s:e]]
            if any(t.i in person_tokens for t in toks):
                continue
            if label in ("GPE", "NORP") and any(t.i in country_tokens for t in toks):
                continue
            if label == "ORG" and all(t.i in country_tokens or t.i in title_tokens for t in toks):
                continue
            if label == "ORG" and all(t.i in title_tokens for t in toks):
                continue
            blocked_at = [k for k, t in enumerate(toks) if is_blocked(t.idx)]
            if blocked_at:
                toks = toks[: blocked_at[0]]
            while toks and (toks[0].lower_ in DETERMINERS):
                toks = toks[1:]
            if label == "ORG":
                toks = _strip_generic_suffix(toks)
                # "Group of Eight (G8": stop at a bracket; "Mr Brown's Facility": drop the owner.
                cut = [k for k, t in enumerate(toks) if t.text in ("(", ")", "[", "]")]
                if cut:
                    toks = toks[: cut[0]] if cut[0] > 0 else toks[cut[0] + 1 :]
                poss = [
                    k for k, t in enumerate(toks) if t.tag_ == "POS" or t.lower_ in ("'s", "’s")
                ]
                if poss and poss[-1] < len(toks) - 1:
                    toks = toks[poss[-1] + 1 :]
                if (
                    not toks
                    or not any(t.text[:1].isupper() for t in toks)
                    or " ".join(t.text for t in toks) in NOT_ORGS
                ):
                    continue
            while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
                toks = toks[:-1]
            if not toks or is_blocked(toks[0].idx):
                continue
            taken.update(range(s, e))
            chosen.append((toks, label))
        chosen.sort(key=lambda x: x[0][0].i)

        org_clusters: dict[str, _Cluster] = {}
        other_clusters: dict[tuple[str, str], _Cluster] = {}
        acronyms: dict[str, str] = {}  # ACRONYM -> cluster key
        order: list[_Cluster] = []
        for c in self._demoted:
            key = self._org_key(c.forms[0] if c.forms else c.key, acronyms)
            c.key = key
            org_clusters[key] = c
            order.append(c)
        for toks, label in chosen:
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            form = text[s:e]
            s, e = _trim_possessive_chars(text, s, e)
            form = text[s:e]
            if label in ("ORG",):
                key = self._org_key(form, acronyms)
                c = org_clusters.get(key)
                if c is None:
                    c = org_clusters[key] = _Cluster("ORG", key)
                    order.append(c)
                c.add(s, e, form)
                for word in _descriptors(toks):
                    if word not in c.descriptors:
                        c.descriptors.append(word)
                # "Full Name (ACRONYM)" defines an acronym.
                nxt = toks[-1].i + 1
                if (
                    nxt + 2 < len(doc) + 1
                    and nxt + 1 < len(doc)
                    and self._tokens[nxt].text == "("
                    and self._tokens[nxt + 1].is_upper
                    and nxt + 2 < len(doc)
                    and self._tokens[nxt + 2].text == ")"
                ):
                    acronyms[self._tokens[nxt + 1].text] = key
                if len(toks) > 1:
                    acronyms.setdefault(_initials(form), key)
            else:
                typ = "NORP" if label == "NORP" else "LOC"
                key2 = (typ, normalise_name(form))
                c = other_clusters.get(key2)
                if c is None:
                    c = other_clusters[key2] = _Cluster(typ, key2[1])
                    order.append(c)
                c.add(s, e, form)
        # Late acronym merges: "NATO ... the North Atlantic Treaty Organization".
        final: list[_Cluster] = []
        for c in order:
            if c.type == "ORG":
                target = acronyms.get(c.key.upper())
                if target and target != c.key and target in org_clusters:
                    t = org_clusters[target]
                    t.mentions.extend(c.mentions)
                    t.forms.extend(f for f in c.forms if f not in t.forms)
                    continue
            final.append(c)
        # "the Commission" after "the European Commission": a lone capitalised word that
        # ends exactly one longer organisation name joins it.
        # Likewise a lone word that starts exactly one longer name ("Vivendi" for
        # "Vivendi Universal").
        ends: dict[str, list[_Cluster]] = {}
        for c in final:
            if c.type == "ORG":
                for f in c.forms:
                    words = _alias(f).split()
                    if len(words) > 1:
                        for w in {words[-1].lower(), words[0].lower()}:
                            if w not in ORG_STOPWORDS and c not in ends.get(w, []):
                                ends.setdefault(w, []).append(c)
        kept: list[_Cluster] = []
        for c in final:
            words = [_alias(f) for f in c.forms]
            single = c.type == "ORG" and all(len(w.split()) == 1 for w in words)
            targets = ends.get(c.key, []) if single else []
            if len(targets) == 1 and targets[0] is not c and c.key not in self.org_alias:
                t = targets[0]
                t.mentions.extend(c.mentions)
                t.forms.extend(f for f in c.forms if f not in t.forms)
                continue
            kept.append(c)
        final = kept
        orgs = [c for c in final if c.type == "ORG"]
        others = [c for c in final if c.type != "ORG"]
        return orgs, others

    def _acronym_definitions(self) -> list[tuple[int, int, str]]:
        """``(start, end, "ORG")`` for "Full Name (ACRONYM)" where the capitalised words
        just before the bracket spell the acronym: "The Norland Dairy Cooperative (NDC)",
        a name the model may have missed or cut."""
        toks = self._tokens
        out = []
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
                if t.is_alpha and t.text[:1].isupper() and t.lower_ not in ORG_STOPWORDS:
                    letters.append(t.text[0])
                    start = j
                elif not (letters and t.lower_ in ORG_STOPWORDS):
                    break
                j -= 1
            if start is not None and "".join(reversed(letters)) == acronym:
                out.append((start, k, "ORG"))
        return out

    def _org_key(self, form: str, acronyms: dict[str, str]) -> str:
        norm = normalise_name(form)
        canonical = self.org_alias.get(norm)
        if canonical is not None:
            return normalise_name(canonical)
        if form.isupper() and form in acronyms:
            return acronyms[form]
        return norm

    # ------------------------------------------------------------------ output
    def _write(self, doc: Doc, clusters: list[_Cluster]) -> None:
        clusters = [c for c in clusters if c.mentions]
        clusters.sort(key=lambda c: min(c.mentions))
        records = []
        spans = []
        for n, c in enumerate(clusters):
            eid = f"e{n}"
            c.mentions.sort()
            rec = {
                "id": eid,
                "type": c.type,
                "name": self._name(c),
                "aliases": _unique(_alias(f) for f in c.forms),
                "mentions": [[s, e] for s, e in _dedupe(c.mentions)],
                "titles": c.titles,
                "affiliation": c.affiliation,
                "iso": c.iso,
                "gender": c.gender,
                "descriptors": c.descriptors,
            }
            records.append(rec)
            for s, e in rec["mentions"]:
                span = char_span(doc, s, e, label=c.type, kb_id=eid)
                if span is not None:
                    spans.append(span)
        doc._.quotekit_entities = records
        doc.spans[self.spans_key] = spans

    def _name(self, c: _Cluster) -> str:
        if c.type == "COUNTRY":
            return self.countries[c.iso]["name"]
        if c.type == "PERSON":
            return " ".join(c.tokens)
        forms = [_alias(f) for f in c.forms]
        # A sentence's full stop can stick to an abbreviation ("... from Acme Corp."):
        # a form without it wins a tie.
        best = max(
            forms,
            key=lambda f: (
                len(f.split()),
                len(f.rstrip(".")),
                not f.isupper(),
                not f.endswith("."),
            ),
        )
        if c.type == "ORG" and not any(f.replace(".", "").isupper() for f in forms):
            # "the Tories", "the Lib Dems": a known organisation goes by its full name when
            # the article only uses a short form that is not an acronym.
            canonical = self.org_alias.get(normalise_name(best))
            if canonical and len(canonical) > len(best):
                return canonical
        return best


# ---------------------------------------------------------------------- helpers
#: Words that make a country name part of a region's name.
REGION_PREFIXES = {
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "North",
    "South",
    "East",
    "West",
    "New",
    "Central",
    "Upper",
    "Lower",
    "Greater",
}
#: Words that make an organisation part of a state ("the Russian Foreign Ministry").
STATE_WORDS = {
    "ministry",
    "government",
    "embassy",
    "army",
    "navy",
    "military",
    "police",
    "parliament",
    "foreign",
    "defence",
    "defense",
    "central",
    "state",
    "federal",
    "national",
    "interior",
    "treasury",
    "cabinet",
    "senate",
    "congress",
    "armed",
    "forces",
    "air",
    "force",
    "intelligence",
    "security",
    "council",
    "presidency",
    "consulate",
    "mission",
    "delegation",
    "administration",
    "office",
    "department",
    "court",
    "prosecutor",
    "prosecutors",
    "authorities",
    "officials",
}
#: Entity labels inside which a country name is part of another name.
NOT_COUNTRY_LABELS = {"PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"}
#: Last words that make a name a firm's: "Barrick Gold", "Vivendi Universal".
ORG_SUFFIXES = {
    "group",
    "holdings",
    "bank",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "corporation",
    "company",
    "co",
    "co.",
    "plc",
    "llc",
    "estate",
    "estates",
    "wines",
    "energy",
    "oil",
    "gas",
    "airlines",
    "airways",
    "motors",
    "capital",
    "partners",
    "international",
    "universal",
    "gold",
    "mining",
    "telecom",
    "systems",
    "technologies",
    "pharmaceuticals",
    "insurance",
    "foundation",
    "institute",
    "university",
    "college",
    "council",
    "committee",
    "association",
    "union",
    "party",
    "agency",
    "ministry",
    "department",
    "office",
    "commission",
    "authority",
    "fund",
    "trust",
    "society",
    "federation",
    "league",
    "club",
    "united",
    "fc",
    "logistics",
    "industries",
    "services",
    "solutions",
    "media",
    "entertainment",
    "foods",
    "electronics",
    "software",
    "shipping",
    "construction",
    "properties",
    "ventures",
    "labs",
    "networks",
    "communications",
    "semiconductors",
    "automotive",
    "pharma",
    "airline",
    "brewing",
    "brewery",
    "retail",
    "stores",
    "investments",
    "securities",
    "finance",
    "financial",
    "consulting",
    "resources",
    "petroleum",
    "steel",
    "chemicals",
    "cooperative",
    "co-operative",
    "plc.",
}
#: Upper-case words the model tags ORG that name no organisation.
NOT_ORGS = {
    "GMT",
    "BST",
    "EST",
    "HIV",
    "AIDS",
    "IT",
    "MP",
    "MPs",
    "MEP",
    "MEPs",
    "CEO",
    "GDP",
    "TV",
    "PC",
    "DNA",
    "UN-",
    "OK",
    "PM",
    "AM",
    "VAT",
    "NHS-",
    "CV",
    "ID",
    "PR",
    "FM",
    "DVD",
    "CD",
    "SMS",
    "USB",
    "IPO",
    "Cabinet",
    "Budget",
}
#: Trailing words that describe a news organisation rather than name it.
GENERIC_SUFFIXES = (
    ("news", "agency"),
    ("news", "service"),
    ("newspaper",),
    ("daily",),
    ("news", "website"),
    ("agency",),
    ("website",),
    ("broadcaster",),
)


def _strip_generic_suffix(toks: list[Token]) -> list[Token]:
    words = [t.lower_ for t in toks]
    for suffix in GENERIC_SUFFIXES:
        n = len(suffix)
        if len(words) > n and tuple(words[-n:]) == suffix and toks[-n].text.islower():
            return toks[:-n]
    return toks


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


def _is_abbrev(key: str) -> bool:
    return key.replace(".", "").isupper()


def _acts(span: Span) -> bool:
    """A capital or seat stands for its government when it acts: subject or possessor."""
    root = span.root
    dep = root.dep_
    if dep == "conj":
        dep = root.head.dep_
    if dep in ACTING_DEPS:
        # "MOSCOW (Reuters) -" datelines are parsed as subjects: skip upper-case lead words.
        return not (span.text.isupper() and len(span.text) > 3)
    return dep == "pobj" and root.head.lower_ == "by"


def _trim_possessive(span: Span, text: str) -> tuple[int, int]:
    toks = list(span)
    while len(toks) > 1 and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks = toks[:-1]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return _trim_possessive_chars(text, start, end)


def _trim_possessive_chars(text: str, start: int, end: int) -> tuple[int, int]:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix, start, end) and end - start > len(suffix):
            return start, end - len(suffix)
    if end - start > 1 and text[end - 1] in "'’" and text[end - 2] == "s":
        return start, end - 1
    if text.startswith(("the ", "The "), start, end) and end - start > 4:
        return start + 4, end
    return start, end


def _strip_the(form: str) -> str:
    form = " ".join(form.split())
    if form[:4].lower() == "the " and len(form) > 4:
        return form[4:]
    return form


def _alias(form: str) -> str:
    form = _strip_the(form)
    for suffix in ("'s", "’s"):
        if form.endswith(suffix) and len(form) > 2:
            return form[: -len(suffix)]
    return form


def _initials(form: str) -> str:
    return "".join(
        w[0]
        for w in form.replace("-", " ").split()
        if w.lower() not in ORG_STOPWORDS and w[:1].isupper()
    )


def _first_compatible(a: str, b: str) -> bool:
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _dedupe(mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted mentions, without one that lies inside another of the same entity."""
    out: list[tuple[int, int]] = []
    for m in sorted(set(mentions), key=lambda x: (x[0], -x[1])):
        if out and out[-1][0] <= m[0] and m[1] <= out[-1][1]:
            continue
        out.append(m)
    return out


@Language.factory(
    "quotekit_entities",
    assigns=["doc._.quotekit_entities", "doc.spans"],
    requires=["doc.ents", "token.dep", "token.pos"],
    default_config={
        "spans_key": SPAN_KEYS["entities"],
        "countries": {"@misc": "quotekit.countries.v1"},
        "organisations": {"@misc": "quotekit.international_organisations.v1"},
        "news_organisations": {"@misc": "quotekit.news_organisations.v1"},
        "titles": {"@misc": "quotekit.titles.v1"},
        "forenames": {"@misc": "quotekit.forenames.v1"},
    },
)
def make_entities(
    nlp: Language,
    name: str,
    spans_key: str,
    countries: list[dict[str, Any]],
    organisations: list[dict[str, Any]],
    news_organisations: list[dict[str, Any]],
    titles: dict[str, Any],
    forenames: dict[str, list[str]],
) -> EntityResolver:
    return EntityResolver(
        nlp,
        name,
        spans_key,
        countries,
        list(organisations) + list(news_organisations),
        titles,
        forenames,
    )
