"""The entities as plain records (``doc._.quotekit_entities``) and spans."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ...text import normalise_name
from .._spans import char_span
from .clusters import Cluster
from .forms import alias, dedupe, unique
from .lexicon import Lexicon


def entity_records(
    doc: Doc, clusters: list[Cluster], lex: Lexicon
) -> tuple[list[dict[str, Any]], list[Span]]:
    """One record per entity with mentions, in order of first mention, and a span per
    mention (``label_`` the type, ``kb_id_`` the entity id).

    doc (Doc): the document.
    clusters (list[Cluster]): every entity found.
    lex (Lexicon): the component's lexicon (for countries' and organisations' names).
    RETURNS (tuple[list[dict], list[Span]]): the records and the spans.
    """
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: min(c.mentions))
    records: list[dict[str, Any]] = []
    spans: list[Span] = []
    for n, c in enumerate(clusters):
        eid = f"e{n}"
        c.mentions.sort()
        mentions = [[s, e] for s, e in dedupe(c.mentions)]
        records.append(
            {
                "id": eid,
                "type": c.type,
                "name": _name(c, lex),
                "aliases": unique(alias(f) for f in c.forms),
                "mentions": mentions,
                "titles": c.titles,
                "affiliation": c.affiliation,
                "iso": c.iso,
                "gender": c.gender,
                "descriptors": c.descriptors,
            }
        )
        for s, e in mentions:
            span = char_span(doc, s, e, label=c.type, kb_id=eid)
            if span is not None:
                spans.append(span)
    return records, spans


def _name(c: Cluster, lex: Lexicon) -> str:
    """An entity's name: a country's from the table, a person's fullest, else its longest
    form (a known organisation's full name when the text only has a short one)."""
    if c.type == "COUNTRY" and c.iso is not None:
        return lex.country_name(c.iso)
    if c.type == "PERSON":
        return " ".join(c.tokens)
    forms = [alias(f) for f in c.forms]
    # A sentence's full stop can stick to an abbreviation ("... from Acme Corp."):
    # a form without it wins a tie.
    best = max(
        forms,
        key=lambda f: (
            len(f.split()),
            len(f.rstrip(".")),
            not f.isupper(),
            not f.endswith("."),
        ),
    )
    if c.type == "ORG" and not any(f.replace(".", "").isupper() for f in forms):
        # "the Tories", "the Lib Dems": a known organisation goes by its full name when
        # the article only uses a short form that is not an acronym.
        canonical = lex.org_alias.get(normalise_name(best))
        if canonical and len(canonical) > len(best):
            return canonical
    return best
