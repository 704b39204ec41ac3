"""quotekit_attribution: each quote's cue, speaker mention, speaker entity and relay.

Rules, tried in order for each quote (the winning rule is recorded on the quote):

1. ``cue``: a reporting cue (verb, "according to", "quoted as saying") in the
   quote's own clause, before or after it, outside every quote; the nearest
   wins. The speaker is the cue's subject, climbing ``advcl``/``xcomp``/``conj``
   to the governing verb when the cue has none ("was quoted as saying, calling
   it 'very dangerous'"), the inverted subject ("said Antonov"), the object of
   "according to", or the words right before the cue.
2. ``colon``: a heading that ends in a colon ("Chris Cillizza, The Washington
   Post: "…"") names the speaker.
3. ``continuation``: a quote with no cue takes the speaker of the quote or
   attribution just before it, in the same paragraph, or in the paragraph
   before when the text carries on (that paragraph attributes something).
   Never across a paragraph that attributes nothing.

The mention is then resolved to an entity: a named mention to its entity, a
pronoun to the nearest agreeing person (gender from honorifics, titles and
forenames; "it"/"they" to organisations), a description ("the minister", "the
company") to the nearest entity holding that title or of that kind. When no one
can be told the speaker is ``None`` and the mention stays.

``via`` is the news source cited in the quote's own sentence ("told Reuters",
"quoted by Interfax as saying"), else the relay of the same speaker's previous
quote, else a reporting frame that earlier attached to the same speaker ("the
Interfax news agency reported … Antonov said").
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..extensions import SPAN_KEYS, ensure_extensions
from ..registry import organisation_words_v1
from ..text import ParagraphIndex, normalise_name, paragraphs
from ._spans import char_span

_ORG_SUFFIXES = frozenset(organisation_words_v1()["name_suffixes"])

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj"}
SENT_END = {".", "!", "?"}
PRONOUN_GENDER = {"he": "M", "him": "M", "she": "F", "her": "F"}
ORG_PRONOUNS = {"it", "they", "we"}
ORG_NOUNS = {
    "company",
    "firm",
    "group",
    "bank",
    "ministry",
    "government",
    "agency",
    "department",
    "party",
    "union",
    "club",
    "association",
    "organisation",
    "organization",
    "council",
    "commission",
    "authority",
    "retailer",
    "carrier",
    "airline",
    "maker",
    "manufacturer",
    "giant",
    "operator",
    "regulator",
    "body",
    "administration",
    "board",
    "team",
    "side",
    "insurer",
    "lender",
    "broadcaster",
    "network",
    "charity",
    "campaign",
    "watchdog",
    "newspaper",
    "paper",
    "conglomerate",
    "business",
    "channel",
    "daily",
}
#: Cues whose subject may follow them: '"…," said Antonov' (not "told X", "called X").
INVERTING = {
    "say",
    "add",
    "write",
    "continue",
    "explain",
    "insist",
    "reply",
    "recall",
    "note",
    "warn",
    "argue",
    "declare",
    "conclude",
    "observe",
    "admit",
    "agree",
    "complain",
    "claim",
    "joke",
    "state",
    "quip",
    "whisper",
    "shout",
    "cry",
    "answer",
    "respond",
    "remark",
    "comment",
    "tweet",
    "ask",
    "read",
    "murmur",
    "exclaim",
    "retort",
    "concede",
    "acknowledge",
    "suggest",
    "predict",
    "confirm",
}
#: Nouns that stand for their author: "the statement said", "his report said".
DOCUMENT_NOUNS = {
    "statement",
    "report",
    "letter",
    "article",
    "memo",
    "release",
    "communique",
    "communiqué",
    "study",
    "survey",
    "paper",
    "document",
    "email",
    "tweet",
    "post",
    "note",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "verdict",
    "book",
}
#: Title words that make a title another one: "deputy prime minister" is not "prime minister".
TITLE_QUALIFIERS = {
    "deputy",
    "vice",
    "former",
    "shadow",
    "acting",
    "assistant",
    "junior",
    "ex",
    "late",
    "interim",
    "associate",
    "under",
}
#: After a quote that ends a sentence, a cue further than this is the writer's next sentence.
MAX_CUE_GAP_AFTER_SENTENCE = 8
#: Nouns news uses for the same kind of organisation.
_SYNONYM_SETS = (
    {"watchdog", "regulator", "authority", "agency"},
    {
        "firm",
        "company",
        "group",
        "giant",
        "maker",
        "manufacturer",
        "business",
        "conglomerate",
        "retailer",
        "operator",
    },
    {"bank", "lender"},
    {"airline", "carrier"},
    {"union", "association"},
    {"broadcaster", "network", "channel"},
    {"newspaper", "paper", "daily"},
    {"government", "administration", "ministry", "department"},
)
_SYNONYMS = {w: group for group in _SYNONYM_SETS for w in group}
MAX_BACK_PARAGRAPHS = 3
#: Frames that make a speaker's later quotes come from the same conversation.
INTERVIEW_FRAMES = {"told", "interview", "speaking_to"}
FALLBACK_CUES = {
    "said": "say",
    "says": "say",
    "say": "say",
    "saying": "say",
    "told": "tell",
    "tells": "tell",
    "added": "add",
    "adds": "add",
    "according": "according to",
    "quoted": "quote",
    "wrote": "write",
    "writes": "write",
    "asked": "ask",
    "warned": "warn",
    "insisted": "insist",
    "explained": "explain",
    "argued": "argue",
    "claimed": "claim",
    "stated": "state",
}


class Attribution:
    """Attribute quotes to speakers; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        cues: dict[str, Any],
        speakers_key: str,
        cues_key: str,
        quotes_key: str,
        entities_key: str,
        cue_classes: list[str],
        terms_key: str = SPAN_KEYS["terms"],
        keep_unattributed_partial: bool = False,
        titles: dict[str, Any] | None = None,
        forenames: dict[str, list[str]] | None = None,
    ):
        self.name = name
        self.terms_key = terms_key
        self.keep_unattributed_partial = keep_unattributed_partial
        self.speakers_key = speakers_key
        self.cues_key = cues_key
        self.quotes_key = quotes_key
        self.entities_key = entities_key
        ensure_extensions()
        verbs = cues.get("verbs", {})
        allowed = set(cue_classes)
        self.cue_forms: dict[str, str] = {}
        self.particles: dict[str, str] = {}
        for lemma, info in verbs.items():
            if info.get("class") not in allowed:
                continue
            for form in info.get("forms", ()):
                if info.get("particle"):
                    self.particles.setdefault(form.lower(), info["particle"])
                else:
                    self.cue_forms.setdefault(form.lower(), lemma)
        if not self.cue_forms:
            self.cue_forms = dict(FALLBACK_CUES)
        self.cue_forms.setdefault("according", "according to")
        self.person_titles = {t.lower() for t in (titles or {}).get("titles", {})}
        self.forenames = (
            frozenset(forenames.get("male", ())) | frozenset(forenames.get("female", ()))
            if forenames
            else frozenset()
        )
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases = [p["text"] for p in cues.get("phrases", ()) if p.get("text")]
        phrases += ["according to", "quoted as saying", "quoted by"]
        self.phrase_types = {p["text"].lower(): p.get("type", "") for p in cues.get("phrases", ())}
        self.phrase_matcher.add("CUE", list(nlp.tokenizer.pipe(sorted(set(phrases)))))

    # ------------------------------------------------------------------ pipeline API
    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotekit_quotes or []
        if not quotes:
            doc.spans[self.speakers_key] = []
            doc.spans[self.cues_key] = []
            return doc
        ctx = _Context(doc, quotes, self)
        results: list[dict[str, Any]] = []
        ctx._results = results
        for qi, q in enumerate(quotes):
            res = ctx.attribute(qi, q, results)
            results.append(res)
        ctx.assign_via(results)
        if not self.keep_unattributed_partial:
            # A few words in marks that nobody is said to have said are a marked term
            # (scare quotes, a slogan, a name): keep them with the marked terms.
            kept = [
                (q, r)
                for q, r in zip(quotes, results)
                if not (q["kind"] == "partial" and r.get("mention") is None)
            ]
            dropped = [
                q
                for q, r in zip(quotes, results)
                if q["kind"] == "partial" and r.get("mention") is None
            ]
            if dropped:
                terms = list(doc.spans[self.terms_key]) if self.terms_key in doc.spans else []
                for q in dropped:
                    span = char_span(doc, q["start"], q["end"], label="term")
                    if span is not None:
                        terms.append(span)
                terms.sort(key=lambda sp: (sp.start, sp.end))
                doc.spans[self.terms_key] = terms
                quotes = [q for q, _ in kept]
                results = [r for _, r in kept]
                renumber = {q["id"]: f"q{i}" for i, q in enumerate(quotes)}
                for q in quotes:
                    q["id"] = renumber[q["id"]]
        speakers, cue_spans, quote_spans = [], [], []
        for q, res in zip(quotes, results):
            q["speaker"] = res.get("speaker")
            q["speaker_mention"] = _offsets(res.get("mention"))
            q["cue"] = _offsets(res.get("cue"))
            q["via"] = res.get("via")
            q["rule"] = res.get("rule")
            if res.get("mention"):
                s, e = res["mention"]
                span = char_span(
                    doc, s, e, label="SPEAKER", kb_id=q["speaker"] or "", span_id=q["id"]
                )
                if span is not None:
                    speakers.append(span)
            if res.get("cue"):
                s, e = res["cue"]
                span = char_span(doc, s, e, label="CUE", kb_id=q["speaker"] or "", span_id=q["id"])
                if span is not None:
                    cue_spans.append(span)
            span = char_span(
                doc,
                q["start"],
                q["end"],
                label=q["kind"],
                kb_id=q["speaker"] or "",
                span_id=q["id"],
            )
            if span is not None:
                quote_spans.append(span)
        doc._.quotekit_quotes = quotes
        if ctx.new_entities:
            doc._.quotekit_entities = list(doc._.quotekit_entities or []) + ctx.new_entities
            group = list(doc.spans[self.entities_key]) if self.entities_key in doc.spans else []
            for rec in ctx.new_entities:
                for s, e in rec["mentions"]:
                    span = char_span(doc, s, e, label=rec["type"], kb_id=rec["id"])
                    if span is not None:
                        group.append(span)
            doc.spans[self.entities_key] = group
        doc.spans[self.speakers_key] = speakers
        doc.spans[self.cues_key] = cue_spans
        doc.spans[self.quotes_key] = quote_spans
        return doc


