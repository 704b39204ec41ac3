"""quotekit_quotes: every direct quotation of the article, as spans.

The character-level work (pairing marks, apostrophes, nesting, multi-paragraph
quotes, recovery from unbalanced marks, telling quotations from titles and scare
quotes) is done by :func:`quotekit.quotemarks.scan` on the raw text, so offsets
index the input exactly. This component stores the results:

* ``doc._.quotekit_quotes``: one plain dict per quote (``id``, ``start``, ``end``,
  ``content_start``, ``content_end``, ``kind``, ``closed``); the attribution
  component adds the speaker, cue and relay to the same records;
* span groups: quotes (``label_`` = kind, ``id_`` = quote id), nested quotes,
  and marked terms that are not quotations.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, QuotekitError
from ..extensions import SPAN_KEYS, ensure_extensions
from ._spans import char_span

#: Mark styles (see ``quotekit.quotemarks.ALL_STYLES``); a config may narrow them.
STYLES = (
    "double_curly",
    "double_straight",
    "guillemets",
    "low9",
    "single_curly",
    "single_guillemets",
    "single_straight",
)

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
    ):
        from ..quotemarks import ALL_STYLES, scan

        self._scan = scan
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
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        result = self._scan(doc.text, self.styles)
        skip = [(s, e) for s, e, lab in (doc._.quotekit_boilerplate or ()) if lab in NO_QUOTES_IN]

        def skipped(start: int) -> bool:
            return any(s <= start < e for s, e in skip)

        records = []
        spans = []
        for q in result.quotes:
            if skipped(q.start):
                continue
            qid = f"q{len(records)}"
            records.append(
                {
                    "id": qid,
                    "start": q.start,
                    "end": q.end,
                    "content_start": q.content_start,
                    "content_end": q.content_end,
                    "kind": q.kind,
                    "closed": q.closed,
                }
            )
            span = char_span(doc, q.start, q.end, label=q.kind, span_id=qid)
            if span is not None:
                spans.append(span)
        doc._.quotekit_quotes = records
        doc.spans[self.spans_key] = spans
        doc.spans[self.nested_key] = [
            s
            for s in (char_span(doc, q.start, q.end, label=q.kind) for q in result.nested)
            if s is not None
        ]
        doc.spans[self.terms_key] = [
            s
            for s in (
                char_span(doc, q.start, q.end, label="term")
                for q in result.terms
                if not skipped(q.start)
            )
            if s is not None
        ]
        return doc


@Language.factory(
    "quotekit_quotes",
    assigns=["doc._.quotekit_quotes", "doc.spans"],
    default_config={
        "styles": list(STYLES),
        "spans_key": SPAN_KEYS["quotes"],
        "nested_key": SPAN_KEYS["nested"],
        "terms_key": SPAN_KEYS["terms"],
    },
)
def make_quotes(
    nlp: Language, name: str, styles: list[str], spans_key: str, nested_key: str, terms_key: str
) -> QuoteFinder:
    return QuoteFinder(nlp, name, styles, spans_key, nested_key, terms_key)
