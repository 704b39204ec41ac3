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
3. ``continuation``: a quote with no cue (or whose only cue, in the sentence before,
   names no one) takes the speaker of the quote or
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

With ``reported`` on (the default), the component also finds reported speech,
attributions without quotation marks, with a learned model over candidates from the
parse (``_attribution/reported.py``, docs/reported-speech.md), resolves each source
mention like a quote's and writes ``doc._.quotekit_reported`` and its span group.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEYS, ensure_extensions
from ..registry import attribution_words_v1, organisation_words_v1, reported_model_v1
from ._attribution.context import DocContext, offsets_record
from ._attribution.reported import ReportedModel
from ._attribution.words import Words, build_words
from ._spans import char_span

#: Characters stripped from the ends of a scare quote to find its words.
QUOTE_MARKS = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a"
#: Rules by which a quote's own sentence names its speaker: a scare quote is kept only
#: when one of them attributes it.
SENTENCE_RULES = frozenset({"cue", "dash"})


class Attribution:
    """Attribute quotes to speakers; see the module docstring.

    nlp (Language): the pipeline (its vocab and tokenizer build the phrase matcher).
    name (str): the component's name.
    cues (dict): the cue table (``quotekit.reporting_cues.v1``).
    speakers_key, cues_key, quotes_key, entities_key, terms_key (str): span-group keys.
    cue_classes (list[str]): the verb classes that count as cues.
    keep_unattributed_partial (bool): keep a partial quote nobody is said to have said
        (by default it moves to the marked terms).
    titles (dict | None): the titles table (``quotekit.titles.v1``).
    forenames (dict | None): male and female forenames (``quotekit.forenames.v1``).
    words (dict | None): the attribution word lists (``quotekit.attribution_words.v1``;
        the shipped ones if None).
    organisation_words (dict | None): words about organisations
        (``quotekit.organisation_words.v1``; the shipped ones if None).
    reported (bool): find reported speech too (``doc._.quotekit_reported``).
    reported_model (dict | None): the reported-speech model
        (``quotekit.reported_model.v1``; the shipped one if None).
    reported_key (str): the span-group key of reported speech.
    """

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
        words: dict[str, Any] | None = None,
        organisation_words: dict[str, Any] | None = None,
        reported: bool = True,
        reported_model: dict[str, Any] | None = None,
        reported_key: str = SPAN_KEYS["reported"],
    ):
        self.name = name
        self.reported_key = reported_key
        self.reported_model: ReportedModel | None = None
        if reported:
            self.reported_model = ReportedModel.from_dict(
                reported_model if reported_model is not None else reported_model_v1()
            )
        self.terms_key = terms_key
        self.keep_unattributed_partial = keep_unattributed_partial
        self.speakers_key = speakers_key
        self.cues_key = cues_key
        self.quotes_key = quotes_key
        self.entities_key = entities_key
        ensure_extensions()
        self.words: Words = build_words(
            words if words is not None else attribution_words_v1(),
            cues,
            cue_classes,
            titles,
            forenames,
            organisation_words if organisation_words is not None else organisation_words_v1(),
        )
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_matcher.add("CUE", [nlp.make_doc(text) for text in self.words.cue_phrases])

    # ------------------------------------------------------------------ pipeline API
    def __call__(self, doc: Doc) -> Doc:
        quotes = self._with_scare_quotes(doc, list(doc._.quotekit_quotes or []))
        if not quotes:
            doc.spans[self.speakers_key] = []
            doc.spans[self.cues_key] = []
            if self.reported_model is not None:
                self._reported(doc, DocContext(doc, [], self.words, self.phrase_matcher), [])
            return doc
        context = DocContext(doc, quotes, self.words, self.phrase_matcher)
        results = context.run()
        quotes, results = self._drop_unattributed_partials(doc, quotes, results)
        speakers, cue_spans, quote_spans = self._complete_quotes(doc, quotes, results)
        doc._.quotekit_quotes = quotes
        if self.reported_model is not None:
            self._reported(doc, context, quotes)
        if context.new_entities:
            self._add_entities(doc, context.new_entities)
        doc.spans[self.speakers_key] = speakers
        doc.spans[self.cues_key] = cue_spans
        doc.spans[self.quotes_key] = quote_spans
        return doc

    def _reported(self, doc: Doc, context: DocContext, quotes: list[dict[str, Any]]) -> None:
        """Reported speech (``doc._.quotekit_reported`` and its span group)."""
        assert self.reported_model is not None
        records = context.reported(self.reported_model, quotes)
        spans = []
        for r in records:
            span = char_span(
                doc,
                r["start"],
                r["end"],
                label="reported",
                kb_id=r["speaker"] or "",
                span_id=r["id"],
            )
            if span is not None:
                spans.append(span)
        doc._.quotekit_reported = records
        doc.spans[self.reported_key] = spans

    def _with_scare_quotes(self, doc: Doc, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The quotes and, as candidate partial quotes, the marked terms the scanner took
        for scare quotes (``label_`` "scare"); they leave the marked terms here and go
        back unless their own sentence names who said them."""
        if self.terms_key not in doc.spans:
            return quotes
        terms = list(doc.spans[self.terms_key])
        scare = [sp for sp in terms if sp.label_ == "scare"]
        if not scare:
            return quotes
        doc.spans[self.terms_key] = [sp for sp in terms if sp.label_ != "scare"]
        exact = doc._.quotekit_scare
        if exact is None:  # a Doc made before the exact offsets were kept
            text = doc.text
            exact = []
            for sp in scare:
                cs, ce = sp.start_char, sp.end_char
                while cs < ce and text[cs] in QUOTE_MARKS:
                    cs += 1
                while ce > cs and text[ce - 1] in QUOTE_MARKS:
                    ce -= 1
                exact.append([sp.start_char, sp.end_char, cs, ce])
        for start, end, cs, ce in exact:
            quotes.append(
                {
                    "id": "",
                    "start": start,
                    "end": end,
                    "content_start": cs,
                    "content_end": ce,
                    "kind": "partial",
                    "closed": True,
                    "scare": True,
                }
            )
        quotes.sort(key=lambda q: q["start"])
        for i, q in enumerate(quotes):
            q["id"] = f"q{i}"
        return quotes

    def _unattributed(self, q: dict[str, Any], r: dict[str, Any]) -> bool:
        """A partial quote nobody is said to have said (kept with
        ``keep_unattributed_partial``); a scare quote unless its own sentence names a
        speaker."""
        if q.pop("scare", False):
            return r.get("mention") is None or r.get("rule") not in SENTENCE_RULES
        return (
            not self.keep_unattributed_partial
            and q["kind"] == "partial"
            and r.get("mention") is None
        )

    def _drop_unattributed_partials(
        self, doc: Doc, quotes: list[dict[str, Any]], results: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """A few words in marks that nobody is said to have said are a marked term (scare
        quotes, a slogan, a name): move them to the marked terms; renumber the rest."""
        unattributed = [self._unattributed(q, r) for q, r in zip(quotes, results)]
        dropped = [q for q, u in zip(quotes, unattributed) if u]
        if not dropped:
            return quotes, results
        terms = list(doc.spans[self.terms_key]) if self.terms_key in doc.spans else []
        for q in dropped:
            span = char_span(doc, q["start"], q["end"], label="term")
            if span is not None:
                terms.append(span)
        terms.sort(key=lambda sp: (sp.start, sp.end))
        doc.spans[self.terms_key] = terms
        kept = [(q, r) for q, r, u in zip(quotes, results, unattributed) if not u]
        quotes = [q for q, _ in kept]
        results = [r for _, r in kept]
        renumber = {q["id"]: f"q{i}" for i, q in enumerate(quotes)}
        for q in quotes:
            q["id"] = renumber[q["id"]]
        return quotes, results

    def _complete_quotes(
        self, doc: Doc, quotes: list[dict[str, Any]], results: list[dict[str, Any]]
    ) -> tuple[list[Span], list[Span], list[Span]]:
        """Complete the quote records; RETURNS the speaker, cue and quote spans."""
        speakers: list[Span] = []
        cue_spans: list[Span] = []
        quote_spans: list[Span] = []
        for q, res in zip(quotes, results):
            q["speaker"] = res.get("speaker")
            q["speaker_mention"] = offsets_record(res.get("mention"))
            q["cue"] = offsets_record(res.get("cue"))
            q["via"] = res.get("via")
            q["rule"] = res.get("rule")
            kb_id = q["speaker"] or ""
            for pair, label, group in (
                (res.get("mention"), "SPEAKER", speakers),
                (res.get("cue"), "CUE", cue_spans),
            ):
                if pair:
                    span = char_span(
                        doc, pair[0], pair[1], label=label, kb_id=kb_id, span_id=q["id"]
                    )
                    if span is not None:
                        group.append(span)
            span = char_span(
                doc, q["start"], q["end"], label=q["kind"], kb_id=kb_id, span_id=q["id"]
            )
            if span is not None:
                quote_spans.append(span)
        return speakers, cue_spans, quote_spans

    def _add_entities(self, doc: Doc, new_entities: list[dict[str, Any]]) -> None:
        """Add the speakers the model did not tag to the entities and their span group."""
        doc._.quotekit_entities = list(doc._.quotekit_entities or []) + new_entities
        group = list(doc.spans[self.entities_key]) if self.entities_key in doc.spans else []
        for rec in new_entities:
            for s, e in rec["mentions"]:
                span = char_span(doc, s, e, label=rec["type"], kb_id=rec["id"])
                if span is not None:
                    group.append(span)
        doc.spans[self.entities_key] = group


@Language.factory(
    "quotekit_attribution",
    assigns=[
        "doc._.quotekit_quotes",
        "doc._.quotekit_entities",
        "doc._.quotekit_reported",
        "doc.spans",
    ],
    requires=[
        "doc._.quotekit_quotes",
        "doc._.quotekit_entities",
        "doc._.quotekit_paragraphs",
        "doc._.quotekit_source_frames",
        "doc.spans",
        "doc.sents",
        "token.is_sent_start",
        "token.dep",
        "token.head",
        "token.pos",
        "token.tag",
        "token.ent_type",
    ],
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
        "words": {"@misc": "quotekit.attribution_words.v1"},
        "organisation_words": {"@misc": "quotekit.organisation_words.v1"},
        "reported": True,
        "reported_model": {"@misc": "quotekit.reported_model.v1"},
        "reported_key": SPAN_KEYS["reported"],
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
    words: dict[str, Any],
    organisation_words: dict[str, Any],
    reported: bool,
    reported_model: dict[str, Any],
    reported_key: str,
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
        words,
        organisation_words,
        reported,
        reported_model,
        reported_key,
    )
