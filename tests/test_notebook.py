"""quotekit in a notebook: ``Article.__repr__``, ``Article._repr_html_`` and ``quotekit.show``.

Hand-built articles (from tests/test_render.py, hostile payloads included); the
fragment is parsed with the strict tree builder there.
"""

from __future__ import annotations

import re

import attrs
import pytest
from test_render import nasty_article, parse, quote_marks, squash

import quotekit
from quotekit.model import Article, Entity, Mention, Quote, Reported
from quotekit.notebook import ArticlesView


def _long_article() -> Article:
    text = "\u201cWe will sail at dawn,\u201d Captain Ilse Marr said. " + "More words here. " * 400
    at = text.index("Ilse Marr")
    marr = Entity("e0", "PERSON", "Ilse Marr", ("Ilse Marr",), (Mention(at, at + 9, "Ilse Marr"),))
    q = Quote("q0", 0, text.index("\u201d") + 1, "We will sail at dawn,", "full", speaker="e0")
    return Article("harbour-7", text, (q,), (marr,))


def test_repr_is_one_short_line():
    a = _long_article()
    assert len(a.text) > 6000
    r = repr(a)
    assert r == (
        f"<Article id='harbour-7': 1 quotes, 0 reported, 1 entities, 0 sources, "
        f"{len(a.text):,} chars>"
    )
    assert "\n" not in r and "sail" not in r
    assert repr(Article(None, "")).startswith("<Article id=None: 0 quotes")


def test_repr_html_marks_quotes_and_tabulates_them():
    a = nasty_article()
    html = a._repr_html_()
    root = parse(html)
    tags = {n.tag for n in root.iter()}
    # a fragment, inert: no page, no scripts, no element from the payload
    assert not tags & {"html", "body", "head", "script", "img", "b", "link"}
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    section = root.find("section", "qk-nb-article")
    assert section.attrs["data-article-id"] == '<id> & "co"'
    assert "2 quotes" in section.find("header").text()
    # the text reads as written, with each quote marked and holding its exact words
    text_div = root.find("div", "qk-nb-text")
    assert squash(text_div.text(skip_class="qk-label")) == squash(a.text)
    marks = quote_marks(root)
    assert [m.attrs["data-quote-id"] for m in marks] == ["q0", "q1"]
    for q, m in zip(a.quotes, marks):
        assert m.text() == a.text[q.start : q.end]
    # labels name the speaker, without links (there is no side panel to link to)
    label = root.find("span", "qk-label", data_quote_id="q0")
    assert squash(label.text()) == "Marie <Curie>-Dupont via AFP <agency>"
    assert not list(label.find_all("a"))
    # the table: one row per quote; speaker and via resolved to names
    table = root.find("table", "qk-nb-table")
    assert [th.text() for th in table.find_all("th")] == ["id", "quote", "speaker", "via"]
    rows = [[td.text() for td in tr.find_all("td")] for tr in table.find_all("tr") if tr.find_all]
    rows = [r for r in rows if r]
    assert rows == [
        ["q0", "We <b>won</b> & they lost,", "Marie <Curie>-Dupont", "AFP <agency>"],
        ["q1", 'This "is" fine.', "(Someone)", ""],
    ]


def test_notebook_css_is_scoped():
    css = parse(quotekit.show([nasty_article()])._repr_html_()).find("style").text()
    selectors = [s.strip() for rule in re.findall(r"([^{}]+)\{", css) for s in rule.split(",")]
    assert selectors and all(s.startswith(".qk-nb") for s in selectors), selectors


