"""The ``Doc`` extensions and span-group keys that quotekit's components share.

Extensions hold plain data only (ints, strings, lists and dicts of them), never
``Span`` objects, so they survive ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Default span-group keys. Components take their key from their config.
SPAN_KEYS = {
    "quotes": "quotekit_quotes",
    "nested": "quotekit_nested_quotes",
    "terms": "quotekit_marked_terms",
    "speakers": "quotekit_speakers",
    "cues": "quotekit_cues",
    "entities": "quotekit_entities",
    "sources": "quotekit_sources",
    "reported": "quotekit_reported",
    "boilerplate": "quotekit_boilerplate",
}

_EXTENSIONS = (
    "quotekit_id",  # str | None: the article id given by the caller
    "quotekit_quotes",  # list[dict]: quote records (offsets, kind, speaker, cue, via)
    "quotekit_entities",  # list[dict]: entity records (id, type, name, aliases, ...)
    "quotekit_sources",  # list[dict]: source records (id, name, kind, roles)
    "quotekit_reported",  # list[dict]: reported-speech records (like quote records)
    "quotekit_boilerplate",  # list[[start, end, label]]: captions, editors' notes, paywall
    "quotekit_paragraphs",  # list[[start, end]]: paragraph character ranges
    # list[[start, end, content_start, content_end]]: the exact offsets of the marked
    # terms taken for scare quotes (their token spans are label "scare" in the terms)
    "quotekit_scare",
)


def ensure_extensions() -> None:
    """Register quotekit's ``Doc`` extensions (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


ensure_extensions()
