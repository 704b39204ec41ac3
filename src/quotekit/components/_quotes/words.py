"""The word lists the quote scanner reads, frozen once per component.

They come from the lexicon ``quote_words`` (``quotekit.quote_words.v1``, built from
``scripts/tables/lexicons/quote_words.tsv``), which says what each list is for.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from ...errors import Errors, QuotekitError
from ...registry import quote_words_v1


@attrs.frozen
class QuoteWords:
    """The scanner's word lists, as frozensets of lower-case words."""

    #: words after an apostrophe that make it an elision ('tis, 'em, rock 'n' roll)
    elisions: frozenset[str]
    #: words of saying and calling: near a marked span they make it a quotation
    reporting: frozenset[str]
    #: words before the opening mark that make the marked words a name or a title
    term_cues: frozenset[str]
    #: words skipped between a term cue and the mark (the book "...")
    cue_determiners: frozenset[str]
    #: first- and second-person words: a span holding one is somebody speaking
    pronouns: frozenset[str]
    #: words that may stay lower-case inside a Title-Case span
    title_small_words: frozenset[str]
    #: lower-case words after a span that do not make it a marked modifier
    function_words: frozenset[str]
    #: first words that make a marked span a sentence, not a title
    verb_starts: frozenset[str]
    #: a Title-Case span after one of these is named, not quoted
    prepositions: frozenset[str]

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> QuoteWords:
        """The word lists of a ``quote_words`` table (``{list name: [words]}``).

        table (Mapping[str, Any]): what ``quotekit.quote_words.v1`` returns.
        RETURNS (QuoteWords): the frozen lists.
        RAISES (QuotekitError): E070 when a list is missing or is not a list of strings.
        """
        lists = {}
        for field in attrs.fields(cls):
            words = table.get(field.name) if isinstance(table, Mapping) else None
            if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) for w in words):
                raise QuotekitError(Errors.E070.format(name=field.name, value=words))
            lists[field.name] = frozenset(words)
        return cls(**lists)


@functools.lru_cache(maxsize=1)
def default_words() -> QuoteWords:
    """The shipped word lists (``quotekit.quote_words.v1`` with no arguments), cached."""
    return QuoteWords.from_table(quote_words_v1())
