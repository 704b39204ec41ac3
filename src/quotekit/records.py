"""Typed dictionaries of quotekit's output records, for type checkers.

``Article.to_dict()`` returns an ``ArticleRecord``; a line of ``quotekit extract
--format jsonl`` is an ``ArticleRecord`` or, for an input that failed, an
``ErrorRecord``. They mirror ``quotekit/data/output.schema.json`` key for key
(a test keeps them equal) and docs/output-format.md describes the values.

>>> from quotekit.records import ArticleRecord
>>> def speakers(record: ArticleRecord) -> list[str | None]:
...     return [q["speaker"] for q in record["quotes"]]
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
    "ArticleRecord",
    "EntityRecord",
    "ErrorInfo",
    "ErrorRecord",
    "MentionRecord",
    "OutputRecord",
    "QuoteRecord",
    "ReportedRecord",
    "SourceRecord",
    "SpanRecord",
]

QuoteKind = Literal["full", "partial"]
QuoteRule = Literal["cue", "colon", "dash", "continuation"]
#: May grow in a later version (docs/output-format.md).
EntityType = Literal["PERSON", "COUNTRY", "ORG", "NORP", "LOC"]
SourceKind = Literal["news_agency", "newspaper", "broadcaster", "online", "magazine"]
SourceRole = Literal["dateline", "cited", "credit"]


class MentionRecord(TypedDict):
    """A stretch of the input text: ``text == input[start:end]``."""

    start: int
    end: int
    text: str


#: The same shape under the name the schema's docs use for speaker mentions and cues.
SpanRecord = MentionRecord


class QuoteRecord(TypedDict):
    """A direct quotation; ``start``/``end`` cover its marks."""

    id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_mention: MentionRecord | None
    cue: MentionRecord | None
    via: str | None
    rule: QuoteRule | None


class ReportedRecord(TypedDict):
    """Reported speech (no quotation marks); ``start``/``end`` are its content's."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_mention: MentionRecord | None
    cue: MentionRecord | None
    via: str | None


class EntityRecord(TypedDict):
    """A person, country, organisation, group or place, resolved in the article."""

    id: str
    type: EntityType
    name: str
    aliases: list[str]
    mentions: list[MentionRecord]
    titles: list[str]
    affiliation: str | None
    iso: str | None


class SourceRecord(TypedDict):
    """A news organisation in a reporting role."""

    id: str
    name: str
    kind: SourceKind
    roles: list[SourceRole]
    mentions: list[MentionRecord]


class ArticleRecord(TypedDict):
    """``Article.to_dict()``."""

    id: str | None
    quotes: list[QuoteRecord]
    reported: list[ReportedRecord]
    entities: list[EntityRecord]
    sources: list[SourceRecord]


class ErrorInfo(TypedDict):
    """The ``error`` of an error record."""

    code: str
    message: str
    input: str


class ErrorRecord(TypedDict):
    """Stands in for an input that failed; the lists are always empty."""

    id: str | None
    error: ErrorInfo
    quotes: list[QuoteRecord]
    reported: list[ReportedRecord]
    entities: list[EntityRecord]
    sources: list[SourceRecord]


#: One line of ``quotekit extract --format jsonl``.
OutputRecord = ArticleRecord | ErrorRecord
