"""A self-contained HTML view of extracted articles: ``render_html(articles)``.

One page, inline CSS, no scripts, fonts or images from anywhere. Each article is a
``<section>`` holding its text, with every quote highlighted and labelled with its
speaker (linked to the side panel) and relay ("via Interfax"), and a side panel of
people, countries, organisations and news sources.

The marked-up text is built from offsets in one pass over sorted open/close events.
Marks nest in levels: paragraphs > quotes > quote content > entity and source
mentions. Within a level, overlapping spans are dropped (first come, first kept);
a span that crosses the boundary of a span of an outer level is split there, so the
HTML always nests correctly. Only the first piece of a split span carries its
``id``. Hooks for tests and scripts:

- ``section.qk-article[data-article-id]``, with ``id="a{n}"``;
- ``mark.qk-quote[data-quote-id][data-speaker][data-speaker-name][data-via]``
  (``data-speaker=""`` and class ``qk-unattributed`` when nobody is attributed),
  whose ``.qk-qtext`` child holds exactly ``Quote.text``;
- ``a.qk-who[data-quote-id]``, the speaker label after each quote;
- ``span.qk-ent[data-entity-id]`` and ``span.qk-src[data-source-id]`` for mentions;
- ``li[data-entity-id]`` / ``li[data-source-id]`` in the side panel, with
  ``id="a{n}-{entity or source id}"``, the targets of the speaker links.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .text import paragraphs

if TYPE_CHECKING:
    from .model import Article, Entity, Quote, Source

__all__ = ["flag", "render_html"]

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


def flag(iso: str | None) -> str:
    """The flag emoji (a pair of regional-indicator symbols) of an ISO 3166-1 alpha-2 code.

    iso (str | None): a two-letter code such as ``"PT"``.
    RETURNS (str): the flag, or ``""`` when ``iso`` is not two ASCII letters.
    """
    if not iso or len(iso) != 2 or not iso.isascii() or not iso.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in iso.upper())


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


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
def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _excerpt(text: str, words: int = 6) -> str:
    parts = text.split()
    short = " ".join(parts[:words])
    return short + ("\u2026" if len(parts) > words else "")


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


def _quote_spans(article: Article, pfx: str) -> tuple[list[_Span], list[_Span]]:
    """The quote marks (level 1) and their content spans (level 2)."""
    text = article.text
    quotes: list[_Span] = []
    contents: list[_Span] = []
    for q in article.quotes:
        speaker = article.entity(q.speaker)
        via = article.source(q.via)
        label, described = _describe_quote(q, article)
        classes = f"qk-quote qk-{_e(q.kind)}" + ("" if speaker else " qk-unattributed")
        attrs = (
            f' class="{classes}" data-quote-id="{_e(q.id)}"'
            f' data-speaker="{_e(speaker.id if speaker else "")}"'
            f' data-speaker-name="{_e(speaker.name if speaker else "")}"'
            f' data-via="{_e(via.id if via else "")}" data-kind="{_e(q.kind)}"'
            f' title="{_e(described)}" aria-label="{_e(described)}"'
        )
        if speaker is not None:
            who = (
                f'<a class="qk-who" href="#{pfx}-{_e(speaker.id)}"'
                f' data-speaker="{_e(speaker.id)}">{_e(label)}</a>'
            )
        else:
            who = (
                f'<span class="qk-who qk-who-none">'
                f'<span aria-hidden="true">?</span> {_e(label)}</span>'
            )
        if via is not None:
            who += (
                f' <span class="qk-via">via <a href="#{pfx}-{_e(via.id)}"'
                f' data-source-id="{_e(via.id)}">{_e(via.name)}</a></span>'
            )
        after = (
            f'<span class="qk-label{"" if speaker else " qk-label-none"}"'
            f' data-quote-id="{_e(q.id)}">{who}</span>'
        )
        quotes.append(_Span(q.start, q.end, 1, "mark", attrs, f"{pfx}-{q.id}", after))
        at = text.find(q.text, q.start, q.end) if q.text else -1
        if at >= 0:
            contents.append(
                _Span(
                    at, at + len(q.text), 2, "span", f' class="qk-qtext" data-quote-id="{_e(q.id)}"'
                )
            )
    return quotes, contents


def _mention_spans(article: Article) -> list[_Span]:
    """Entity, source and speaker mentions (the innermost level), merged by offsets."""
    by_offsets: dict[tuple[int, int], dict[str, Any]] = {}

    def slot(start: int, end: int) -> dict[str, Any]:
        return by_offsets.setdefault((start, end), {"classes": [], "data": [], "title": []})

    for s in article.sources:
        roles = ", ".join(s.roles)
        for m in s.mentions:
            d = slot(m.start, m.end)
            d["classes"].append("qk-src")
            d["data"].append(f' data-source-id="{_e(s.id)}"')
            d["title"].append(
                f"{s.name} \u00b7 {_KIND_LABELS.get(s.kind, s.kind)}"
                + (f" ({roles})" if roles else "")
            )
    for ent in article.entities:
        for m in ent.mentions:
            d = slot(m.start, m.end)
            d["classes"] += ["qk-ent", f"qk-ent-{_e(ent.type.lower())}"]
            d["data"].append(f' data-entity-id="{_e(ent.id)}"')
            d["title"].append(
                f"{ent.name} \u00b7 {_TYPE_LABELS.get(ent.type, ent.type.lower())}"
                + (f" {ent.iso}" if ent.iso else "")
            )
    for q in article.quotes:
        speaker = q.speaker_mention
        if speaker is not None:
            d = slot(speaker.start, speaker.end)
            if "qk-speaker" not in d["classes"]:
                d["classes"].append("qk-speaker")
                if not d["title"]:
                    d["title"].append("speaker")
    spans = []
    for (start, end), d in by_offsets.items():
        attrs = (
            f' class="{" ".join(d["classes"])}"'
            + "".join(d["data"])
            + f' title="{_e("; ".join(d["title"]))}"'
        )
        spans.append(_Span(start, end, 3, "span", attrs))
    return spans


def _article_text(article: Article, pfx: str) -> str:
    # The view's paragraphs are blank-line separated (a single line break is a <br>).
    paras = [_Span(a, b, 0, "p") for a, b in paragraphs(article.text, blank_line_separated=True)]
    if paras and _is_headline(article.text[paras[0].start : paras[0].end]):
        paras[0].attrs = ' class="qk-headline"'
    quotes, contents = _quote_spans(article, pfx)
    return _markup(article.text, [paras, quotes, contents, _mention_spans(article)])


def _is_headline(para: str) -> bool:
    """A short first line without end punctuation reads as the article's headline."""
    return "\n" not in para and len(para) <= 140 and para[-1:] not in ".!?:;,\"'\u201d\u2019)"


