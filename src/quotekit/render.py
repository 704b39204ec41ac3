"""The HTML view of extracted articles: a page (``render_html``) and a notebook view.

``render_html(articles)`` is one self-contained page: inline CSS, no scripts, fonts
or images from anywhere. Each article is a ``<section>`` holding its text, with every
quote highlighted and labelled with its speaker (linked to the side panel) and relay
("via Interfax"), every reported speech underlined with a dotted line and labelled
"reported" with its speaker, and a side panel of people, countries, organisations,
news sources and reported speech. ``render_notebook(articles)`` is the fragment that
``Article._repr_html_`` and ``quotekit.show`` give a notebook: the marked-up text and
tables of quotes and reported speech.

The HTML is written by jinja2 templates shipped in ``quotekit/templates/`` with
autoescape on, so every value from an article is escaped. The marked-up text is
built here from offsets in one pass over sorted open/close events, with the text
escaped by ``markupsafe``. Marks nest in levels: paragraphs > reported speech > quotes >
quote content > entity and source mentions (a reported span that starts or ends inside
a quote is widened to the whole quote, so quotes are never split). Within a level, overlapping spans are dropped (first
come, first kept); a span that crosses the boundary of a span of an outer level is
split there, so the HTML always nests correctly. Only the first piece of a split
span carries its ``id``. Hooks for tests and scripts:

- ``section.qk-article[data-article-id]``, with ``id="a{n}"``;
- ``mark.qk-quote[data-quote-id][data-speaker][data-speaker-name][data-via]``
  (``data-speaker=""`` and class ``qk-unattributed`` when nobody is attributed),
  whose ``.qk-qtext`` child holds exactly ``Quote.text``;
- ``a.qk-who[data-quote-id]``, the speaker label after each quote;
- ``span.qk-reported[data-reported-id][data-speaker][data-speaker-name][data-via]``
  around reported speech (``id`` on its first piece; class ``qk-unattributed`` when
  nobody is attributed), followed by its label
  ``span.qk-label.qk-label-reported[data-reported-id]``, which reads "reported";
- ``span.qk-ent[data-entity-id]`` and ``span.qk-src[data-source-id]`` for mentions;
- ``li[data-entity-id]`` / ``li[data-source-id]`` in the side panel, with
  ``id="a{n}-{entity or source id}"``, the targets of the speaker links;
- ``li[data-reported-id]`` in the side panel's "Reported speech" group;
- in the notebook view, ``div.qk-nb`` > ``section.qk-nb-article[data-article-id]``
  with ``table.qk-nb-table`` rows ``tr[data-quote-id]`` (``tr[data-reported-id]`` in
  the reported-speech table).
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from .text import paragraphs

if TYPE_CHECKING:
    from .model import Article, Entity, Quote, Reported

__all__ = ["flag", "render_html", "render_notebook"]

TEMPLATES = Path(__file__).with_name("templates")

_KIND_LABELS = {
    "news_agency": "news agency",
    "newspaper": "newspaper",
    "broadcaster": "broadcaster",
    "online": "online",
    "magazine": "magazine",
}

_TYPE_LABELS = {
    "PERSON": "person",
    "COUNTRY": "country",
    "ORG": "organisation",
    "NORP": "group",
    "LOC": "place",
}

#: Id prefixes of notebook views: unique in the process, since a notebook shows many
#: outputs in one document.
_NOTEBOOK_IDS = itertools.count()


def flag(iso: str | None) -> str:
    """The flag emoji (a pair of regional-indicator symbols) of an ISO 3166-1 alpha-2 code.

    iso (str | None): a two-letter code such as ``"PT"``.
    RETURNS (str): the flag, or ``""`` when ``iso`` is not two ASCII letters.
    """
    if not iso or len(iso) != 2 or not iso.isascii() or not iso.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in iso.upper())


def _e(value: Any) -> str:
    return str(escape("" if value is None else str(value)))


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _excerpt(text: str, words: int = 6) -> str:
    parts = text.split()
    short = " ".join(parts[:words])
    return short + ("\u2026" if len(parts) > words else "")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    """The template environment: autoescape on, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(
        plural=_plural,
        flag=flag,
        excerpt=_excerpt,
        kind_label=lambda kind: _KIND_LABELS.get(kind, kind),
    )
    return env


