"""Value objects that a user reads: Article, Quote, Entity, Source, Mention.

They are views built from a processed ``Doc`` after the pipeline
(``Article.from_doc``); everything they need lives in span groups and plain-data
``Doc`` extensions, so it survives ``DocBin`` and ``nlp.pipe(n_process=2)``.
``Article.to_dict()`` produces the JSON contract of ``docs/output-format.md``.
"""

from __future__ import annotations

from typing import Any, cast

import attrs
from spacy.tokens import Doc

from .extensions import SPAN_KEYS, ensure_extensions
from .records import (
    ArticleRecord,
    EntityRecord,
    EntityType,
    MentionRecord,
    QuoteKind,
    QuoteRecord,
    QuoteRule,
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
    its text with the quotes marked and a table of quote, speaker and via
    (``_repr_html_``); ``quotekit.show(articles)`` shows many.
    """

    id: str | None
    text: str = attrs.field(repr=False)
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()

    @classmethod
    def from_doc(cls, doc: Doc, id: str | None = None) -> Article:
        """Build the article view of a ``Doc`` processed by a quotekit pipeline.

        doc (Doc): the processed document.
        id (str | None): the article's id; defaults to ``doc._.quotekit_id``.
        RETURNS (Article): the view.
        """
        ensure_extensions()
        text = doc.text
        if id is None:
            id = doc._.quotekit_id
        source_mentions: dict[str, list[Mention]] = {}
        if SPAN_KEYS["sources"] in doc.spans:
            for span in doc.spans[SPAN_KEYS["sources"]]:
                ms = source_mentions.setdefault(span.kb_id_, [])
                m = Mention(span.start_char, span.end_char, span.text)
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
        return cls(id=id, text=text, quotes=quotes, entities=entities, sources=sources)

    def to_dict(self) -> ArticleRecord:
        """The JSON contract of ``docs/output-format.md`` (``quotekit.output_schema()``)."""
        return {
            "id": self.id,
            "quotes": [q.to_dict() for q in self.quotes],
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
            f"<Article id={self.id!r}: {len(self.quotes)} quotes, {len(self.entities)} "
            f"entities, {len(self.sources)} sources, {len(self.text):,} chars>"
        )

    def _repr_html_(self) -> str:
        """The notebook view: the text with its quotes marked, and a table of quotes."""
        return render_notebook([self])


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
