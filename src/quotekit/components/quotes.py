"""quotekit_quotes: every direct quotation of the article, as spans.

The character-level work (pairing marks, apostrophes, nesting, multi-paragraph
quotes, recovery from unbalanced marks, telling quotations from titles and scare
quotes) is done by :func:`quotekit.components._quotes.scan` on the raw text, so
offsets index the input exactly. This component stores the results:

* ``doc._.quotekit_quotes``: one plain dict per quote (``id``, ``start``, ``end``,
  ``content_start``, ``content_end``, ``kind``, ``closed``); the attribution
  component adds the speaker, cue and relay to the same records;
* span groups: quotes (``label_`` = kind, ``id_`` = quote id), nested quotes,
  and marked terms that are not quotations (``label_`` = ``term``, or ``scare`` for
  a few lower-case words in a sentence with no reporting word: the attribution
  component keeps those as partial quotes when their sentence names who said them).

The scanner's word lists come from the ``words`` config (``quotekit.quote_words.v1``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import Errors, QuotekitError
from ..extensions import SPAN_KEYS, ensure_extensions
from ..text.quotemarks import ALL_STYLES
from ._quotes import MarkedSpan, QuoteWords, scan
from ._spans import char_span

#: Mark styles (see ``quotekit.text.quotemarks.ALL_STYLES``); a config may narrow them.
STYLES = tuple(sorted(ALL_STYLES))

#: Boilerplate that never holds a quotation.
NO_QUOTES_IN = {"caption", "editors_note", "paywall"}


class QuoteFinder:
    """Find quotations; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        styles: list[str],
        spans_key: str,
        nested_key: str,
        terms_key: str,
        words: dict[str, Any] | None = None,
    ):
        """Build the component.

        styles (list[str]): the quote styles that may open a quotation.
        spans_key, nested_key, terms_key (str): the span-group keys it writes.
        words (dict | None): the scanner's word lists (``quotekit.quote_words.v1``);
            None: the shipped ones.
        RAISES (QuotekitError): E005 for an unknown style, E070 for a malformed word list.
        """
        unknown = set(styles) - ALL_STYLES
        if unknown:
            raise QuotekitError(
                Errors.E005.format(styles=sorted(unknown), valid=sorted(ALL_STYLES))
            )
        self.name = name
        self.styles = frozenset(styles)
        self.spans_key = spans_key
        self.nested_key = nested_key
        self.terms_key = terms_key
        self.words = QuoteWords.from_table(words) if words is not None else None
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        result = scan(doc.text, self.styles, self.words)
        skip = [(s, e) for s, e, lab in (doc._.quotekit_boilerplate or ()) if lab in NO_QUOTES_IN]

        def kept(q: MarkedSpan) -> bool:
            return not any(s <= q.start < e for s, e in skip)

        records: list[dict[str, Any]] = []
        spans: list[Span] = []
        for q in filter(kept, result.quotes):
            qid = f"q{len(records)}"
            records.append(_record(q, qid))
            span = char_span(doc, q.start, q.end, label=q.kind, span_id=qid)
            if span is not None:
                spans.append(span)
        doc._.quotekit_quotes = records
        doc.spans[self.spans_key] = spans
        doc.spans[self.nested_key] = _spans(doc, result.nested)
        terms = [t for t in result.terms if kept(t)]
        doc.spans[self.terms_key] = [
            span
            for t in terms
            if (span := char_span(doc, t.start, t.end, label="scare" if t.scare else "term"))
            is not None
        ]
        # the token spans may reach past the marks ('0«the.»'): the exact offsets
        doc._.quotekit_scare = [
            [t.start, t.end, t.content_start, t.content_end] for t in terms if t.scare
        ]
        return doc


def _record(q: MarkedSpan, qid: str) -> dict[str, Any]:
    return {
        "id": qid,
        "start": q.start,
        "end": q.end,
        "content_start": q.content_start,
        "content_end": q.content_end,
        "kind": q.kind,
        "closed": q.closed,
    }


def _spans(doc: Doc, found: Any, label: str | None = None) -> list[Span]:
    """Token spans for marked spans, labelled with their kind (or ``label``)."""
    out = []
    for q in found:
        span = char_span(doc, q.start, q.end, label=label or q.kind)
        if span is not None:
            out.append(span)
    return out


@Language.factory(
    "quotekit_quotes",
    assigns=["doc._.quotekit_quotes", "doc._.quotekit_scare", "doc.spans"],
    requires=["doc._.quotekit_boilerplate"],
    default_config={
        "styles": list(STYLES),
        "spans_key": SPAN_KEYS["quotes"],
        "nested_key": SPAN_KEYS["nested"],
        "terms_key": SPAN_KEYS["terms"],
        "words": {"@misc": "quotekit.quote_words.v1"},
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    styles: list[str],
    spans_key: str,
    nested_key: str,
    terms_key: str,
    words: dict[str, Any],
) -> QuoteFinder:
    return QuoteFinder(nlp, name, styles, spans_key, nested_key, terms_key, words)