def _macros() -> Any:
    return _env().get_template("macros.html.j2").module


# ---------------------------------------------------------------- marked-up text
class _Span:
    """A tag pair to place around ``text[start:end]`` at a nesting ``level``.

    ``html_id`` goes on the first piece only (a span split at an outer boundary
    becomes several pieces); ``after`` is emitted after the last piece closes.
    """

    __slots__ = ("after", "attrs", "end", "first", "html_id", "last", "level", "start", "tag")

    def __init__(
        self,
        start: int,
        end: int,
        level: int,
        tag: str,
        attrs: str = "",
        html_id: str = "",
        after: str = "",
    ) -> None:
        self.start, self.end, self.level = start, end, level
        self.tag, self.attrs, self.html_id, self.after = tag, attrs, html_id, after
        self.first = self.last = True

    def piece(self, start: int, end: int, first: bool, last: bool) -> _Span:
        p = _Span(start, end, self.level, self.tag, self.attrs, self.html_id, self.after)
        p.first, p.last = first, last
        return p

    def open_tag(self) -> str:
        id_attr = f' id="{_e(self.html_id)}"' if self.first and self.html_id else ""
        return f"<{self.tag}{id_attr}{self.attrs}>"

    def close_tag(self) -> str:
        return f"</{self.tag}>" + (self.after if self.last else "")


def _non_overlapping(spans: Iterable[_Span], n: int) -> list[_Span]:
    """Spans clamped to the text, empty ones dropped, overlaps dropped (earliest kept)."""
    kept: list[_Span] = []
    pos = 0
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):  # stable: ties keep input order
        s.start, s.end = max(0, s.start), min(n, s.end)
        if s.start >= s.end or s.start < pos:
            continue
        kept.append(s)
        pos = s.end
    return kept


def _split_at(spans: list[_Span], cuts: list[int], text: str) -> list[_Span]:
    """Split each span at the cut positions strictly inside it (blank pieces dropped)."""
    out: list[_Span] = []
    for s in spans:
        inner = cuts[bisect_right(cuts, s.start) : bisect_right(cuts, s.end - 1)]
        if not inner:
            out.append(s)
            continue
        bounds = [s.start, *inner, s.end]
        pieces = [(a, b) for a, b in pairwise(bounds) if text[a:b].strip()]
        for i, (a, b) in enumerate(pieces):
            out.append(s.piece(a, b, s.first and i == 0, s.last and i == len(pieces) - 1))
    return out


def _markup(text: str, levels: Sequence[Iterable[_Span]]) -> str:
    """The escaped text with the spans of every level as properly nested tags.

    levels: spans by level, outermost first. Inside spans of level 0 (paragraphs)
    a newline becomes ``<br>``; text outside them is emitted escaped, as is.
    """
    n = len(text)
    placed: list[_Span] = []
    cuts: set[int] = set()
    for depth, level in enumerate(levels):
        spans = _split_at(_non_overlapping(level, n), sorted(cuts), text)
        for s in spans:
            s.level = depth
        placed.extend(spans)
        for s in spans:
            cuts.update((s.start, s.end))
    # At one position closes come before opens, closes innermost first and opens
    # outermost first; levels nest and spans of a level don't overlap, so the
    # tags nest properly.
    events: list[tuple[int, int, int, str]] = []
    for s in placed:
        events.append((s.start, 1, s.level, s.open_tag()))
        events.append((s.end, 0, -s.level, s.close_tag()))
    events.sort(key=lambda ev: ev[:3])
    out: list[str] = []
    pos = 0
    depth = 0
    for at, is_open, _, tag in events:
        if at > pos:
            chunk = _e(text[pos:at])
            out.append(chunk.replace("\n", "<br>\n") if depth else chunk)
            pos = at
        out.append(tag)
        depth += 1 if is_open else -1
    out.append(_e(text[pos:]))
    return "".join(out)