def _quote_links(quotes: list[Quote], pfx: str) -> str:
    if not quotes:
        return ""
    links = "".join(
        f'<li><a href="#{pfx}-{_e(q.id)}" data-quote-id="{_e(q.id)}">'
        f"\u201c{_e(_excerpt(q.text))}\u201d</a></li>"
        for q in quotes
    )
    return f'<ul class="qk-qlinks">{links}</ul>'


def _entity_item(ent: Entity, pfx: str, said: list[Quote], type_label: str = "") -> str:
    meta = [*ent.titles]
    if ent.affiliation:
        meta.append(ent.affiliation)
    meta_html = f'<span class="qk-meta">{_e(", ".join(meta))}</span>' if meta else ""
    kind = f'<span class="qk-type">{_e(type_label)}</span> ' if type_label else ""
    count = (
        f'<span class="qk-count">{_plural(len(said), "quote")}</span>'
        if said or ent.type == "PERSON"
        else ""
    )
    return (
        f'<li id="{pfx}-{_e(ent.id)}" data-entity-id="{_e(ent.id)}"'
        f' data-type="{_e(ent.type)}">'
        f'<span class="qk-row"><span class="qk-name">{kind}{_e(ent.name)}</span>{count}</span>'
        f"{meta_html}{_quote_links(said, pfx)}</li>"
    )


def _country_item(ent: Entity, pfx: str, said: list[Quote]) -> str:
    iso = (ent.iso or "").upper()
    fl = flag(iso)
    flag_html = (
        f'<span class="qk-flag" role="img" aria-label="{_e("Flag of " + ent.name)}">{fl}</span>'
        if fl
        else ""
    )
    iso_html = f'<span class="qk-iso">{_e(iso)}</span>' if iso else ""
    mentions = _plural(len(ent.mentions), "mention")
    count = _plural(len(said), "quote") if said else mentions
    return (
        f'<li id="{pfx}-{_e(ent.id)}" data-entity-id="{_e(ent.id)}"'
        f' data-type="{_e(ent.type)}" data-iso="{_e(iso)}">'
        f'<span class="qk-row"><span class="qk-name">{flag_html}{iso_html}'
        f'<span class="qk-cname">{_e(ent.name)}</span></span>'
        f'<span class="qk-count">{count}</span></span>{_quote_links(said, pfx)}</li>'
    )


