"""Value objects that a user reads: Article, Quote, Reported, Entity, Source, Mention.

They are views built from a processed ``Doc`` after the pipeline
(``Article.from_doc``); everything they need lives in span groups and plain-data
``Doc`` extensions, so it survives ``DocBin`` and ``nlp.pipe(n_process=2)``.
``Article.to_dict()`` produces the JSON contract of ``docs/output-format.md``.
"""

from __future__ import annotations

from typing import Any, cast

import attrs
from spacy.tokens import Doc

from .errors import Errors, QuotekitError, Warnings, warn
from .extensions import SPAN_KEYS, ensure_extensions
from .records import (
    ArticleRecord,
    EntityRecord,
    EntityType,
    ErrorInfo,
    ErrorRecord,
    MentionRecord,
    QuoteKind,
    QuoteRecord,
    QuoteRule,
    ReportedRecord,
    SourceKind,
    SourceRecord,
    SourceRole,
)
from .render import render_html, render_notebook


@attrs.frozen
class Mention:
    """A stretch of the input text. ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> MentionRecord:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_offsets(cls, text: str, start: int, end: int) -> Mention:
        return cls(start, end, text[start:end])


@attrs.frozen
class Quote:
    """A direct quotation: ``start``/``end`` cover its marks, ``text`` is its content."""

    id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_mention: Mention | None = None
    cue: Mention | None = None
    via: str | None = None
    rule: str | None = None

    def to_dict(self) -> QuoteRecord:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": cast(QuoteKind, self.kind),
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "via": self.via,
            "rule": cast("QuoteRule | None", self.rule),
        }


@attrs.frozen
class Reported:
    """Reported speech: an attribution without quotation marks ("The minister said the
    plan would be dropped"). ``start``/``end`` are the offsets of the content (what was
    said), ``text`` is that content (``article_text[start:end]``); ``speaker``,
    ``speaker_mention``, ``cue`` and ``via`` are as a ``Quote``'s."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_mention: Mention | None = None
    cue: Mention | None = None
    via: str | None = None

    def to_dict(self) -> ReportedRecord:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "via": self.via,
        }


@attrs.frozen
class Entity:
    """A person, country, organisation, group (NORP) or place, resolved in the article."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    iso: str | None = None

    def to_dict(self) -> EntityRecord:
        return {
            "id": self.id,
            "type": cast(EntityType, self.type),
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "titles": list(self.titles),
            "affiliation": self.affiliation,
            "iso": self.iso,
        }


@attrs.frozen
class Source:
    """A news organisation in a reporting role (dateline, cited, credit)."""

    id: str
    name: str
    kind: str
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> SourceRecord:
        return {
            "id": self.id,
            "name": self.name,
            "kind": cast(SourceKind, self.kind),
            "roles": [cast(SourceRole, r) for r in self.roles],
            "mentions": [m.to_dict() for m in self.mentions],
        }


@attrs.frozen
class Article:
    """Everything quotekit found in one article.

    ``repr()`` is one short line (id and counts); in a notebook an article shows as
    its text with the quotes and reported speech marked and tables of quote (and
    reported speech), speaker and via (``_repr_html_``); ``quotekit.show(articles)``
    shows many. ``reported`` is empty when the pipeline ran with
    ``quotekit.load(reported=False)``.
    """

    id: str | None
    text: str = attrs.field(repr=False)
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    reported: tuple[Reported, ...] = ()

    @classmethod
    def from_doc(cls, doc: Doc, id: str | None = None, *, text: str | None = None) -> Article:
        """Build the article view of a ``Doc`` processed by a quotekit pipeline.

        doc (Doc): the processed document.
        id (str | None): the article's id; defaults to ``doc._.quotekit_id``.
        text (str | None): the input as given, when the Doc was made from a copy of the
            same length with placeholders for unencodable code points
            (``quotekit.text.encodable``); every text field is sliced from it.
            Default: ``doc.text``.
        RETURNS (Article): the view.
        RAISES (QuotekitError): E108, when ``text`` is not as long as ``doc.text``.
        RAISES (TypeError): E109, when ``doc`` is not a Doc.
        WARNS: W011, when the Doc has quotekit's span groups but not its extensions
            (a ``DocBin`` saved without user data): the Article is then empty.
        """
        if not isinstance(doc, Doc):
            raise TypeError(Errors.E109.format(type=type(doc).__name__))
        ensure_extensions()
        if text is None:
            text = doc.text
        elif len(text) != len(doc.text):
            raise QuotekitError(Errors.E108.format(doc_length=len(doc.text), length=len(text)))
        if id is None:
            id = doc._.quotekit_id
        _warn_if_user_data_lost(doc)
        source_mentions: dict[str, list[Mention]] = {}
        if SPAN_KEYS["sources"] in doc.spans:
            for span in doc.spans[SPAN_KEYS["sources"]]:
                ms = source_mentions.setdefault(span.kb_id_, [])
                m = Mention.from_offsets(text, span.start_char, span.end_char)
                if m not in ms:
                    ms.append(m)
        entities = tuple(
            Entity(
                id=e["id"],
                type=e["type"],
                name=e["name"],
                aliases=tuple(e.get("aliases", ())),
                mentions=tuple(
                    sorted(
                        (Mention.from_offsets(text, s, t) for s, t in e.get("mentions", ())),
                        key=_mention_key,
                    )
                ),
                titles=tuple(e.get("titles", ())),
                affiliation=e.get("affiliation"),
                iso=e.get("iso"),
            )
            for e in (doc._.quotekit_entities or ())
        )
        sources = tuple(
            Source(
                id=s["id"],
                name=s["name"],
                kind=s["kind"],
                roles=tuple(s.get("roles", ())),
                mentions=tuple(sorted(source_mentions.get(s["id"], ()), key=_mention_key)),
            )
            for s in (doc._.quotekit_sources or ())
        )
        quotes = tuple(_quote_from_record(text, q) for q in (doc._.quotekit_quotes or ()))
        reported = tuple(_reported_from_record(text, r) for r in (doc._.quotekit_reported or ()))
        return cls(
            id=id,
            text=text,
            quotes=quotes,
            entities=entities,
            sources=sources,
            reported=reported,
        )

    @property
    def error(self) -> ErrorInfo | None:
        """None: the article was processed (an ``ArticleError`` holds its error here)."""
        return None

    def to_dict(self) -> ArticleRecord:
        """The JSON contract of ``docs/output-format.md`` (``quotekit.output_schema()``)."""
        return {
            "id": self.id,
            "quotes": [q.to_dict() for q in self.quotes],
            "reported": [r.to_dict() for r in self.reported],
            "entities": [e.to_dict() for e in self.entities],
            "sources": [s.to_dict() for s in self.sources],
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, or None."""
        for s in self.sources:
            if s.id == source_id:
                return s
        return None

    def to_html(self) -> str:
        """A self-contained HTML page showing the article with its quotes marked."""
        return render_html([self])

    def __repr__(self) -> str:
        return (
            f"<Article id={self.id!r}: {len(self.quotes)} quotes, {len(self.reported)} "
            f"reported, {len(self.entities)} entities, {len(self.sources)} sources, "
            f"{len(self.text):,} chars>"
        )

    def _repr_html_(self) -> str:
        """The notebook view: the text with its quotes and reported speech marked, and
        tables of them."""
        return render_notebook([self])