# --------------------------------------------------------------------- articles
def _describe_quote(q: Quote, article: Article) -> tuple[str, str]:
    """(visible speaker label, accessible description) of a quote."""
    speaker = article.entity(q.speaker)
    via = article.source(q.via)
    if speaker is not None:
        label, described = speaker.name, f"Quote by {speaker.name}"
    elif q.speaker_mention is not None:
        label = f"unattributed: {q.speaker_mention.text}"
        described = f"Unattributed quote (\u201c{q.speaker_mention.text}\u201d, no named speaker)"
    else:
        label, described = "unattributed", "Unattributed quote"
    if via is not None:
        described += f", via {via.name}"
    return label, described


def _attrs(*pairs: tuple[str, Any]) -> str:
    """`` name="value"`` pairs, each value escaped."""
    return "".join(f' {name}="{_e(value)}"' for name, value in pairs)


def _describe_reported(r: Reported, article: Article) -> tuple[str, str]:
    """(visible speaker label, description) of reported speech."""
    speaker = article.entity(r.speaker)
    via = article.source(r.via)
    if speaker is not None:
        label, described = speaker.name, f"Reported speech by {speaker.name}"
    elif r.speaker_mention is not None:
        label = r.speaker_mention.text
        described = f"Reported speech (\u201c{r.speaker_mention.text}\u201d, no named speaker)"
    else:
        label, described = "", "Reported speech, unattributed"
    if via is not None:
        described += f", via {via.name}"
    return label, described


def _reported_spans(article: Article, pfx: str, links: bool) -> list[_Span]:
    """The reported-speech marks (the level outside quotes), each widened to the
    whole of any quote it starts or ends inside."""
    label_macro = _macros().reported_label
    quotes = sorted((q.start, q.end) for q in article.quotes)
    starts = [s for s, _ in quotes]

    def around(at: int) -> tuple[int, int] | None:
        """The quote ``at`` lies strictly inside, if any."""
        i = bisect_right(starts, at) - 1
        return quotes[i] if i >= 0 and quotes[i][0] < at < quotes[i][1] else None

    spans: list[_Span] = []
    for r in article.reported:
        start, end = r.start, r.end
        start = (around(start) or (start, 0))[0]
        end = (around(end) or (0, end))[1]
        speaker = article.entity(r.speaker)
        via = article.source(r.via)
        label, described = _describe_reported(r, article)
        attrs = _attrs(
            ("class", "qk-reported" + ("" if speaker else " qk-unattributed")),
            ("data-reported-id", r.id),
            ("data-speaker", speaker.id if speaker else ""),
            ("data-speaker-name", speaker.name if speaker else ""),
            ("data-via", via.id if via else ""),
            ("title", described),
        )
        after = str(label_macro(r, speaker, via, label, pfx, links))
        spans.append(_Span(start, end, 1, "span", attrs, f"{pfx}-{r.id}", after))
    return spans


def _quote_spans(article: Article, pfx: str, links: bool) -> tuple[list[_Span], list[_Span]]:
    """The quote marks (level 1) and their content spans (level 2)."""
    text = article.text
    label_macro = _macros().quote_label
    quotes: list[_Span] = []
    contents: list[_Span] = []
    for q in article.quotes:
        speaker = article.entity(q.speaker)
        via = article.source(q.via)
        label, described = _describe_quote(q, article)
        classes = f"qk-quote qk-{q.kind}" + ("" if speaker else " qk-unattributed")
        attrs = _attrs(
            ("class", classes),
            ("data-quote-id", q.id),
            ("data-speaker", speaker.id if speaker else ""),
            ("data-speaker-name", speaker.name if speaker else ""),
            ("data-via", via.id if via else ""),
            ("data-kind", q.kind),
            ("title", described),
            ("aria-label", described),
        )
        after = str(label_macro(q, speaker, via, label, pfx, links))
        quotes.append(_Span(q.start, q.end, 1, "mark", attrs, f"{pfx}-{q.id}", after))
        at = text.find(q.text, q.start, q.end) if q.text else -1
        if at >= 0:
            qtext = _attrs(("class", "qk-qtext"), ("data-quote-id", q.id))
            contents.append(_Span(at, at + len(q.text), 2, "span", qtext))
    return quotes, contents