def _source_item(src: Source, pfx: str, relayed: list[Quote]) -> str:
    roles = "".join(f'<span class="qk-role">{_e(r)}</span>' for r in src.roles)
    count = (
        f'<span class="qk-count">{_plural(len(relayed), "quote")} relayed</span>' if relayed else ""
    )
    return (
        f'<li id="{pfx}-{_e(src.id)}" data-source-id="{_e(src.id)}"'
        f' data-kind="{_e(src.kind)}" data-roles="{_e(" ".join(src.roles))}">'
        f'<span class="qk-row"><span class="qk-name">{_e(src.name)}</span>{count}</span>'
        f'<span class="qk-meta"><span class="qk-kind">'
        f"{_e(_KIND_LABELS.get(src.kind, src.kind))}</span>{roles}</span>"
        f"{_quote_links(relayed, pfx)}</li>"
    )


def _panel(article: Article, pfx: str, name: str) -> str:
    said: dict[str, list[Quote]] = {}
    relayed: dict[str, list[Quote]] = {}
    for q in article.quotes:
        if q.speaker:
            said.setdefault(q.speaker, []).append(q)
        if q.via:
            relayed.setdefault(q.via, []).append(q)
    groups: list[tuple[str, str, list[str]]] = [
        ("people", "People", []),
        ("countries", "Countries", []),
        ("orgs", "Organisations", []),
        ("other", "Groups and places", []),
        ("sources", "News sources", []),
        ("unattributed", "Unattributed quotes", []),
    ]
    by_key = {k: items for k, _, items in groups}
    for ent in article.entities:
        quotes = said.get(ent.id, [])
        if ent.type == "PERSON":
            by_key["people"].append(_entity_item(ent, pfx, quotes))
        elif ent.type == "COUNTRY":
            by_key["countries"].append(_country_item(ent, pfx, quotes))
        elif ent.type == "ORG":
            by_key["orgs"].append(_entity_item(ent, pfx, quotes))
        else:
            kind = _TYPE_LABELS.get(ent.type, ent.type.lower())
            iso = (ent.iso or "").upper()
            label = f"{flag(iso)} {iso} {kind}".strip() if iso else kind
            by_key["other"].append(_entity_item(ent, pfx, quotes, label))
    for src in article.sources:
        by_key["sources"].append(_source_item(src, pfx, relayed.get(src.id, [])))
    unatt = [q for q in article.quotes if article.entity(q.speaker) is None]
    if unatt:
        by_key["unattributed"].append(f'<li class="qk-unatt-list">{_quote_links(unatt, pfx)}</li>')
    counts = {key: len(items) for key, _, items in groups}
    counts["unattributed"] = len(unatt)
    body = "".join(
        f'<section class="qk-group qk-group-{key}" aria-labelledby="{pfx}-g-{key}">'
        f'<h3 id="{pfx}-g-{key}">{heading} <span class="qk-n">{counts[key]}</span></h3>'
        f'<ul class="qk-list">{"".join(items)}</ul></section>'
        for key, heading, items in groups
        if items
    )
    if not body:
        body = '<p class="qk-empty">No people, places or sources found.</p>'
    return f'<aside class="qk-panel" aria-label="{_e("Who and what in " + name)}">{body}</aside>'


_DOT = " \u00b7 "


def _article_section(article: Article, n: int) -> str:
    pfx = f"a{n}"
    name = article.id or f"Article {n + 1}"
    total = len(article.quotes)
    unatt = sum(1 for q in article.quotes if article.entity(q.speaker) is None)
    people = sum(1 for e in article.entities if e.type == "PERSON")
    stats = [_plural(total, "quote")]
    if total:
        stats.append(f"{total - unatt} attributed")
    if unatt:
        stats.append(f'<span class="qk-stat-un">{unatt} unattributed</span>')
    stats += [_plural(people, "person", "people"), _plural(len(article.sources), "source")]
    return (
        f'<section class="qk-article" id="{pfx}" data-article-id="{_e(article.id or "")}"'
        f' aria-labelledby="{pfx}-h">'
        f'<header class="qk-ahead"><h2 id="{pfx}-h">{_e(name)}</h2>'
        f'<p class="qk-stats">{_DOT.join(stats)}</p></header>'
        f'<div class="qk-body"><div class="qk-text" lang="en">{_article_text(article, pfx)}'
        f"</div>{_panel(article, pfx, name)}</div></section>"
    )