def test_show_many_articles_and_limit():
    a, b = nasty_article(), _long_article()
    view = quotekit.show([a, b])
    assert isinstance(view, ArticlesView) and len(view) == 2 and list(view) == [a, b]
    root = parse(view._repr_html_())
    assert len(list(root.find_all("section", "qk-nb-article"))) == 2
    assert repr(view).splitlines() == ["<2 articles>", f"  {a!r}", f"  {b!r}"]
    # a generator and a single article work too
    assert len(quotekit.show(x for x in [a, b])) == 2 and len(quotekit.show(a)) == 1
    limited = quotekit.show([a, b, a], limit=1)
    root = parse(limited._repr_html_())
    assert len(list(root.find_all("section", "qk-nb-article"))) == 1
    assert "and 2 more articles" in root.find("p", "qk-nb-more").text()
    assert "... and 2 more" in repr(limited)
    # the page view of the same articles
    assert quotekit.show([a]).to_html() == quotekit.render_html([a])
    assert "No articles" in quotekit.show([])._repr_html_()


def test_ids_are_unique_across_outputs():
    # A notebook puts every output in one document: two views must not share an id.
    a = nasty_article()
    ids = []
    for html in (a._repr_html_(), a._repr_html_(), quotekit.show([a, a])._repr_html_()):
        ids += [n.attrs["id"] for n in parse(html).iter() if "id" in n.attrs]
    assert ids and len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "bad, code",
    [
        ({"id": "a", "quotes": [], "entities": [], "sources": []}, "E120"),
        ([{"id": "a"}], "E120"),
        ("some text", "E120"),
        (42, "E120"),
    ],
)
def test_show_rejects_what_is_not_articles(bad, code):
    with pytest.raises(quotekit.QuotekitError, match=code):
        quotekit.show(bad)


@pytest.mark.parametrize("limit", [0, -1, 2.5, True, "3"])
def test_show_rejects_bad_limit(limit):
    with pytest.raises(quotekit.QuotekitError, match="E121"):
        quotekit.show([nasty_article()], limit=limit)


def test_reported_speech_gets_its_own_table_and_mark():
    a = nasty_article()
    start = a.text.index("Someone added")
    r0 = Reported("r0", start, start + 13, "Someone added", speaker="e0", via="s0")
    r1 = Reported("r1", 0, 11, "Tom & Jerry", speaker_mention=Mention(0, 3, "Tom"))
    with_reported = attrs.evolve(a, reported=(r1, r0))
    root = parse(with_reported._repr_html_())
    tables = list(root.find_all("table", "qk-nb-table"))
    assert [t.find("caption").text() for t in tables] == ["Quotes", "Reported speech"]
    assert [th.text() for th in tables[1].find_all("th")] == [
        "id",
        "what was said",
        "speaker",
        "via",
    ]
    rows = [[td.text() for td in tr.find_all("td")] for tr in tables[1].find_all("tr")][1:]
    assert rows == [
        ["r1", "Tom & Jerry", "(Tom)", ""],
        ["r0", "Someone added", "Marie <Curie>-Dupont", "AFP <agency>"],
    ]
    body = list(tables[1].find_all("tr"))[1:]
    assert [tr.attrs["data-reported-id"] for tr in body] == ["r1", "r0"]
    # in the text: marked, labelled "reported", and the text still reads as written
    mark = root.find("span", "qk-reported", data_reported_id="r0")
    assert (
        mark.text() == "Someone added" and mark.attrs["data-speaker-name"] == "Marie <Curie>-Dupont"
    )
    label = root.find("span", "qk-label-reported", data_reported_id="r0")
    assert squash(label.text()) == "reported Marie <Curie>-Dupont via AFP <agency>"
    text_div = root.find("div", "qk-nb-text")
    assert squash(text_div.text(skip_class="qk-label")) == squash(a.text)
    assert "2 reported" in root.find("header").text()
    assert len(list(parse(a._repr_html_()).find_all("table"))) == 1


def test_public_names():
    for name in ("to_frames", "output_schema", "show", "validate_record"):
        assert name in quotekit.__all__ and callable(getattr(quotekit, name))
    assert sorted(quotekit.__all__) == quotekit.__all__
    assert all(hasattr(quotekit, name) for name in quotekit.__all__)
