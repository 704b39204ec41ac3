"""Resolution: a speaker mention -> an entity id.

A named mention resolves to its entity; a pronoun to the nearest agreeing person
(gender from honorifics, titles and forenames; "it"/"they" to organisations); a
description ("the minister", "the company", "his report") to the nearest entity holding
that title or of that kind, or to the document's author. A named speaker the model did
not tag becomes a new entity.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from spacy.tokens import Span, Token

from ...text import normalise_name
from .index import SUBJECT_DEPS, CandidateIndex

#: How many paragraphs back a pronoun or a description looks for its referent.
MAX_BACK_PARAGRAPHS = 3
#: Entity types a speaker mention resolves to.
SPEAKER_TYPES = ("PERSON", "ORG")

Agrees = Callable[[dict[str, Any]], bool]


class Resolver:
    """Resolve speaker mentions of one document.

    index (CandidateIndex): the document's tables.
    results (list[dict]): the attributions made so far (the caller appends to it); the
        last speaker stands for a document with no author ("the statement said").
    """

    def __init__(self, index: CandidateIndex, results: list[dict[str, Any]]):
        self.index = index
        self.words = index.words
        self.results = results
        self._resolving = False

    def _is_speaker(self, eid: str | None) -> bool:
        return eid is not None and self.index.entities[eid]["type"] in SPEAKER_TYPES

    # ------------------------------------------------------------------ mentions
    def resolve(self, mention: tuple[int, int]) -> str | None:
        """The entity id the mention ``(start, end)`` stands for, or None."""
        idx, words = self.index, self.words
        span = idx.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span.root
        eid = idx.tok_ent[root.i]
        if eid is not None and idx.entities[eid]["type"] in ("PERSON", "ORG", "COUNTRY"):
            return eid
        if root.pos_ == "PROPN":
            eid = self._named(span)
            if eid is not None:
                return eid
        # "The Dutch company, Waterlijn Holdings, said": the apposition names it.
        for child in root.children:
            if child.dep_ == "appos" and self._is_speaker(idx.tok_ent[child.i]):
                return idx.tok_ent[child.i]
        low = root.lower_
        if root.pos_ == "PRON" or low in words.pronoun_gender or low in words.organisation_pronouns:
            return self.resolve_pronoun(low, span.start)
        if low in words.document_nouns:
            return self._document_author(root, span.start)
        if low in words.organisation_nouns:
            return self._described_organisation(low, span.start)
        if root.tag_ == "NNS":
            eid = self._named_group(root)
            if eid is not None:
                return eid
        if root.pos_ == "NOUN" and any(
            t.dep_ == "det" and t.lower_ == "the" for t in root.children
        ):
            return self._title_holder(root, span)
        return None

    def _named(self, span: Span) -> str | None:
        """A name: an entity among its tokens (not a possessor), else one of that name."""
        idx = self.index
        for tok in span:
            if tok.dep_ != "poss" and self._is_speaker(idx.tok_ent[tok.i]):
                return idx.tok_ent[tok.i]
        return idx.by_alias.get(normalise_name(span.text))

    def _named_group(self, root: Token) -> str | None:
        """'G7 ministers said': a group speaking for the organisation that names it."""
        idx = self.index
        for child in root.children:
            eid = idx.tok_ent[child.i]
            if child.dep_ == "compound" and eid is not None and idx.entities[eid]["type"] == "ORG":
                return eid
        return None

    def _document_author(self, root: Token, start: int) -> str | None:
        """'The book, by journalist Robert Peston, said', 'his report said', 'Mr Kok's report
        noted', 'the Kok report said': the author; else the last speaker."""
        idx, words = self.index, self.words
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in words.author_prepositions:
                for obj in child.children:
                    if obj.dep_ == "pobj" and self._is_speaker(idx.tok_ent[obj.i]):
                        return idx.tok_ent[obj.i]
        for child in root.children:
            if child.dep_ in ("poss", "compound") and child.i < root.i:
                eid = idx.tok_ent[child.i]
                if eid is None and child.dep_ == "poss":
                    # "Acme Corp's statement", the possessor not tagged as an entity
                    # here: a name the article uses elsewhere.
                    eid = idx.by_alias.get(
                        normalise_name(" ".join(t.text for t in child.subtree if t.tag_ != "POS"))
                    )
                if self._is_speaker(eid):
                    return eid
                low = child.lower_
                if low in words.pronoun_gender or low in words.possessive_pronouns:
                    return self.resolve_pronoun(words.possessive_pronouns.get(low, low), start)
        return self.last_speaker(start)

    def _described_organisation(self, low: str, start: int) -> str | None:
        """'The watchdog said' after 'stock market regulator AMF': the organisation
        described by the same kind of noun, else the nearest one in subject position."""
        kinds = self.words.organisation_kinds.get(low, frozenset({low}))
        described = self.nearest(
            start, lambda e: e["type"] == "ORG" and bool(kinds & set(e.get("descriptors", ())))
        )
        if described is not None:
            return described
        return self.nearest(start, lambda e: e["type"] == "ORG", prefer_subject=True)

    def _title_holder(self, root: Token, span: Span) -> str | None:
        """'The minister said': the nearest person holding the title."""
        low = root.lower_
        qualifiers = self.words.title_qualifiers
        titles_match = [
            t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ != "det"
        ]

        def has_title(e: dict[str, Any]) -> bool:
            if e["type"] != "PERSON":
                return False
            for title in e.get("titles", ()):
                words = title.lower().split()
                if (
                    low in words
                    and all(w in words for w in titles_match)
                    and not (qualifiers & (set(words) - set(titles_match)))
                ):
                    return True
            return False

        found = self.nearest(span.start, has_title)
        if found is None and (
            low in self.words.person_titles or (root.tag_ == "NN" and not self._resolving)
        ):
            # "Tony Blair has dismissed reports … the prime minister told the BBC":
            # nobody holds the title in the text, so the nearest person in subject
            # position who has no other title; so for a speaker described by any
            # singular noun ("Mara Vos won … the Lagos player said"), though not for
            # the subjects a pronoun's search passes on its way back.
            found = self.nearest(
                span.start,
                lambda e: e["type"] == "PERSON" and not e.get("titles"),
                prefer_subject=True,
                subjects_only=True,
            )
        return found

    def last_speaker(self, before_tok: int) -> str | None:
        """The speaker of the latest quote attributed before ``before_tok``."""
        best = None
        for r in self.results:
            tok = r.get("cue_tok")
            if r.get("speaker") and tok is not None and tok < before_tok:
                best = r["speaker"]
        return best

    def resolve_pronoun(self, low: str, before_tok: int) -> str | None:
        """The referent of pronoun ``low`` before token ``before_tok``."""
        words = self.words
        if low in words.pronoun_gender:
            g = words.pronoun_gender[low]
            return self.nearest(
                before_tok,
                lambda e: e["type"] == "PERSON" and e.get("gender") in (g, None),
                prefer_subject=True,
                pronoun=low,
            )
        mode = words.organisation_pronouns.get(low)
        if mode is None:
            return None
        # "subject": only an organisation that was itself the subject: "Students from
        # Kestrel College marched … they said" is about the students.
        return self.nearest(
            before_tok,
            lambda e: e["type"] == "ORG",
            prefer_subject=True,
            subjects_only=mode == "subject",
        )

    # ------------------------------------------------------------------ nearest
    def nearest(
        self,
        before_tok: int,
        ok: Agrees,
        prefer_subject: bool = False,
        pronoun: str | None = None,
        subjects_only: bool = False,
    ) -> str | None:
        """The entity of the nearest agreeing mention before ``before_tok`` (outside quotes).

        With ``prefer_subject``, sentence by sentence backwards (a Hobbs-style walk): the
        subject of a sentence's main verb if it agrees; a sentence whose main subject is
        the same pronoun is about the same referent, so the walk goes on past it; else
        an agreeing subject of any verb, else the sentence's first agreeing mention.
        """
        if not prefer_subject:
            return self._nearest_mention(before_tok, ok)
        idx = self.index
        if not idx.sent_starts:
            return None
        k = bisect_right(idx.sent_starts, min(before_tok, len(idx.doc) - 1)) - 1
        para = idx.tok_para[before_tok] if before_tok < len(idx.tok_para) else -1
        while k >= 0:
            if para - idx.tok_para[idx.sent_starts[k]] > MAX_BACK_PARAGRAPHS:
                break
            found, same_referent = self._main_subject(k, before_tok, ok, pronoun)
            if found is not None:
                return found
            if not same_referent:
                found = self._sentence_mention(k, before_tok, ok, subjects_only)
                if found is not None:
                    return found
            k -= 1
        return None

    def _nearest_mention(self, before_tok: int, ok: Agrees) -> str | None:
        idx = self.index
        para = idx.tok_para[before_tok] if before_tok < len(idx.tok_para) else -1
        for s, _, eid, _, _ in reversed(idx.mentions):
            if s >= before_tok or idx.in_quote[s] >= 0:
                continue
            if para - idx.tok_para[s] > MAX_BACK_PARAGRAPHS:
                break
            if ok(idx.entities[eid]):
                return eid
        return None

    def _main_subject(
        self, k: int, before_tok: int, ok: Agrees, pronoun: str | None
    ) -> tuple[str | None, bool]:
        """The agreeing subject of sentence ``k``'s main verb; and whether that subject is
        the pronoun itself (the sentence is about the same referent: look further back)."""
        idx = self.index
        root = idx.sent_roots[k]
        subj = idx.subject(root) if root is not None else None
        if subj is None or subj.i >= before_tok or idx.in_quote[subj.i] >= 0:
            return None, False
        eid = idx.tok_ent[subj.i]
        if eid is None and subj.pos_ == "PROPN":
            # "Lopez issued a statement": a name the article uses elsewhere, not tagged here.
            eid = idx.by_alias.get(normalise_name(subj.text))
        if eid is not None and ok(idx.entities[eid]):
            return eid, False
        if pronoun and subj.lower_ == pronoun:
            return None, True
        if (
            pronoun
            and eid is None
            and subj.pos_ == "NOUN"
            and not self._resolving
            and any(c.lower_ == "the" for c in subj.children)
        ):
            # "But the prime minister said he had discussed …": the description.
            self._resolving = True
            try:
                eid = self.resolve(idx.mention_span(subj))
            finally:
                self._resolving = False
            if eid is not None and ok(idx.entities[eid]):
                return eid, False
        return None, False

    def _sentence_mention(
        self, k: int, before_tok: int, ok: Agrees, subjects_only: bool
    ) -> str | None:
        """An agreeing subject of any verb of sentence ``k``, else (unless
        ``subjects_only``) its first agreeing mention that is not a possessor."""
        idx = self.index
        doc = idx.doc
        cands = [
            (s, e, eid)
            for s, e, eid in idx.mentions_by_sentence().get(k, ())
            if s < before_tok and idx.in_quote[s] < 0 and ok(idx.entities[eid])
        ]
        for _, e, eid in cands:
            if doc[e - 1].dep_ in SUBJECT_DEPS:
                return eid
        if subjects_only:
            return None
        for _, e, eid in cands:
            if doc[e - 1].dep_ != "poss":
                return eid
        return cands[0][2] if cands else None

    # ------------------------------------------------------------------ new entities
    def new_entity(self, mention: tuple[int, int]) -> str | None:
        """A named speaker the model did not tag ("Fosters said"): add it as an entity."""
        idx, words = self.index, self.words
        span = idx.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None or len(span) == 0 or len(span) > 5:
            return None
        toks = [t for t in span if t.lower_ not in words.articles]
        if not toks or not self._looks_like_a_name(toks):
            return None
        name = idx.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        key = normalise_name(name)
        if key in idx.by_alias:
            return idx.by_alias[key]
        n = len(idx.entities)
        while f"e{n}" in idx.entities:
            n += 1
        eid = f"e{n}"
        first = normalise_name(toks[0].text)
        person = (
            len(toks) > 1
            and first in words.forenames
            and toks[-1].lower_ not in words.name_suffixes
        )
        record = {
            "id": eid,
            "type": "PERSON" if person else "ORG",
            "name": name,
            "aliases": [name],
            "mentions": [[toks[0].idx, toks[-1].idx + len(toks[-1].text)]],
            "titles": [],
            "affiliation": None,
            "iso": None,
            "gender": None,
        }
        idx.add_entity(record, key, toks)
        return eid

    def _looks_like_a_name(self, toks: list[Token]) -> bool:
        """Capitalised proper nouns (or capitalised nouns, when not only sentence-initial)."""
        return not any(t.tag_ == "NNPS" for t in toks) and all(
            t.text[:1].isupper()
            and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and self._capitalised_elsewhere(t)))
            for t in toks
        )

    def _capitalised_elsewhere(self, tok: Token) -> bool:
        """A sentence-initial "Fosters" is a name when it is capitalised mid-sentence too."""
        if not tok.is_sent_start:
            return True
        return any(
            t.text == tok.text and not t.is_sent_start for t in self.index.doc if t.i != tok.i
        )