def _offsets(pair: tuple[int, int] | None) -> dict[str, int] | None:
    if not pair:
        return None
    return {"start": pair[0], "end": pair[1]}


class _Context:
    """Per-document indexes, built once, used for every quote."""

    def __init__(self, doc: Doc, quotes: list[dict[str, Any]], comp: Attribution):
        self.doc = doc
        self.comp = comp
        self.quotes = quotes
        n = len(doc)
        text = self.text = doc.text  # Doc.text joins every token: read it once
        # Which quote (if any) each token lies in.
        self.in_quote = [-1] * n
        qi = 0
        for tok in doc:
            while qi < len(quotes) and quotes[qi]["end"] <= tok.idx:
                qi += 1
            if qi < len(quotes) and quotes[qi]["start"] <= tok.idx < quotes[qi]["end"]:
                self.in_quote[tok.i] = qi
        # Paragraphs.
        paras = doc._.quotekit_paragraphs
        self.paras = ParagraphIndex([tuple(p) for p in paras] if paras else paragraphs(text))
        self.tok_para = [self.paras.index(t.idx) for t in doc]
        # Entity mentions per token.
        self.entities = {e["id"]: e for e in (doc._.quotekit_entities or ())}
        self.tok_ent: list[str | None] = [None] * n
        self.mentions: list[tuple[int, int, str, int, int]] = []  # tok start, end, id, chars
        for eid, e in self.entities.items():
            for s, t in e.get("mentions", ()):
                span = doc.char_span(s, t, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    if self.tok_ent[tok.i] is None or e["type"] == "PERSON":
                        self.tok_ent[tok.i] = eid
                self.mentions.append((span.start, span.end, eid, s, t))
        self.mentions.sort()
        # Names by their written forms and surnames ("Van Dam" for "Pieter Van Dam").
        self.by_alias: dict[str, str] = {}
        for eid, e in self.entities.items():
            if e["type"] not in ("PERSON", "ORG"):
                continue
            for alias in [e["name"], *e.get("aliases", ())]:
                self.by_alias.setdefault(normalise_name(alias), eid)
            words = e["name"].split()
            if e["type"] == "PERSON" and len(words) > 2:
                self.by_alias.setdefault(normalise_name(" ".join(words[1:])), eid)
        # Cue tokens outside quotes.
        self.cue_tokens: dict[int, str] = {}
        for tok in doc:
            if self.in_quote[tok.i] >= 0:
                continue
            low = tok.lower_
            lemma = comp.cue_forms.get(low)
            if lemma is not None and (
                tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or lemma == "according to"
            ):
                self.cue_tokens[tok.i] = lemma
            elif low in comp.particles and any(
                c.lower_ == comp.particles[low] for c in tok.children
            ):
                self.cue_tokens[tok.i] = low
        for _, s, e in comp.phrase_matcher(doc):
            if self.in_quote[s] < 0:
                phrase = doc[s:e].text.lower()
                if phrase.startswith("according"):
                    self.cue_tokens[s] = "according to"
                elif "quoted" in phrase:
                    for i in range(s, e):
                        if doc[i].lower_ == "quoted":
                            self.cue_tokens[i] = "quote"
        # Quote token ranges.
        self.q_tokens: list[tuple[int, int]] = []
        for q in quotes:
            span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
            self.q_tokens.append((span.start, span.end) if span is not None else (0, 0))
        self._results: list[dict[str, Any]] = []
        self._resolving = False
        self._regions_of: dict[int, tuple[list[int], list[int]]] = {}
        self.new_entities: list[dict[str, Any]] = []
        self._by_sent: dict[int, list[tuple[int, int, str]]] | None = None
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            sents = list(doc.sents)
        else:
            sents = [doc[:]] if len(doc) else []
        self.sent_starts = [sp.start for sp in sents]
        self.sent_roots = [sp.root for sp in sents]
        self.frames = (
            list(getattr(doc._, "quotekit_source_frames", None) or [])
            if Doc.has_extension("quotekit_source_frames")
            else []
        )

    # ------------------------------------------------------------------ regions
    def _regions(self, qi: int) -> tuple[list[int], list[int]]:
        """Token indexes before and after quote ``qi`` within its clause (worked out once:
        attribution and ``via`` both read them)."""
        regions = self._regions_of.get(qi)
        if regions is None:
            regions = self._regions_of[qi] = self._find_regions(qi)
        return regions

    def _find_regions(self, qi: int) -> tuple[list[int], list[int]]:
        doc = self.doc
        ts, te = self.q_tokens[qi]
        if ts == te:
            return [], []
        para_first = self.tok_para[ts]
        para_last = self.tok_para[te - 1]
        before: list[int] = []
        i = ts - 1
        while i >= 0 and self.in_quote[i] < 0 and self.tok_para[i] == para_first:
            if doc[i].text in SENT_END and i < ts - 1:
                break
            before.append(i)
            i -= 1
        before.reverse()
        after: list[int] = []
        i = te
        while i < len(doc) and self.in_quote[i] < 0 and self.tok_para[i] == para_last:
            after.append(i)
            if doc[i].text in SENT_END:
                break
            i += 1
        return before, after

    # ------------------------------------------------------------------ attribution
    def attribute(self, qi: int, q: dict[str, Any], prev: list[dict[str, Any]]) -> dict[str, Any]:
        before, after = self._regions(qi)
        cue = self._nearest_cue(before, after, qi)
        res: dict[str, Any] = {
            "cue": None,
            "mention": None,
            "speaker": None,
            "rule": None,
            "cue_tok": None,
            "para": self.tok_para[self.q_tokens[qi][0]] if self.q_tokens[qi][1] else -1,
        }
        interrupted = self._interrupted(qi, before, prev)
        if interrupted is not None:
            res.update(
                mention=interrupted["mention"],
                cue=interrupted["cue"],
                speaker=interrupted["speaker"],
                rule="continuation",
                cue_tok=interrupted.get("cue_tok"),
            )
            return res
        adjacent = self._dash_credit(q) or self._adjacent_speaker(qi, after, cue)
        if adjacent is not None:
            mention, cue_pair, rule, cue_tok = adjacent
            res.update(mention=mention, cue=cue_pair, rule=rule, cue_tok=cue_tok)
            res["speaker"] = self._resolve(mention, qi)
            return res
        if cue is not None:
            mention = self._speaker_of_cue(cue, qi)
            if mention is not None:
                tok = self.doc[cue]
                res.update(
                    cue=(tok.idx, tok.idx + len(tok.text)), mention=mention, rule="cue", cue_tok=cue
                )
        if res["mention"] is None:
            colon = self._colon_heading(before, qi)
            if colon is not None:
                res.update(mention=colon[0], cue=colon[1], rule="colon")
        if res["mention"] is None and cue is None:
            inherited = self._continuation(qi, prev)
            if inherited is not None:
                res.update(
                    mention=inherited["mention"],
                    cue=inherited["cue"],
                    speaker=inherited["speaker"],
                    rule="continuation",
                    cue_tok=inherited.get("cue_tok"),
                )
                return res
        if res["mention"] is not None:
            res["speaker"] = self._resolve(res["mention"], qi)
            if res["speaker"] is None:
                res["speaker"] = self._new_entity(res["mention"])
        return res

    def _capitalised_elsewhere(self, tok: Token) -> bool:
        """A sentence-initial "Fosters" is a name when it is capitalised mid-sentence too."""
        if not tok.is_sent_start:
            return True
        return any(t.text == tok.text and not t.is_sent_start for t in self.doc if t.i != tok.i)

    def _new_entity(self, mention: tuple[int, int]) -> str | None:
        """A named speaker the model did not tag ("Fosters said"): add it as an entity."""
        doc = self.doc
        span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None or len(span) == 0 or len(span) > 5:
            return None
        toks = [t for t in span if t.lower_ not in ("the", "a", "an")]
        if (
            not toks
            or any(t.tag_ == "NNPS" for t in toks)
            or not all(
                t.text[:1].isupper()
                and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and self._capitalised_elsewhere(t)))
                for t in toks
            )
        ):
            return None
        name = self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        key = normalise_name(name)
        if key in self.by_alias:
            return self.by_alias[key]
        eid = f"e{len(self.entities)}"
        while eid in self.entities:
            eid = f"e{len(self.entities) + 1}"
        first = normalise_name(toks[0].text)
        person = (
            len(toks) > 1 and first in self.comp.forenames and toks[-1].lower_ not in _ORG_SUFFIXES
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
        self.entities[eid] = record
        self.by_alias[key] = eid
        self.new_entities.append(record)
        for t in toks:
            if self.tok_ent[t.i] is None:
                self.tok_ent[t.i] = eid
        return eid

    def _interrupted(self, qi: int, before: list[int], prev: list[dict[str, Any]]):
        """'"My hope," he said, "is that …"': the second half of a quote its attribution
        interrupts belongs to the first half's speaker."""
        if qi == 0 or not prev or not prev[-1].get("mention") or not before:
            return None
        q = self.quotes[qi]
        content = self.text[q["content_start"] : q["content_end"]].lstrip()
        if not content[:1].islower():
            return None
        _, pte = self.q_tokens[qi - 1]
        if pte == 0 or before[0] > pte or self.doc[before[-1]].text != ",":
            return None
        if prev[-1].get("cue_tok") is not None and prev[-1]["cue_tok"] in before:
            return prev[-1]
        return None

    def _dash_credit(self, q: dict[str, Any]):
        """'“…” ― Jane Doe': a dash and a name right after the closing mark."""
        text = self.text
        pos = q["end"]
        n = len(text)
        while pos < n and text[pos] in " \t\u00a0":
            pos += 1
        if pos >= n or text[pos] not in "―—–":
            return None
        dash = pos
        pos += 1
        while pos < n and text[pos] in " \t\u00a0":
            pos += 1
        span = self.doc.char_span(pos, min(n, pos + 1), alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span[0]
        if tok.idx < pos:  # "”―Name" glued into one token
            return None
        if self.tok_ent[tok.i] is None and tok.pos_ != "PROPN":
            return None
        return (self._mention_span(tok), (dash, dash + 1), "dash", None)

    def _adjacent_speaker(self, qi: int, after: list[int], cue: int | None):
        """'"…," Flynn, a top surrogate, said' and '"…" ― Jane Doe': the name right after."""
        doc = self.doc
        k = 0
        while k < len(after) and doc[after[k]].text in (",", "”", "’", "'", '"'):
            k += 1
        if k >= len(after):
            return None
        first = doc[after[k]]
        if first.text in ("―", "—", "–", "-") and k + 1 < len(after):
            nxt = doc[after[k + 1]]
            if self.tok_ent[nxt.i] is not None or nxt.pos_ == "PROPN":
                return (self._mention_span(nxt), (first.idx, first.idx + 1), "dash", None)
            return None
        if cue is None or cue not in after or cue <= first.i or self.cue_tokens.get(cue) == "quote":
            return None
        # '"…," shop owner Hayriye Evren, told AP': a name before the cue, no verb between;
        # a person rather than the organisation describing them ("the Liberal Democrat
        # chairman Matthew Taylor said").
        if self._ends_sentence(qi) and not self._attribution_after_sentence(
            self.q_tokens[qi][1], cue
        ):
            return None
        found = None
        for i in after[k:]:
            if i >= cue:
                break
            t = doc[i]
            if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", "?", "!"):
                return None
            eid = self.tok_ent[i]
            if (
                eid is not None
                and self.entities[eid]["type"] in ("PERSON", "ORG")
                and (
                    found is None
                    or (
                        self.entities[eid]["type"] == "PERSON"
                        and self.entities[self.tok_ent[found]]["type"] != "PERSON"
                    )
                )
            ):
                found = i
        if found is None:
            return None
        tok = doc[cue]
        return (self._mention_span(doc[found]), (tok.idx, tok.idx + len(tok.text)), "cue", cue)

    def _ends_sentence(self, qi: int) -> bool:
        q = self.quotes[qi]
        content = self.text[q["content_start"] : q["content_end"]]
        return content.rstrip(" \"'”’»").endswith((".", "!", "?", "…"))

    def _attribution_after_sentence(self, te: int, cue: int) -> bool:
        """After a quote that ends its sentence, only '"…." he said' / '"…." said X' /
        '"…." Jane Doe, a lawyer, said' attribute it; "Asked on Thursday, Mr X told ..."
        starts the writer's next sentence."""
        doc = self.doc
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

    def _governing_cue(self, qi: int) -> int | None:
        """A cue that governs tokens of the quote (partial quotes: 'called it "x"')."""
        ts, te = self.q_tokens[qi]
        for i in range(ts, te):
            h = self.doc[i].head
            steps = 0
            while steps < 4 and h.i != h.head.i and self.in_quote[h.i] >= 0:
                h = h.head
                steps += 1
            # Up the tree from the quote, through at most three verbs that are not cues:
            # 'X told AP the withdrawal was a "mutually agreed-to separation"'.
            for _ in range(4):
                if self.in_quote[h.i] >= 0:
                    break
                if h.i in self.cue_tokens:
                    return h.i
                if h.head.i == h.i or h.dep_ in ("relcl", "acl", "advcl"):
                    break
                h = h.head
        return None

    def _nearest_cue(self, before: list[int], after: list[int], qi: int) -> int | None:
        if self.quotes[qi]["kind"] == "partial":
            governing = self._governing_cue(qi)
            if governing is not None:
                return governing
        best = None
        best_d = None
        ts, te = self.q_tokens[qi]
        ends_sentence = self._ends_sentence(qi)
        for i in after:
            if i in self.cue_tokens:
                d = i - te
                if ends_sentence and (
                    d > MAX_CUE_GAP_AFTER_SENTENCE or not self._attribution_after_sentence(te, i)
                ):
                    break
                if best_d is None or d < best_d:
                    best, best_d = i, d
                break
        for i in reversed(before):
            if i in self.cue_tokens:
                d = ts - i
                if best_d is None or d < best_d - 1:
                    best, best_d = i, d
                break
        if best is None:
            return self._governing_cue(qi)
        return best

    def _speaker_of_cue(self, cue: int, qi: int) -> tuple[int, int] | None:
        doc = self.doc
        tok = doc[cue]
        lemma = self.cue_tokens.get(cue)
        if lemma == "according to":
            nxt = cue + 1
            if nxt < len(doc) and doc[nxt].lower_ == "to":
                for child in doc[nxt].children:
                    if child.dep_ == "pobj" and self.in_quote[child.i] < 0:
                        return self._mention_span(child)
                if nxt + 1 < len(doc) and self.in_quote[nxt + 1] < 0:
                    return self._mention_span(doc[nxt + 1])
            return None
        if tok.tag_ == "VBG" and self._subject(tok) is None:
            # "footage of Hillary Clinton asking, '…'": the person right before.
            j = cue - 1
            if j >= 0 and doc[j].text == ",":
                j -= 1
            eid = self.tok_ent[j] if j >= 0 else None
            if eid is not None and self.entities[eid]["type"] == "PERSON" and self.in_quote[j] < 0:
                return self._mention_span(doc[j])
        verb = tok
        if verb.lower_ == "saying" and verb.head.lower_ in ("as",) and verb.head.head.i != verb.i:
            verb = verb.head.head  # "quoted as saying" -> quoted
        # "the newspaper quoted Geoff Dixon as saying": the object spoke.
        if (lemma == "quote" or verb.lower_ in ("quoted", "quotes", "quote")) and (
            any(c.lower_ == "as" for c in verb.children)
            or (cue + 1 < len(doc) and doc[cue + 1].lower_ != "by")
        ):
            for child in verb.children:
                if (
                    child.dep_ in ("dobj", "nsubj")
                    and child.i > verb.i
                    and self.in_quote[child.i] < 0
                    and child.pos_ in ("PROPN", "NOUN", "PRON")
                ):
                    return self._mention_span(child)
        for _ in range(4):
            subj = self._subject(verb)
            if subj is not None and self.tok_para[subj.i] == self.tok_para[cue]:
                return self._mention_span(subj)
            if verb.dep_ in CLIMB_DEPS and verb.head.i != verb.i:
                if verb.dep_ in ("relcl", "acl"):
                    # "Hillary Clinton asking, '…'"; but not "the plans for pensioners
                    # saying …", where the participle belongs to the clause's subject.
                    head = verb.head
                    if self.in_quote[head.i] < 0 and (
                        head.pos_ in ("PROPN", "PRON")
                        or self.tok_ent[head.i] is not None
                        or verb.dep_ == "relcl"
                    ):
                        return self._mention_span(head)
                verb = verb.head
            else:
                break
        # "... Chuck Jordan said Monday": the name right before the cue.
        j = cue - 1
        if j >= 1 and doc[j].text == "," and self.in_quote[j] < 0:
            j -= 1
        if (
            j >= 0
            and self.in_quote[j] < 0
            and (self.tok_ent[j] is not None or doc[j].pos_ == "PROPN")
            and doc[j].ent_type_ not in ("DATE", "TIME")
        ):
            return self._mention_span(doc[j])
        if lemma not in INVERTING:
            return None
        # Inverted: "said Antonov", "said the minister".
        i = cue + 1
        while i < len(doc) and doc[i].pos_ in ("DET", "ADJ") and self.in_quote[i] < 0:
            i += 1
        if (
            i < len(doc)
            and self.in_quote[i] < 0
            and (
                doc[i].pos_ in ("PROPN", "PRON", "NOUN")
                and doc[i].lower_ not in ("it", "that")
                and doc[i].ent_type_ not in ("DATE", "TIME")
            )
        ):
            t = doc[i]
            while t.dep_ in ("compound", "amod") and t.head.i > t.i:
                t = t.head
            return self._mention_span(t)
        # "Antonov, ... said" misparsed: the token right before the cue.
        j = cue - 1
        if j >= 0 and self.in_quote[j] < 0 and doc[j].pos_ in ("PROPN", "PRON"):
            return self._mention_span(doc[j])
        return None

    def _subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if (
                child.dep_ in SUBJECT_DEPS
                and self.in_quote[child.i] < 0
                and child.lower_ not in ("there", "what", "that", "which")
                and not (
                    child.lower_ == "it"
                    and (child.dep_ != "nsubj" or verb.i not in self.cue_tokens)
                )
                and child.pos_ in ("PROPN", "PRON", "NOUN")
                and child.text[:1].isalpha()
                and child.ent_type_ not in ("DATE", "TIME")
            ):
                if child.lower_ in ("who", "whom") and verb.dep_ == "relcl":
                    return verb.head
                return child
        return None

    def _mention_span(self, head: Token) -> tuple[int, int]:
        """The speaker mention for a head token: its entity mention, or a short phrase."""
        doc = self.doc
        eid = self.tok_ent[head.i]
        if eid is not None:
            for s, e, m_id, cs, ce in self._mentions_at(head.i):
                if m_id == eid:
                    return (cs, ce)
        if head.pos_ == "PRON":
            return (head.idx, head.idx + len(head.text))
        left = head.left_edge.i
        right = head.i
        # Keep "a spokesman for the firm" but stop at commas, clauses and appositions.
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with"):
                right = max(right, child.right_edge.i)
            else:
                break
        toks = [t for t in doc[left : right + 1]]
        cut = [t.i for t in toks if t.text in (",", "(", "—", "–", ";") and t.i > head.i]
        if cut:
            toks = [t for t in toks if t.i < cut[0]]
        toks = [t for t in toks if self.in_quote[t.i] < 0] or [head]
        while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        if len(toks) > 12:
            toks = [head]
        return (toks[0].idx, toks[-1].idx + len(toks[-1].text))

    def _mentions_at(self, i: int):
        for m in self.mentions:
            if m[0] <= i < m[1]:
                yield m

    def _colon_heading(
        self, before: list[int], qi: int = -1
    ) -> tuple[tuple[int, int], tuple[int, int]] | None:
        doc = self.doc
        if not before and qi >= 0:
            # "Sanders made the following comment:" ending the paragraph before.
            ts = self.q_tokens[qi][0]
            j = ts - 1
            while j >= 0 and doc[j].is_space:
                j -= 1
            if j >= 0 and doc[j].text == ":" and self.in_quote[j] < 0:
                k = j - 1
                region_back = []
                while (
                    k >= 0
                    and self.in_quote[k] < 0
                    and doc[k].text not in SENT_END
                    and self.tok_para[k] == self.tok_para[j]
                ):
                    region_back.append(k)
                    k -= 1
                before = list(reversed(region_back)) + [j]
        if not before or doc[before[-1]].text != ":":
            return None
        region = before[:-1]
        colon = doc[before[-1]]
        if region:
            root = doc[region[-1]].sent.root if doc.has_annotation("SENT_START") else None
            if root is not None and root.i in region:
                subj = self._subject(root)
                if subj is not None and subj.i in region:
                    return self._mention_span(subj), (colon.idx, colon.idx + 1)
        for i in region:
            eid = self.tok_ent[i]
            if eid is not None and self.entities[eid]["type"] in ("PERSON", "ORG"):
                for s, e, m_id, cs, ce in self._mentions_at(i):
                    if m_id == eid:
                        colon = self.doc[before[-1]]
                        return (cs, ce), (colon.idx, colon.idx + 1)
        for i in region:
            t = self.doc[i]
            if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("ROOT", "nsubj"):
                colon = self.doc[before[-1]]
                return self._mention_span(t), (colon.idx, colon.idx + 1)
        return None

    def _continuation(self, qi: int, prev: list[dict[str, Any]]) -> dict[str, Any] | None:
        ts, te = self.q_tokens[qi]
        if ts == te:
            return None
        para = self.tok_para[ts]
        # The previous quote in the same paragraph.
        if prev and prev[-1].get("mention") and prev[-1]["para"] == para:
            return prev[-1]
        # The paragraph before carries on: its last attribution (quote or reported speech).
        first_tok_para = self.paras.ranges[para][0] if para >= 0 else -1
        if self.doc[ts].idx > first_tok_para + 2 and not self._only_quote_before(ts, para):
            return None
        p = para - 1
        while p >= 0 and para - p <= MAX_BACK_PARAGRAPHS:
            cand = [r for r in prev if r["para"] == p]
            attributed = [r for r in cand if r.get("mention")]
            reported = self._reported_speech(p)
            if attributed and (
                reported is None
                or attributed[-1]["cue_tok"] is None
                or reported["cue_tok"] <= attributed[-1]["cue_tok"]
            ):
                return attributed[-1]
            if reported is not None:
                return reported
            if cand:
                p -= 1  # a paragraph of unattributed quotes: look further back
                continue
            return None
        return None

    def _only_quote_before(self, ts: int, para: int) -> bool:
        i = ts - 1
        while i >= 0 and self.tok_para[i] == para:
            if self.in_quote[i] < 0 and not self.doc[i].is_punct:
                return False
            i -= 1
        return True

    def _reported_speech(self, para: int) -> dict[str, Any] | None:
        """The last cue with a subject in paragraph ``para`` (outside quotes)."""
        if para < 0 or para >= len(self.paras.ranges):
            return None
        s, e = self.paras.ranges[para]
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return None
        for tok in reversed(span):
            if tok.i in self.cue_tokens:
                mention = self._speaker_of_cue(tok.i, -1)
                if mention is not None:
                    return {
                        "mention": mention,
                        "cue": (tok.idx, tok.idx + len(tok.text)),
                        "speaker": self._resolve(mention, -1, at=tok.i),
                        "cue_tok": tok.i,
                        "para": para,
                    }
        return None

    # ------------------------------------------------------------------ resolution
    def _resolve(self, mention: tuple[int, int], qi: int, at: int | None = None) -> str | None:
        doc = self.doc
        span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span.root
        eid = self.tok_ent[root.i]
        if eid is not None and self.entities[eid]["type"] in ("PERSON", "ORG", "COUNTRY"):
            return eid
        if root.pos_ == "PROPN":
            for tok in span:
                eid = self.tok_ent[tok.i]
                if (
                    eid is not None
                    and tok.dep_ != "poss"
                    and self.entities[eid]["type"] in ("PERSON", "ORG")
                ):
                    return eid
            eid = self.by_alias.get(normalise_name(span.text))
            if eid is not None:
                return eid
        # "The Dutch company, Waterlijn Holdings, said": the apposition names it.
        for child in root.children:
            if child.dep_ == "appos":
                eid = self.tok_ent[child.i]
                if eid is not None and self.entities[eid]["type"] in ("PERSON", "ORG"):
                    return eid
        low = root.lower_
        if root.pos_ == "PRON" or low in PRONOUN_GENDER or low in ORG_PRONOUNS:
            return self._resolve_pronoun(low, span.start)
        if low in DOCUMENT_NOUNS:
            # "The book, by journalist Robert Peston, said": its author.
            for child in root.children:
                if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                    for obj in child.children:
                        eid = self.tok_ent[obj.i]
                        if (
                            obj.dep_ == "pobj"
                            and eid is not None
                            and self.entities[eid]["type"] in ("PERSON", "ORG")
                        ):
                            return eid
            # "his report said", "Mr Kok's report noted", "the Kok report said".
            for child in root.children:
                if child.dep_ in ("poss", "compound") and child.i < root.i:
                    eid = self.tok_ent[child.i]
                    if eid is None and child.dep_ == "poss":
                        # "Acme Corp's statement", the possessor not tagged as an entity
                        # here: a name the article uses elsewhere.
                        eid = self.by_alias.get(
                            normalise_name(
                                " ".join(t.text for t in child.subtree if t.tag_ != "POS")
                            )
                        )
                    if eid is not None and self.entities[eid]["type"] in ("PERSON", "ORG"):
                        return eid
                    if child.lower_ in PRONOUN_GENDER or child.lower_ in (
                        "his",
                        "her",
                        "its",
                        "their",
                    ):
                        return self._resolve_pronoun(
                            {"his": "he", "her": "she", "its": "it", "their": "they"}.get(
                                child.lower_, child.lower_
                            ),
                            span.start,
                        )
            return self.last_speaker(span.start)
        if low in ORG_NOUNS:
            # "The watchdog said" after "stock market regulator AMF": the organisation
            # described by the same kind of noun, else the nearest one in subject position.
            kinds = _SYNONYMS.get(low, {low})
            described = self._nearest(
                span.start,
                lambda e: e["type"] == "ORG" and bool(kinds & set(e.get("descriptors", ()))),
            )
            if described is not None:
                return described
            return self._nearest(span.start, lambda e: e["type"] == "ORG", prefer_subject=True)
        if root.tag_ == "NNS":
            # "G7 ministers said": a group speaking for the organisation that names it.
            for child in root.children:
                eid = self.tok_ent[child.i]
                if (
                    child.dep_ == "compound"
                    and eid is not None
                    and self.entities[eid]["type"] == "ORG"
                ):
                    return eid
        titles_match = [
            t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ != "det"
        ]
        if root.pos_ == "NOUN" and any(
            t.dep_ == "det" and t.lower_ == "the" for t in root.children
        ):

            def has_title(e: dict[str, Any]) -> bool:
                if e["type"] != "PERSON":
                    return False
                for title in e.get("titles", ()):
                    words = title.lower().split()
                    if (
                        low in words
                        and all(w in words for w in titles_match)
                        and not (TITLE_QUALIFIERS & (set(words) - set(titles_match)))
                    ):
                        return True
                return False

            found = self._nearest(span.start, has_title)
            if found is None and low in self.comp.person_titles:
                # "Tony Blair has dismissed reports … the prime minister told the BBC":
                # nobody holds the title in the text, so the nearest person in subject
                # position who has no other title.
                found = self._nearest(
                    span.start,
                    lambda e: e["type"] == "PERSON" and not e.get("titles"),
                    prefer_subject=True,
                    subjects_only=True,
                )
            return found
        return None

    def last_speaker(self, before_tok: int) -> str | None:
        """The speaker of the latest quote attributed before ``before_tok``."""
        best = None
        for r in self._results:
            tok = r.get("cue_tok")
            if r.get("speaker") and tok is not None and tok < before_tok:
                best = r["speaker"]
        return best

    def _resolve_pronoun(self, low: str, before_tok: int) -> str | None:
        if low in PRONOUN_GENDER:
            g = PRONOUN_GENDER[low]
            return self._nearest(
                before_tok,
                lambda e: e["type"] == "PERSON" and e.get("gender") in (g, None),
                prefer_subject=True,
                pronoun=low,
            )
        if low == "it":
            return self._nearest(before_tok, lambda e: e["type"] in ("ORG",), prefer_subject=True)
        if low in ("they", "we"):
            # Only an organisation that was itself the subject: "Students from Kestrel
            # College marched … they said" is about the students.
            return self._nearest(
                before_tok, lambda e: e["type"] == "ORG", prefer_subject=True, subjects_only=True
            )
        return None

    def _nearest(
        self,
        before_tok: int,
        ok,
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
        doc = self.doc
        if not prefer_subject:
            para = self.tok_para[before_tok] if before_tok < len(self.tok_para) else -1
            for s, e, eid, _, _ in reversed(self.mentions):
                if s >= before_tok or self.in_quote[s] >= 0:
                    continue
                if para - self.tok_para[s] > MAX_BACK_PARAGRAPHS:
                    break
                if ok(self.entities[eid]):
                    return eid
            return None
        by_sent = self.mentions_by_sentence()
        if not self.sent_starts:
            return None
        k = bisect_right(self.sent_starts, min(before_tok, len(doc) - 1)) - 1
        para = self.tok_para[before_tok] if before_tok < len(self.tok_para) else -1
        while k >= 0:
            sent_start = self.sent_starts[k]
            if para - self.tok_para[sent_start] > MAX_BACK_PARAGRAPHS:
                break
            cands = [
                (s, e, eid)
                for s, e, eid in by_sent.get(k, ())
                if s < before_tok and self.in_quote[s] < 0 and ok(self.entities[eid])
            ]
            root = self.sent_roots[k]
            subj = self._subject(root) if root is not None else None
            if subj is not None and subj.i < before_tok and self.in_quote[subj.i] < 0:
                eid = self.tok_ent[subj.i]
                if eid is not None and ok(self.entities[eid]):
                    return eid
                if pronoun and subj.lower_ == pronoun:
                    k -= 1
                    continue
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
                        eid = self._resolve(self._mention_span(subj), -1)
                    finally:
                        self._resolving = False
                    if eid is not None and ok(self.entities[eid]):
                        return eid
            for s, e, eid in cands:
                if doc[e - 1].dep_ in SUBJECT_DEPS:
                    return eid
            if subjects_only:
                k -= 1
                continue
            for s, e, eid in cands:
                if doc[e - 1].dep_ != "poss":
                    return eid
            if cands:
                return cands[0][2]
            k -= 1
        return None

    def mentions_by_sentence(self) -> dict[int, list[tuple[int, int, str]]]:
        if self._by_sent is None:
            self._by_sent = {}
            for s, e, eid, _, _ in self.mentions:
                k = bisect_right(self.sent_starts, s) - 1
                self._by_sent.setdefault(k, []).append((s, e, eid))
        return self._by_sent

    # ------------------------------------------------------------------ relays
    def assign_via(self, results: list[dict[str, Any]]) -> None:
        """Set ``via`` on each result (see the module docstring)."""
        frames = [f for f in self.frames if f.get("source")]
        for r in results:
            r["via"] = None
        if not frames:
            return
        doc = self.doc
        prev: dict[str, Any] | None = None
        interview: dict[str, str] = {}  # speaker -> source of an interview they gave
        for qi, r in enumerate(results):
            q = self.quotes[qi]
            # The quote's own clause: the regions around it and the sentence of its cue.
            lo, hi = q["start"], q["end"]
            before, after = self._regions(qi)
            if before:
                lo = min(lo, doc[before[0]].idx)
            if after:
                hi = max(hi, doc[after[-1]].idx + len(doc[after[-1]].text))
            anchor = r.get("cue_tok")
            if anchor is not None and r.get("rule") != "continuation":
                sent = doc[anchor].sent
                lo, hi = min(lo, sent.start_char), max(hi, sent.end_char)
            for f in frames:
                fs = f["start"]
                if (
                    lo <= fs < hi
                    and not (q["start"] <= fs < q["end"])
                    and not self._inside_speaker_phrase(fs, r)
                ):
                    sh = f.get("speaker_head")
                    if sh is None or r.get("mention") is None or self._same_speaker(sh, r):
                        r["via"] = f["source"]
                        break
            according = any(self.cue_tokens.get(i) == "according to" for i in before + after)
            spk = r.get("speaker")
            para = r.get("para", -1)
            if (
                r["via"] is None
                and spk is not None
                and prev is not None
                and prev.get("speaker") == spk
                and prev.get("via")
                and 0 <= para - prev.get("para", -1) <= 1
                and r.get("rule") in ("continuation", "cue")
                and (r.get("rule") == "continuation" or self._is_pronoun(r.get("mention")))
            ):
                # '"…," X told Reuters. "…," he added.': the same speaker carries on.
                r["via"] = prev["via"]
            if r["via"] is None and spk is not None and spk in interview and not according:
                # "X told the BBC …" earlier: X's later quotes come from that interview.
                r["via"] = interview[spk]
            if r["via"] is None and spk is not None:
                # A reporting frame just before, attached to this speaker: "Antonov said …,
                # the Interfax news agency reported." then '"…," Antonov said.'
                for f in reversed(frames):
                    if f["end"] > q["start"]:
                        continue
                    fpara = self.paras.index(f["start"])
                    if para - fpara > 1:
                        break
                    if (
                        f.get("frame")
                        in ("agency_reported", "reported", "report_by", "reported_by")
                        and self._frame_speaker(f) == spk
                    ):
                        r["via"] = f["source"]
                        break
            prev = r
            if r["via"] is not None and spk is not None:
                for f in frames:
                    if (
                        f["source"] == r["via"]
                        and f.get("frame") in INTERVIEW_FRAMES
                        and lo <= f["start"] < hi
                    ):
                        interview[spk] = r["via"]

    def _inside_speaker_phrase(self, char_off: int, r: dict[str, Any]) -> bool:
        """'The book, by Sunday Telegraph journalist Robert Peston, said': the newspaper
        describes the speaker; it relays nothing."""
        if not r.get("mention"):
            return False
        span = self.doc.char_span(char_off, char_off + 1, alignment_mode="expand")
        ms = self.doc.char_span(r["mention"][0], r["mention"][1], alignment_mode="expand")
        if span is None or ms is None or len(ms) == 0:
            return False
        root = ms.root
        cue = r.get("cue_tok")
        tok = span[0]
        for _ in range(10):
            if tok.i == root.i:
                return True
            if tok.head.i == tok.i or tok.i == cue or tok.dep_ in ("ccomp", "advcl", "ROOT"):
                return False
            tok = tok.head
        return False

    def _is_pronoun(self, mention: tuple[int, int] | None) -> bool:
        if not mention:
            return False
        return self.text[mention[0] : mention[1]].lower() in ("he", "she", "they", "it", "we")

    def _same_speaker(self, char_off: int, r: dict[str, Any]) -> bool:
        s, e = r["mention"]
        if s <= char_off < e:
            return True
        span = self.doc.char_span(char_off, char_off + 1, alignment_mode="expand")
        if span is None:
            return False
        eid = self.tok_ent[span.start]
        return eid is not None and eid == r.get("speaker")

    def _frame_speaker(self, f: dict[str, Any]) -> str | None:
        sh = f.get("speaker_head")
        if sh is None:
            # "X said ..., the Interfax news agency reported": the subject of a cue
            # in the frame's sentence.
            sent = f.get("sentence")
            if not sent:
                return None
            span = self.doc.char_span(sent[0], sent[1], alignment_mode="expand")
            if span is None:
                return None
            cue = f.get("cue") or (f["start"], f["end"])
            for tok in span:
                if (
                    tok.i in self.cue_tokens
                    and not (f["start"] <= tok.idx < f["end"])
                    and not (cue[0] <= tok.idx < cue[1])
                ):
                    subj = self._subject(tok)
                    if subj is not None and self.tok_ent[subj.i] is not None:
                        return self.tok_ent[subj.i]
            return None
        span = self.doc.char_span(sh, sh + 1, alignment_mode="expand")
        if span is None:
            return None
        return self._resolve((span.start_char, span.end_char), -1)


@Language.factory(
    "quotekit_attribution",
    assigns=["doc._.quotekit_quotes", "doc.spans"],
    requires=["doc._.quotekit_quotes", "doc._.quotekit_entities", "token.dep"],
    default_config={
        "cues": {"@misc": "quotekit.reporting_cues.v1"},
        "cue_classes": ["speech", "written", "evaluative", "question"],
        "speakers_key": SPAN_KEYS["speakers"],
        "cues_key": SPAN_KEYS["cues"],
        "quotes_key": SPAN_KEYS["quotes"],
        "entities_key": SPAN_KEYS["entities"],
        "terms_key": SPAN_KEYS["terms"],
        "keep_unattributed_partial": False,
        "titles": {"@misc": "quotekit.titles.v1"},
        "forenames": {"@misc": "quotekit.forenames.v1"},
    },
)
def make_attribution(
    nlp: Language,
    name: str,
    cues: dict[str, Any],
    cue_classes: list[str],
    speakers_key: str,
    cues_key: str,
    quotes_key: str,
    entities_key: str,
    terms_key: str,
    keep_unattributed_partial: bool,
    titles: dict[str, Any],
    forenames: dict[str, list[str]],
) -> Attribution:
    return Attribution(
        nlp,
        name,
        cues,
        speakers_key,
        cues_key,
        quotes_key,
        entities_key,
        cue_classes,
        terms_key,
        keep_unattributed_partial,
        titles,
        forenames,
    )
