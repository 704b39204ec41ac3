"""The people pass: one entity per person, from the model's PERSON entities, from proper
nouns it left unlabelled, and from ORG entities that are people's names.

A PERSON entity that names a firm ("Barrick Gold") goes to the organisations instead,
and so does a lone word never seen with a first name, honorific or title ("Yukos").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...text import normalise_name
from .clusters import Cluster, PersonClusters, merge_forward_references
from .evidence import is_place, not_a_name, org_evidence, person_evidence, speaks
from .forms import POSSESSIVES
from .titles import person_details
from .work import DocWork

#: Entity labels the model gives a known person's name by mistake.
PERSON_LIKE_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Parts of speech the tagger gives a known surname by mistake ("Lopez issues a statement").
MISREAD_NAME_POS = frozenset({"ADJ", "NOUN", "VERB", "X"})

#: Entity labels a person's name may carry when the model is wrong about it.
_NAME_LIKE_LABELS = frozenset({"ORG", "GPE", "LOC"})

#: A name to place: (the entity or run, its name tokens, an affiliation from a credit).
Pending = tuple[Span, list[Token], str | None]


@dataclass
class People:
    """What the people pass found, and what it hands to the organisations pass."""

    people: list[Cluster]
    person_tokens: set[int]  # tokens of people's mentions
    title_tokens: set[int]  # tokens of their titles
    person_as_org: list[Span] = field(default_factory=list)  # PERSON entities naming a firm
    org_as_person: set[int] = field(default_factory=set)  # starts of ORG entities naming people
    demoted: list[Cluster] = field(default_factory=list)  # lone "persons" that are firms


def find_people(work: DocWork, country_tokens: set[int]) -> People:
    """The people of the document.

    work (DocWork): the document.
    country_tokens (set[int]): tokens of country mentions (no part of a name).
    RETURNS (People): the people and what the organisations pass needs.
    """
    return _PeoplePass(work, country_tokens).run()


class _PeoplePass:
    """The people of one document (made per call, like its :class:`DocWork`)."""

    def __init__(self, work: DocWork, country_tokens: set[int]):
        self.work = work
        self.words = work.words
        self.country_tokens = country_tokens
        self.found = People([], set(), set())
        self.persons = PersonClusters()
        self.evidenced: set[int] = set()  # starts of names with a person's apposition
        self.surnames = {
            e[-1].lower_
            for e in work.ents
            if e.label_ == "PERSON" and len(e) > 1 and work.is_forename(e[0].text)
        }

    def run(self) -> People:
        pending = self._labelled_people()
        pending.extend(self._unlabelled_names())
        pending.extend(self._orgs_named_like_people())
        pending.sort(key=lambda p: p[1][0].i)
        for ent, toks, affiliation in pending:
            self._place(ent, toks, affiliation)
        self._mislabelled_mentions()
        self._settle(merge_forward_references(self.persons.clusters))
        return self.found

    # ------------------------------------------------------------------ candidates
    def _labelled_people(self) -> list[Pending]:
        """The model's PERSON entities that name a person (a firm's go to the orgs)."""
        work = self.work
        org_words = self._org_first_words()
        ent_labels: dict[str, dict[str, int]] = {}
        for ent in work.ents:
            counts = ent_labels.setdefault(normalise_name(ent.text), {})
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
        pending: list[Pending] = []
        for ent in work.ents:
            if ent.label_ != "PERSON" or work.is_blocked(ent.start_char):
                continue
            toks = self._name_tokens(ent)
            known = bool(toks) and normalise_name(work.written(toks)) in work.lex.org_alias
            if toks and (not_a_name(work, toks, known) or is_place(work, toks)):
                continue  # "Freezing temperatures", "the Davis Cup", "at Westbury"
            if self._person_is_org(toks, org_words, ent_labels):
                # "Contrack" tagged PERSON once, "Contrack International" elsewhere: a firm.
                self.found.person_as_org.append(ent)
                continue
            # Photo credits: "Agencja Gazeta/Jan Rusek" is an agency and a photographer.
            slash = [t.i for t in toks if t.text == "/"]
            affiliation = None
            if slash:
                affiliation = work.doc[toks[0].i : slash[-1]].text
                toks = [t for t in toks if t.i > slash[-1]]
            if not toks or all(t.i in self.country_tokens for t in toks):
                continue
            if person_evidence(work, toks):
                self.evidenced.add(toks[0].idx)
            pending.append((ent, toks, affiliation))
        return pending

    def _orgs_named_like_people(self) -> list[Pending]:
        """ "Viktor Pinchuk" tagged ORG: a known forename (or an age apposition) and no
        company word make a person."""
        work = self.work
        pending: list[Pending] = []
        for ent in work.ents:
            if ent.label_ not in _NAME_LIKE_LABELS or work.is_blocked(ent.start_char):
                continue
            toks = [t for t in ent if not (t.lower_ in self.words.determiners or t.tag_ == "POS")]
            toks = self._with_untagged_surname(toks)
            if toks and toks[-1].i >= ent.end:
                ent = work.doc[ent.start : toks[-1].i + 1]
            if ent.label_ != "ORG" and (
                len(toks) < 2
                and not (toks and work.is_forename(toks[0].text) and speaks(toks[0]))
                or any(t.i in self.country_tokens for t in toks)
            ):
                continue  # a place stays a place unless a forename starts it or speaks
            if (
                1 <= len(toks) <= 3
                and all(t.text[:1].isupper() and t.is_alpha for t in toks)
                and (
                    len(toks) >= 2
                    and work.is_forename(toks[0].text)
                    and work.written(toks) not in work.lex.places
                    or work.has_age(ent.end)
                    or person_evidence(work, toks)
                    or ent.label_ != "ORG"
                    and len(toks) == 1  # a first name that speaks (checked above)
                )
                and toks[-1].lower_ not in self.words.org_suffixes
                and normalise_name(ent.text) not in work.lex.org_alias
                and not org_evidence(work, toks)
                and not not_a_name(work, toks, False)
            ):
                if person_evidence(work, toks):
                    self.evidenced.add(toks[0].idx)
                pending.append((ent, toks, None))
                self.found.org_as_person.add(ent.start)
        return pending

    def _with_untagged_surname(self, toks: list[Token]) -> list[Token]:
        """A lone first name the model labelled, and the capitalised word after it that it
        left out: "Lucie" (ORG) "Okafor" (no label) is one name."""
        work = self.work
        if len(toks) != 1 or not work.is_forename(toks[0].text):
            return toks
        i = toks[0].i + 1
        if i < len(work.tokens):
            nxt = work.tokens[i]
            if (
                not nxt.ent_type_
                and nxt.pos_ == "PROPN"
                and nxt.text[:1].isupper()
                and nxt.is_alpha
                and nxt.i not in self.country_tokens
            ):
                return [toks[0], nxt]
        return toks

    def _unlabelled_names(self) -> list[Pending]:
        """Runs of proper nouns the model left unlabelled that start with a known forename
        ("Lt Col Eric Schnaible") or have an age apposition ("Okafor, 54,")."""
        work = self.work
        lex = work.lex
        if not lex.male and not lex.female:
            return []
        out: list[Pending] = []
        toks = work.tokens
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            if t.ent_type_ or t.pos_ != "PROPN" or not t.text[:1].isupper():
                i += 1
                continue
            j = i
            while (
                j < n
                and toks[j].pos_ == "PROPN"
                and not toks[j].ent_type_
                and toks[j].text[:1].isupper()
            ):
                j += 1
            whole = [toks[k] for k in range(i, j)]
            run = self._without_leading_titles(whole)
            honoured = bool(run) and len(run) < len(whole) and work.has_honorific(run[0])
            if self._is_unlabelled_name(run) or (honoured and self._is_honoured_name(run)):
                out.append((work.doc[run[0].i : run[-1].i + 1], run, None))
            i = max(j, i + 1)
        return out

    def _without_leading_titles(self, run: list[Token]) -> list[Token]:
        """``run`` without its leading honorifics, titles and ranks ("Lt Col", "Sen.")."""
        lex = self.work.lex
        while run and (
            run[0].lower_.rstrip(".") in lex.honorifics
            or run[0].lower_ in lex.titles
            or run[0].lower_.rstrip(".") in self.words.rank_abbreviations
        ):
            run = run[1:]
        return run

    def _is_honoured_name(self, run: list[Token]) -> bool:
        """A name after an honorific the model left unlabelled: "Lord Okafor said"."""
        work = self.work
        return (
            1 <= len(run) <= 3
            and self._honours(work.tokens[run[0].i - 1].lower_)
            and not any(x.i in self.country_tokens for x in run)
            and not work.is_blocked(run[0].idx)
            and all(t.is_alpha for t in run)
        )

    def _peer_name(self, c: Cluster) -> None:
        """A peer known only by a surname goes by the peerage: "Baroness Okafor", "Lord
        Okafor" (the name news uses, and the name without the title is someone else's)."""
        if len(c.tokens) != 1:
            return
        work = self.work
        for s, _ in c.mentions:
            span = work.doc.char_span(s, s + 1, alignment_mode="expand")
            i = span.start if span is not None else 0
            if i > 0 and work.tokens[i - 1].lower_ in self.words.peerages:
                title = work.tokens[i - 1].text
                c.tokens = [title, c.tokens[0]]
                c.forms.append(f"{title} {work.tokens[i].text}")
                return

    def _honoured_at(self, start_char: int) -> bool:
        """Whether an honorific or a gendered title stands before the mention at
        ``start_char`` ("Baroness Okafor")."""
        span = self.work.doc.char_span(start_char, start_char + 1, alignment_mode="expand")
        i = span.start if span is not None else 0
        return i > 0 and self._honours(self.work.tokens[i - 1].lower_)

    def _honours(self, word: str) -> bool:
        """An honorific ("Mr", "Lord") or a gendered title ("Baroness", "Earl")."""
        lex = self.work.lex
        return word.rstrip(".") in lex.honorifics or lex.title_gender.get(word) is not None

    def _is_unlabelled_name(self, run: list[Token]) -> bool:
        work = self.work
        if not (
            1 <= len(run) <= 3
            and not any(x.i in self.country_tokens for x in run)
            and not work.is_blocked(run[0].idx)
        ):
            return False
        if not_a_name(work, run, False):
            return False  # "the Davis Cup final"
        first = normalise_name(run[0].text)
        # "Okafor, 54, told reporters": an age apposition makes a name of it.
        return (
            len(run) >= 2
            and (first in work.lex.male or first in work.lex.female)
            or work.has_age(run[-1].i + 1)
        )

    def _name_tokens(self, ent: Span) -> list[Token]:
        """The tokens of a PERSON entity that make the name."""
        lex = self.work.lex
        toks = list(ent)
        # "stepson Sholto", "Williams 1-6,4-6": names are capitalised words.
        while toks and not toks[0].text[:1].isupper():
            toks = toks[1:]
        while toks and (not toks[-1].text[:1].isupper() or any(c.isdigit() for c in toks[-1].text)):
            toks = toks[:-1]
        while toks and (
            toks[0].lower_ in self.words.determiners
            or toks[0].lower_ in lex.honorifics
            or toks[0].lower_ in lex.titles
        ):
            toks = toks[1:]
        while toks and (
            toks[-1].tag_ == "POS" or toks[-1].is_punct or toks[-1].lower_ in POSSESSIVES
        ):
            toks = toks[:-1]
        # "Tory Liam Fox", "Songwriter Jane Okafor": a word before a first name and a
        # surname is a description, not part of the name.
        while (
            len(toks) > 2
            and not self.work.is_forename(toks[0].text)
            and self.work.is_forename(toks[1].text)
            and "-" not in toks[0].text
        ):
            toks = toks[1:]
        if toks and toks[-1].text.endswith(POSSESSIVES) and len(toks[-1].text) > 2:
            return toks  # kept; offsets trimmed by the caller through trim_possessive
        return [t for t in toks if not t.is_space]

    def _person_is_org(
        self, toks: list[Token], org_words: set[str], ent_labels: dict[str, dict[str, int]]
    ) -> bool:
        """A PERSON label on a firm: a company word ("Barrick Gold", "Vivendi Universal"),
        a known organisation, the first word of another organisation's name, or a string
        the model labels ORG at least as often elsewhere in the article."""
        work = self.work
        if not toks:
            return False
        if toks[-1].lower_ in self.words.org_suffixes:
            return True
        if org_evidence(work, toks) and not work.has_honorific(toks[0]):
            return True  # "wine maker Robert Okafor", "Okafor Brothers' shares"
        if len(toks) > 1 and not work.is_forename(toks[0].text) and toks[0].lower_ in self.surnames:
            return True  # "Brandt Logistics" beside "Helga Brandt"
        text = normalise_name(work.written(toks))
        if text in work.lex.org_alias:
            return True
        if len(toks) == 1 and not work.has_honorific(toks[0]):
            if toks[0].lower_ in org_words:
                return True
            counts = ent_labels.get(text, {})
            if counts.get("ORG", 0) >= max(1, counts.get("PERSON", 0)):
                return True
        return False

    def _org_first_words(self) -> set[str]:
        """The first words of the model's organisation names of two words or more."""
        words = set()
        for ent in self.work.ents:
            if ent.label_ == "ORG" and len(ent) > 1:
                toks = [t for t in ent if t.lower_ not in self.words.determiners]
                if toks:
                    words.add(toks[0].lower_)
        return words

    # ------------------------------------------------------------------ clusters
    def _place(self, ent: Span, toks: list[Token], affiliation: str | None) -> None:
        """Add a name's mention to its person, with titles and affiliation around it."""
        work = self.work
        # Words as written: "Claude Veron-Reville" is two words, not four tokens.
        c = self.persons.attach(work.written(toks).split())
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        c.add(s, e, " ".join(work.text[s:e].split()))
        c.affiliation = c.affiliation or affiliation
        self.found.person_tokens.update(t.i for t in toks)
        person_details(work, ent, toks, c, self.found.title_tokens)

    def _mislabelled_mentions(self) -> None:
        """An ORG/GPE/... entity, or a bare proper noun, that is a known person's surname
        or full name joins that person."""
        work = self.work
        known = self.persons.known_names()
        ent_tokens = {i for e in work.ents for i in range(e.start, e.end)}
        extra: list[tuple[int, int, str, Cluster, list[int]]] = []
        for ent in work.ents:
            if ent.label_ in PERSON_LIKE_LABELS and not work.is_blocked(ent.start_char):
                toks = [
                    t for t in ent if not (t.lower_ in self.words.determiners or t.tag_ == "POS")
                ]
                if not toks:
                    continue
                s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                c = known.get(" ".join(work.text[s:e].split()).lower())
                if c is not None and not any(t.i in self.country_tokens for t in toks):
                    extra.append((s, e, work.text[s:e], c, [t.i for t in ent]))
        # words the text also writes in lower case are words, not names ("Young people")
        lower = {t.text for t in work.tokens if t.text.islower()}
        for tok in work.tokens:
            if (
                tok.i not in ent_tokens
                and (
                    tok.pos_ == "PROPN"
                    # "Lopez issues a statement": a known surname the tagger misread
                    or (tok.pos_ in MISREAD_NAME_POS and tok.lower_ not in lower)
                )
                and tok.text[:1].isupper()
                and tok.i not in self.country_tokens
                and not work.is_blocked(tok.idx)
            ):
                c = known.get(tok.lower_)
                if c is not None and len(c.tokens) > 1:
                    extra.append((tok.idx, tok.idx + len(tok.text), tok.text, c, [tok.i]))
        for s, e, form, c, idx in extra:
            c.add(s, e, form)
            self.found.person_tokens.update(idx)

    def _settle(self, merged: list[Cluster]) -> None:
        """Keep the people; a role ("MPs") goes, a lone firm-like word is demoted to ORG."""
        work = self.work
        for c in merged:
            c.mentions.sort()
            if c.gender is None:
                c.gender = work.forename_gender(c.tokens[0]) if len(c.tokens) > 1 else None
            if c.tokens[0] in self.words.not_organisations:
                continue  # "MPs", "CEO": a role, not a name
            self._peer_name(c)
            if self._is_lone_firm(c):
                # A lone capitalised word the model calls a person, never with a first
                # name, honorific or title: in news, almost always a firm ("Yukos").
                c.type = "ORG"
                c.key = normalise_name(c.tokens[0])
                self.found.demoted.append(c)
                continue
            self.found.people.append(c)

    def _is_lone_firm(self, c: Cluster) -> bool:
        work = self.work
        return (
            len(c.tokens) == 1
            and not c.titles
            and not any(s in self.evidenced or self._honoured_at(s) for s, _ in c.mentions)
            and c.gender is None
            and not any(work.has_age(work.after_entity(s)) for s, _ in c.mentions)
            and work.forename_gender(c.tokens[0]) is None
            and not work.is_forename(c.tokens[0])
        )