def _mention_spans(article: Article) -> list[_Span]:
    """Entity, source and speaker mentions (the innermost level), merged by offsets."""
    by_offsets: dict[tuple[int, int], dict[str, list[Any]]] = {}

    def slot(start: int, end: int) -> dict[str, list[Any]]:
        return by_offsets.setdefault((start, end), {"classes": [], "data": [], "title": []})

    for s in article.sources:
        roles = ", ".join(s.roles)
        for m in s.mentions:
            d = slot(m.start, m.end)
            d["classes"].append("qk-src")
            d["data"].append(("data-source-id", s.id))
            d["title"].append(
                f"{s.name} \u00b7 {_KIND_LABELS.get(s.kind, s.kind)}"
                + (f" ({roles})" if roles else "")
            )
    for ent in article.entities:
        for m in ent.mentions:
            d = slot(m.start, m.end)
            d["classes"] += ["qk-ent", f"qk-ent-{ent.type.lower()}"]
            d["data"].append(("data-entity-id", ent.id))
            d["title"].append(
                f"{ent.name} \u00b7 {_TYPE_LABELS.get(ent.type, ent.type.lower())}"
                + (f" {ent.iso}" if ent.iso else "")
            )
    said: list[Quote | Reported] = [*article.quotes, *article.reported]
    for q in said:
        speaker = q.speaker_mention
        if speaker is not None:
            d = slot(speaker.start, speaker.end)
            if "qk-speaker" not in d["classes"]:
                d["classes"].append("qk-speaker")
                if not d["title"]:
                    d["title"].append("speaker")
    spans = []
    for (start, end), d in by_offsets.items():
        attrs = _attrs(
            ("class", " ".join(d["classes"])), *d["data"], ("title", "; ".join(d["title"]))
        )
        spans.append(_Span(start, end, 3, "span", attrs))
    return spans


def _article_text(article: Article, pfx: str, links: bool = True) -> Markup:
    """The article's text, escaped, with paragraphs, quotes and mentions marked up."""
    # The view's paragraphs are blank-line separated (a single line break is a <br>).
    paras = [_Span(a, b, 0, "p") for a, b in paragraphs(article.text, blank_line_separated=True)]
    if paras and _is_headline(article.text[paras[0].start : paras[0].end]):
        paras[0].attrs = ' class="qk-headline"'
    outer, inner = _nesting(_reported_spans(article, pfx, links))
    quotes, contents = _quote_spans(article, pfx, links)
    levels = [paras, outer, inner, quotes, contents, _mention_spans(article)]
    return Markup(_markup(article.text, levels))


def _nesting(spans: list[_Span]) -> tuple[list[_Span], list[_Span]]:
    """Reported speech inside other reported speech ("said that X wanted to Y") on a
    level of its own, so both are marked."""
    outer: list[_Span] = []
    inner: list[_Span] = []
    for sp in sorted(spans, key=lambda x: (x.start, -x.end)):
        if outer and outer[-1].start <= sp.start and sp.end <= outer[-1].end:
            inner.append(sp)
        else:
            outer.append(sp)
    return outer, inner


def _is_headline(para: str) -> bool:
    """A short first line without end punctuation reads as the article's headline."""
    return "\n" not in para and len(para) <= 140 and para[-1:] not in ".!?:;,\"'\u201d\u2019)"


def _panel_groups(article: Article) -> list[dict[str, Any]]:
    """The side panel's groups in order, each with its items (only groups with items)."""
    said: dict[str, list[Quote]] = {}
    relayed: dict[str, list[Quote]] = {}
    for q in article.quotes:
        if q.speaker:
            said.setdefault(q.speaker, []).append(q)
        if q.via:
            relayed.setdefault(q.via, []).append(q)
    items: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("people", "countries", "orgs", "other", "sources", "unattributed")
    }
    for ent in article.entities:
        item = {"kind": "entity", "entity": ent, "quotes": said.get(ent.id, []), "type_label": ""}
        if ent.type == "PERSON":
            items["people"].append(item)
        elif ent.type == "COUNTRY":
            items["countries"].append({**item, "kind": "country"})
        elif ent.type == "ORG":
            items["orgs"].append(item)
        else:
            items["other"].append({**item, "type_label": _type_label(ent)})
    for src in article.sources:
        items["sources"].append(
            {"kind": "source", "source": src, "quotes": relayed.get(src.id, [])}
        )
    unatt = [q for q in article.quotes if article.entity(q.speaker) is None]
    if unatt:
        items["unattributed"].append({"kind": "unattributed", "quotes": unatt})
    items["reported"] = [
        {"kind": "reported", "reported": r, "row": _row(article, r)} for r in article.reported
    ]
    counts = {key: len(group) for key, group in items.items()}
    counts["unattributed"] = len(unatt)
    return [
        {"key": key, "heading": heading, "count": counts[key], "items": items[key]}
        for key, heading in _GROUPS
        if items[key]
    ]


