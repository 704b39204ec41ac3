"""Cue frames: which reporting cue attributes a quote, and whom the cue names.

The cue is the nearest one in the quote's own clause, before or after it, outside every
quote ('"…," X said', 'X said: "…"', "according to X", "X was quoted as saying"), or,
for a partial quote, the cue that governs it ('X called it "very dangerous"'). Its
speaker is its subject, climbing ``advcl``/``xcomp``/``conj`` to the governing verb when
it has none, the inverted subject ("said Antonov"), the object of "according to" or of
"quoted", or the name right before the cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from .index import CandidateIndex

#: Dependencies the search for a cue's subject climbs through to the governing verb.
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj"})
#: After a quote that ends a sentence, a cue further than this is the writer's next sentence.
MAX_CUE_GAP_AFTER_SENTENCE = 8
#: Entity labels of words that are never a speaker ("said Monday").
TIME_LABELS = ("DATE", "TIME")

#: Tags of a frame verb that no cue table lists ('"…," Ortiz implored').
FRAME_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: What may follow a frame verb: a particle, a time or place, punctuation.
FRAME_TAIL_DEPS = frozenset({"prt", "prep", "npadvmod", "advmod", "punct", "nsubj"})

Mention = tuple[int, int]


class CueFrames:
    """Find the cue of a quote and the speaker mention of a cue, in one document."""

    def __init__(self, index: CandidateIndex):
        self.index = index
        self.words = index.words

    # ------------------------------------------------------------------ the cue of a quote
    def nearest_cue(self, before: list[int], after: list[int], qi: int) -> int | None:
        """The cue token of quote ``qi`` (``before``/``after``: its clause's tokens)."""
        idx = self.index
        if idx.quotes[qi]["kind"] == "partial":
            governing = self.governing_cue(qi)
            if governing is not None:
                return governing
        best = None
        best_d = None
        ts, te = idx.q_tokens[qi]
        ends_sentence = self.ends_sentence(qi)
        for i in after:
            if i in idx.cue_tokens:
                d = i - te
                if ends_sentence and (
                    d > MAX_CUE_GAP_AFTER_SENTENCE or not self.attribution_after_sentence(te, i)
                ):
                    break
                best, best_d = i, d
                break
        for i in reversed(before):
            if i in idx.cue_tokens:
                d = ts - i
                if best_d is None or d < best_d - 1:
                    best, best_d = i, d
                break
        if best is None:
            return self.governing_cue(qi)
        return best

    def governing_cue(self, qi: int) -> int | None:
        """A cue that governs tokens of the quote (partial quotes: 'called it "x"')."""
        idx = self.index
        ts, te = idx.q_tokens[qi]
        for i in range(ts, te):
            h = idx.doc[i].head
            steps = 0
            while steps < 4 and h.i != h.head.i and idx.in_quote[h.i] >= 0:
                h = h.head
                steps += 1
            # Up the tree from the quote, through at most three verbs that are not cues:
            # 'X told AP the withdrawal was a "mutually agreed-to separation"'.
            for _ in range(4):
                if idx.in_quote[h.i] >= 0:
                    break
                if h.i in idx.cue_tokens:
                    return h.i
                if h.head.i == h.i or h.dep_ in ("relcl", "acl", "advcl"):
                    break
                h = h.head
        return None

    def ends_sentence(self, qi: int) -> bool:
        """Whether the words of quote ``qi`` end a sentence."""
        q = self.index.quotes[qi]
        content = self.index.text[q["content_start"] : q["content_end"]]
        return content.rstrip(" \"'”’»").endswith((".", "!", "?", "…"))

    def attribution_after_sentence(self, te: int, cue: int) -> bool:
        """After a quote that ends its sentence, only '"…." he said' / '"…." said X' /
        '"…." Jane Doe, a lawyer, said' attribute it; "Asked on Thursday, Mr X told ..."
        starts the writer's next sentence."""
        doc = self.index.doc
        tok = doc[cue]
        if tok.tag_ in ("VBN", "VBG") and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children
        ):
            return False
        if any(c.dep_ in ("ccomp", "dobj") and c.i > cue for c in tok.children):
            return False  # '"…." Matthew Taylor said the attacks were …': another report
        between = [doc[i] for i in range(te, cue) if not doc[i].is_punct and not doc[i].is_space]
        if not between:
            return True  # '"…." said X'
        return all(t.pos_ in ("PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM", "ADP") for t in between)

    def frame_verb(self, qi: int, after: list[int]) -> int | None:
        """'"Go home," Ortiz implored.', '"Go home!" fumed Dana Ortiz.': the verb of the
        frame right after a quote that ends in , ! or ? is its cue though no cue table
        lists it, when a name or pronoun is its subject and nothing but a time, a place
        or a particle follows it."""
        idx = self.index
        doc = idx.doc
        q = idx.quotes[qi]
        content = idx.text[q["content_start"] : q["content_end"]].rstrip(" \"'\u201d\u2019\u00bb")
        if not content.endswith((",", "!", "?")):
            return None
        toks = [doc[i] for i in after if not doc[i].is_space]
        while toks and toks[0].is_punct:
            toks = toks[1:]
        if len(toks) < 2:
            return None
        verbs = [t for t in toks[:6] if t.pos_ == "VERB" and t.tag_ in FRAME_VERB_TAGS]
        if not verbs:
            return None
        verb = verbs[0]
        subj = [c for c in verb.children if c.dep_ == "nsubj" and idx.in_quote[c.i] < 0]
        if not subj or subj[0].pos_ not in ("PROPN", "PRON"):
            return None
        if any(
            c.dep_ not in FRAME_TAIL_DEPS and c.i > verb.i and c.i > subj[0].i
            for c in verb.children
        ):
            return None  # '"…," Ortiz wrote a letter': the verb says something else
        return verb.i

    # ------------------------------------------------------------------ the speaker of a cue
    def speaker_of_cue(self, cue: int) -> Mention | None:
        """The speaker mention ``(start, end)`` of cue token ``cue``, or None."""
        idx = self.index
        tok = idx.doc[cue]
        lemma = idx.cue_tokens.get(cue)
        if lemma == "according to":
            return self._according_to_object(cue)
        if tok.tag_ == "VBG" and idx.subject(tok) is None:
            # "footage of Hillary Clinton asking, '…'": the person right before.
            found = self._person_before(cue)
            if found is not None:
                return found
        verb = tok
        if verb.lower_ == "saying" and verb.head.lower_ in ("as",) and verb.head.head.i != verb.i:
            verb = verb.head.head  # "quoted as saying" -> quoted
        found = self._quoted_object(verb, lemma, cue)
        if found is None:
            found = self._climbing_subject(verb, cue)
        if found is None:
            found = self._name_before(cue)
        if found is None and lemma in self.words.inverting_cues:
            found = self._inverted_subject(cue)
        return found

    def _according_to_object(self, cue: int) -> Mention | None:
        """'according to X': the object of "to", else the word after it."""
        idx = self.index
        doc = idx.doc
        nxt = cue + 1
        if nxt < len(doc) and doc[nxt].lower_ == "to":
            for child in doc[nxt].children:
                if child.dep_ == "pobj" and idx.in_quote[child.i] < 0:
                    return idx.mention_span(child)
            if nxt + 1 < len(doc) and idx.in_quote[nxt + 1] < 0:
                return idx.mention_span(doc[nxt + 1])
        return None

    def _person_before(self, cue: int) -> Mention | None:
        idx = self.index
        j = cue - 1
        if j >= 0 and idx.doc[j].text == ",":
            j -= 1
        eid = idx.tok_ent[j] if j >= 0 else None
        if eid is not None and idx.entities[eid]["type"] == "PERSON" and idx.in_quote[j] < 0:
            return idx.mention_span(idx.doc[j])
        return None

    def _quoted_object(self, verb: Token, lemma: str | None, cue: int) -> Mention | None:
        """'the newspaper quoted Geoff Dixon as saying': the object spoke."""
        idx = self.index
        doc = idx.doc
        if (lemma == "quote" or verb.lower_ in self.words.quote_verb_forms) and (
            any(c.lower_ == "as" for c in verb.children)
            or (cue + 1 < len(doc) and doc[cue + 1].lower_ != "by")
        ):
            for child in verb.children:
                if (
                    child.dep_ in ("dobj", "nsubj")
                    and child.i > verb.i
                    and idx.in_quote[child.i] < 0
                    and child.pos_ in ("PROPN", "NOUN", "PRON")
                ):
                    return idx.mention_span(child)
        return None

    def _climbing_subject(self, verb: Token, cue: int) -> Mention | None:
        """The subject of the cue, or of the verb that governs it (up to four steps)."""
        idx = self.index
        for _ in range(4):
            subj = idx.subject(verb)
            if subj is not None and idx.tok_para[subj.i] == idx.tok_para[cue]:
                return idx.mention_span(subj)
            if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
                break
            if verb.dep_ in ("relcl", "acl"):
                # "Hillary Clinton asking, '…'"; but not "the plans for pensioners
                # saying …", where the participle belongs to the clause's subject.
                head = verb.head
                if idx.in_quote[head.i] < 0 and (
                    head.pos_ in ("PROPN", "PRON")
                    or idx.tok_ent[head.i] is not None
                    or verb.dep_ == "relcl"
                ):
                    return idx.mention_span(head)
            verb = verb.head
        return None

    def _name_before(self, cue: int) -> Mention | None:
        """'... Chuck Jordan said Monday': the name right before the cue."""
        idx = self.index
        doc = idx.doc
        j = cue - 1
        if j >= 1 and doc[j].text == "," and idx.in_quote[j] < 0:
            j -= 1
        if (
            j >= 0
            and idx.in_quote[j] < 0
            and (idx.tok_ent[j] is not None or doc[j].pos_ == "PROPN")
            and doc[j].ent_type_ not in TIME_LABELS
        ):
            return idx.mention_span(doc[j])
        return None

    def _inverted_subject(self, cue: int) -> Mention | None:
        """Inverted: "said Antonov", "said the minister"; else the word right before the cue
        ("Antonov, ... said" misparsed)."""
        idx = self.index
        doc = idx.doc
        i = cue + 1
        while i < len(doc) and doc[i].pos_ in ("DET", "ADJ") and idx.in_quote[i] < 0:
            i += 1
        if (
            i < len(doc)
            and idx.in_quote[i] < 0
            and doc[i].pos_ in ("PROPN", "PRON", "NOUN")
            and doc[i].lower_ not in self.words.non_inverted_subjects
            and doc[i].ent_type_ not in TIME_LABELS
        ):
            t = doc[i]
            while t.dep_ in ("compound", "amod") and t.head.i > t.i:
                t = t.head
            return idx.mention_span(t)
        j = cue - 1
        if j >= 0 and idx.in_quote[j] < 0 and doc[j].pos_ in ("PROPN", "PRON"):
            return idx.mention_span(doc[j])
        return None