# ------------------------------------------------------------------------- page
_CSS = """
:root{--bg:#fbfaf7;--fg:#1c1c1c;--muted:#4d4d4d;--rule:#ddd8cc;--panel:#f2efe7;
--quote:#fff1a6;--quote-edge:#b88a00;--un:#fde4e1;--un-edge:#b42318;
--chip:#1f4273;--chip-fg:#fff;--link:#1a4fb5;--ent:#5a6b85;--src:#7a4a00;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e9e6df;--muted:#b7b2a8;
--rule:#3a3d44;--panel:#1f2228;--quote:#4a3f0c;--quote-edge:#e0b53a;--un:#4a1f1c;
--un-edge:#ff8a80;--chip:#9cc1ff;--chip-fg:#10151d;--link:#9cc1ff;--ent:#a9b6cc;--src:#f0b35c}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);
font:1.0625rem/1.65 Georgia,"Iowan Old Style","Noto Serif","DejaVu Serif",serif}
.qk-ui,.qk-top,.qk-ahead,.qk-panel,.qk-label,.qk-toc{font-family:system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
.qk-top{border-bottom:1px solid var(--rule);padding:.9rem 1rem .7rem}
.qk-top h1{margin:0 auto;max-width:66rem;font-size:1.05rem;letter-spacing:.02em}
.qk-legend{margin:.35rem auto 0;max-width:66rem;padding:0;list-style:none;display:flex;
flex-wrap:wrap;gap:.3rem .9rem;font-size:.8rem;color:var(--muted)}
main{max-width:68rem;margin:0 auto;padding:0 1rem 2rem}
.qk-toc{font-size:.9rem;margin:1rem 0}
.qk-article{padding-top:1.2rem}
.qk-article+.qk-article{border-top:2px solid var(--rule);margin-top:1.5rem}
.qk-ahead h2{margin:0;font-size:1.15rem;word-break:break-word}
.qk-stats{margin:.15rem 0 1rem;font-size:.85rem;color:var(--muted)}
.qk-stat-un{color:var(--un-edge);font-weight:600}
.qk-body{display:grid;grid-template-columns:minmax(0,1fr) minmax(15rem,20rem);gap:2.5rem;
align-items:start}
.qk-text{max-width:42em}
.qk-text p{margin:0 0 1em}
.qk-text p.qk-headline{font-size:1.3em;line-height:1.3;font-weight:bold}
mark.qk-quote{background:var(--quote);color:inherit;padding:.05em .1em;border-radius:2px;
box-shadow:inset 0 -2px 0 var(--quote-edge);-webkit-box-decoration-break:clone;
box-decoration-break:clone}
mark.qk-unattributed{background:var(--un);box-shadow:inset 0 -2px 0 var(--un-edge)}
mark.qk-quote:target{outline:2px solid var(--chip);outline-offset:1px}
.qk-label{display:inline-block;margin:0 .15em;padding:.05em .45em .1em;border-radius:.7em;
font-size:.7rem;line-height:1.35;font-weight:600;vertical-align:.15em;
background:var(--chip);color:var(--chip-fg);white-space:normal;max-width:100%}
.qk-label a{color:inherit;text-decoration:none}
.qk-label a:hover,.qk-label a:focus{text-decoration:underline}
.qk-label-none{background:transparent;color:var(--un-edge);border:1px dashed var(--un-edge)}
.qk-via{font-weight:400;opacity:.95}
.qk-ent{text-decoration:underline dotted var(--ent);text-decoration-thickness:1px;
text-underline-offset:.18em}
.qk-src{text-decoration:underline solid var(--src);text-decoration-thickness:2px;
text-underline-offset:.18em}
.qk-speaker{font-style:normal}
.qk-panel{background:var(--panel);border:1px solid var(--rule);border-radius:6px;
padding:.75rem .9rem;font-size:.88rem;line-height:1.4;position:sticky;top:.75rem}
.qk-group+.qk-group{margin-top:.9rem}
.qk-group h3{margin:0 0 .35rem;font-size:.72rem;text-transform:uppercase;letter-spacing:.08em;
color:var(--muted)}
.qk-n{font-weight:400}
.qk-list{list-style:none;margin:0;padding:0}
.qk-list>li{padding:.3rem 0;border-top:1px solid var(--rule)}
.qk-list>li:first-child{border-top:0}
.qk-list>li:target{background:var(--quote);outline:3px solid var(--quote);}
.qk-row{display:flex;justify-content:space-between;gap:.5rem;align-items:baseline}
.qk-name{font-weight:600}
.qk-count{color:var(--muted);font-size:.8rem;white-space:nowrap}
.qk-meta{display:block;color:var(--muted);font-size:.82rem}
.qk-flag{margin-right:.3rem;font-family:"Noto Color Emoji","Apple Color Emoji",
"Segoe UI Emoji",sans-serif}
.qk-iso{display:inline-block;min-width:2.1em;margin-right:.35rem;padding:0 .25em;
border:1px solid var(--rule);border-radius:3px;font:600 .75rem/1.4 ui-monospace,
"DejaVu Sans Mono",monospace;text-align:center}
.qk-cname{font-weight:600}
.qk-kind,.qk-role,.qk-type{display:inline-block;margin:.15rem .3rem 0 0;padding:0 .4em;
border-radius:.6em;font-size:.75rem;border:1px solid var(--rule);background:var(--bg)}
.qk-role{border-color:var(--src);color:var(--src)}
.qk-type{font-weight:400;color:var(--muted);margin-top:0}
.qk-qlinks{list-style:none;margin:.2rem 0 0;padding:0;font-size:.8rem}
.qk-qlinks li{margin:.1rem 0}
.qk-empty{margin:0;color:var(--muted)}
.qk-swatch{display:inline-block;padding:0 .3em;border-radius:2px}
@media (max-width:700px){
body{font-size:1.0625rem}
.qk-body{grid-template-columns:1fr;gap:1.25rem}
.qk-panel{position:static}
.qk-text p.qk-headline{font-size:1.2em}}
@media print{
:root{--bg:#fff;--fg:#000;--panel:#fff;--link:#000}
body{font-size:10.5pt;background:#fff;color:#000}
mark,.qk-label,.qk-swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.qk-body{grid-template-columns:minmax(0,1fr) 15rem}
.qk-panel{position:static;break-inside:avoid}
.qk-article+.qk-article{break-before:page;border-top:0}
.qk-toc{display:none}
a{text-decoration:none}}
"""