_GROUPS = (
    ("people", "People"),
    ("countries", "Countries"),
    ("orgs", "Organisations"),
    ("other", "Groups and places"),
    ("sources", "News sources"),
    ("unattributed", "Unattributed quotes"),
    ("reported", "Reported speech"),
)


def _type_label(ent: Entity) -> str:
    kind = _TYPE_LABELS.get(ent.type, ent.type.lower())
    iso = (ent.iso or "").upper()
    return f"{flag(iso)} {iso} {kind}".strip() if iso else kind


def _view(article: Article, n: int, pfx: str, *, notebook: bool = False) -> dict[str, Any]:
    """What the templates show of one article."""
    view: dict[str, Any] = {
        "article": article,
        "pfx": pfx,
        "name": article.id or f"Article {n + 1}",
        "total": len(article.quotes),
        "reported": len(article.reported),
        "unattributed": sum(1 for q in article.quotes if article.entity(q.speaker) is None),
        "people": sum(1 for e in article.entities if e.type == "PERSON"),
        "text_html": _article_text(article, pfx, links=not notebook),
    }
    if notebook:
        view["quote_rows"] = [_row(article, q) for q in article.quotes]
        view["reported_rows"] = [_row(article, r) for r in article.reported]
    else:
        view["groups"] = _panel_groups(article)
    return view


def _row(article: Article, record: Quote | Reported) -> dict[str, Any]:
    """One row of the notebook's table: a quote (or reported speech) and who said it."""
    mention = record.speaker_mention
    return {
        "id": record.id,
        "text": record.text,
        "speaker": article.entity(record.speaker),
        "mention": mention.text if mention is not None else None,
        "via": article.source(record.via),
    }


# ------------------------------------------------------------------------- views
def render_html(articles: Sequence[Article] | Iterable[Article], title: str = "quotekit") -> str:
    """One self-contained HTML page showing the articles with their quotes marked.

    Each article's text has its quotes highlighted, each labelled with its speaker
    (a link to the side panel) and relay; unattributed quotes are marked as such.
    Reported speech is underlined with a dotted line and labelled "reported" with its
    speaker. A side panel lists people, countries, organisations, news sources and
    reported speech. No external resources, no scripts; everything is escaped.

    articles (Iterable[Article]): the articles, in page order.
    title (str): the page title.
    RETURNS (str): the HTML document.
    """
    views = [_view(a, n, f"a{n}") for n, a in enumerate(articles)]
    return _env().get_template("page.html.j2").render(views=views, title=title)


def render_notebook(articles: Iterable[Article], *, limit: int | None = None) -> str:
    """The notebook view of articles: an HTML fragment for ``_repr_html_``.

    Each article shows its header (id and counts), its text in a scrolling box with
    the quotes and reported speech marked and labelled with their speakers, and a
    table of its quotes:
    id, quote, speaker (the entity's name, the unresolved mention in parentheses, or
    "unattributed") and via (the relaying news organisation); and a table of
    reported speech when the article has it. The CSS is inline and scoped under
    ``.qk-nb``, ids are unique in the process, and everything is escaped.

    articles (Iterable[Article]): the articles, in order.
    limit (int | None): show at most this many articles, with a note of how many more.
    RETURNS (str): the HTML fragment.
    """
    shown: list[Article] = []
    more = 0
    for article in articles:
        if limit is not None and len(shown) >= limit:
            more += 1
        else:
            shown.append(article)
    run = next(_NOTEBOOK_IDS)
    views = [_view(a, n, f"qk{run}-a{n}", notebook=True) for n, a in enumerate(shown)]
    return _env().get_template("notebook.html.j2").render(views=views, more=more)