@attrs.frozen(kw_only=True)
class ArticleError(Article):
    """Stands in for an article that could not be processed (``extract_many(...,
    on_error="record")``): an ``Article`` with no quotes, reported speech, entities or
    sources, and the error.

    ``to_dict()`` gives the error record of the command line and the output schema:
    ``{"id", "error": {"code", "message", "input"}, "quotes": [], "reported": [],
    "entities": [], "sources": []}``.
    """

    text: str = attrs.field(default="", repr=False)
    #: The error code, e.g. ``"E100"`` (processing failed) or ``"E003"`` (not a text).
    code: str
    #: What went wrong, with the code and a remedy.
    message: str
    #: The article's position in the input of ``extract_many`` (from 0).
    index: int | None = None
    #: The exception that was raised, when there was one (not compared, not pickled
    #: across processes as is: see ``quotekit.processing``).
    exception: BaseException | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def error(self) -> ErrorInfo:
        """The ``error`` member of the error record: ``code``, ``message``, ``input``."""
        where = "item ?" if self.index is None else f"item {self.index}"
        return {"code": self.code, "message": self.message, "input": where}

    def to_dict(self) -> ErrorRecord:
        """The error record (see ``src/quotekit/data/output.schema.json``)."""
        return {
            "id": self.id,
            "error": self.error,
            "quotes": [],
            "reported": [],
            "entities": [],
            "sources": [],
        }


def _warn_if_user_data_lost(doc: Doc) -> None:
    """W011 when quotekit's span groups are there but none of its extensions."""
    if (
        doc._.quotekit_quotes is None
        and doc._.quotekit_reported is None
        and doc._.quotekit_entities is None
        and doc._.quotekit_sources is None
        and any(len(doc.spans[key]) for key in SPAN_KEYS.values() if key in doc.spans)
    ):
        warn(Warnings.W011)


def _mention_key(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


def _span(text: str, rec: dict[str, int] | None) -> Mention | None:
    if not rec:
        return None
    return Mention.from_offsets(text, rec["start"], rec["end"])


def _quote_from_record(text: str, q: dict[str, Any]) -> Quote:
    return Quote(
        id=q["id"],
        start=q["start"],
        end=q["end"],
        text=text[q["content_start"] : q["content_end"]],
        kind=q["kind"],
        speaker=q.get("speaker"),
        speaker_mention=_span(text, q.get("speaker_mention")),
        cue=_span(text, q.get("cue")),
        via=q.get("via"),
        rule=q.get("rule"),
    )


def _reported_from_record(text: str, r: dict[str, Any]) -> Reported:
    return Reported(
        id=r["id"],
        start=r["start"],
        end=r["end"],
        text=text[r["start"] : r["end"]],
        speaker=r.get("speaker"),
        speaker_mention=_span(text, r.get("speaker_mention")),
        cue=_span(text, r.get("cue")),
        via=r.get("via"),
    )