_LEGEND = (
    '<ul class="qk-legend" aria-label="Legend">'
    '<li><mark class="qk-quote qk-swatch">quote</mark> '
    '<span class="qk-label">speaker</span></li>'
    '<li><mark class="qk-quote qk-unattributed qk-swatch">unattributed quote</mark></li>'
    '<li><span class="qk-ent">entity</span></li>'
    '<li><span class="qk-src">news source</span></li></ul>'
)


def render_html(articles: Sequence[Article] | Iterable[Article], title: str = "quotekit") -> str:
    """One self-contained HTML page showing the articles with their quotes marked.

    Each article's text has its quotes highlighted, each labelled with its speaker
    (a link to the side panel) and relay; unattributed quotes are marked as such.
    A side panel lists people, countries, organisations and news sources. No
    external resources, no scripts; everything is escaped.

    articles (Iterable[Article]): the articles, in page order.
    title (str): the page title.
    RETURNS (str): the HTML document.
    """
    articles = list(articles)
    sections = "".join(_article_section(a, n) for n, a in enumerate(articles))
    if not articles:
        sections = '<p class="qk-empty qk-ui">No articles.</p>'
    toc = ""
    if len(articles) > 1:
        toc = (
            '<nav class="qk-toc" aria-label="Articles"><ol>'
            + "".join(
                f'<li><a href="#a{n}">{_e(a.id or f"Article {n + 1}")}</a></li>'
                for n, a in enumerate(articles)
            )
            + "</ol></nav>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="quotekit">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header class="qk-top"><h1>{_e(title)}</h1>{_LEGEND}</header>\n'
        f"<main>{toc}{sections}</main>\n</body>\n</html>\n"
    )
